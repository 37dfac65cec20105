import { before, after } from 'node:test';
// Tiny static file server for the built site (node:http only, no dependency).
// The site links with root-relative paths (/dien-hinh/x/), so it must be served
// from a web root rather than opened via file:// — any port works.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
};

// Text types a real static host (GitHub Pages, Netlify, nginx with gzip on)
// compresses; images are already compressed and are sent as they are.
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt']);

// Body and headers for a file, gzipped when asked for (`compress`) and the
// client accepts it. Only gzip, not brotli: every host does gzip, so a score
// measured with it is not flattered by a better encoder than the site may get.
function encode(body, ext, req, compress) {
  const headers = {};
  if (compress && COMPRESSIBLE.has(ext)) {
    headers.vary = 'accept-encoding';
    if (/\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      headers['content-encoding'] = 'gzip';
      return { body: gzipSync(body), headers };
    }
  }
  return { body, headers };
}

// Decoded URL path, or null if it is malformed or tries to climb out with "..".
function safePath(rawUrl) {
  let rel;
  try {
    rel = decodeURIComponent(rawUrl.split(/[?#]/)[0]);
  } catch {
    return null; // malformed %-escape
  }
  // Checked after decoding so %2e%2e and ..%2f are caught too.
  if (rel.includes('\0') || rel.split(/[\\/]/).includes('..')) return null;
  return rel;
}

// The file a (safe) path maps to, with directories mapped to index.html, or null.
async function resolveFile(root, rel) {
  let file = path.join(root, rel);
  if (file !== root && !file.startsWith(root + path.sep)) return null; // belt and braces
  try {
    let st = await stat(file);
    if (st.isDirectory()) {
      file = path.join(file, 'index.html');
      st = await stat(file);
    }
    return st.isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Serve `dir` on 127.0.0.1 with a random free port. Returns {url, close}.
 * `compress: true` gzips text responses as a real host does (the Lighthouse
 * test needs it: transfer sizes feed its load-time model); off by default so
 * the other tests see the files byte for byte.
 * With `prefix` (e.g. "/guong"), the site is served under that path only, as
 * GitHub Pages serves a project site under /<repo>/: `${url}${prefix}/`.
 */
export async function start(dir, { compress = false, prefix = '' } = {}) {
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    // Look at the raw request line: new URL() would silently normalise "..".
    const rel = safePath(req.url);
    if (rel === null) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    // Outside the prefix nothing exists (on GitHub Pages, another repo's site).
    const inside = !prefix || rel.startsWith(prefix + '/');
    const file = inside ? await resolveFile(root, rel.slice(prefix.length)) : null;
    if (file) {
      const ext = path.extname(file).toLowerCase();
      const type = TYPES[ext] || 'application/octet-stream';
      const { body, headers } = encode(await readFile(file), ext, req, compress);
      res.writeHead(200, { 'content-type': type, ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    // Like a real host: 404 status with the site's own 404 page as the body.
    let body = Buffer.from('Not found');
    let type = 'text/plain; charset=utf-8';
    try {
      body = await readFile(path.join(root, '404.html'));
      type = TYPES['.html'];
    } catch { /* no 404 page: plain text */ }
    const encoded = encode(body, '.html', req, compress);
    res.writeHead(404, { 'content-type': type, ...encoded.headers });
    res.end(req.method === 'HEAD' ? undefined : encoded.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(resolve);
    }),
  };
}

/** SITE_DIR from the environment, checked: fail loudly, never skip. */
export async function siteDir() {
  const dir = process.env.SITE_DIR;
  if (!dir) {
    throw new Error('SITE_DIR is not set. Build the site first, e.g. ' +
      '`./target/debug/guong build --out /tmp/site`, then run `SITE_DIR=/tmp/site npm test`.');
  }
  try {
    await stat(path.join(dir, 'index.html'));
  } catch {
    throw new Error(`SITE_DIR=${dir} has no index.html: is it a built guong site?`);
  }
  return path.resolve(dir);
}

// Shared Chromium launch options: the system chromium, no network side traffic.
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

// Run directly (`SITE_DIR=/tmp/site node server.mjs`) to browse the site by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await start(await siteDir());
  console.log(`Serving ${process.env.SITE_DIR} at ${url}/`);
}

/**
 * For a test file: serve `dir` (default SITE_DIR) and launch Chromium before
 * its tests, close both after. Returns a handle whose `server` and `browser`
 * are set once the tests run.
 *
 * With SERVER_URL set (an origin such as http://127.0.0.1:8080, serving the
 * same site), the tests run against that server instead: nginx.test.mjs
 * runs the journey against nginx this way.
 */
export function useBrowser(dir) {
  const handle = { server: null, browser: null };
  before(async () => {
    const { chromium } = await import('playwright-core');
    handle.server = process.env.SERVER_URL
      ? external(process.env.SERVER_URL)
      : await start(dir || (await siteDir()));
    handle.browser = await chromium.launch(CHROMIUM);
  });
  after(async () => {
    await handle.browser?.close();
    await handle.server?.close();
  });
  return handle;
}

// A server someone else runs. The tests compare request origins with `url`
// and append root-relative paths, so it must be a bare origin.
function external(url) {
  const u = new URL(url);
  if (u.pathname !== '/' || u.search || u.hash) throw new Error(`SERVER_URL=${url} must be an origin, like http://127.0.0.1:8080`);
  return { url: u.origin, close: async () => {} };
}
