// Where a slider input's time goes in the explorer: per-input timings and a CPU profile.
//
//   cargo xtask dist && npm ci --prefix bench
//   node bench/profile.mjs                 # DIST=dist Q='?preset=kr-deal' INPUTS=300 THROTTLE=1
//
// 1. Timings: INPUTS inputs of the "Upfront share" slider, each timed from the `input` event to
//    the chart's `chart-drawn` event, and to the next animation frame; prints how many inputs
//    missed a frame (next frame later than 18 ms), split into the first 15 (warm-up) and the rest.
// 2. Profile: 200 more inputs under the Chrome DevTools CPU profiler (100 µs sampling), printed
//    as time per input by script (wasm, JS glue, the browser's own work), the functions with
//    the most self time, and the wasm's functions with the most total time (their callees'
//    included, each sample counted once per function on its stack: TOP=25 lines each).
//    Wasm function names need a build that keeps them:
//      cp -r dist /tmp/named && wasm-bindgen --keep-debug --target web --no-typescript \
//        --out-name pledge --out-dir /tmp/named target/wasm32-unknown-unknown/release/pledge-web.wasm
//      DIST=/tmp/named node bench/profile.mjs
import { requirePeers, serve } from './serve.mjs';
import { dragUpfront, launchChromium, median, throttle, throttleFromEnv, timeInputs } from './chromium.mjs';

const DIST = process.env.DIST || 'dist';
const Q = process.env.Q || '?preset=kr-deal';
if (Q.startsWith('peers/')) requirePeers(); // a peer page (Q=peers/uplot.html) needs its library
const INPUTS = +(process.env.INPUTS || 300);
const PROFILED = 200;

// EQ=dir serves the pages `EQ=dir node bench/equivalent.mjs` wrote (Q=eq/embed.html).
const server = await serve({ dist: DIST, extra: process.env.EQ ? [['/eq/', process.env.EQ]] : [] });
const browser = await launchChromium();
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await throttle(page, throttleFromEnv());
page.on('console', (m) => { if (m.type() === 'error') console.error(`console: ${m.text()}`); });
await page.goto(new URL(Q, server.url).href, { waitUntil: 'load' });
await page.waitForSelector('#chart canvas');
await page.waitForTimeout(1000);

// Inputs walk the slider through 1..100 in steps of 7 (never the same value twice running).
const timings = await timeInputs(page, INPUTS);
const late = (xs) => xs.filter((t) => t.frame > 18).length;
console.log(`${INPUTS} inputs: input -> chart drawn median ${median(timings.map((t) => t.drawn)).toFixed(1)} ms; ` +
  `next frame later than 18 ms: ${late(timings.slice(0, 15))} of the first 15, ${late(timings.slice(15))} of the other ${INPUTS - 15}`);

const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await dragUpfront(page, PROFILED);
const { profile } = await cdp.send('Profiler.stop');
await browser.close();
await server.close();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
profile.samples.forEach((id, i) => {
  const { functionName, url } = byId.get(id).callFrame;
  const key = `${functionName || '(anonymous)'}\t${url.split('/').pop() || '(browser)'}`;
  self.set(key, (self.get(key) || 0) + (profile.timeDeltas[i] || 0));
});
const perInput = (us) => (us / 1000 / PROFILED).toFixed(2).padStart(6);
const byScript = new Map();
for (const [key, us] of self) {
  const script = key.split('\t')[1];
  if (!key.startsWith('(idle)')) byScript.set(script, (byScript.get(script) || 0) + us);
}
console.log(`\nCPU profile, ${PROFILED} inputs; ms per input by script ("(browser)": style, layout, paint, DOM):`);
for (const [script, us] of [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`${perInput(us)}  ${script}`);
console.log('\nmost self time, ms per input:');
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, +(process.env.TOP || 25))) {
  if (!key.startsWith('(idle)')) console.log(`${perInput(us)}  ${key.replace('\t', '  ').slice(0, 140)}`);
}

// Total time: a sample counts for every function on its stack (once each, however deep it recurs).
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const total = new Map();
profile.samples.forEach((id, i) => {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const { functionName, url } = byId.get(at).callFrame;
    if (url.endsWith('.wasm')) seen.add(functionName);
  }
  for (const f of seen) total.set(f, (total.get(f) || 0) + (profile.timeDeltas[i] || 0));
});
console.log('\nwasm functions with the most total time (callees included), ms per input:');
for (const [f, us] of [...total].sort((a, b) => b[1] - a[1]).slice(0, +(process.env.TOP || 25))) {
  console.log(`${perInput(us)}  ${f.slice(0, 140)}`);
}
