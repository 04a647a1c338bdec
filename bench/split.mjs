// compare.mjs's "update" in its two parts, per slider input: from the `input` event to the
// chart's `chart-drawn` event (script: for ours Yew's render and the chart's drawing, for uPlot
// setData and its drawing), then the forced layout after it (getBoundingClientRect: every text
// the input changed, laid out). The full page, the embed and the uPlot page, one after another.
//
//   cargo xtask dist && npm ci --prefix bench
//   node bench/split.mjs            # DIST=dist INPUTS=300; CSS='.x{…}' adds a style sheet to ours
//
// Times are performance.now() in the page, which Chromium rounds to 0.1 ms here.
import { requirePeers, serve } from './serve.mjs';
import { addStyle, launchChromium, percentile as pct, timeInputs } from './chromium.mjs';
requirePeers();
const server = await serve({ dist: process.env.DIST || 'dist' });
const browser = await launchChromium();
const fmt = (xs) => `${pct(xs, 0.5).toFixed(2)} / ${pct(xs, 0.95).toFixed(2)}`;
const PAGES = [['ours', '?preset=kr-deal', process.env.CSS], ['embed', '?preset=kr-deal&embed=1', process.env.CSS], ['uplot', 'peers/uplot.html']];
console.log('page    to chart-drawn p50 / p95   forced layout p50 / p95 (ms)');
for (const [name, q, css] of PAGES) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: !!css });
  const page = await ctx.newPage();
  await page.goto(new URL(q, server.url).href, { waitUntil: 'load' });
  await page.waitForSelector('#chart canvas');
  await page.waitForTimeout(800);
  await addStyle(page, css);
  const times = await timeInputs(page, +(process.env.INPUTS || 300));
  console.log(`${name.padEnd(8)}${fmt(times.map((t) => t.drawn)).padEnd(27)}${fmt(times.map((t) => t.layout))}`);
  await ctx.close();
}
await browser.close();
await server.close();
