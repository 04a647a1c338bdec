// Starts the explorer. An external module (no inline script) so the page works under a strict
// Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
import init from '../pledge.js';

// A chart download's SVG comes from a module of its own (src/bin/pledge-svg.rs, the CLI's
// drawing code), imported from this origin when a reader is about to download a chart, so the
// page's first load does not carry it. The page calls these (src/web/share.rs).
let chartModule;
const loadChartModule = () => {
  chartModule ??= import('../pledge_svg.js')
    .then(async (module) => { await module.default(); return module; })
    .catch((error) => { chartModule = undefined; throw error; }); // offline: try again next time
  return chartModule;
};
globalThis.pledgeExplorer = {
  // The pointer or the focus reached the download buttons: start loading.
  prepareChartSvg() { loadChartModule().catch(() => {}); },
  async chartSvg(query) { return (await loadChartModule()).chart_svg(query); },
};

init().catch((error) => {
  const app = document.getElementById('app');
  if (app) {
    app.textContent = 'The explorer could not start in this browser (' + error + '). ' +
      'It needs WebAssembly; the figures are in the table of the article.';
  }
  console.error(error);
});
