// Where the main thread's time goes per slider input, the browser's own work included: a Chrome
// trace (devtools.timeline) of INPUTS inputs on our page and on the uPlot page, summed per phase
// and divided by the inputs. profile.mjs splits the script's time by function; this splits the
// rest (style, layout, paint, commit), which no JavaScript profiler sees.
//
//   cargo xtask dist && npm ci --prefix bench
//   node bench/trace.mjs                 # DIST=dist INPUTS=150
//   THROTTLE=4 node bench/trace.mjs      # on a main thread 4 times slower (compare.mjs)
//   CSS='.x{…}' node bench/trace.mjs     # our page with a style sheet added (CSP bypassed):
//                                        # try a rule before building it in
//
// Each input sets the "Upfront share" slider and dispatches `input`, then waits for the next
// animation frame and a task, so every input's frame (style, layout, paint) lands in the trace.
// Printed: ms per input on the renderer's main thread for each phase, and the phases' sum.
import { requirePeers, serve } from './serve.mjs';
import { addStyle, dragThroughFull, launchChromium, rendererMainThread, throttle, throttleFromEnv, traceDrag } from './chromium.mjs';

requirePeers(); // the uPlot page is measured beside ours
const DIST = process.env.DIST || 'dist';
const INPUTS = +(process.env.INPUTS || 150);
const THROTTLE = throttleFromEnv();
const PHASES = [
  ['script', 'FunctionCall'],
  ['style', 'UpdateLayoutTree'],
  ['layout', 'Layout'],
  ['pre-paint', 'PrePaint'],
  ['paint', 'Paint'],
  ['commit', 'Commit'],
  ['all tasks', 'RunTask'],
];

// EQ=dir: also the embed and the equivalent pages that `EQ=dir node bench/equivalent.mjs` wrote (our
// pages drawn with uPlot, and with our own chart's canvas calls replayed by plain JavaScript).
const EQ = process.env.EQ;
const server = await serve({ dist: DIST, extra: EQ ? [['/eq/', EQ]] : [] });
const browser = await launchChromium();

async function trace(path, css) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: !!css });
  const page = await context.newPage();
  await throttle(page, THROTTLE);
  await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
  await page.waitForSelector('#chart canvas');
  await page.waitForTimeout(1000);
  await addStyle(page, css);
  // As equivalent.mjs: first a drag through 100 % upfront, the state its copies were made in.
  await dragThroughFull(page);
  const { events } = await traceDrag(page, INPUTS, ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink']);
  await context.close();
  const { pid: mainPid, tid: mainTid } = rendererMainThread(events);
  // Some phases nest in themselves (a Paint of the document holds one of its root element):
  // only the outermost of each name counts.
  return PHASES.map(([, name]) => {
    const spans = events.filter((e) => e.pid === mainPid && e.tid === mainTid && e.ph === 'X' && e.dur && e.name === name);
    spans.sort((a, b) => a.ts - b.ts);
    let total = 0;
    let end = -Infinity;
    for (const e of spans) {
      if (e.ts >= end) {
        total += e.dur;
        end = e.ts + e.dur;
      }
    }
    return total / 1000 / INPUTS;
  });
}

const rows = [
  ['ours', await trace('?preset=kr-deal', process.env.CSS)],
  ...(EQ ? [
    ['uplot-full', await trace('eq/full.html')],
    ['ours-embed', await trace('?preset=kr-deal&embed=1', process.env.CSS)],
    ['uplot-embed', await trace('eq/embed.html')],
    ['canvas-full', await trace('eq/canvas-full.html')],
    ['canvas-embed', await trace('eq/canvas-embed.html')],
  ] : []),
  ['uplot', await trace('peers/uplot.html')],
];
console.log(`DIST=${DIST} INPUTS=${INPUTS}${THROTTLE > 1 ? ` THROTTLE=${THROTTLE}` : ''}${process.env.CSS ? ` CSS=${process.env.CSS}` : ''}; ms per input, main thread`);
console.log(['page'.padEnd(12), ...PHASES.map(([label]) => label.padStart(10))].join(''));
for (const [name, ms] of rows) console.log([name.padEnd(12), ...ms.map((x) => x.toFixed(2).padStart(10))].join(''));
await browser.close();
await server.close();
