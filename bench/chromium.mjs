// What every browser benchmark here shares: headless Debian Chromium as the brief prescribes
// (root, no sandbox, no GPU, nothing fetched in the background), and the median of a sample.
import { chromium } from 'playwright-core';

/** Launches headless Chromium (`$CHROMIUM`, default `/usr/bin/chromium`). Playwright gives it a
 * fresh temporary user-data-dir. */
export const launchChromium = () => chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

/** The main thread (`{ pid, tid }`) of the renderer that holds the page's top frame, in the
 * events of a Chrome trace (a trace can hold other renderers). */
export function rendererMainThread(events) {
  const frames = events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames || [];
  const pid = frames.find((f) => !f.parent)?.processId;
  const thread = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (pid === undefined || e.pid === pid));
  if (!thread) throw new Error('no renderer main thread in the trace');
  return { pid: thread.pid, tid: thread.tid };
}

/** The `p` quantile of `xs` (0 to 1): the sample at rank ⌊p·n⌋ of the sorted values, the last
 * one for p = 1. */
export const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

/** The median of `xs` (the upper one of an even count). */
export const median = (xs) => percentile(xs, 0.5);

/** Sends `n` inputs to the page's "Upfront share" slider as a drag does (values 1, 8, 15, …,
 * never the same twice running; no `change` event), each followed by the next animation frame
 * and a task, so each input's frame is drawn before the next input. */
export const dragUpfront = (page, n) => page.evaluate(async (count) => {
  const slider = document.querySelector('#ctl-upfront');
  for (let i = 0; i < count; i++) {
    slider.value = String(1 + ((i * 7) % 100));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
}, n);

/** The inputs `dragUpfront` takes to reach 100 % upfront (1, 8, 15, …: the 58th is 100). */
export const THROUGH_FULL = 58;

/** A drag through 100 % upfront, then 300 ms for the page to settle: on our page it leaves the
 * other shares at 0 (the rest is direct investment), the state bench/equivalent.mjs copies our
 * page in, so a timed drag after it draws and writes the same on every page from its first
 * input. */
export async function dragThroughFull(page) {
  await dragUpfront(page, THROUGH_FULL);
  await page.waitForTimeout(300);
}

/** Sends `n` inputs to the page's "Upfront share" slider as `dragUpfront` does and times each in
 * the page: `drawn`, from the `input` event to the chart's `chart-drawn` event; `layout`, the
 * forced layout after it (getBoundingClientRect: every text the input changed); `frame`, from
 * the input to the next animation frame, which the next input waits for. */
export const timeInputs = (page, n) => page.evaluate(async (count) => {
  const slider = document.querySelector('#ctl-upfront');
  const chart = document.querySelector('#chart');
  const out = [];
  for (let i = 0; i < count; i++) {
    const drawn = new Promise((resolve) => chart.addEventListener('chart-drawn', resolve, { once: true }));
    const t0 = performance.now();
    slider.value = String(1 + ((i * 7) % 100));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await drawn;
    const t1 = performance.now();
    chart.getBoundingClientRect();
    const t2 = performance.now();
    await new Promise((r) => requestAnimationFrame(() => r()));
    out.push({ drawn: t1 - t0, layout: t2 - t1, frame: performance.now() - t0 });
  }
  return out;
}, n);

/** THROTTLE=n from the environment (default 1): how many times slower the page's main thread
 * runs (`Emulation.setCPUThrottlingRate`; Lighthouse's phone runs use 4). Exits on a bad value. */
export function throttleFromEnv() {
  const rate = +(process.env.THROTTLE || 1);
  if (!(rate >= 1)) {
    console.error(`THROTTLE=${process.env.THROTTLE}: a slow-down factor of 1 or more`);
    process.exit(2);
  }
  return rate;
}

/** Slows `page`'s main thread `rate` times (nothing at 1). */
export async function throttle(page, rate) {
  if (rate > 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate });
}

/** Adds `css` to the page as a style sheet (the context must bypass the page's CSP), if any. */
export async function addStyle(page, css) {
  if (!css) return;
  await page.addStyleTag({ content: css });
  await page.waitForTimeout(300);
}

/** Sends `n` inputs as `dragUpfront` does under a Chrome trace of `categories`; resolves to the
 * trace's events. */
export async function traceDrag(page, n, categories) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  await dragUpfront(page, n);
  await cdp.send('Tracing.end');
  await complete;
  return { events, cdp };
}
