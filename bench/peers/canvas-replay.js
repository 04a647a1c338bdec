// The third peer of bench/equivalent.mjs: our page as it stood after a drag (the same copy as
// equivalent.js's), with **our own chart drawn by plain JavaScript**: for each upfront value, the
// canvas calls our page made to draw it (every method call and property set on the chart's 2d
// context, recorded by equivalent.mjs), made again here on the same canvas, one after another.
// No Rust, no wasm, no Yew, no plotters: the same pixels and the same DOM writes, from the
// shortest path a script has to them. What our page costs over this one is what the stack costs;
// what this one costs over the page drawn with uPlot is what our chart draws that uPlot's does
// not (hatching, the dashed line dash by dash, the title, legend and sources on the canvas).
import { markDrawn } from './mark.js';
import { restoreCopy } from './replay.js';

const [{ spec, byEq, show }, draws] = await Promise.all([
  restoreCopy(),
  fetch(document.querySelector('meta[name="eq-draws"]').content).then((r) => r.json()),
]);

const canvas = byEq.get(spec.canvas);
canvas.width = draws.width;
canvas.height = draws.height;
const ctx = canvas.getContext('2d');
// Each call bound once, so a drawing is a loop of calls: `[method, args]` or `[setter, value]`.
const P = CanvasRenderingContext2D.prototype;
const calls = Object.fromEntries(Object.entries(draws.values).map(([value, log]) => [value, log.map(([key, args]) => (
  key[0] === '=' ? [Object.getOwnPropertyDescriptor(P, key.slice(1)).set, args] : [P[key], args]))]));
const draw = (value) => {
  const log = calls[value];
  if (!log) return;
  for (const [f, args] of log) f.apply(ctx, args);
  markDrawn();
};
const slider = document.getElementById('ctl-upfront');
draw(slider.value);
slider.addEventListener('input', () => {
  show(slider.value);
  draw(slider.value);
});
