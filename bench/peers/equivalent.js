// The peer of bench/equivalent.mjs: our page as it stood after a drag (a copy of its DOM and its
// style sheet, without its scripts), with the chart drawn by uPlot, as uplot.html draws it, and
// every other change a slider input makes on our page made here too, from a record of our page
// (replay.js). This page computes no text: it looks each one up, so it does less script per
// input than a page that formats its figures, and the same DOM writes.
import { uplotChart } from './uplot-chart.js';
import { KR_DEAL } from './model.js';
import { restoreCopy } from './replay.js';

const { spec, byEq, show } = await restoreCopy();

// The chart, as uplot.html draws it, at the size of our canvas.
const canvas = byEq.get(spec.canvas);
const host = document.createElement('div');
canvas.replaceWith(host);
const slider = document.getElementById('ctl-upfront');
// The shares our page showed when it was copied (a drag through 100 % upfront leaves the others
// at 0), from its levers; a lever the page does not have keeps the deal's share.
const from = { ...KR_DEAL };
for (const key of ['guarantees', 'loans', 'corporate']) {
  const lever = document.getElementById(`ctl-${key}`);
  if (lever) from[key] = +lever.value;
}
const redraw = uplotChart(host, spec.size, +slider.value, from);
window.__eqShares = redraw.drawn;
slider.addEventListener('input', () => {
  show(slider.value);
  redraw(+slider.value);
});
