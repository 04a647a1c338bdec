// Size budget: everything the page transfers, gzip -9 (bench/README.md). Size is stable across
// runs, so it is held in CI; times stay in the benchmark.
//
// The budget is a ratchet against growth, set just above the page each time it is lowered. On
// 2026-11-29: 204 000 (page 201 711 bytes, after the canvas live view and number parsing by the
// browser's parseFloat); raised to 206 000 (page 204 927) for keyboard use of the feasibility
// map with its spoken position and for correct history after Back (bench/README.md); lowered to
// 203 000 (page 202 093) when esbuild began minifying the wasm-bindgen glue and the style sheet;
// lowered to 202 000 (page 200 836) after talc replaced dlmalloc as the browser's allocator,
// net of the pixel-ratio listener, the failed-drawing fix and the map pair in the link;
// lowered to 190 500 (page 189 490) when the charts stopped naming fonts by string: plotters'
// FontFamily::from(&str) lower-cases with Unicode case tables, 11 KB gzip of the bundle; then
// 189 500 (page 188 344) with the chart's axis step found without log10 and powf; on
// 2026-11-29 (fourth session) 187 500 (page 186 602) with wasm-opt's --low-memory-unused and
// --flatten --rereloop before -Oz twice.
// The performance issue's target is 150 000 bytes; the page is over it, and bench/README.md says
// by how much and where the bytes go.
// Lower BUDGET_GZIP_BYTES whenever the page gets smaller; never raise it without a reason there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { launch, BASE_URL } from './harness.mjs';

const BUDGET_GZIP_BYTES = 187_500;
const TARGET_GZIP_BYTES = 150_000;

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

test(`the page transfers at most ${BUDGET_GZIP_BYTES} bytes gzip`, async () => {
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (r) => bodies.push(r.body().then((b) => [new URL(r.url()).pathname, b.length, zlib.gzipSync(b, { level: 9 }).length])));
  await page.goto(BASE_URL);
  await page.waitForSelector('#chart canvas');
  await page.waitForLoadState('networkidle');
  const files = await Promise.all(bodies);
  const gzip = files.reduce((sum, [, , gz]) => sum + gz, 0);
  console.log(`budget: ${gzip} bytes gzip over ${files.length} files: ${files.map(([p, , gz]) => `${p} ${gz}`).join(', ')}`);
  console.log(`target ${TARGET_GZIP_BYTES}: ${gzip <= TARGET_GZIP_BYTES ? 'met' : `not met, ${gzip - TARGET_GZIP_BYTES} bytes over`}`);
  assert.ok(files.some(([p]) => p.endsWith('.wasm')), 'the wasm was fetched');
  assert.ok(gzip <= BUDGET_GZIP_BYTES, `${gzip} bytes gzip is over the budget of ${BUDGET_GZIP_BYTES}`);
  await page.close();
});
