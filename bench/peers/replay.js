// What bench/equivalent.mjs's record of our page replays: for each upfront value, the texts,
// attributes, child lists and form values that an input to that value leaves on our page.
// Used by equivalent.js (our page's DOM drawn with uPlot), canvas-replay.js (the same with our
// own chart's canvas calls replayed) and floor.js (our page's own drag-only build, with the
// texts it does not write).

/** The record's nodes in a page whose elements carry the record's `data-eq` tags. */
export function tagged() {
  return new Map([...document.querySelectorAll('[data-eq]')].map((el) => [el.dataset.eq, el]));
}

/** Splits the texts that HTML merged when the page was copied: each text unit's parent gets
 * the text nodes it had in our page (`spec.shapes`), so the record's child indices hold. */
export function restoreTexts(spec, byEq) {
  for (const { eq, shape } of spec.shapes) {
    const el = byEq.get(eq);
    const elements = [...el.children];
    el.replaceChildren(...shape.map((w) => (w.t !== undefined ? document.createTextNode(w.t) : elements.shift())));
  }
}

/** Returns `show(value)`, which makes the page what the record says an input to `value` leaves:
 * a text, attribute or form value is written where the DOM differs from it (as Yew writes),
 * a child list where it differs from the last one written. */
export function replayer(spec, byEq) {
  // An element the drag took out of the page before the copy was made comes back from a child
  // list (`make`); until then its attributes and value wait.
  const units = spec.units.map((u) => (u.kind === 'text' ? { ...u, node: byEq.get(u.eq).childNodes[u.idx] } : u));
  const template = document.createElement('template');
  // A node as a child list records it: `{e, h}` a tagged element (the same node, moved if need
  // be, or made from its HTML if the copy lacks it), `{h}` an element the drag created (made
  // from its HTML), `{t}` a text.
  const make = (want) => {
    if (want.e !== undefined && byEq.has(want.e)) return byEq.get(want.e);
    if (want.t !== undefined) return document.createTextNode(want.t);
    template.innerHTML = want.h;
    const node = template.content.firstChild;
    if (want.e !== undefined) byEq.set(want.e, node);
    return node;
  };
  const matches = (node, want) => (want.e !== undefined ? byEq.has(want.e) && node === byEq.get(want.e)
    : want.t !== undefined ? node.nodeType === 3 && node.data === want.t
      : node.nodeType === 1 && node.dataset.eq === undefined && node.outerHTML === want.h);
  const lists = new Map();
  const write = (unit, state) => {
    if (unit.kind === 'text') {
      if (unit.node.data !== state) unit.node.data = state;
      return;
    }
    const el = byEq.get(unit.eq);
    if (!el) return;
    if (unit.kind === 'value') {
      if (el.value !== state) el.value = state;
    } else if (unit.kind === 'attr') {
      if (el.getAttribute(unit.name) === state) return;
      if (state === null) el.removeAttribute(unit.name);
      else el.setAttribute(unit.name, state);
    } else if (lists.get(unit) !== state) {
      lists.set(unit, state);
      let cur = el.firstChild;
      for (const want of JSON.parse(state)) {
        if (cur && matches(cur, want)) { cur = cur.nextSibling; continue; }
        el.insertBefore(make(want), cur);
      }
      while (cur) { const next = cur.nextSibling; cur.remove(); cur = next; }
    }
  };
  return (value) => {
    const next = spec.states[value];
    if (next) units.forEach((unit, i) => write(unit, next[i]));
  };
}

/** Makes the copy of our page (equivalent.mjs wrote it, without scripts) what our page was when
 * it was copied: its form values, and its texts split as Yew wrote them. Returns the record
 * (`spec`, from the page's `eq-spec` meta), its nodes (`byEq`) and `show(value)` (replayer). */
export async function restoreCopy() {
  const spec = await (await fetch(document.querySelector('meta[name="eq-spec"]').content)).json();
  const byEq = tagged();
  for (const f of spec.forms) {
    const el = byEq.get(f.eq);
    if (f.value !== undefined) el.value = f.value;
    if (f.checked !== undefined) el.checked = f.checked;
  }
  restoreTexts(spec, byEq);
  return { spec, byEq, show: replayer(spec, byEq) };
}
