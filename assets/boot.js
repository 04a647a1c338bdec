// Starts the explorer. An external module (no inline script) so the page works under a strict
// Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
import init from '../pledge.js';

init().catch((error) => {
  const app = document.getElementById('app');
  if (app) {
    app.textContent = 'The explorer could not start in this browser (' + error + '). ' +
      'It needs WebAssembly; the figures are in the table of the article.';
  }
  console.error(error);
});
