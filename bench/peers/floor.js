// Added by bench/equivalent.mjs (FLOOR=dir) to our page built with
// bench/experiments/chart-only.patch, whose slider input draws the chart and its readout and
// reaches no Yew render. This writes the rest of what an input changes on the shipped page,
// looked up in the record (replay.js), so the page shows what the shipped one shows: what an
// input would cost if a drag left Yew and its texts cost nothing to make. The page's elements
// are tagged in document order, as the record tagged the shipped page's.
import { replayer, tagged } from './replay.js';

document.querySelectorAll('body *').forEach((el, i) => el.setAttribute('data-eq', String(i)));
const spec = await (await fetch(window.__eqSpec)).json();
const show = replayer(spec, tagged());
const slider = document.getElementById('ctl-upfront');
// On the window, so that it runs after the page's own handler (Yew listens at the page's
// root): the chart is drawn first, as on the shipped page, and these writes do not sit
// between the handler's read of the chart's width and its drawing (a second layout).
window.addEventListener('input', (e) => { if (e.target === slider) show(slider.value); });
window.__floorReady = true;
