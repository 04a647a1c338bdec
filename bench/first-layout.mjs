// What the browser's layout costs before the first chart, and how much of it is finding fonts:
// each font family a machine lacks and each (size, weight) pair a page uses is a lookup that the
// first layout waits for (on Linux, a request to the browser process and a fontconfig query).
//
//   cargo xtask dist && npm ci --prefix bench
//   node bench/first-layout.mjs             # DIST=dist LOADS=6 (per page, each in a fresh context)
//
// Per load, a Chrome trace (devtools.timeline and the fonts category) from navigation to the
// first drawn chart (our `chart-drawn` event; the peer's after-draw hook) on the renderer's main
// thread: the summed duration of `Layout` events, and the font lookups inside them:
//   families   family names looked up (`onMatchFamilyStyle`), found or not
//   strikes    fonts at a new (size, weight, style) (`GetWebFontRenderStyleForStrike`)
//   fallbacks  searches for a font with a character the named ones lack (`FallbackFontForCharacter`)
// Counts are the same from load to load; times are medians and move with the machine's load.
// Tracing slows the page, so these times are not comparable with first-load.mjs's.
import { requirePeers, serve } from './serve.mjs';
import { launchChromium, median } from './chromium.mjs';

requirePeers(); // the uPlot page is measured beside ours
const DIST = process.env.DIST || 'dist';
const LOADS = +(process.env.LOADS || 6);
const PAGES = ['?preset=kr-deal', '?preset=kr-deal&embed=1', 'peers/uplot.html'];
const CATEGORIES = 'devtools.timeline,fonts,disabled-by-default-fonts';

const server = await serve({ dist: DIST });
const browser = await launchChromium();

async function load(p) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__drawn = new Promise((resolve) =>
      document.addEventListener('chart-drawn', () => resolve(), { once: true, capture: true }));
  });
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await page.goto(new URL(p, server.url).href);
  await page.waitForFunction(() => window.__drawn.then(() => true), null, { timeout: 15000 });
  // Mark the moment of the first drawing in the trace, then stop.
  await page.evaluate(() => console.timeStamp('first-layout-bench-drawn'));
  await cdp.send('Tracing.end');
  await complete;
  await context.close();

  // The renderer's main thread is the one that lays out.
  const perThread = new Map();
  for (const e of events) if (e.name === 'Layout') perThread.set(`${e.pid}:${e.tid}`, (perThread.get(`${e.pid}:${e.tid}`) || 0) + 1);
  const [main] = [...perThread.entries()].sort((a, b) => b[1] - a[1])[0] || [];
  const onMain = (e) => `${e.pid}:${e.tid}` === main;
  const end = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'first-layout-bench-drawn')?.ts ?? Infinity;
  const layouts = events.filter((e) => onMain(e) && e.name === 'Layout' && e.ph === 'X' && e.ts < end);
  const inLayout = (e) => onMain(e) && e.ph === 'X' && layouts.some((l) => e.ts >= l.ts && e.ts <= l.ts + l.dur);
  const count = (name) => events.filter((e) => e.name.endsWith(name) && inLayout(e)).length;
  return {
    layout: layouts.reduce((sum, e) => sum + e.dur, 0) / 1000,
    families: count('onMatchFamilyStyle'),
    strikes: count('GetWebFontRenderStyleForStrike'),
    fallbacks: count('FallbackFontForCharacter'),
    names: [...new Set(events.filter((e) => e.args?.family_name && inLayout(e)).map((e) => e.args.family_name))],
  };
}

const results = Object.fromEntries(PAGES.map((p) => [p, []]));
for (let i = 0; i < LOADS; i++) for (const p of PAGES) results[p].push(await load(p));
await browser.close();
await server.close();

console.log(`DIST=${DIST} LOADS=${LOADS}; layout before the first chart: median ms; font lookups in it (median count)`);
for (const p of PAGES) {
  const r = results[p];
  const m = (k) => median(r.map((x) => x[k]));
  console.log(`${p.padEnd(26)} layout ${m('layout').toFixed(1).padStart(6)} ms  families ${m('families')}  ` +
    `strikes ${m('strikes')}  fallbacks ${m('fallbacks')}  (${r[0].names.join(', ')})`);
}
