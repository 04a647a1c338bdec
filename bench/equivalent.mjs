// Is the slider slower than uPlot's because of the stack or because of the page? compare.mjs
// times our page against uPlot's page, which is one slider and the chart. This times both
// against **the same page drawn with uPlot**: for each of our pages (the full page and the
// embed at `?preset=kr-deal`) it writes a peer page that is a copy of our page's DOM and style
// sheet, without its scripts, with uPlot drawing the chart where our canvas was and, on each
// slider input, every text, attribute, child list and form value that the same input changes
// on our page (bench/peers/equivalent.js). Those changes are recorded from our page first: a
// drag of INPUTS inputs finds what a drag changes, a second drag reads, for each value, what it
// leaves. The peer does less than our page in two ways, both in its favour: it looks each text
// up instead of computing it, and it leaves the map's canvases (full page) as they were, where
// ours draws the map's ring again. The browser's style, layout and paint of the DOM are the same.
//
// A third page per layout, `canvas-…`, is the same copy with **our own chart drawn by plain
// JavaScript** (bench/peers/canvas-replay.js): the record also keeps, for each value, every call
// and property set our page made on the chart's 2d context to draw it, and this page makes them
// again. Same DOM writes, same pixels, no Rust, wasm, Yew or plotters: ours over it is what the
// stack costs; uPlot's copy over it is what uPlot costs for a chart with less on it.
//
//   cargo xtask dist && npm ci --prefix bench
//   node bench/equivalent.mjs        # DIST=dist ROUNDS=3 INPUTS=300 THROTTLE=1
//   SHOTS=/tmp ROUNDS=0 node bench/equivalent.mjs   # and a screenshot of each page after the check
//   EQ=/tmp/eq ROUNDS=0 node bench/equivalent.mjs && EQ=/tmp/eq node bench/trace.mjs
//                                    # keep the pages, and trace them beside ours by phase
//   FLOOR=/tmp/floor node bench/equivalent.mjs   # and our page with a drag outside Yew: a dist
//                                    # built with bench/experiments/chart-only.patch, the other
//                                    # changes written from the record (bench/peers/floor.js)
//
// Per input, as in compare.mjs: update (input event to `chart-drawn`, then a forced layout) and
// next frame. Each round measures every page once, in turn, each in a fresh browser context,
// after a first drag through 100 % upfront (untimed), so every page starts from the state the
// copies were made in. Before timing, a check: after the same drag, every page's text (the
// chart's drawing aside) and form values are our page's, the uPlot copy's bars are drawn from
// the shares our levers show (its model gives way from the shares drawn last, as our reducer
// does), and the canvas copy's chart is ours pixel for pixel (`toDataURL`), or the script says
// where they differ and exits 1.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requirePeers, serve } from './serve.mjs';
import { dragThroughFull, dragUpfront, launchChromium, median, percentile as pct, throttle, throttleFromEnv, timeInputs } from './chromium.mjs';

requirePeers();
const DIST = process.env.DIST || 'dist';
const ROUNDS = +(process.env.ROUNDS || 3);
const INPUTS = +(process.env.INPUTS || 300);
const THROTTLE = throttleFromEnv();
const VIEWPORT = { width: 1280, height: 900 };
// WARM_UP=0 times each page from its first input after loading, as before the thirtieth session.
const WARM_UP = process.env.WARM_UP !== '0';
const OURS = [
  { name: 'ours', path: '?preset=kr-deal', peer: 'full' },
  { name: 'ours-embed', path: '?preset=kr-deal&embed=1', peer: 'embed' },
];

// EQ=dir keeps the pages written (full.html, embed.html and their records) for trace.mjs.
const dir = process.env.EQ ? path.resolve(process.env.EQ) : fs.mkdtempSync(path.join(os.tmpdir(), 'pledge-eq-'));
fs.mkdirSync(dir, { recursive: true });
const server = await serve({ dist: DIST, extra: [['/eq/', dir]] });
// FLOOR=dir: also our page built with bench/experiments/chart-only.patch (a drag that reaches
// no Yew render), with the rest of each input's changes written from the record (floor.js).
const FLOOR = process.env.FLOOR;
const floorServer = FLOOR ? await serve({ dist: FLOOR, extra: [['/eq/', dir]] }) : null;
const browser = await launchChromium();
const loadAvg = () => os.loadavg().map((x) => +x.toFixed(2));
const loadBefore = loadAvg();

