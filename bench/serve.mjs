// A small static server for the benchmark, on 127.0.0.1 only. It mounts
//   /         → the explorer's dist (DIST, default `dist`)
//   /peers/   → bench/peers (the uPlot and Chart.js pages)
//   /lib/     → bench/node_modules (the peers' libraries, installed by `npm ci --prefix bench`)
// and sends what `cargo xtask serve` sends: `Cache-Control: no-cache` on everything and the
// explorer's Content-Security-Policy on HTML, so every page is measured under the same rules.
// Usage as a module: `const server = await serve({ dist, port })`; or `node bench/serve.mjs`.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = path.dirname(fileURLToPath(import.meta.url));

// Same policy as xtask/src/server.rs CONTENT_SECURITY_POLICY.
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; frame-ancestors *";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.ttf': 'font/ttf', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png',
};

function resolve(mounts, pathname) {
  let decoded;
  try { decoded = decodeURIComponent(pathname); } catch { return null; }
  if (decoded.split('/').includes('..')) return null;
  for (const [prefix, dir] of mounts) {
    if (decoded.startsWith(prefix)) {
      let file = path.join(dir, decoded.slice(prefix.length));
      if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      return file;
    }
  }
  return null;
}

/** Exits, saying why, unless the peers' libraries are installed (`npm ci --prefix bench`): a
 * peer page without its library never draws, and a script waiting for it would time out. */
export function requirePeers() {
  if (!['uplot', 'chart.js'].every((name) => fs.existsSync(path.join(BENCH, 'node_modules', name)))) {
    console.error('the peer pages need their libraries: npm ci --prefix bench');
    process.exit(2);
  }
}

/** Starts the server; resolves to `{ url, close() }`. `extra` mounts more folders, as
 * `[[prefix, dir], …]` (bench/equivalent.mjs serves the pages it writes under `/eq/`). */
export function serve({ dist = 'dist', port = 0, extra = [] } = {}) {
  const mounts = [
    ...extra,
    ['/peers/', path.join(BENCH, 'peers')],
    ['/lib/', path.join(BENCH, 'node_modules')],
    ['/', path.resolve(dist)],
  ];
  const server = http.createServer((req, res) => {
    const file = resolve(mounts, new URL(req.url, 'http://127.0.0.1').pathname);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile() || !['GET', 'HEAD'].includes(req.method)) {
      res.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-cache' });
      res.end('not found');
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': 'no-cache' };
    if (type.startsWith('text/html')) headers['content-security-policy'] = CSP;
    const body = fs.readFileSync(file);
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      ok({ url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serve({ dist: process.env.DIST || 'dist', port: +(process.env.PORT || 8090) });
  console.log(`serving ${process.env.DIST || 'dist'} at ${url}, peers at ${url}peers/`);
}
