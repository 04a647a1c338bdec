// The explorer's Korean-deal chart drawn with Chart.js: stacked yearly bars by instrument and the
// dashed FX-limit line. Animation is off, so `update()` draws synchronously (Chart.js would
// otherwise tween every change over 1 s, and there would be no single "drawn" moment to time).
import { KR_DEAL, withUpfront, schedule, SEGMENTS, LIMIT_LABEL, TITLE } from './model.js';
import { markDrawn } from './mark.js';

/* global Chart */
const chartEl = document.getElementById('chart');
const slider = document.getElementById('ctl-upfront');
const output = document.getElementById('upfront-value');

// Created here, not in the HTML, so `#chart canvas` appears only when the chart is drawn.
const canvas = document.createElement('canvas');
canvas.width = 884;
canvas.height = 495;
canvas.setAttribute('aria-label', TITLE);
chartEl.appendChild(canvas);

// The scenario drawn last: each input gives way from it, as the explorer's reducer does.
let drawn = withUpfront(KR_DEAL, +slider.value);
const first = schedule(drawn);
const chart = new Chart(canvas, {
  type: 'bar',
  data: {
    labels: first.years,
    datasets: [
      ...SEGMENTS.map((seg) => ({ label: seg.label, data: first.series[seg.key], backgroundColor: seg.colour, stack: 'pledge' })),
      {
        type: 'line', label: LIMIT_LABEL, data: first.years.map(() => first.limit), stack: 'limit',
        borderColor: 'rgb(28, 28, 30)', borderWidth: 1.5, borderDash: [6, 4], pointRadius: 0,
      },
    ],
  },
  options: {
    responsive: false,
    animation: false,
    events: [],
    scales: {
      x: { stacked: true },
      y: { stacked: true, beginAtZero: true, title: { display: true, text: 'USD bn per year' } },
    },
    plugins: { title: { display: true, text: TITLE }, tooltip: { enabled: false } },
  },
  plugins: [{ id: 'bench-mark', afterRender: markDrawn }],
});

slider.addEventListener('input', () => {
  output.textContent = `${slider.value}%`;
  drawn = withUpfront(drawn, +slider.value);
  const sch = schedule(drawn);
  SEGMENTS.forEach((seg, i) => { chart.data.datasets[i].data = sch.series[seg.key]; });
  chart.update();
});