/** Opens `url` (on the floor build's server with `floor`, the record's address) in a fresh
 * context, once its chart is drawn and the panels after the first paint have come. With
 * `logCanvas`, every call and property set on the chart's 2d context is appended to
 * `window.__canvasLog` while that is an array (for the record only: it slows every call). */
async function open(url, floor, logCanvas) {
  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await throttle(page, THROTTLE);
  if (logCanvas) await page.addInitScript(logCanvasCalls);
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  await page.addInitScript(() => {
    document.addEventListener('chart-drawn', () => { window.__drawn = (window.__drawn || 0) + 1; }, true);
  });
  await page.goto(new URL(url, (floor ? floorServer : server).url).href, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__drawn > 0, null, { timeout: 15000 });
  await page.waitForTimeout(1000); // the panels that come after the first paint
  if (floor) {
    await page.evaluate((spec) => { window.__eqSpec = spec; }, floor);
    await page.addScriptTag({ url: '/peers/floor.js', type: 'module' });
    await page.waitForFunction(() => window.__floorReady === true, null, { timeout: 15000 });
  }
  return { page, problems };
}

/** Runs in a page before its scripts: wraps every method and setter of the 2d context so that
 * a call on the chart's canvas (`#chart canvas`) is appended to `window.__canvasLog`, as
 * `[name, args]` or `['=' + property, [value]]`, while that is an array. */
function logCanvasCalls() {
  const P = CanvasRenderingContext2D.prototype;
  const logging = (ctx) => Array.isArray(window.__canvasLog) && ctx.canvas.parentElement?.id === 'chart';
  for (const key of Object.getOwnPropertyNames(P)) {
    const d = Object.getOwnPropertyDescriptor(P, key);
    if (typeof d.value === 'function' && key !== 'constructor') {
      const f = d.value;
      P[key] = function (...args) { if (logging(this)) window.__canvasLog.push([key, args]); return f.apply(this, args); };
    } else if (d.set) {
      const set = d.set;
      Object.defineProperty(P, key, { ...d, set(v) { if (logging(this)) window.__canvasLog.push([`=${key}`, [v]]); set.call(this, v); } });
    }
  }
}

/** Runs in our page: tags every element, drags, snapshots the page, drags again (recording,
 * for each value, the DOM it leaves and the canvas calls that drew its chart). */
