// Shared set-up for the browser tests: Debian's Chromium through playwright-core, headless, as
// root, with every request that would leave 127.0.0.1 recorded (and aborted).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

export const BASE_URL = process.env.BASE_URL || 'http://127.0.0.1:8080/';
export const ARTIFACTS_DIR = process.env.ARTIFACTS_DIR || path.resolve('artifacts');
fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });

export async function launch() {
  const userDataDir = fs.mkdtempSync('/tmp/pledge-chromium-');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    viewport: { width: 1280, height: 900 },
  });
  await recordCanvasText(context);
  return context;
}

/**
 * The live chart and the map are drawn on canvases, whose words are pixels. This records, per
 * canvas, the text of every `fillText` since the canvas was last filled edge to edge (a drawing
 * starts by filling its background), so a test can read what the chart says. Test-side only:
 * the page is not changed.
 */
export async function recordCanvasText(context) {
  await context.addInitScript(() => {
    // Per canvas: each text drawn and where, in the canvas's pixels (the transform applied).
    const placed = new WeakMap();
    const proto = CanvasRenderingContext2D.prototype;
    const fillText = proto.fillText;
    const fillRect = proto.fillRect;
    proto.fillText = function (text, x, y, ...rest) {
      if (!placed.has(this.canvas)) placed.set(this.canvas, []);
      const m = this.getTransform();
      placed.get(this.canvas).push({ text: String(text), x: m.a * x + m.e, y: m.d * y + m.f });
      return fillText.call(this, text, x, y, ...rest);
    };
    proto.fillRect = function (x, y, w, h) {
      if (x <= 0 && y <= 0 && x + w >= this.canvas.width && y + h >= this.canvas.height) placed.set(this.canvas, []);
      return fillRect.call(this, x, y, w, h);
    };
    window.__canvasTextAt = (canvas) => (canvas && placed.get(canvas)) || [];
    window.__canvasText = (canvas) => window.__canvasTextAt(canvas).map((p) => p.text);
  });
}

/** Opens `query` on a fresh page; returns the page and the console errors and off-host requests seen. */
export async function open(context, query = '', viewport) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const errors = [];
  const offHost = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1' && url.protocol !== 'data:') {
      offHost.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  // Requests not yet finished, named in the error if the page does not load (a load that stalled
  // once in CI: bench/README.md).
  const stillOpen = openRequests(page);
  try {
    await page.goto(new URL(query, BASE_URL).href);
    await waitForChart(page);
  } catch (err) {
    err.message += `\nrequests still open: ${stillOpen()}`;
    throw err;
  }
  return { page, errors, offHost };
}

/** Records `page`'s requests until each finishes or fails; returns a function naming those still open. */
export function openRequests(page) {
  const open = new Map();
  page.on('request', (r) => open.set(r, r.url()));
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
  return () => [...open.values()].join(', ') || 'none';
}

/** Waits until the chart's canvas is in the page and drawn (its words recorded). */
export async function waitForChart(page, timeout = 15000) {
  await page.waitForSelector('#chart canvas', { timeout });
  await page.waitForFunction(() => window.__canvasText(document.querySelector('#chart canvas')).length > 0, null, { timeout });
  // The full page renders its last panels one pass after the first paint; wait for them too.
  await page.waitForFunction(() => document.querySelector('.embed') || document.querySelector('.notes'), null, { timeout });
}

/** Waits until the feasibility map's cells are drawn (their axis words recorded). */
export async function waitForMap(page, timeout = 15000) {
  await page.waitForFunction(() => window.__canvasText(document.querySelector('#map canvas.map-cells')).length > 0, null, { timeout });
}

/** The chart's picture, to tell whether it changed. */
export const chartImage = (page) => page.$eval('#chart canvas', (el) => el.toDataURL());
/** Every word the chart drew in its latest drawing, one per line. */
export const chartText = (page) => page.evaluate(() => window.__canvasText(document.querySelector('#chart canvas')).join('\n'));
/** Waits until the chart's picture differs from `before` (a `chartImage`). */
export const waitForRedraw = (page, before) =>
  page.waitForFunction((b) => document.querySelector('#chart canvas').toDataURL() !== b, before);
/** How many pixels of the chart have exactly the colour `[r, g, b]`. */
export const chartPixels = (page, [r, g, b]) => page.$eval('#chart canvas', (el, [r, g, b]) => {
  const d = el.getContext('2d').getImageData(0, 0, el.width, el.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i] === r && d[i + 1] === g && d[i + 2] === b) n++;
  return n;
}, [r, g, b]);
export const query = (page) => new URL(page.url()).searchParams;
