// Embedding, sharing and exporting, as a newsroom would use them: the embed code pasted into a
// host page on another origin under a strict CSP, auto-height, the postMessage API, the
// downloads, the no-script fallback and print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { launch, open, chartText, chartImage, waitForRedraw, BASE_URL, ARTIFACTS_DIR } from './harness.mjs';

let context;
let host; // { server, url, article }
const explorerOrigin = new URL(BASE_URL).origin;

// A host page on another port: the article is set per test; host.js is the example's own.
function startHost() {
  const state = { article: '<!doctype html><p>empty</p>' };
  const server = http.createServer((req, res) => {
    const csp = `default-src 'self'; script-src 'self' ${explorerOrigin}; frame-src ${explorerOrigin}; style-src 'self'`;
    if (req.url.startsWith('/article.html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
      return res.end(state.article);
    }
    const file = { '/host.js': 'examples/host/host.js', '/host.css': 'examples/host/host.css' }[req.url];
    if (file) {
      res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/css' });
      return res.end(fs.readFileSync(file));
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ server, url: `http://127.0.0.1:${server.address().port}/`, state });
  }));
}

before(async () => {
  context = await launch();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: explorerOrigin });
  host = await startHost();
});
after(async () => {
  await context?.close();
  host?.server.close();
});