function record(n) {
  const tagOf = (el) => el?.dataset?.eq;
  document.querySelectorAll('body *').forEach((el, i) => el.setAttribute('data-eq', String(i)));
  const taggedAbove = (node) => { let el = node.nodeType === 1 ? node : node.parentElement; while (el && tagOf(el) === undefined) el = el.parentElement; return el; };
  const slider = document.querySelector('#ctl-upfront');
  const drag = async (each) => {
    for (let i = 0; i < n; i++) {
      const value = String(1 + ((i * 7) % 100));
      slider.value = value;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => r()));
      each(value);
    }
  };
  // Units: a text node of the first DOM (`text`), an attribute of a tagged element (`attr`), or
  // the child list of a tagged element (`list`), which also stands for any change inside a node
  // the drag created.
  const texts = new Set();
  const attrs = new Map();
  const lists = new Set();
  const original = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) original.add(walker.currentNode);
  const note = (m) => {
    if (!document.body.contains(m.target)) return;
    if (m.type === 'characterData' && original.has(m.target) && tagOf(m.target.parentElement) !== undefined) texts.add(m.target);
    else if (m.type === 'attributes' && tagOf(m.target) !== undefined) attrs.set(`${tagOf(m.target)}@${m.attributeName}`, [m.target, m.attributeName]);
    else if (m.type === 'childList' && tagOf(m.target) !== undefined) lists.add(m.target);
    else { const el = taggedAbove(m.target.parentNode ?? m.target); if (el) lists.add(el); }
  };
  return (async () => {
    const obs = new MutationObserver((ms) => ms.forEach(note));
    obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    // A form control's value is a property, which no MutationObserver sees: compared after
    // each input (the number box beside a slider shows its value).
    const controls = [...document.querySelectorAll('input, select, textarea')];
    const last = controls.map((c) => c.value);
    const valued = new Set();
    await drag(() => controls.forEach((c, i) => { if (c.value !== last[i]) { valued.add(c); last[i] = c.value; } }));
    obs.takeRecords().forEach(note);
    obs.disconnect();
    const units = [
      ...[...texts].filter((t) => document.body.contains(t)).map((t) => ({ kind: 'text', node: t, eq: tagOf(t.parentElement), idx: [...t.parentElement.childNodes].indexOf(t) })),
      ...[...attrs.values()].map(([el, name]) => ({ kind: 'attr', el, eq: tagOf(el), name })),
      ...[...lists].map((el) => ({ kind: 'list', el, eq: tagOf(el) })),
      ...[...valued].map((el) => ({ kind: 'value', el, eq: tagOf(el) })),
    ];
    const read = (u) => {
      if (u.kind === 'text') return u.node.data;
      if (u.kind === 'attr') return u.el.getAttribute(u.name);
      if (u.kind === 'value') return u.el.value;
      return JSON.stringify([...u.el.childNodes].filter((c) => c.nodeType === 1 || c.nodeType === 3).map((c) => (c.nodeType === 3 ? { t: c.data }
        : tagOf(c) !== undefined ? { e: tagOf(c), h: c.outerHTML } : { h: c.outerHTML })));
    };
    // The snapshot: the page as this drag left it, without scripts, served from /eq/.
    const copy = document.documentElement.cloneNode(true);
    copy.querySelectorAll('script, link[rel=modulepreload], link[rel=preload], noscript').forEach((el) => el.remove());
    const canvas = document.querySelector('#chart canvas');
    const box = canvas.getBoundingClientRect();
    const forms = [...document.querySelectorAll('input, select, textarea')].map((el) => ({ eq: tagOf(el), value: el.value, checked: el.type === 'checkbox' || el.type === 'radio' ? el.checked : undefined }));
    // HTML merges adjacent text nodes, which Yew writes apart: the peer splits them again from
    // the shape of each text unit's parent (its texts, and `e` for each element).
    const parents = new Set(units.filter((u) => u.kind === 'text').map((u) => u.node.parentElement));
    const shapes = [...parents].map((el) => ({ eq: tagOf(el), shape: [...el.childNodes].filter((c) => c.nodeType === 1 || c.nodeType === 3).map((c) => (c.nodeType === 3 ? { t: c.data } : { e: 1 })) }));
    const spec = {
      shapes,
      units: units.map(({ kind, eq, idx, name }) => ({ kind, eq, idx, name })),
      states: {},
      forms,
      canvas: tagOf(canvas),
      size: { width: Math.round(box.width), height: Math.round(box.height) },
    };
    let inconsistent = 0;
    const draws = { width: canvas.width, height: canvas.height, values: {} };
    window.__canvasLog = [];
    await drag((value) => {
      const state = units.map(read);
      if (spec.states[value] && JSON.stringify(spec.states[value]) !== JSON.stringify(state)) inconsistent++;
      spec.states[value] = state;
      // The calls since the last input: this value's drawing (the last, if a value comes twice).
      if (window.__canvasLog.length > 0) draws.values[value] = window.__canvasLog;
      window.__canvasLog = [];
    });
    window.__canvasLog = null;
    const kinds = Object.fromEntries(['text', 'attr', 'list', 'value'].map((k) => [k, units.filter((u) => u.kind === k).length]));
    return { html: '<!doctype html>\n' + copy.outerHTML, spec, draws, inconsistent, kinds, elements: document.querySelectorAll('*').length };
  })();
}

/** Runs in a page: the other shares its bars show. Ours: its levers' values; the uPlot copy: the
 * shares its chart model last drew (its levers show what ours showed, replayed). */
function shares() {
  if (window.__eqShares) return window.__eqShares();
  const out = {};
  for (const key of ['guarantees', 'loans', 'corporate']) {
    const lever = document.getElementById(`ctl-${key}`);
    if (lever) out[key] = +lever.value;
  }
  return out;
}

