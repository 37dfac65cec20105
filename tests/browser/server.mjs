import { before, after } from 'node:test';
// Tiny static file server for the built site (node:http only, no dependency).
// The site links with root-relative paths (/dien-hinh/x/), so it must be served
// from a web root rather than opened via file:// — any port works.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

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
};

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
 * With `prefix` (e.g. "/guong"), the site is served under that path only, as
 * GitHub Pages serves a project site under /<repo>/: `${url}${prefix}/`.
 */
export async function start(dir, { prefix = '' } = {}) {
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
      const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(200, { 'content-type': type });
      res.end(req.method === 'HEAD' ? undefined : await readFile(file));
      return;
    }
    // Like a real host: 404 status with the site's own 404 page as the body.
    let body = 'Not found';
    let type = 'text/plain; charset=utf-8';
    try {
      body = await readFile(path.join(root, '404.html'));
      type = TYPES['.html'];
    } catch { /* no 404 page: plain text */ }
    res.writeHead(404, { 'content-type': type });
    res.end(req.method === 'HEAD' ? undefined : body);
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
