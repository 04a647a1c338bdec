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
  return context;
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
  await page.goto(new URL(query, BASE_URL).href);
  await page.waitForSelector('#chart svg', { timeout: 15000 });
  return { page, errors, offHost };
}

export const chartSvg = (page) => page.$eval('#chart svg', (el) => el.outerHTML);
export const query = (page) => new URL(page.url()).searchParams;
