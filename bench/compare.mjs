// One command, four pages, the same measurements: the explorer (Korean deal), its embed URL, and
// the same chart drawn with uPlot and with Chart.js (bench/peers/). Prints a table and writes
// artifacts/bench.json.
//
//   npm ci --prefix bench                      # uPlot, Chart.js, playwright-core (pinned)
//   DIST=/work/bench-dist node bench/compare.mjs   # DIST defaults to `dist`; RUNS=7 INPUTS=300
//   THROTTLE=4 node bench/compare.mjs              # every page on a CPU 4 times slower (a phone)
//
// What is timed (performance.now() in the page, origin = navigation start):
// - transfer: every response body of the first load, raw and gzip -9 (computed here, not what the
//   server sent: the server sends no compression).
// - first chart: when a MutationObserver first sees the page's chart element (`#chart canvas`
//   on every page) and the page's after-draw signal has fired: a `chart-drawn` event, which our
//   chart view dispatches after plotters has drawn on its canvas and the peer pages dispatch from
//   their libraries' after-draw hooks (uPlot inserts its canvas before drawing into it, a
//   microtask later). "first frame" is the first requestAnimationFrame callback after that: the
//   frame the chart can first be painted in.
// - update, per slider input (the value set and an `input` event dispatched in the page): from
//   just before the dispatch until the next `chart-drawn` event, then a forced layout of the page
//   (getBoundingClientRect), which for ours includes every other panel the input changed
//   (figures, readouts, narration, map ring). The inputs come without a `change` event, so the
//   run is one long drag: the panels below the controls (answers, table, share panel, notes)
//   keep the scenario from before it, as they do for a reader dragging a slider (they catch up
//   on release or a 150 ms pause). Before that behaviour (first session of 2026-11-29) they
//   re-rendered on every input, so its update times are not comparable. Chart.js draws synchronously in update() with
//   animation off, uPlot in a microtask after setData. (The `mutation` mode, the first DOM
//   mutation under #chart, remains for a page whose chart is inline SVG.)
// - next frame: from the same start to the first requestAnimationFrame callback after the update:
//   the frame in which the new chart is painted (rAF runs before that frame's paint, so paint and
//   compositing themselves are not included). Bound to the display clock, so it moves in steps.
// The next input is sent only after that frame.
// - THROTTLE=n (default 1): Chromium runs each page's main thread n times slower
//   (`Emulation.setCPUThrottlingRate`, what Lighthouse uses for its phone runs, at 4). On this
//   machine every page finishes an input well inside a frame, so "next frame" is the same for
//   all; on a slower CPU the page that does more per input is the one that misses frames.
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { requirePeers, serve } from './serve.mjs';
import { launchChromium, percentile as pct, throttle, throttleFromEnv } from './chromium.mjs';

const DIST = process.env.DIST || 'dist';
const RUNS = +(process.env.RUNS || 7);
const INPUTS = +(process.env.INPUTS || 300);
const OUT = process.env.OUT || 'artifacts/bench.json';
requirePeers();
const THROTTLE = throttleFromEnv();

if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error(`no ${DIST}/index.html: build it (cargo xtask dist) or set DIST`);
  process.exit(2);
}

const TARGETS = [
  { name: 'ours', path: '?preset=kr-deal', chart: '#chart canvas', update: 'event' },
  { name: 'ours-embed', path: '?preset=kr-deal&embed=1', chart: '#chart canvas', update: 'event' },
  { name: 'uplot', path: 'peers/uplot.html', chart: '#chart canvas', update: 'event' },
  { name: 'chartjs', path: 'peers/chartjs.html', chart: '#chart canvas', update: 'event' },
];
const PEERS = ['uplot', 'chartjs'];

// The machine is shared (2 cores): record its load so a noisy run can be recognised.
const loadBefore = os.loadavg().map((x) => +x.toFixed(2));
const server = await serve({ dist: DIST });
// playwright's launch() gives the browser a fresh temporary user-data-dir; every page load below
// gets a fresh context too (empty HTTP cache, no favicon cache): each load is a first visit.
const browser = await launchChromium();
const VIEWPORT = { width: 1280, height: 900 };
const userAgent = await (async () => {
  const ctx = await browser.newContext();
  const ua = await (await ctx.newPage()).evaluate(() => navigator.userAgent);
  await ctx.close();
  return ua;
})();

const r1 = (x) => +x.toFixed(1);
const r2 = (x) => +x.toFixed(2);

