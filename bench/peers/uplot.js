// The uPlot peer page: the explorer's Korean-deal chart (uplot-chart.js) and one slider.
import { uplotChart } from './uplot-chart.js';

const slider = document.getElementById('ctl-upfront');
const output = document.getElementById('upfront-value');
const redraw = uplotChart(document.getElementById('chart'), { width: 884, height: 495 }, +slider.value);
slider.addEventListener('input', () => {
  output.textContent = `${slider.value}%`;
  redraw(+slider.value);
});
