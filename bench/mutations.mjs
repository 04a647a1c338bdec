// What a slider input changes in the page's DOM: a MutationObserver on the whole body over 20
// inputs of the "Upfront share" slider, each followed by a frame. Prints changes per input by
// kind (text, attribute, child list) and place (the nearest ids and classes), then the number
// of elements. Each change is style, layout and paint work for the browser (bench/trace.mjs).
//
//   cargo xtask dist && npm ci --prefix bench
//   node bench/mutations.mjs             # DIST=dist Q='?preset=kr-deal'
import { serve } from './serve.mjs';
import { dragUpfront, launchChromium } from './chromium.mjs';
const server = await serve({ dist: process.env.DIST || 'dist' });
const browser = await launchChromium();
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await page.goto(new URL(process.env.Q || '?preset=kr-deal', server.url).href, { waitUntil: 'load' });
await page.waitForSelector('#chart canvas');
await page.waitForTimeout(1000);
await page.evaluate(() => {
  const seen = (window.__seen = new Map());
  const obs = new MutationObserver((ms) => { for (const m of ms) {
    let el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
    const path = []; for (let e = el; e && e !== document.body && path.length < 4; e = e.parentElement) path.unshift(e.id ? '#' + e.id : e.className ? e.tagName.toLowerCase() + '.' + String(e.className).split(' ')[0] : e.tagName.toLowerCase());
    const k = `${m.type}${m.attributeName ? ':' + m.attributeName : ''} ${path.join('>')}`; seen.set(k, (seen.get(k) || 0) + 1); } });
  obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
});
await dragUpfront(page, 20);
const out = await page.evaluate(async () => {
  await new Promise((r) => setTimeout(r, 10)); // the last records
  return [...window.__seen].sort((a, b) => b[1] - a[1]);
});
for (const [k, n] of out) console.log(String(n / 20).padStart(5), k);
console.log('elements', await page.evaluate(() => document.getElementsByTagName('*').length));
await browser.close(); await server.close();