async function openPage(target, problems) {
  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await throttle(page, THROTTLE);
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  // Off-host requests are recorded, not intercepted: routing every request through Playwright
  // adds a round trip to the driver for each fetch, and with it this script did not show a
  // first-load change that bench/first-load.mjs measured (bench/README.md, third session). The
  // pages' Content-Security-Policy ('self') blocks such requests anyway; the browser tests refuse
  // them.
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.hostname !== '127.0.0.1') problems.push(`off-host request: ${url.href}`);
  });
  await page.addInitScript(({ selector, needsDrawEvent }) => {
    const marks = {};
    window.__bench = marks;
    const settle = () => {
      if (marks.chart !== undefined || marks.seen === undefined || (needsDrawEvent && marks.drawn === undefined)) return;
      marks.chart = performance.now();
      requestAnimationFrame(() => { marks.frame = performance.now(); });
    };
    new MutationObserver((_, obs) => {
      if (document.querySelector(selector)) { marks.seen = performance.now(); obs.disconnect(); settle(); }
    }).observe(document, { subtree: true, childList: true });
    if (needsDrawEvent) {
      document.addEventListener('chart-drawn', () => { if (marks.drawn === undefined) marks.drawn = performance.now(); settle(); }, true);
    }
  }, { selector: target.chart, needsDrawEvent: target.update === 'event' });
  return page;
}

async function loadOnce(target, wantBytes, problems) {
  const page = await openPage(target, problems);
  const pending = [];
  if (wantBytes) {
    page.on('response', (r) => pending.push(r.body().then(
      (b) => ({ file: new URL(r.url()).pathname, raw: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length }), () => null)));
  }
  await page.goto(new URL(target.path, server.url).href, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.frame !== undefined, null, { timeout: 15000 });
  const marks = await page.evaluate(() => window.__bench);
  await page.waitForTimeout(500); // late requests (the favicon) are part of the transfer too
  const files = wantBytes ? (await Promise.all(pending)).filter(Boolean) : null;
  await page.context().close();
  return { marks, files };
}

async function inputLatency(target, problems) {
  const page = await openPage(target, problems);
  await page.goto(new URL(target.path, server.url).href, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.frame !== undefined, null, { timeout: 15000 });
  await page.waitForTimeout(300);
  const result = await page.evaluate(async ({ n, mode }) => {
    const slider = document.querySelector('#ctl-upfront');
    const chart = document.querySelector('#chart');
    const update = [];
    const frame = [];
    let timeouts = 0;
    for (let i = 0; i < n; i++) {
      const changed = new Promise((resolve) => {
        let done = false;
        const finish = (ok) => { if (done) return; done = true; if (!ok) timeouts++; cleanup(); resolve(); };
        const obs = new MutationObserver(() => finish(true));
        const onDrawn = () => finish(true);
        const timer = setTimeout(() => finish(false), 1000);
        const cleanup = () => { obs.disconnect(); chart.removeEventListener('chart-drawn', onDrawn); clearTimeout(timer); };
        if (mode === 'mutation') obs.observe(chart, { subtree: true, childList: true, characterData: true, attributes: true });
        else chart.addEventListener('chart-drawn', onDrawn);
      });
      const t0 = performance.now();
      slider.value = String(1 + ((i * 7) % 100)); // never 0, never the same twice running
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await changed;
      chart.getBoundingClientRect(); // force style and layout of the new chart
      update.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(() => r()));
      frame.push(performance.now() - t0);
    }
    return { update, frame, timeouts };
  }, { n: INPUTS, mode: target.update });
  await page.context().close();
  return result;
}

const results = Object.fromEntries(TARGETS.map((t) => [t.name, { url: t.path, problems: [], loads: [] }]));
// Loads interleaved (ours, embed, uPlot, Chart.js, ours, …) so drift on the machine hits all alike.
for (let run = 0; run < RUNS; run++) {
  for (const t of TARGETS) {
    const r = results[t.name];
    const { marks, files } = await loadOnce(t, run === 0, r.problems);
    r.loads.push(marks);
    if (files) r.files = files;
  }
}
for (const t of TARGETS) results[t.name].latency = await inputLatency(t, results[t.name].problems);
await browser.close();
await server.close();

