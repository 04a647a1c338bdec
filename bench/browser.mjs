// Browser benchmark of the served explorer: bytes transferred (raw and gzip -9), time to the first
// drawn chart, and slider input-to-updated-layout latency over many inputs.
// Usage: cargo xtask serve --port 8080 &   then   BASE_URL=http://127.0.0.1:8080/ node bench/browser.mjs
import { chromium } from 'playwright-core';
import zlib from 'node:zlib';
import fs from 'node:fs';

const BASE_URL = process.env.BASE_URL || 'http://127.0.0.1:8080/';
const INPUTS = +(process.env.INPUTS || 300);
const RUNS = +(process.env.RUNS || 5);

const context = await chromium.launchPersistentContext(fs.mkdtempSync('/tmp/pledge-bench-'), {
  executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

let bytes = null;
const firstChart = [];
for (let run = 0; run < RUNS; run++) {
  const page = await context.newPage();
  await page.route('**/*', (route) => route.continue({ headers: { ...route.request().headers(), 'cache-control': 'no-cache' } }));
  const pending = [];
  page.on('response', (r) => pending.push(r.body().then((b) => [r.url(), b.length, zlib.gzipSync(b, { level: 9 }).length], () => null)));
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('#chart svg')) { window.__firstChart = performance.now(); obs.disconnect(); }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__firstChart !== undefined);
  firstChart.push(await page.evaluate(() => window.__firstChart));
  await page.waitForTimeout(300);
  if (run === 0) bytes = (await Promise.all(pending)).filter(Boolean);
  await page.close();
}

const page = await context.newPage();
await page.goto(BASE_URL);
await page.waitForSelector('#chart svg');
const latencies = await page.evaluate(async (n) => {
  const slider = document.querySelector('#ctl-upfront');
  const chart = document.querySelector('#chart');
  const out = [];
  for (let i = 0; i < n; i++) {
    const changed = new Promise((resolve) => {
      const obs = new MutationObserver(() => { obs.disconnect(); resolve(); });
      setTimeout(() => { obs.disconnect(); resolve(); }, 1000);
      obs.observe(chart, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const t0 = performance.now();
    slider.value = String(1 + ((i * 7) % 100)); // never 0, never the same twice running
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await changed;
    chart.getBoundingClientRect(); // force style and layout of the new chart
    out.push(performance.now() - t0);
    await new Promise((r) => requestAnimationFrame(() => r()));
  }
  return out;
}, INPUTS);
await context.close();

const total = bytes.reduce((a, [, raw, gz]) => [a[0] + raw, a[1] + gz], [0, 0]);
const report = {
  url: BASE_URL,
  transfer: { files: bytes.map(([u, raw, gz]) => ({ file: new URL(u).pathname, raw, gzip: gz })), raw: total[0], gzip: total[1] },
  first_chart_ms: { runs: firstChart.map((x) => +x.toFixed(1)), median: +pct(firstChart, 0.5).toFixed(1) },
  input_latency_ms: { inputs: INPUTS, p50: +pct(latencies, 0.5).toFixed(2), p95: +pct(latencies, 0.95).toFixed(2), max: +Math.max(...latencies).toFixed(2) },
};
console.log(JSON.stringify(report, null, 2));
