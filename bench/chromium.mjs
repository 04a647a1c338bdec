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

/** The median of `xs` (the upper one of an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
