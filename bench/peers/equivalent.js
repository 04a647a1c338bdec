// The peer of bench/equivalent.mjs: our page as it stood after a drag (a copy of its DOM and its
// style sheet, without its scripts), with the chart drawn by uPlot, as in uplot.js, and every
// other change a slider input makes on our page made here too, from a record of our page:
// for each upfront value, the texts, the attributes, the child lists and the form values that an
// input to that value leaves on our page. This page computes no text: it looks each one up, so it does less
// script per input than a page that formats its figures, and the same DOM writes.
import { uplotChart } from './uplot-chart.js';

const spec = await (await fetch(document.querySelector('meta[name="eq-spec"]').content)).json();
const tagged = new Map([...document.querySelectorAll('[data-eq]')].map((el) => [el.dataset.eq, el]));
for (const f of spec.forms) {
  const el = tagged.get(f.eq);
  if (f.value !== undefined) el.value = f.value;
  if (f.checked !== undefined) el.checked = f.checked;
}
const units = spec.units.map((u) => (u.kind === 'text' ? { ...u, node: tagged.get(u.eq).childNodes[u.idx] } : { ...u, el: tagged.get(u.eq) }));
const template = document.createElement('template');

/** A node as a child list records it: `{e}` a tagged element (the same node, moved if need be),
 * `{h}` an element the drag created (made from its HTML), `{t}` a text. */
function make(want) {
  if (want.e !== undefined) return tagged.get(want.e);
  if (want.t !== undefined) return document.createTextNode(want.t);
  template.innerHTML = want.h;
  return template.content.firstChild;
}
const matches = (node, want) => (want.e !== undefined ? node === tagged.get(want.e)
  : want.t !== undefined ? node.nodeType === 3 && node.data === want.t
    : node.nodeType === 1 && node.dataset.eq === undefined && node.outerHTML === want.h);

function write(unit, state) {
  if (unit.kind === 'text') unit.node.data = state;
  else if (unit.kind === 'value') {
    if (unit.el.value !== state) unit.el.value = state; // as Yew does: only if the DOM differs
  }
  else if (unit.kind === 'attr') {
    if (state === null) unit.el.removeAttribute(unit.name);
    else unit.el.setAttribute(unit.name, state);
  } else {
    let cur = unit.el.firstChild;
    for (const want of JSON.parse(state)) {
      if (cur && matches(cur, want)) { cur = cur.nextSibling; continue; }
      unit.el.insertBefore(make(want), cur);
    }
    while (cur) { const next = cur.nextSibling; cur.remove(); cur = next; }
  }
}

let current = spec.initial;
function show(value) {
  const next = spec.states[value];
  if (!next) return;
  units.forEach((unit, i) => { if (next[i] !== current[i]) write(unit, next[i]); });
  current = next;
}

// The chart, as uplot.html draws it, at the size of our canvas.
const canvas = tagged.get(spec.canvas);
const host = document.createElement('div');
canvas.replaceWith(host);
const slider = document.getElementById('ctl-upfront');
const redraw = uplotChart(host, spec.size, +slider.value);
slider.addEventListener('input', () => {
  show(slider.value);
  redraw(+slider.value);
});
