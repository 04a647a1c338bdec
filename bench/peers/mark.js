// How a peer page tells the benchmark that its chart was drawn: a `chart-drawn` event on #chart,
// dispatched from the library's own after-draw hook (uPlot `hooks.draw`, Chart.js plugin
// `afterRender`), so the mark is set when the canvas pixels are written, not when the call is made.
export function markDrawn() {
  const chart = document.getElementById('chart');
  window.__drawCount = (window.__drawCount || 0) + 1;
  chart.dispatchEvent(new Event('chart-drawn', { bubbles: true }));
}
