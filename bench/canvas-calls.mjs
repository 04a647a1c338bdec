// What the page asks of its canvases per slider input: every CanvasRenderingContext2D method
// call and property set, counted by wrapping the prototype before the page starts (font sets
// are listed by value). The canvas backend (src/web/canvas.rs) sends a setting only when it
// changes; this shows how many calls that leaves. Also every string the page decodes from the
// wasm (each `&str` handed to JavaScript is one `TextDecoder.decode`, a canvas setting, a label,
// a DOM text or attribute), most frequent first: a string decoded many times an input is work
// done again (as the chart's font size, `12.5`, was until the thirteenth session: written by bisection
// through parseFloat). And the timers set and cleared per input (`setTimeout`, `clearTimeout`).
//
//   cargo xtask dist && npm ci --prefix bench
//   node bench/canvas-calls.mjs          # DIST=dist Q='?preset=kr-deal'
//
// 20 inputs of the "Upfront share" slider (1, 8, 15, … as in profile.mjs), each followed by a
// frame; prints calls per input, most frequent first, and their total.
import { serve } from './serve.mjs';
import { dragUpfront, launchChromium } from './chromium.mjs';
const server = await serve({ dist: process.env.DIST || 'dist' });
const browser = await launchChromium();
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await page.addInitScript(() => {
  window.__calls = new Map();
  window.__strings = new Map();
  window.__timers = { set: 0, cleared: 0 };
  const [set, clear] = [window.setTimeout, window.clearTimeout];
  window.setTimeout = function (...a) { window.__timers.set++; return set.apply(this, a); };
  window.clearTimeout = function (...a) { window.__timers.cleared++; return clear.apply(this, a); };
  const decode = TextDecoder.prototype.decode;
  TextDecoder.prototype.decode = function (...a) { const s = decode.apply(this, a); window.__strings.set(s, (window.__strings.get(s) || 0) + 1); return s; };
  const P = CanvasRenderingContext2D.prototype;
  for (const k of Object.getOwnPropertyNames(P)) {
    const d = Object.getOwnPropertyDescriptor(P, k);
    if (typeof d.value === 'function') { const f = d.value; P[k] = function (...a) { window.__calls.set(k, (window.__calls.get(k) || 0) + 1); return f.apply(this, a); }; }
    else if (d.set) { const s = d.set; Object.defineProperty(P, k, { ...d, set(v) { const key = 'set ' + k + (k === 'font' ? ' ' + v : ''); window.__calls.set(key, (window.__calls.get(key) || 0) + 1); s.call(this, v); } }); }
  }
});
await page.goto(new URL(process.env.Q || '?preset=kr-deal', server.url).href, { waitUntil: 'load' });
await page.waitForSelector('#chart canvas');
await page.waitForTimeout(1000);
await page.evaluate(() => { window.__calls.clear(); window.__strings.clear(); window.__timers = { set: 0, cleared: 0 }; }); // the first drawing's are not counted
await dragUpfront(page, 20);
const out = await page.evaluate(() => [...window.__calls].sort((a, b) => b[1] - a[1]));
let total = 0; for (const [k, n] of out) { total += n; console.log(String(n / 20).padStart(6), k); } console.log('total per input', total / 20);
const strings = await page.evaluate(() => [...window.__strings].sort((a, b) => b[1] - a[1]));
const decoded = strings.reduce((sum, [, n]) => sum + n, 0);
console.log(`\nstrings decoded from the wasm per input: ${decoded / 20} (${strings.length} different); the most frequent:`);
for (const [k, n] of strings.slice(0, 15)) console.log(String(n / 20).padStart(6), JSON.stringify(k).slice(0, 80));
const timers = await page.evaluate(() => window.__timers);
console.log(`\ntimers per input: ${timers.set / 20} set, ${timers.cleared / 20} cleared`);
await browser.close(); await server.close();