/** Runs in a page: its text outside the chart's drawing and its form controls' values. */
function pageText() {
  const copy = document.body.cloneNode(true);
  copy.querySelectorAll('.uplot, canvas, script, noscript').forEach((el) => el.remove());
  const values = [...document.querySelectorAll('input, select, textarea')].map((el) => el.value).join(' ');
  // Without the origin: the floor build is served on a port of its own.
  return `${copy.textContent.replace(/\s+/g, ' ').trim()} | form values: ${values}`.replaceAll(location.origin, '');
}

const targets = [];
let failed = false;
for (const ours of OURS) {
  const { page, problems } = await open(ours.path, undefined, true);
  const rec = await page.evaluate(record, INPUTS);
  await page.context().close();
  const base = '<base href="/">';
  const head = `${base}<meta name="eq-spec" content="/eq/${ours.peer}.json"><link rel="stylesheet" href="/lib/uplot/dist/uPlot.min.css">` +
    '<script defer src="/lib/uplot/dist/uPlot.iife.min.js"></script><script type="module" src="/peers/equivalent.js"></script>';
  fs.writeFileSync(path.join(dir, `${ours.peer}.json`), JSON.stringify(rec.spec));
  fs.writeFileSync(path.join(dir, `${ours.peer}.html`), rec.html.replace(/<head>/, `<head>${head}`));
  // The same copy with our chart drawn by replaying our canvas calls (peers/canvas-replay.js).
  fs.writeFileSync(path.join(dir, `${ours.peer}-draws.json`), JSON.stringify(rec.draws));
  const canvasHead = `${base}<meta name="eq-spec" content="/eq/${ours.peer}.json"><meta name="eq-draws" content="/eq/${ours.peer}-draws.json">` +
    '<script type="module" src="/peers/canvas-replay.js"></script>';
  fs.writeFileSync(path.join(dir, `canvas-${ours.peer}.html`), rec.html.replace(/<head>/, `<head>${canvasHead}`));
  console.log(`${ours.name}: ${rec.elements} elements; a drag changes ${rec.kinds.text} texts, ${rec.kinds.attr} attributes, ` +
    `${rec.kinds.list} child lists and ${rec.kinds.value} form values; ${Object.keys(rec.spec.states).length} values recorded, ${rec.inconsistent} seen twice with different states` +
    (problems.length ? `; problems: ${problems.join('; ')}` : ''));
  const mine = [
    { name: ours.name, url: ours.path },
    { name: `uplot-${ours.peer}`, url: `eq/${ours.peer}.html` },
    { name: `canvas-${ours.peer}`, url: `eq/canvas-${ours.peer}.html`, pixels: true },
    ...(FLOOR ? [{ name: `floor-${ours.peer}`, url: ours.path, floor: `/eq/${ours.peer}.json` }] : []),
  ];
  // The check: the same drag on every page leaves the same text.
  const texts = [];
  const drawnShares = [];
  const pictures = [];
  for (const t of mine) {
    const opened = await open(t.url, t.floor);
    // The drag as `record`'s (values 1, 8, 15, …) with one input more, so that it ends on
    // another value than the one the copy was made at (a peer that wrote nothing would pass),
    // and read at once: well before the 150 ms pause after which our page's lower panels catch
    // up with it.
    await dragUpfront(opened.page, INPUTS + 1);
    texts.push(await opened.page.evaluate(pageText));
    drawnShares.push(t.floor || t.pixels ? null : await opened.page.evaluate(shares));
    // Our chart's pixels, and the replayed copy's to compare with them.
    pictures.push(t === mine[0] || t.pixels ? await opened.page.evaluate(() => document.querySelector('#chart canvas')?.toDataURL() ?? '') : null);
    if (process.env.SHOTS) await opened.page.screenshot({ path: path.join(process.env.SHOTS, `${t.name}.png`), fullPage: true });
    await opened.page.context().close();
    if (opened.problems.length) { console.log(`${t.name}: ${opened.problems.join('; ')}`); failed = true; }
  }
  texts.forEach((text, i) => {
    if (text === texts[0]) return;
    const at = [...texts[0]].findIndex((c, j) => c !== text[j]);
    console.log(`${mine[i].name}: the text differs from ${ours.name}'s at character ${at}:\n  ours: …${texts[0].slice(Math.max(0, at - 60), at + 60)}…\n  ${mine[i].name}: …${text.slice(Math.max(0, at - 60), at + 60)}…`);
    failed = true;
  });
  // And the bars: the uPlot copy's chart model gives way from the shares drawn last, as ours does,
  // so after the same drag it draws the shares our levers show (the floor page draws ours).
  drawnShares.forEach((got, i) => {
    if (i === 0 || got === null) return;
    const off = Object.entries(drawnShares[0]).filter(([key, want]) => !(Math.abs(got[key] - want) < 0.05));
    if (off.length === 0) return;
    console.log(`${mine[i].name}: its chart draws other shares than the levers of ${ours.name} show: ` +
      off.map(([key, want]) => `${key} ${got[key]} against ${want}`).join(', '));
    failed = true;
  });
  // And the replayed chart is ours, pixel for pixel.
  mine.forEach((t, i) => {
    if (!t.pixels || pictures[i] === pictures[0]) return;
    console.log(`${t.name}: its chart's pixels differ from those of ${ours.name} after the same drag`);
    failed = true;
  });
  targets.push(...mine);
}
targets.push({ name: 'uplot', url: 'peers/uplot.html' });
if (failed) { await browser.close(); await server.close(); await floorServer?.close(); process.exit(1); }

