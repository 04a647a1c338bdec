// What a slider input makes the browser lay out again, and from where: a Chrome trace with
// invalidation tracking over INPUTS inputs of the "Upfront share" slider.
//
//   cargo xtask dist && npm ci --prefix bench
//   node bench/invalidations.mjs            # DIST=dist Q='?preset=kr-deal' INPUTS=20
//   CSS='.x{…}' node bench/invalidations.mjs   # with a style sheet added (CSP bypassed)
//
// Printed:
// - each Layout's dirty and total layout objects (the first dozen);
// - the layout roots and how often each was one: `#document` unless every object an input
//   dirtied sits inside a relayout boundary. In Chromium 156 that is a box with a self-painting
//   layer (positioned, or paint containment) and either `contain: size layout` or a fixed width
//   and height with overflow clipped, that is not a flex or grid item and not positioned by its
//   static position (see bench/README.md, twelfth session);
// - the invalidations per input by node and reason, with the node's nearest ancestor that has
//   size and layout containment ("NONE" for none; nodes inside a form control's shadow tree
//   show NONE, as the walk stops at the shadow root).
import { serve } from './serve.mjs';
import { addStyle, launchChromium, traceDrag } from './chromium.mjs';

const INPUTS = +(process.env.INPUTS || 20);
const server = await serve({ dist: process.env.DIST || 'dist' });
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: !!process.env.CSS });
const page = await context.newPage();
await page.goto(new URL(process.env.Q || '?preset=kr-deal', server.url).href, { waitUntil: 'load' });
await page.waitForSelector('#chart canvas');
await page.waitForTimeout(1000);
await addStyle(page, process.env.CSS);
const { events, cdp } = await traceDrag(page, INPUTS, ['devtools.timeline', 'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.invalidationTracking']);

const layouts = events.filter((e) => e.name === 'Layout' && e.args?.beginData);
console.log(`${layouts.length} layouts for ${INPUTS} inputs; dirty/total objects:`,
  layouts.slice(0, 12).map((e) => `${e.args.beginData.dirtyObjects}/${e.args.beginData.totalObjects}`).join(' '));
const roots = new Map();
for (const e of events.filter((e) => e.name === 'Layout' && e.args?.endData)) {
  for (const { nodeName, nodeId } of e.args.endData.layoutRoots || []) {
    const root = nodeName || nodeId;
    roots.set(root, (roots.get(root) || 0) + 1);
  }
}
console.log('layout roots:', [...roots].map(([k, n]) => `${k} ×${n}`).join(', '));

// The node and its ancestors, and its nearest ancestor with size and layout containment.
const describe = `function () {
  const start = this.nodeType === 3 ? this.parentElement : this;
  const path = [];
  for (let e = start; e && path.length < 5; e = e.parentElement) {
    path.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : ''));
  }
  let boundary = 'NONE';
  for (let e = start; e; e = e.parentElement) {
    const c = getComputedStyle(e).contain;
    if (/strict|size/.test(c) && /strict|layout|content/.test(c)) { boundary = e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''); break; }
  }
  return (this.nodeType === 3 ? '#text in ' : '') + path.join(' > ') + '  [contained by: ' + boundary + ']';
}`;
const byNode = new Map();
for (const e of events.filter((e) => e.name === 'LayoutInvalidationTracking')) {
  const { nodeId, reason } = e.args.data;
  const key = `${nodeId}\t${reason}`;
  byNode.set(key, (byNode.get(key) || 0) + 1);
}
console.log('invalidations per input:');
for (const [key, n] of [...byNode].sort((a, b) => b[1] - a[1]).slice(0, +(process.env.TOP || 20))) {
  const [id, reason] = key.split('\t');
  let where = '(removed since)';
  try {
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: +id });
    where = (await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, returnByValue: true, functionDeclaration: describe })).result.value;
  } catch { /* the node left the document during the drag */ }
  console.log(`${(n / INPUTS).toFixed(2).padStart(6)}  ${reason}: ${where}`);
}
await browser.close();
await server.close();
