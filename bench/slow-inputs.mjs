// What the slowest slider inputs have that the typical ones do not, on our page and on uPlot's:
// a Chrome trace of INPUTS inputs, each between two User Timing marks, and for every trace event
// on the renderer's main thread its mean time per input in the middle fifth of inputs (by
// update time) and in the slowest twentieth (the ones the p95 is made of).
//
//   cargo xtask dist && npm ci --prefix bench
//   node bench/slow-inputs.mjs            # DIST=dist INPUTS=300 Q='?preset=kr-deal'
//
// Each input is timed as compare.mjs times an update (the value set and `input` dispatched, to
// the next `chart-drawn` plus a forced layout), then waits for a frame and a task. The first 15
// are left out (warm-up). Events nest (FunctionCall holds v8.callFunction, Layout holds its
// parts), so the rows overlap: read them one against another, not as a sum.
import { requirePeers, serve } from './serve.mjs';
import { launchChromium, rendererMainThread } from './chromium.mjs';

requirePeers(); // the uPlot page is measured beside ours
const DIST = process.env.DIST || 'dist';
const INPUTS = +(process.env.INPUTS || 300);
const WARM_UP = 15;
const CATEGORIES = ['devtools.timeline', 'v8', 'disabled-by-default-v8.gc', 'blink.user_timing', 'v8.wasm', 'blink'];

const server = await serve({ dist: DIST });
const browser = await launchChromium();

async function run(path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
  await page.waitForSelector('#chart canvas');
  await page.waitForTimeout(1000);
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  const times = await page.evaluate(async (n) => {
    const slider = document.querySelector('#ctl-upfront');
    const chart = document.querySelector('#chart');
    const out = [];
    for (let i = 0; i < n; i++) {
      const drawn = new Promise((resolve) => chart.addEventListener('chart-drawn', resolve, { once: true }));
      performance.mark(`in${i}`);
      const t0 = performance.now();
      slider.value = String(1 + ((i * 7) % 100));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await drawn;
      document.body.getBoundingClientRect();
      out.push(performance.now() - t0);
      performance.mark(`out${i}`);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  }, INPUTS);
  await cdp.send('Tracing.end');
  await complete;
  await context.close();

  const marks = {};
  for (const e of events) if (e.cat?.includes('user_timing') && /^(in|out)\d+$/.test(e.name)) marks[e.name] = e.ts;
  const thread = rendererMainThread(events);
  const spans = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur);
  const inputs = [];
  for (let i = WARM_UP; i < INPUTS; i++) {
    const [from, to] = [marks[`in${i}`], marks[`out${i}`]];
    if (from === undefined || to === undefined) continue;
    const ms = {};
    for (const e of spans) if (e.ts >= from && e.ts + e.dur <= to) ms[e.name] = (ms[e.name] || 0) + e.dur / 1000;
    inputs.push({ time: times[i], ms });
  }
  inputs.sort((a, b) => a.time - b.time);
  const middle = inputs.slice(Math.floor(inputs.length * 0.4), Math.floor(inputs.length * 0.6));
  const slowest = inputs.slice(Math.floor(inputs.length * 0.95));
  const mean = (group, f) => group.reduce((s, x) => s + f(x), 0) / group.length;
  const names = [...new Set(inputs.flatMap((x) => Object.keys(x.ms)))];
  const rows = names
    .map((name) => [name, mean(middle, (x) => x.ms[name] || 0), mean(slowest, (x) => x.ms[name] || 0)])
    .filter(([, m, s]) => m >= 0.01 || s >= 0.01)
    .sort((a, b) => b[2] - b[1] - (a[2] - a[1]));
  const at = (q) => inputs[Math.min(inputs.length - 1, Math.floor(q * inputs.length))].time.toFixed(2);
  console.log(`\n${path}: update p50 ${at(0.5)} ms, p95 ${at(0.95)} ms; ms per input, middle fifth · slowest twentieth`);
  for (const [name, m, s] of rows.slice(0, +(process.env.TOP || 16))) console.log(`  ${name.padEnd(40)} ${m.toFixed(2).padStart(6)} ${s.toFixed(2).padStart(6)}`);
  console.log(`  ${'update time'.padEnd(40)} ${mean(middle, (x) => x.time).toFixed(2).padStart(6)} ${mean(slowest, (x) => x.time).toFixed(2).padStart(6)}`);
}

console.log(`DIST=${DIST} INPUTS=${INPUTS}`);
await run(process.env.Q || '?preset=kr-deal');
await run('peers/uplot.html');
await browser.close();
await server.close();
