// Starts the explorer. An external module (no inline script) so the page works under a strict
// Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
import init from '../pledge.js';

// A chart download's SVG comes from a module of its own (src/bin/pledge-svg.rs, the CLI's
// drawing code), imported from this origin the first time a reader downloads a chart, so the
// page's first load does not carry it. The page calls this (src/web/share.rs).
globalThis.pledgeExplorer = {
  async chartSvg(query) {
    const chart = await import('../pledge_svg.js');
    await chart.default();
    return chart.chart_svg(query);
  },
};

init().catch((error) => {
  const app = document.getElementById('app');
  if (app) {
    app.textContent = 'The explorer could not start in this browser (' + error + '). ' +
      'It needs WebAssembly; the figures are in the table of the article.';
  }
  console.error(error);
});