/** Opens the host page with `embedCode` pasted into an article; records off-host requests and errors. */
async function openArticle(embedCode) {
  host.state.article = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title>
    <link rel="stylesheet" href="/host.css"></head><body><article><h1>An article</h1><p>Text before.</p>
    ${embedCode}
    <div class="buttons">
      <button type="button" id="us" data-scenario='{"preset":"us-demand"}'>US demand</button>
      <button type="button" id="q" data-query="upfront=20&amp;krw=40">query</button>
    </div>
    <p>State: <output id="state">none yet</output></p><p>Text after.</p></article>
    <script src="/host.js"></script></body></html>`;
  const page = await context.newPage();
  const errors = [];
  const offHost = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') { offHost.push(url.href); return route.abort(); }
    return route.continue();
  });
  await page.goto(host.url + 'article.html');
  return { page, errors, offHost };
}

const embedFrame = (page) => page.frames().find((f) => f.url().startsWith(explorerOrigin));

// The embed's frame, once it has posted its height (so the frame is attached) and drawn its chart.
async function drawnEmbed(page) {
  await page.waitForFunction(() => /px$/.test(document.querySelector('iframe[data-pledge-explorer]').style.height));
  const frame = embedFrame(page);
  await frame.waitForSelector('#chart canvas');
  return frame;
}

async function embedCodeFor(query) {
  const { page } = await open(context, query);
  const code = await page.inputValue('#share-embed');
  await page.close();
  return code;
}

test('the copied embed code works on another origin under a strict CSP: the iframe grows to the posted height', async () => {
  const code = await embedCodeFor('?preset=kr-deal&controls=upfront,years');
  assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?preset=kr-deal&amp;embed=1&amp;controls=upfront%2Cyears"/);
  assert.match(code, /<script src="http:\/\/127\.0\.0\.1:\d+\/assets\/embed\.js" defer><\/script>$/);
  assert.doesNotMatch(code, /style=|onload=|<script>/);
  const { page, errors, offHost } = await openArticle(code);
  const iframe = page.locator('iframe[data-pledge-explorer]');
  const frame = await drawnEmbed(page);
  // The iframe's height is the embed's content height (not the 760 fallback), and nothing scrolls.
  const contentHeight = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  await page.waitForFunction((h) => document.querySelector('iframe[data-pledge-explorer]').style.height === `${h}px`, contentHeight);
  const box = await iframe.boundingBox();
  assert.ok(Math.abs(box.height - contentHeight) <= 1, `iframe ${box.height} vs content ${contentHeight}`);
  assert.notEqual(Math.round(box.height), 760);
  assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1), true);
  // Only the controls the link asked for, and a link back to the full explorer with the same state.
  assert.deepEqual(await frame.$$eval('input[type=range]', (els) => els.map((e) => e.id)), ['ctl-upfront', 'ctl-years']);
  const full = await frame.getAttribute('#full-link', 'href');
  assert.equal(new URL(full).search, '?preset=kr-deal');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'embed-host-article.png'), fullPage: true });
  assert.deepEqual(errors, []);
  assert.deepEqual(offHost, []);
  await page.close();
});

test('a resize script that runs after the embed has reported still sizes it: it asks again', async () => {
  // On a heavy news page embed.js can run seconds late (a queue of deferred scripts, a tag
  // manager). The embed had posted its height once, before anyone listened, and the iframe kept
  // its fixed 760 px: on a phone, 160 px of the embed cut off; at 740 px, 94 px of blank.
  const code = await embedCodeFor('?preset=kr-deal&controls=upfront,years');
  const [iframe, script] = code.split(/(?=<script )/);
  const { page, errors } = await openArticle(iframe);
  await page.setViewportSize({ width: 360, height: 800 });
  // The embed's frame once it has drawn (the iframe attaches it after the article's load).
  const frame = await (async () => {
    for (;;) {
      const f = embedFrame(page);
      if (f) { await f.waitForSelector('#chart canvas'); return f; }
      await page.waitForTimeout(50);
    }
  })();
  await page.waitForTimeout(300);
  assert.equal(await page.$eval('iframe[data-pledge-explorer]', (el) => el.style.height), '', 'no resize script yet');
  // Now the script, as the article's last deferred one would run it.
  const src = script.match(/src="([^"]+)"/)[1];
  await page.evaluate((src) => { const s = document.createElement('script'); s.src = src; document.body.append(s); }, src);
  const contentHeight = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  await page.waitForFunction((h) => document.querySelector('iframe[data-pledge-explorer]').style.height === `${h}px`, contentHeight);
  assert.ok(contentHeight > 760, `the embed is ${contentHeight} px tall at 360 px`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the host page sets scenarios by postMessage and hears the state back; malformed messages change nothing', async () => {
  const code = await embedCodeFor('');
  const { page, errors } = await openArticle(code);
  const frame = await drawnEmbed(page);
  const frameErrors = [];
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'error') frameErrors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });

  await page.click('#us');
  await page.waitForFunction(() => document.querySelector('#state').textContent.includes('peak $350.0 bn in 2026'));
  assert.match(await frame.textContent('#narration'), /Korea would need \$350 bn in dollars in 2026/);
  assert.match(await page.textContent('#state'), /^\?preset=us-demand&embed=1:/);
  await page.click('#q');
  await page.waitForFunction(() => document.querySelector('#state').textContent.startsWith('?upfront=20&krw=40&embed=1'));

  const before = await frame.textContent('#narration');
  const historyBefore = await page.evaluate(() => history.length);
  // Not ours, not well formed, or a bad scenario: all ignored.
  await page.evaluate(() => {
    const w = document.querySelector('iframe[data-pledge-explorer]').contentWindow;
    for (const m of [null, 'hello', 42, [1, 2], { type: 'other' }, { type: 'pledge-explorer:set' },
      { type: 'pledge-explorer:set', scenario: { years: 99 } }, { type: 'pledge-explorer:set', scenario: { upfront: 'NaN' } },
      { type: 'pledge-explorer:set', scenario: [1] }, { type: 'pledge-explorer:set', query: 7 },
      { type: 'pledge-explorer:set', scenario: { upfront: 10 }, query: 'years=3' },
      { type: 'pledge-explorer:set', scenario: { upfront: true, years: [5] } },
      // Not a plain object: the wrong shape, not an empty scenario (which would reset the embed).
      { type: 'pledge-explorer:set', scenario: new Map([['upfront', 20]]) },
      { type: 'pledge-explorer:set', scenario: new Date(0) },
      // A 5 MB value: refused, and quoted in the warning by its first characters only.
      { type: 'pledge-explorer:set', query: `upfront=${'7'.repeat(5e6)}` },
      // 50 000 bad keys: twenty named, the rest counted (a 7.8 MB warning, each line with the
      // twenty known keys).
      { type: 'pledge-explorer:set', scenario: Object.fromEntries(Array.from({ length: 5e4 }, (_, i) => [`x${i}`, 1])) }]) w.postMessage(m, '*');
  });
  await page.waitForTimeout(300);
  // The last message's warning, on a slow machine later than the others'.
  for (let t = 0; t < 100 && !warnings.some((w) => w.includes('x0=1: unknown key')); t++) await page.waitForTimeout(50);
  assert.equal(await frame.textContent('#narration'), before);
  // A set's console warning names what was wrong: the shape, or each bad key.
  const shape = warnings.filter((w) => w.includes('needs exactly one of `scenario` (an object) or `query` (a string)'));
  // The set with neither, `scenario: [1]`, `query: 7`, both, the Map and the Date.
  assert.equal(shape.length, 6, warnings.join('\n'));
  assert.ok(warnings.some((w) => w.includes('upfront="true": not a number') && w.includes('years="[…]": not a number')), warnings.join('\n'));
  const huge = warnings.filter((w) => w.includes(`upfront="${'7'.repeat(40)}…": not a number`));
  assert.equal(huge.length, 1, warnings.map((w) => w.slice(0, 200)).join('\n'));
  assert.ok(huge[0].length < 200, `a warning of ${huge[0].length} characters`);
  const many = warnings.filter((w) => w.includes('x0=1: unknown key'));
  assert.equal(many.length, 1, warnings.map((w) => w.slice(0, 200)).join('\n'));
  assert.ok(many[0].endsWith('\n… and 49980 more') && many[0].length < 8000, `a warning of ${many[0].length} characters`);
  // Moving a slider inside the embed never adds entries to the article's history.
  const slider = frame.locator('#ctl-years');
  await slider.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('#state').textContent.includes('years=13'));
  assert.equal(await page.evaluate(() => history.length), historyBefore);
  assert.deepEqual(errors, []);
  assert.deepEqual(frameErrors, []);
  await page.close();
});

test('a host can send back what the embed reported: its scenario or its query gives the same state', async () => {
  const code = await embedCodeFor('');
  const { page, errors } = await openArticle(code);
  const frame = await drawnEmbed(page);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.evaluate(() => window.addEventListener('message', (e) => {
    if (e.data?.type === 'pledge-explorer:state') window.__lastState = e.data;
  }));
  await page.click('#q');
  await page.waitForFunction(() => window.__lastState?.query.startsWith('upfront=20&krw=40&embed=1'));
  const report = await page.evaluate(() => window.__lastState);
  assert.equal(report.scenario.preset, null);
  const narration = await frame.textContent('#narration');
  for (const field of ['scenario', 'query']) {
    await page.click('#us');
    await page.waitForFunction(() => window.__lastState?.query.startsWith('preset=us-demand'));
    await page.evaluate(([f, r]) => document.querySelector('iframe[data-pledge-explorer]').contentWindow
      .postMessage({ type: 'pledge-explorer:set', [f]: r[f] }, '*'), [field, report]);
    await page.waitForFunction((q) => window.__lastState?.query === q, report.query);
    assert.equal(await frame.textContent('#narration'), narration, field);
  }
  assert.deepEqual(warnings, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('only the parent is obeyed: a set posted by the embed itself, by another frame, or to a top-level page changes nothing', async () => {
  const set = { type: 'pledge-explorer:set', scenario: { preset: 'us-demand' } };
  // Top-level page: no parent, so even a well-formed message changes nothing.
  const top = await open(context, '?embed=1');
  const topBefore = await top.page.textContent('#narration');
  await top.page.evaluate((m) => window.postMessage(m, '*'), set);
  // In an article: the same message from the embed's own window (a script inside the frame),
  // and from another frame of the article, which reaches the embed through `parent.frames`.
  const { page, errors } = await openArticle(await embedCodeFor(''));
  const frame = await drawnEmbed(page);
  const before = await frame.textContent('#narration');
  await frame.evaluate((m) => window.postMessage(m, '*'), set);
  await page.evaluate(() => new Promise((resolve) => {
    const other = document.createElement('iframe');
    other.name = 'other';
    other.addEventListener('load', resolve, { once: true });
    document.body.append(other);
  }));
  const other = page.frames().find((f) => f.name() === 'other');
  assert.ok(other, 'the second frame is there');
  const sent = await other.evaluate((m) => {
    const frames = Array.from({ length: parent.frames.length }, (_, i) => parent.frames[i]);
    const embed = frames.find((w) => w !== window);
    embed.postMessage(m, '*');
    return embed !== undefined;
  }, set);
  assert.ok(sent, 'the second frame found the embed');
  await page.waitForTimeout(300);
  assert.equal(await top.page.textContent('#narration'), topBefore);
  assert.equal(await frame.textContent('#narration'), before, 'a set from a window other than the parent was obeyed');
  // The same message from the parent is obeyed: the embed was listening all along.
  await page.evaluate((m) => document.querySelector('iframe[data-pledge-explorer]').contentWindow.postMessage(m, '*'), set);
  await frame.waitForFunction((b) => document.querySelector('#narration').textContent !== b, before);
  assert.match(await frame.textContent('#narration'), /\$350 bn in dollars in 2026/);
  assert.deepEqual([...top.errors, ...errors], []);
  await top.page.close();
  await page.close();
});

async function download(page, id) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(id)]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(file) };
}

test('downloads: PNG at 2x, SVG that parses, CSV with the core columns, JSON of scenario, rows and summary', async () => {
  const { page, errors } = await open(context, '?preset=kr-deal&years=5');
  // The chart files come from the chart module, fetched on the first chart download only.
  const chartModule = [];
  page.on('request', (r) => { if (/pledge_svg/.test(r.url())) chartModule.push(new URL(r.url()).pathname.split('/').pop()); });
  // The pointer reaching the download buttons starts loading it, before any click.
  await Promise.all([page.waitForRequest(/pledge_svg_bg\.wasm/), page.hover('#dl-csv')]);
  const png = await download(page, '#dl-png');
  assert.equal(png.name, 'pledge-kr-deal.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.deepEqual([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)], [1920, 1120]);
  fs.writeFileSync(path.join(ARTIFACTS_DIR, 'download-kr-deal.png'), png.bytes);

  const svg = await download(page, '#dl-svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName,
      w: doc.documentElement.getAttribute('width'), text: doc.documentElement.textContent };
  }, svg.bytes.toString('utf8'));
  assert.deepEqual([parsed.error, parsed.root, parsed.w], [null, 'svg', '960']);
  assert.match(parsed.text, /Korea's final deal/);
  assert.match(parsed.text, /Sources:/);
  assert.deepEqual(chartModule.sort(), ['pledge_svg.js', 'pledge_svg_bg.wasm'], 'the chart module, once');

  const csv = (await download(page, '#dl-csv')).bytes.toString('utf8').trim().split('\n');
  assert.equal(csv[0], 'year,upfront,direct,loans,corporate,guarantees_issued,guarantees_called,state_cash,usd_cash,fx_limit,headroom,breach');
  assert.equal(csv.length, 6);
  assert.match(csv[1], /^2026,0,40,0,15,15,0,40,40,20,-20,true$/);

  const json = JSON.parse((await download(page, '#dl-json')).bytes.toString('utf8'));
  assert.deepEqual(Object.keys(json), ['scenario', 'rows', 'summary']);
  assert.equal(json.scenario.preset, 'kr-deal');
  assert.equal(json.scenario.years, 5);
  assert.equal(json.rows.length, 5);
  assert.equal(json.summary.breach_years, 5);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a chart download is drawn as the reader sees it: language, theme and pinned baseline', async () => {
  const { page, errors } = await open(context, '?preset=kr-deal&years=5&lang=ko&theme=dark&base=preset%3Dus-demand');
  // While the chart module loads (held here until the reader has been told), the status says so.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/pledge_svg.js', async (route) => { await held; await route.continue(); });
  const saved = download(page, '#dl-svg');
  await page.waitForFunction(() => document.querySelector('.share-status').textContent === '차트를 그리는 중…');
  release();
  const svg = (await saved).bytes.toString('utf8');
  await page.unroute('**/pledge_svg.js');
  assert.equal(await page.textContent('.share-status'), '');
  assert.match(svg, /기준선: 연간 달러/, 'the baseline, in Korean');
  assert.match(svg, /fill="#16181C"/i, 'the dark theme\'s background');
  // Without the chart module (boot.js did not run), the reader is told the file could not be made.
  await page.evaluate(() => { delete globalThis.pledgeExplorer; });
  await page.click('#dl-svg');
  await page.waitForFunction(() => document.querySelector('.share-status').textContent.includes('svg'));
  assert.equal(await page.textContent('.share-status'), '파일을 만들지 못했습니다: svg');
  assert.deepEqual(errors, []);
  await page.close();
});

test('copy link and copy embed code put the current state on the clipboard and say so', async () => {
  // The reader's theme is theirs: the link shares the scenario without it, the embed code keeps it.
  const { page } = await open(context, '?upfront=20&theme=dark');
  assert.equal(await page.inputValue('#theme'), 'dark');
  await page.click('#copy-link');
  await page.waitForFunction(() => document.querySelector('.share-status').textContent === 'Link copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, new URL('?upfront=20', BASE_URL).href);
  assert.equal(await page.inputValue('#share-link'), copied);
  assert.match(await page.textContent('#cite'), /^pledge-explorer, model \d+\.\d+\.\d+, data as of 2025-11-14\. Scenario: \$350 bn pledge over 10 years: 20% upfront/);
  await page.click('#copy-embed');
  await page.waitForFunction(() => document.querySelector('.share-status').textContent === 'Embed code copied.');
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^<iframe src=".*\?upfront=20&amp;theme=dark&amp;embed=1"/);
  // Once the scenario changes, what was copied is no longer this link: the status goes.
  await page.click('#copy-link');
  await page.waitForFunction(() => document.querySelector('.share-status').textContent === 'Link copied.');
  await page.focus('#ctl-years');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('#share-link').value.includes('years=11'));
  await page.waitForFunction(() => document.querySelector('.share-status').textContent === '');
  await page.close();
});

test('a download\'s file stays readable after the click: its address is not revoked at once', async () => {
  // Safari and Firefox read the file after the click returns; a URL revoked in the same task
  // saved nothing there. (The page's CSP forbids reading a blob: address back, so the test
  // records each link clicked and each address revoked.)
  const { page, errors } = await open(context, '?years=5');
  await page.evaluate(() => {
    window.__clicked = [];
    window.__revoked = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () { window.__clicked.push(this.href); return click.call(this); };
    const revoke = URL.revokeObjectURL;
    URL.revokeObjectURL = (url) => { window.__revoked.push(url); return revoke(url); };
  });
  const csv = await download(page, '#dl-csv');
  assert.match(csv.bytes.toString('utf8'), /^year,upfront,/);
  await page.waitForTimeout(100);
  const [clicked, revoked] = await page.evaluate(() => [window.__clicked, window.__revoked]);
  assert.equal(clicked.length, 1);
  assert.match(clicked[0], /^blob:/);
  assert.deepEqual(revoked, [], 'the address was revoked as it was clicked');
  assert.deepEqual(errors, []);
  await page.close();
});

test('without JavaScript the built page shows the prerendered default chart and its summary', async () => {
  const html = await (await fetch(BASE_URL)).text();
  const noscript = html.slice(html.indexOf('<noscript>'), html.indexOf('</noscript>'));
  assert.match(noscript, /<figure class="prerendered"><img src="prerender\/default\.svg" width="960" height="560" alt="\$350 bn pledge over 10 years/);
  assert.match(noscript, /<figcaption>Korea would need \$35 bn in dollars every year/);
  assert.match(noscript, /<li>Peak dollar outflow: \$35 bn every year/);
  for (const name of ['default', 'us-demand', 'kr-deal', 'japan', 'eu']) {
    const res = await fetch(new URL(`prerender/${name}.svg`, BASE_URL));
    assert.equal(res.status, 200, name);
    assert.match(await res.text(), /^<svg/);
  }
  assert.match(html, /<meta property="og:image" content="prerender\/og\.png">/);
  const og = Buffer.from(await (await fetch(new URL('prerender/og.png', BASE_URL))).arrayBuffer());
  assert.deepEqual([og.readUInt32BE(16), og.readUInt32BE(20)], [1200, 630]);
});

test('with JavaScript off the noscript chart is what the reader sees', async () => {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(BASE_URL);
  const img = page.locator('.prerendered img');
  await img.waitFor();
  assert.ok(await img.evaluate((el) => el.complete && el.naturalWidth === 960));
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'noscript.png'), fullPage: true });
  await browser.close();
});

test('print shows the chart, the finding, the whole table and the line to cite with its link, not the controls or the rest of the share panel', async () => {
  const { page } = await open(context, '?preset=kr-deal&years=12');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#chart canvas'), true);
  assert.equal(await page.isVisible('#narration'), true);
  assert.equal(await page.isVisible('.data-table tbody tr:last-child'), true);
  assert.equal(await page.isVisible('#ctl-upfront'), false);
  for (const hidden of ['#share-heading', '#share-link', '#copy-link', '#share-embed', '.downloads', '.share-status']) {
    assert.equal(await page.isVisible(hidden), false, `${hidden} is printed`);
  }
  // The map's key is printed, not how to click or key through it.
  const mapKey = await page.$eval('#map-how', (e) => e.innerText);
  assert.match(mapKey, /darker its shade/);
  assert.doesNotMatch(mapKey, /Click|arrow keys/, 'the map\'s instructions are printed');
  // A printed handout leads back to its scenario: the cite line and the link in it are on paper.
  assert.equal(await page.isVisible('#cite'), true);
  const cite = await page.textContent('#cite');
  assert.match(cite, /^pledge-explorer, model \S+, data as of \d{4}-\d{2}-\d{2}\. Scenario: .*over 12 years/);
  assert.ok(cite.endsWith(await page.inputValue('#share-link')), cite);
  assert.match(cite, /years=12/);
  // A source on paper gives its address after its name; the answers' how-to (their buttons are
  // not printed) is left out.
  const [href, after] = await page.$eval('.notes a[href^="http"]', (a) => [a.getAttribute('href'), getComputedStyle(a, '::after').content]);
  assert.equal(after, `" ${href}"`);
  assert.equal(await page.isVisible('.solvers .hint'), false);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'print-kr-deal.png'), fullPage: true });
  await page.close();
});

test('printed from a dark page, the text, the chart and the map are dark on white paper', async () => {
  // Printed dark, the text was pale grey on the paper and the chart and the map near-black blocks.
  const corner = (page, sel) => page.$eval(sel, (el) => [...el.getContext('2d').getImageData(1, 1, 1, 1).data.slice(0, 3)]);
  const light = (rgb) => rgb.every((c) => c > 200);
  for (const [query, scheme] of [['?preset=kr-deal&theme=dark', 'light'], ['?preset=kr-deal', 'dark']]) {
    const { page, errors } = await open(context, query);
    await page.emulateMedia({ colorScheme: scheme });
    await page.$eval('#map', (el) => el.scrollIntoView());
    await page.waitForFunction(() => document.querySelector('#map canvas.map-cells'));
    await page.waitForFunction(() => { const d = document.querySelector('#chart canvas').getContext('2d').getImageData(1, 1, 1, 1).data; return d[0] < 100; });
    assert.ok(!light(await corner(page, '#chart canvas')), `${query}: the screen's chart is dark`);
    const [chart, map] = [await chartImage(page), await page.$eval('#map canvas.map-cells', (el) => el.toDataURL())];
    await page.emulateMedia({ media: 'print' });
    await waitForRedraw(page, chart);
    await page.waitForFunction((b) => document.querySelector('#map canvas.map-cells').toDataURL() !== b, map);
    assert.ok(light(await corner(page, '#chart canvas')), `${query}: the printed chart's background is ${await corner(page, '#chart canvas')}`);
    const [ink, paper] = await page.evaluate(() => ['color', 'background-color'].map((p) => getComputedStyle(document.documentElement).getPropertyValue(p)));
    assert.equal(ink, 'rgb(28, 28, 30)', `${query}: printed text`);
    assert.equal(paper, 'rgb(255, 255, 255)', `${query}: printed page`);
    // Back on the screen, dark again.
    const printed = await chartImage(page);
    await page.emulateMedia({ media: 'screen' });
    await waitForRedraw(page, printed);
    assert.ok(!light(await corner(page, '#chart canvas')), `${query}: after printing, the chart is dark again`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('printed from a phone or a wide window, the chart and the map are drawn for the paper, and for the screen again after', async () => {
  // Printed at the width it had on the screen, a phone's chart was stretched to the page with
  // its letters (and pushed onto the second page), a wide window's shrunk to 5 pt letters.
  const sizes = (page) => page.evaluate(() => ['#chart canvas', '#map canvas.map-cells']
    .map((sel) => { const c = document.querySelector(sel); return [c.width, c.height]; }));
  const pages = [];
  for (const viewport of [{ width: 375, height: 812 }, { width: 1400, height: 900 }]) {
    const { page, errors } = await open(context, '?preset=kr-deal', viewport);
    await page.$eval('#map', (el) => el.scrollIntoView());
    await page.waitForFunction(() => document.querySelector('#map canvas.map-cells'));
    const screen = await sizes(page);
    const chart = await chartImage(page);
    await page.emulateMedia({ media: 'print' });
    await waitForRedraw(page, chart);
    await page.waitForFunction(() => document.querySelector('#map canvas.map-cells').width === 1360);
    // 680 CSS px (an A4 or Letter line) at 2 device pixels each; the chart's height for that width.
    assert.deepEqual(await sizes(page), [[1360, 880], [1360, 560]], `${viewport.width} px`);
    // The boxes the style sheet gives them on paper (before they are drawn: the browser counts
    // the pages first) have the drawings' shape.
    const shapes = await page.evaluate(() => ['#chart canvas', '#map canvas.map-cells'].map((sel) => {
      const r = document.querySelector(sel).getBoundingClientRect();
      return Math.round((r.width / r.height) * 100) / 100;
    }));
    assert.deepEqual(shapes, [1.55, 2.43], `${viewport.width} px: the printed boxes' shapes`);
    const printed = await chartImage(page);
    await page.emulateMedia({ media: 'screen' });
    await waitForRedraw(page, printed);
    await page.waitForFunction((w) => document.querySelector('#map canvas.map-cells').width === w, screen[1][0]);
    assert.deepEqual(await sizes(page), screen, `${viewport.width} px, after printing`);
    // Printed for real: from a phone the browser counted the pages with the phone's tall chart
    // and map stretched to the page, and two blank pages came out at the end.
    await page.emulateMedia({ media: null }); // emulating screen, page.pdf prints the screen's style
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    pages.push(Number(pdf.match(/\/Count (\d+)/)?.[1]));
    assert.deepEqual(errors, []);
    await page.close();
  }
  assert.equal(pages[0], pages[1], `pages printed from a phone and from a wide window: ${pages}`);
});

test('printed on a slow computer, the map is drawn for the paper too, not left as the screen drew it', async () => {
  // Yew's scheduler, as published, yields to the browser once it has run 16 ms: printing on a
  // CPU eight times slower than this one, the chart's redraw for the paper took that long and
  // the map's was left to a later task, after the browser had printed the page with the map as
  // the screen drew it (its letters a third the size). A canvas drawn for the paper is printed
  // from its drawing calls; one left as the screen drew it, as a bitmap of the screen's width.
  const { page, errors } = await open(context, '?preset=kr-deal', { width: 1600, height: 900 });
  await page.$eval('#map', (el) => el.scrollIntoView());
  await page.waitForFunction(() => document.querySelector('#map canvas.map-cells'));
  const screen = await page.evaluate(() => [...document.querySelectorAll('#chart canvas, #map canvas')].map((c) => c.width));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const bitmaps = [...pdf.matchAll(/\/Width (\d+)/g)].map((m) => Number(m[1]));
  assert.deepEqual(bitmaps.filter((w) => screen.includes(w)), [], `bitmaps ${bitmaps} of the screen's canvases ${screen}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an embed draws its first chart once, for the embed\'s own margins', async () => {
  // `data-embed` (which narrows the body's padding) was set in an effect after the chart's first
  // drawing, for the full page's margins: the chart was drawn again 16 px wider 15 ms later.
  for (const query of ['?preset=kr-deal&embed=1', '?preset=kr-deal&embed=1&lang=ko&theme=dark', '?preset=kr-deal']) {
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__drawn = [];
      document.addEventListener('chart-drawn', () => window.__drawn.push(document.querySelector('#chart canvas').width), true);
    });
    await page.goto(new URL(query, BASE_URL).href);
    await page.waitForFunction(() => window.__drawn.length > 0);
    await page.waitForTimeout(600);
    const [drawn, width] = await page.evaluate(() => [window.__drawn, Math.round(document.querySelector('#chart').clientWidth * devicePixelRatio)]);
    assert.deepEqual(drawn, [width], `${query}: drawn at ${drawn}, the chart's box is ${width} px`);
    await page.close();
  }
});

test('an embed can carry a baseline to make its point: the chart shows it beside the bars', async () => {
  const { page, errors } = await open(context, '?preset=kr-deal&years=5&embed=1&controls=years&base=preset%3Dkr-deal');
  assert.match(await chartText(page), /Baseline: dollars a year/);
  assert.equal(await page.locator('#tour-start').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
