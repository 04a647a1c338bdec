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
import { addStyle, launchChromium } from './chromium.mjs';
requirePeers();
const server = await serve({ dist: process.env.DIST || 'dist' });
const browser = await launchChromium();
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
for (const [name, q, css] of /** @type {[string, string, string?][]} */ [['ours', '?preset=kr-deal', process.env.CSS], ['embed', '?preset=kr-deal&embed=1', process.env.CSS], ['uplot', 'peers/uplot.html']]) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: !!css });
  const page = await ctx.newPage();
  await page.goto(new URL(q, server.url).href, { waitUntil: 'load' });
  await page.waitForSelector('#chart canvas');
  await page.waitForTimeout(800);
  await addStyle(page, css);
  const r = await page.evaluate(async (n) => {
    const slider = document.querySelector('#ctl-upfront');
    const chart = document.querySelector('#chart');
    const drawn = [], layout = [];
    for (let i = 0; i < n; i++) {
      const p = new Promise((res) => chart.addEventListener('chart-drawn', res, { once: true }));
      const t0 = performance.now();
      slider.value = String(1 + ((i * 7) % 100));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await p;
      const t1 = performance.now();
      chart.getBoundingClientRect();
      const t2 = performance.now();
      drawn.push(t1 - t0); layout.push(t2 - t1);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return { drawn, layout };
  }, +(process.env.INPUTS || 300));
  console.log(name.padEnd(6), 'drawn p50/p95', pct(r.drawn, .5).toFixed(2), pct(r.drawn, .95).toFixed(2), ' layout p50/p95', pct(r.layout, .5).toFixed(2), pct(r.layout, .95).toFixed(2));
  await ctx.close();
}
await browser.close(); server.close();
