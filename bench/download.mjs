// What the chart module costs a reader: the time from a click on "Chart SVG" to the browser's
// download, the first time on a page (the chart module, pledge_svg.js and its wasm, is fetched,
// compiled and started; the pointer reaches the button only as it clicks) and again (the module
// is loaded), "Chart PNG" after them, and a first "Chart SVG" clicked 500 ms after the pointer
// came over the buttons (the page starts loading the module then).
//
//   cargo xtask dist && npm ci --prefix bench
//   node bench/download.mjs             # DIST=dist LOADS=8 (a fresh context for each)
//
// Prints the median of each, in milliseconds.
import { serve } from './serve.mjs';
import { launchChromium, median } from './chromium.mjs';

const DIST = process.env.DIST || 'dist';
const LOADS = +(process.env.LOADS || 8);

const server = await serve({ dist: DIST });
const browser = await launchChromium();
const times = { 'first SVG': [], 'second SVG': [], 'PNG after': [], 'first SVG, hovered 500 ms before': [] };
for (let i = 0; i < LOADS; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(new URL('?preset=kr-deal', server.url).href);
  await page.waitForSelector('#dl-svg');
  await page.locator('#dl-svg').scrollIntoViewIfNeeded();
  for (const [name, id] of [['first SVG', '#dl-svg'], ['second SVG', '#dl-svg'], ['PNG after', '#dl-png']]) {
    const start = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(id)]);
    times[name].push(Date.now() - start);
    await download.path();
  }
  await context.close();

  const hovered = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const reader = await hovered.newPage();
  await reader.goto(new URL('?preset=kr-deal', server.url).href);
  await reader.waitForSelector('#dl-svg');
  await reader.locator('#dl-svg').scrollIntoViewIfNeeded();
  await reader.hover('#dl-csv');
  await reader.waitForTimeout(500);
  const start = Date.now();
  const [download] = await Promise.all([reader.waitForEvent('download'), reader.click('#dl-svg')]);
  times['first SVG, hovered 500 ms before'].push(Date.now() - start);
  await download.path();
  await hovered.close();
}
for (const [name, xs] of Object.entries(times)) {
  console.log(`${name.padEnd(33)} median ${median(xs)} ms  (${xs.join(', ')})`);
}
await browser.close();
await server.close();
