// Soak: thousands of random slider moves must not grow the DOM or the JS heap, nor log an error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open } from './harness.mjs';

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

const MOVES = 3000;

test(`${MOVES} random slider moves: no DOM or heap growth, no console error`, async () => {
  const { page, errors } = await open(context, '?preset=kr-deal');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name) => metrics.find((m) => m.name === name).value;
    return { nodes: await page.evaluate(() => document.getElementsByTagName('*').length), heap: get('JSHeapUsedSize') };
  };
  const moves = (n, seed) => page.evaluate(async ([n, seed]) => {
    let x = seed;
    const rand = () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
    const sliders = [...document.querySelectorAll('input[type=range]')];
    for (let i = 0; i < n; i++) {
      const s = sliders[Math.floor(rand() * sliders.length)];
      const lo = +s.min, hi = +s.max;
      s.value = String(Math.round(lo + rand() * (hi - lo)));
      s.dispatchEvent(new Event('input', { bubbles: true }));
      if (i % 10 === 9) s.dispatchEvent(new Event('change', { bubbles: true }));
      if (i % 3 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    await new Promise((r) => setTimeout(r, 300));
  }, [n, seed]);
  // Warm up, then compare two equal stretches of moves.
  await moves(300, 7);
  const start = await measure();
  await moves(MOVES, 42);
  const end = await measure();
  console.log(`soak: DOM nodes ${start.nodes} -> ${end.nodes}; JS heap ${start.heap} -> ${end.heap} bytes`);
  // The node count varies with what is drawn (bars, hatching, breach marks); bound it, don't pin it.
  assert.ok(end.nodes < start.nodes * 1.5 + 200, `DOM nodes ${start.nodes} -> ${end.nodes}`);
  assert.ok(end.heap < start.heap * 1.5 + 2e6, `JS heap ${start.heap} -> ${end.heap}`);
  assert.deepEqual(errors, []);
  assert.ok(await page.locator('#chart canvas').count() === 1);
  await page.close();
});