const summary = {};
for (const t of TARGETS) {
  const r = results[t.name];
  const lat = r.latency;
  summary[t.name] = {
    url: t.path,
    chart_selector: t.chart,
    update_signal: t.update === 'mutation' ? 'first DOM mutation under #chart' : 'library after-draw hook (chart-drawn event)',
    transfer: {
      raw: r.files.reduce((a, f) => a + f.raw, 0),
      gzip: r.files.reduce((a, f) => a + f.gzip, 0),
      files: r.files,
    },
    first_chart_ms: { median: r1(pct(r.loads.map((m) => m.chart), 0.5)), runs: r.loads.map((m) => r1(m.chart)) },
    first_frame_ms: { median: r1(pct(r.loads.map((m) => m.frame), 0.5)), runs: r.loads.map((m) => r1(m.frame)) },
    update_ms: { inputs: INPUTS, p50: r2(pct(lat.update, 0.5)), p95: r2(pct(lat.update, 0.95)), max: r2(Math.max(...lat.update)) },
    next_frame_ms: { inputs: INPUTS, p50: r2(pct(lat.frame, 0.5)), p95: r2(pct(lat.frame, 0.95)), max: r2(Math.max(...lat.frame)) },
    timeouts: lat.timeouts,
    problems: [...new Set(r.problems)],
  };
}
const METRICS = [
  ['gzip bytes', (s) => s.transfer.gzip],
  ['first chart', (s) => s.first_chart_ms.median],
  ['first frame', (s) => s.first_frame_ms.median],
  ['update p50', (s) => s.update_ms.p50],
  ['update p95', (s) => s.update_ms.p95],
  ['next frame p50', (s) => s.next_frame_ms.p50],
  ['next frame p95', (s) => s.next_frame_ms.p95],
];
const ratios = {};
for (const ours of ['ours', 'ours-embed']) {
  for (const peer of PEERS) {
    ratios[`${ours}/${peer}`] = Object.fromEntries(METRICS.map(([m, f]) => [m, r2(f(summary[ours]) / f(summary[peer]))]));
  }
}
const report = {
  date: new Date().toISOString(),
  command: `DIST=${DIST} RUNS=${RUNS} INPUTS=${INPUTS}${THROTTLE > 1 ? ` THROTTLE=${THROTTLE}` : ''} node bench/compare.mjs`,
  cpu_throttling: THROTTLE,
  user_agent: userAgent,
  viewport: '1280x900',
  loadavg_1_5_15: { before: loadBefore, after: os.loadavg().map((x) => +x.toFixed(2)) },
  summary,
  ratios,
};
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, JSON.stringify(report, null, 2) + '\n');

const pad = (s, n) => String(s).padStart(n);
console.log(`${report.date}  ${report.command}  (load average before ${loadBefore.join(' ')}, after ${report.loadavg_1_5_15.after.join(' ')})`);
console.log(`${'page'.padEnd(11)} ${pad('raw B', 8)} ${pad('gzip B', 8)} ${pad('1st chart', 10)} ${pad('1st frame', 10)}` +
  ` ${pad('upd p50', 8)} ${pad('upd p95', 8)} ${pad('upd max', 8)} ${pad('frm p50', 8)} ${pad('frm p95', 8)} ${pad('frm max', 8)}`);
for (const [name, s] of Object.entries(summary)) {
  console.log(`${name.padEnd(11)} ${pad(s.transfer.raw, 8)} ${pad(s.transfer.gzip, 8)} ${pad(s.first_chart_ms.median, 10)}` +
    ` ${pad(s.first_frame_ms.median, 10)} ${pad(s.update_ms.p50, 8)} ${pad(s.update_ms.p95, 8)} ${pad(s.update_ms.max, 8)}` +
    ` ${pad(s.next_frame_ms.p50, 8)} ${pad(s.next_frame_ms.p95, 8)} ${pad(s.next_frame_ms.max, 8)}`);
}
console.log('(times in ms; first chart/frame: median of ' + RUNS + ' loads; update/frame: ' + INPUTS + ' inputs)');
console.log(`${'ratio'.padEnd(20)} ${METRICS.map(([m]) => pad(m, 14)).join(' ')}`);
for (const [name, r] of Object.entries(ratios)) {
  console.log(`${name.padEnd(20)} ${METRICS.map(([m]) => pad(r[m], 14)).join(' ')}`);
}
for (const [name, s] of Object.entries(summary)) {
  if (s.timeouts) console.log(`${name}: ${s.timeouts} inputs saw no chart change within 1 s`);
  for (const p of s.problems) console.log(`${name}: ${p}`);
}
console.log(`written: ${OUT}`);
