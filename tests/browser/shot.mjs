import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
await p.goto('http://127.0.0.1:8731/?preset=kr-deal'); await p.waitForTimeout(1500);
await p.mouse.wheel(0, 1500); await p.waitForTimeout(800);
await p.screenshot({ path: `/tmp/desk-scrolled.png` });
await b.close();
