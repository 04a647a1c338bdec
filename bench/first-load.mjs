// First load only: when each page's chart is first painted, ours beside uPlot's, with nothing
// between the browser and the server (compare.mjs routes every request through Playwright to
// record the bytes and refuse off-host requests, which adds a hop to every fetch of every page).
//
//   cargo xtask dist && npm ci --prefix bench
//   node bench/first-load.mjs             # DIST=dist LOADS=10 (per page, in a fresh context each)
//
// Per load, from navigation start (performance.now() in the page): `seen`, when the chart's
// canvas is in the document; `drawn`, the first `chart-drawn` event (ours) or the peer's
// after-draw hook; `frame`, the first animation frame after `drawn`, the frame that can paint
// the chart. Pages are loaded in turn (ours, embed, uPlot, ours, …) so drift hits them alike.
// Prints each page's median and its ratio to uPlot's median.
import { requirePeers, serve } from './serve.mjs';
import { launchChromium, median } from './chromium.mjs';

requirePeers(); // the uPlot page is measured beside ours
const DIST = process.env.DIST || 'dist';
const LOADS = +(process.env.LOADS || 10);
const PAGES = ['?preset=kr-deal', '?preset=kr-deal&embed=1', 'peers/uplot.html'];

const server = await serve({ dist: DIST });
const browser = await launchChromium();
const marks = Object.fromEntries(PAGES.map((p) => [p, []]));
for (let i = 0; i < LOADS; i++) {
  for (const p of PAGES) {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.addInitScript(() => {
      const m = (window.__firstLoad = {});
      new MutationObserver((_, obs) => {
        if (document.querySelector('#chart canvas')) { m.seen = performance.now(); obs.disconnect(); }
      }).observe(document, { subtree: true, childList: true });
      document.addEventListener('chart-drawn', () => {
        if (m.drawn !== undefined) return;
        m.drawn = performance.now();
        requestAnimationFrame(() => { m.frame = performance.now(); });
      }, true);
    });
    await page.goto(new URL(p, server.url).href);
    await page.waitForFunction(() => window.__firstLoad.frame !== undefined, null, { timeout: 15000 });
    marks[p].push(await page.evaluate(() => window.__firstLoad));
    await page.context().close();
  }
}
await browser.close();
await server.close();

const peer = median(marks['peers/uplot.html'].map((m) => m.frame));
console.log(`DIST=${DIST} LOADS=${LOADS}; medians in ms from navigation start`);
for (const p of PAGES) {
  const [seen, drawn, frame] = ['seen', 'drawn', 'frame'].map((k) => median(marks[p].map((m) => m[k])));
  console.log(`${p.padEnd(26)} seen ${seen.toFixed(0).padStart(4)}  drawn ${drawn.toFixed(0).padStart(4)}  ` +
    `frame ${frame.toFixed(0).padStart(4)}  frame / uPlot ${(frame / peer).toFixed(2)}`);
}
