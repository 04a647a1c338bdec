// Where the live chart's drawing time goes, on a build with bench/experiments/draw-split.patch
// (it says how to build it): per drawing, the chart's own work on a backend that draws nothing,
// the drawing on the canvas as shipped, and the same with parts of it left out, each beside the
// update time of the same inputs (input event to `chart-drawn`, then a forced layout, as
// compare.mjs times it).
//
//   DIST=/tmp/draw-split node bench/draw-split.mjs   # Q='?preset=kr-deal&embed=1' ROUNDS=3 INPUTS=300
//
// Each round opens the page once per variant (`window.__skip`: 0 the shipped drawing, 1 no text,
// 2 no lines or paths, 4 no `fillText` but its settings, 8 one font for every label), in a fresh
// context, first drags through 100 % upfront as equivalent.mjs does, then times INPUTS inputs.
import { serve } from './serve.mjs';
import { dragThroughFull, launchChromium, percentile, timeInputs } from './chromium.mjs';

const DIST = process.env.DIST;
if (!DIST) throw new Error('DIST=… a build with bench/experiments/draw-split.patch');
const Q = process.env.Q || '?preset=kr-deal&embed=1';
const ROUNDS = +(process.env.ROUNDS || 3);
const INPUTS = +(process.env.INPUTS || 300);
const VARIANTS = [[0, 'as shipped'], [1, 'no text'], [2, 'no lines or paths'], [4, 'no fillText'], [8, 'one font']];

const server = await serve({ dist: DIST });
const browser = await launchChromium();
console.log(`DIST=${DIST} Q=${Q} ROUNDS=${ROUNDS} INPUTS=${INPUTS}; ms per drawing, then update p50 / p95`);
for (let round = 0; round < ROUNDS; round++) {
  for (const [skip, name] of VARIANTS) {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(new URL(Q, server.url).href);
    await page.waitForFunction(() => window.__draws > 0, null, { timeout: 15000 });
    await dragThroughFull(page);
    await page.evaluate((s) => Object.assign(window, { __skip: s, __nullMs: 0, __canvasMs: 0, __draws: 0 }), skip);
    const times = await timeInputs(page, INPUTS);
    const [nullMs, canvasMs, draws] = await page.evaluate(() => [window.__nullMs, window.__canvasMs, window.__draws]);
    await page.context().close();
    const update = times.map((x) => x.drawn + x.layout);
    console.log(`round ${round + 1} ${name.padEnd(18)} nothing drawn ${(nullMs / draws).toFixed(3)}, canvas ${(canvasMs / draws).toFixed(3)} ` +
      `(${draws} drawings); update ${percentile(update, 0.5).toFixed(2)} / ${percentile(update, 0.95).toFixed(2)}`);
  }
}
await browser.close();
await server.close();
