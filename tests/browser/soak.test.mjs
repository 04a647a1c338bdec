// Soak: thousands of random slider moves must not grow the DOM, the JS heap or the wasm module's
// memory (what the Rust allocator has taken), nor log an error.
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
    return {
      nodes: await page.evaluate(() => document.getElementsByTagName('*').length),
      heap: get('JSHeapUsedSize'),
      wasm: await wasmMemory(),
    };
  };
  // The wasm module's linear memory, found from the outside (the page exposes no handle to it):
  // every WebAssembly.Memory in the page, by its prototype. Linear memory only grows, so its size
  // is the most the allocator ever held at once.
  const wasmMemory = async () => {
    const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: 'function () { return this.reduce((sum, m) => sum + m.buffer.byteLength, 0); }',
      returnByValue: true,
    });
    return result.value;
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
  console.log(`soak: DOM nodes ${start.nodes} -> ${end.nodes}; JS heap ${start.heap} -> ${end.heap} bytes; wasm memory ${start.wasm} -> ${end.wasm} bytes`);
  // The node count varies with what is drawn (bars, hatching, breach marks); bound it, don't pin it.
  assert.ok(end.nodes < start.nodes * 1.5 + 200, `DOM nodes ${start.nodes} -> ${end.nodes}`);
  assert.ok(end.heap < start.heap * 1.5 + 2e6, `JS heap ${start.heap} -> ${end.heap}`);
  assert.ok(start.wasm > 0, 'the wasm memory was found');
  // Allowed: 1 MiB (16 pages) of growth for fragmentation; a leak of a few hundred bytes per
  // move would take more over 3000 moves.
  assert.ok(end.wasm <= start.wasm + 1048576, `wasm memory ${start.wasm} -> ${end.wasm}`);
  assert.deepEqual(errors, []);
  assert.ok(await page.locator('#chart canvas').count() === 1);
  await page.close();
});
