import { launch, open } from './harness.mjs';
const ctx = await launch();
async function shot(q, sel, name, viewport) {
  const { page } = await open(ctx, q, viewport);
  await page.waitForTimeout(300);
  const el = await page.waitForSelector(sel);
  await el.scrollIntoViewIfNeeded();
  await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
  await page.waitForTimeout(300);
  await el.screenshot({ path: `/tmp/s-${name}.png` });
  await page.close();
}
await shot('?theme=dark&preset=kr-deal', '.map-figure', 'dark-map');
await shot('?preset=us-demand', '.figures', 'usd-figures');
await shot('?preset=eu', '.figures', 'eu-figures');
await shot('?preset=us-demand', '.notes', 'usd-notes');
await ctx.close();
