// The explorer's Korean-deal chart drawn with uPlot: stacked yearly bars by instrument and the
// dashed FX-limit line. uPlot does not stack; each bar series is the running sum up to its
// instrument, drawn top of the stack first so the lower ones paint over it. Shared by uplot.html
// (the chart and a slider) and equivalent.js (the chart inside a copy of our page).
import { KR_DEAL, withUpfront, schedule, SEGMENTS, LIMIT_LABEL, TITLE } from './model.js';
import { markDrawn } from './mark.js';

/* global uPlot */
const TOP_FIRST = [...SEGMENTS].reverse();

function data(s) {
  const sch = schedule(s);
  const sums = [];
  let acc = sch.years.map(() => 0);
  for (const seg of SEGMENTS) {
    acc = acc.map((a, i) => a + sch.series[seg.key][i]);
    sums.push(acc);
  }
  return [sch.years, ...sums.reverse(), sch.years.map(() => sch.limit)];
}

/** Draws the chart for `upfront` percent of scenario `from` (the Korean deal unless given) into
 * `host`, `width` × `height` CSS px in all (uPlot's title and two legend rows take 100 of the
 * height); returns `(upfront) => void`, which draws it again. Each input gives way from the
 * scenario drawn last, as the explorer's reducer does from its current one, so after the same
 * drag the bars are the explorer's. Each drawing ends in a `chart-drawn` event on #chart
 * (mark.js). */
export function uplotChart(host, { width, height }, upfront, from = KR_DEAL) {
  let drawn = withUpfront(from, upfront);
  const bars = uPlot.paths.bars({ size: [0.7, 100] });
  const plot = new uPlot({
    title: TITLE,
    width,
    height: height - 100,
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
  }, data(drawn), host);
  const redraw = (value) => {
    drawn = withUpfront(drawn, value);
    plot.setData(data(drawn));
  };
  // For equivalent.mjs's check: the shares the bars were last drawn with.
  redraw.drawn = () => ({ ...drawn });
  return redraw;
}
