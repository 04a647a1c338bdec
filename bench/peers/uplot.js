// The explorer's Korean-deal chart drawn with uPlot: stacked yearly bars by instrument and the
// dashed FX-limit line. uPlot does not stack; each bar series is the running sum up to its
// instrument, drawn top of the stack first so the lower ones paint over it.
import { KR_DEAL, withUpfront, schedule, SEGMENTS, LIMIT_LABEL, TITLE } from './model.js';
import { markDrawn } from './mark.js';

/* global uPlot */
const chartEl = document.getElementById('chart');
const slider = document.getElementById('ctl-upfront');
const output = document.getElementById('upfront-value');
const TOP_FIRST = [...SEGMENTS].reverse();

function data(upfront) {
  const sch = schedule(withUpfront(KR_DEAL, upfront));
  const sums = [];
  let acc = sch.years.map(() => 0);
  for (const seg of SEGMENTS) {
    acc = acc.map((a, i) => a + sch.series[seg.key][i]);
    sums.push(acc);
  }
  return [sch.years, ...sums.reverse(), sch.years.map(() => sch.limit)];
}

const bars = uPlot.paths.bars({ size: [0.7, 100] });
const opts = {
  title: TITLE,
  width: 884,
  height: 495 - 100, // uPlot's height is the canvas's; its title and two legend rows take the rest
  cursor: { show: false },
  legend: { live: false },
  scales: {
    x: { time: false, range: (u, min, max) => [min - 0.5, max + 0.5] },
    y: { range: (u, min, max) => [0, Math.max(25, max * 1.1)] },
  },
  axes: [
    { incrs: [1], values: (u, vals) => vals.map(String) },
    { label: 'USD bn per year' },
  ],
  series: [
    { label: 'Year' },
    ...TOP_FIRST.map((seg) => ({ label: seg.label, fill: seg.colour, stroke: seg.colour, width: 0, paths: bars, points: { show: false } })),
    { label: LIMIT_LABEL, stroke: 'rgb(28, 28, 30)', width: 1.5, dash: [6, 4], points: { show: false } },
  ],
  hooks: { draw: [markDrawn] },
};

const plot = new uPlot(opts, data(+slider.value), chartEl);
slider.addEventListener('input', () => {
  output.textContent = `${slider.value}%`;
  plot.setData(data(+slider.value));
});
