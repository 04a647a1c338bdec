// Soak: thousands of random moves of every control a reader has (sliders, the selects, the
// feasibility map's arrow keys, the baseline button) must not grow the DOM, the JS heap or the
// wasm module's memory (what the Rust allocator has taken), nor log an error.
//
// A leak grows with the number of moves; what is drawn varies with the scenario. So each
// measurement is taken after putting the page back into one state (the kr-deal preset, the first
// map pair, no baseline) and waiting past every pause, once after a warm-up and then after each of
// three equal stretches of moves: the DOM must be the same size each time, and the heap and the
// wasm memory must not grow over the later stretches by more than the bounds below.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open } from './harness.mjs';

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

// Three stretches of moves after a warm-up.
const STRETCH = 1500;
// A leak of 100 bytes a move would put 150 kB on the JS heap over one stretch.
const HEAP_GROWTH_BYTES = 128 * 1024;
// Linear memory grows in 64 KiB pages and never shrinks. It also keeps its high-water mark: a
// move that needs more at once than any before it (which moves draw which states, and when, depends
// on timing) grows it once, by two pages on this page, after which it stays. A leak grows it in
// every stretch. So there are two stretches after the first: the memory must stop growing in at
// least one of them, and grow at most two pages over both. A leak of 50 bytes a move takes more
// than a page over each stretch of 1 500.
const WASM_GROWTH_BYTES = 2 * 64 * 1024;

test(`${3 * STRETCH} random moves of every control: no DOM, heap or wasm growth, no console error`, async () => {
  const { page, errors } = await open(context, '?preset=kr-deal');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // The wasm module's linear memory, found from the outside (the page exposes no handle to it):
  // every WebAssembly.Memory in the page, by its prototype.
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
  // Back to one state, past the longest pause (the live region's, 700 ms, at most 1.5 × it).
  const reset = () => page.evaluate(async () => {
    const choose = (id, value) => {
      const select = document.getElementById(id);
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };
    const pin = document.getElementById('baseline');
    if (pin.textContent.startsWith('Clear')) pin.click();
    choose('ctl-preset', 'kr-deal');
    choose('map-pair', '0');
    await new Promise((r) => setTimeout(r, 1300));
  });
  const measure = async () => {
    await reset();
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return {
      nodes: await page.evaluate(() => document.getElementsByTagName('*').length),
      heap: metrics.find((m) => m.name === 'JSHeapUsedSize').value,
      wasm: await wasmMemory(),
    };
  };
  const moves = (n, seed) => page.evaluate(async ([n, seed]) => {
    let x = seed;
    const rand = () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
    const pick = (list) => list[Math.floor(rand() * list.length)];
    const counts = { slider: 0, key: 0, select: 0, baseline: 0 };
    for (let i = 0; i < n; i++) {
      const r = rand();
      if (r < 0.8) {
        // The sliders, found again each move: a preset or a country can change which are shown.
        const s = pick([...document.querySelectorAll('input[type=range]')]);
        const lo = +s.min, hi = +s.max;
        s.value = String(Math.round(lo + rand() * (hi - lo)));
        s.dispatchEvent(new Event('input', { bubbles: true }));
        if (i % 10 === 9) s.dispatchEvent(new Event('change', { bubbles: true }));
        counts.slider++;
      } else if (r < 0.9) {
        const key = pick(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown']);
        document.getElementById('map').dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
        counts.key++;
      } else if (r < 0.99) {
        const select = document.getElementById(pick(['ctl-profile', 'ctl-country', 'ctl-preset', 'map-pair']));
        select.value = pick([...select.options]).value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        counts.select++;
      } else {
        document.getElementById('baseline').click();
        counts.baseline++;
      }
      if (i % 3 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    return counts;
  }, [n, seed]);

  await moves(300, 7);
  const start = await measure();
  const first = await moves(STRETCH, 42);
  const mid = await measure();
  const second = await moves(STRETCH, 4242);
  const end = await measure();
  const third = await moves(STRETCH, 424242);
  const last = await measure();
  const show = (k) => `${start[k]} -> ${mid[k]} -> ${end[k]} -> ${last[k]}`;
  console.log(`soak: moves ${JSON.stringify(first)}, then ${JSON.stringify(second)}, then ${JSON.stringify(third)}`);
  console.log(`soak: DOM nodes ${show('nodes')}; JS heap ${show('heap')} bytes; wasm memory ${show('wasm')} bytes`);
  for (const counts of [first, second, third]) {
    assert.ok(Object.values(counts).every((c) => c > 0), `every kind of move was made: ${JSON.stringify(counts)}`);
  }
  // One state, one DOM: whatever the moves drew is gone once the page is back in it.
  assert.equal(mid.nodes, start.nodes, 'DOM nodes after the first stretch');
  assert.equal(end.nodes, start.nodes, 'DOM nodes after the second stretch');
  assert.equal(last.nodes, start.nodes, 'DOM nodes after the third stretch');
  assert.ok(end.heap - mid.heap < HEAP_GROWTH_BYTES, `JS heap grew ${end.heap - mid.heap} bytes over the second stretch`);
  assert.ok(last.heap - end.heap < HEAP_GROWTH_BYTES, `JS heap grew ${last.heap - end.heap} bytes over the third stretch`);
  assert.ok(start.wasm > 0, 'the wasm memory was found');
  const [grew2, grew3] = [end.wasm - mid.wasm, last.wasm - end.wasm];
  assert.ok(grew2 === 0 || grew3 === 0, `wasm memory grew over both later stretches: ${grew2} and ${grew3} bytes`);
  assert.ok(grew2 + grew3 <= WASM_GROWTH_BYTES, `wasm memory grew ${grew2 + grew3} bytes over the later stretches`);
  assert.deepEqual(errors, []);
  assert.equal(await page.locator('#chart canvas').count(), 1);
  await page.close();
});