const r2 = (x) => +x.toFixed(2);
const rows = Object.fromEntries(targets.map((t) => [t.name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const t of targets) {
    const { page, problems } = await open(t.url, t.floor);
    // First a drag through 100 % upfront, as the copies were made: our page, opened at the deal,
    // would draw the guarantees' hatching until the drag first reached 100, where the copies
    // draw none.
    if (WARM_UP) await dragThroughFull(page);
    const times = await timeInputs(page, INPUTS);
    await page.context().close();
    const update = times.map((x) => x.drawn + x.layout);
    const frame = times.map((x) => x.frame);
    rows[t.name].push({ p50: r2(pct(update, 0.5)), p95: r2(pct(update, 0.95)), frame95: r2(pct(frame, 0.95)), problems });
  }
}
await browser.close();
await server.close();
await floorServer?.close();

console.log(`${new Date().toISOString()}  DIST=${DIST} ROUNDS=${ROUNDS} INPUTS=${INPUTS}${THROTTLE > 1 ? ` THROTTLE=${THROTTLE}` : ''} ` +
  `${WARM_UP ? '' : 'WARM_UP=0 '}node bench/equivalent.mjs  (load average before ${loadBefore.join(' ')}, after ${loadAvg().join(' ')})`);
console.log('update p50 / p95 and next frame p95 in ms, one column a round:');
for (const [name, rs] of Object.entries(rows)) {
  console.log(`${name.padEnd(12)} ${rs.map((r) => `${r.p50} / ${r.p95}, ${r.frame95}`.padStart(20)).join(' ')}`);
  for (const p of new Set(rs.flatMap((r) => r.problems))) console.log(`  ${name}: ${p}`);
}
const ratio = (a, b, key) => r2(median(rows[a].map((r, i) => r[key] / rows[b][i][key])));
if (ROUNDS > 0) console.log('median over the rounds of the ratio in each round:');
for (const [a, b] of ROUNDS === 0 ? [] : [['ours', 'uplot-full'], ['ours-embed', 'uplot-embed'],
  ['ours', 'canvas-full'], ['ours-embed', 'canvas-embed'], ['uplot-full', 'canvas-full'], ['uplot-embed', 'canvas-embed'],
  ...(FLOOR ? [['floor-full', 'uplot-full'], ['floor-embed', 'uplot-embed']] : []), ['ours', 'uplot'], ['ours-embed', 'uplot'], ['uplot-full', 'uplot'], ['uplot-embed', 'uplot']]) {
  console.log(`  ${`${a} / ${b}`.padEnd(26)} update p50 ${ratio(a, b, 'p50')}, p95 ${ratio(a, b, 'p95')}, next frame p95 ${ratio(a, b, 'frame95')}`);
}
if (!process.env.EQ) fs.rmSync(dir, { recursive: true, force: true });
