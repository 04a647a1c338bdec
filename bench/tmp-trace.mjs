import { serve } from './serve.mjs';
import { launchChromium } from './chromium.mjs';
const server = await serve({ dist: process.env.DIST || 'dist' });
const browser = await launchChromium();
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: !!process.env.CSS })).newPage();
await page.goto(new URL(process.env.Q || '?preset=kr-deal', server.url).href, { waitUntil: 'load' });
await page.waitForSelector('#chart canvas');
await page.waitForTimeout(1000);
if (process.env.CSS) { await page.addStyleTag({ content: process.env.CSS }); await page.waitForTimeout(300); }
const cdp = await page.context().newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute'] }, transferMode: 'ReportEvents' });
const N = +(process.env.N || 100);
await page.evaluate(async (n) => {
  const slider = document.querySelector('#ctl-upfront');
  for (let i = 0; i < n; i++) {
    slider.value = String(1 + ((i * 7) % 100));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
}, N);
await cdp.send('Tracing.end');
await done;
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const tid = main?.tid;
const sums = new Map();
for (const e of events) if (e.tid === tid && e.ph === 'X' && e.dur) sums.set(e.name, (sums.get(e.name) || 0) + e.dur);
if (process.env.DUMP) { const ps = events.filter((e) => e.tid === tid && (e.name === process.env.DUMP)); console.log(JSON.stringify(ps.slice(-12).map((e) => [e.dur, e.args]), null, 0).slice(0, 4000)); }
for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, +(process.env.TOP || 30))) console.log((v / 1000 / N).toFixed(3).padStart(7), k);
await browser.close(); await server.close();
