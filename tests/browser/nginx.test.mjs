// deploy/nginx.conf, as a sysadmin installs it, serving the real site:
// Debian's nginx with its own mime.types and modules (brotli), the file
// included in http {} unchanged but for `root` and `listen`. Checks the
// headers the file promises (compression, caching, types, 404, redirects,
// framing, CORS), then runs the reader's journey and the search tests in
// Chromium against it, and a newspaper page on another origin framing a
// profile card (allowed) and a profile page (refused).
//
// Needs Debian's nginx and libnginx-mod-http-brotli-{filter,static}
// (scripts/test installs them): without them this fails, it never skips.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { request, createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer as createNetServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, siteDir } from './server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CONF = path.resolve(HERE, '../../deploy/nginx.conf');
// Not $NGINX: nginx itself reads that variable (sockets handed over on
// upgrade), so it is also kept from the nginx started here.
const NGINX = process.env.NGINX_BIN || 'nginx';
const { NGINX: _, ...NGINX_ENV } = process.env;
const SITE = await siteDir();
const YEAR = 'public, max-age=31536000, immutable';
const PROFILE = '/dien-hinh/tran-thanh-son/';
const CARD = '/embed/tran-thanh-son/';

let dir; // config, pid, logs and temp files of this nginx
let nginx; // the child process
let origin; // http://127.0.0.1:<port>

async function freePort() {
  const s = createNetServer();
  await new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address();
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** The sample file with only what differs here replaced; each must be found once. */
function siteConf(sample, port) {
  const swaps = [
    [/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`],
    [/^\s*listen \[::\]:80;\n/m, ''],
    [/^(\s*)root \/srv\/guong\/public;/m, `$1root ${SITE};`],
  ];
  for (const [re, to] of swaps) {
    assert.equal(sample.split('\n').filter((l) => re.test(l + '\n')).length, 1, `deploy/nginx.conf: expected one line matching ${re}`);
    sample = sample.replace(re, to);
  }
  return sample;
}

/**
 * The top of Debian's /etc/nginx/nginx.conf, with every file it writes in
 * `dir`. As root, workers run as the site folder's owner (Debian's www-data
 * may not be able to reach a folder under a home directory).
 */
async function mainConf(port) {
  let user = '';
  if (process.getuid?.() === 0) {
    const { uid } = await stat(SITE);
    const id = (flag) => execFileSync('id', [flag, String(uid)], { encoding: 'utf8' }).trim();
    user = `user ${id('-nu')} ${id('-gn')};`;
  }
  const t = (name) => path.join(dir, name);
  return `${user}
daemon off;
master_process on;
worker_processes 1;
pid ${t('nginx.pid')};
error_log ${t('error.log')} warn;
include /etc/nginx/modules-enabled/*.conf;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log ${t('access.log')};
    client_body_temp_path ${t('body')};
    proxy_temp_path ${t('proxy')};
    fastcgi_temp_path ${t('fastcgi')};
    uwsgi_temp_path ${t('uwsgi')};
    scgi_temp_path ${t('scgi')};
    include ${t('guong.conf')};
}
`;
}

async function untilListening(port, exited) {
  for (let i = 0; i < 100; i++) {
    if (exited.code !== undefined) return false;
    const ok = await new Promise((resolve) => {
      const sock = connect(port, '127.0.0.1', () => { sock.end(); resolve(true); });
      sock.on('error', () => resolve(false));
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

before(async () => {
  const version = spawnSync(NGINX, ['-v'], { encoding: 'utf8' });
  if (version.error) {
    throw new Error(`cannot run ${NGINX} (${version.error.code}): install Debian's nginx and ` +
      'libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static (scripts/test does)');
  }
  console.log(version.stderr.trim());
  dir = await mkdtemp(path.join(tmpdir(), 'guong-nginx-'));
  const port = await freePort();
  await writeFile(path.join(dir, 'guong.conf'), siteConf(await readFile(CONF, 'utf8'), port));
  await writeFile(path.join(dir, 'nginx.conf'), await mainConf(port));
  const args = ['-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')];
  const check = spawnSync(NGINX, ['-t', ...args], { encoding: 'utf8', env: NGINX_ENV });
  assert.equal(check.status, 0, `nginx -t rejects the configuration:\n${check.stderr}`);
  // Warnings (a duplicate type, an unknown header) mean the file is not clean either.
  assert.doesNotMatch(check.stderr, /\[(warn|alert|emerg)\]/, check.stderr);
  nginx = spawn(NGINX, args, { stdio: ['ignore', 'inherit', 'pipe'], env: NGINX_ENV });
  let stderr = '';
  nginx.stderr.on('data', (d) => { stderr += d; });
  const exited = {};
  nginx.on('exit', (code) => { exited.code = code; });
  if (!(await untilListening(port, exited))) {
    const log = await readFile(path.join(dir, 'error.log'), 'utf8').catch(() => '');
    throw new Error(`nginx did not start (exit ${exited.code}):\n${stderr}\n${log}`);
  }
  origin = `http://127.0.0.1:${port}`;
});

after(async () => {
  if (nginx && nginx.exitCode === null) {
    const gone = new Promise((resolve) => nginx.on('exit', resolve));
    nginx.kill('SIGQUIT'); // graceful: workers finish, then the master exits
    await gone;
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** GET without any decoding: status, headers and the raw body bytes. */
function get(urlPath, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(origin + urlPath, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Site path of the first file under `sub` whose name matches `re`. */
async function find(sub, re) {
  for (const e of await readdir(path.join(SITE, sub), { withFileTypes: true, recursive: true })) {
    if (e.isFile() && re.test(e.name)) return '/' + path.relative(SITE, path.join(e.parentPath ?? e.path, e.name));
  }
  throw new Error(`no file matching ${re} under ${sub} in ${SITE}`);
}
const fileOf = (p) => readFile(path.join(SITE, p.endsWith('/') ? p + 'index.html' : p));

// Hashed files found in the built site rather than named here.
const css = await find('assets', /^style\.[0-9a-f]{10}\.css$/);
const js = await find('assets', /^search\.[0-9a-f]{10}\.js$/);
const searchMeta = await find('_search', /^meta\.json$/);
const shard = await find('_search', /\.bin$/);
// A profile without a photo has a palette PNG card (a JPEG with a photo).
const shareCard = await find(PROFILE.slice(1), /^og\.[0-9a-f]{10}\.png$/);

test('pages, CSS, JS and JSON come compressed with brotli or gzip, as the browser asks', async () => {
  const seen = [];
  for (const p of ['/', PROFILE, css, js, '/api/v1/profiles.json', searchMeta]) {
    const original = await fileOf(p);
    const br = await get(p, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br', `${p} with br offered`);
    assert.deepEqual(brotliDecompressSync(br.body), original, `${p}: brotli body is the file`);
    const gz = await get(p, { 'accept-encoding': 'gzip, deflate' });
    assert.equal(gz.headers['content-encoding'], 'gzip', `${p} with gzip offered`);
    assert.deepEqual(gunzipSync(gz.body), original, `${p}: gzip body is the file`);
    const plain = await get(p);
    assert.equal(plain.headers['content-encoding'], undefined, `${p} with nothing offered`);
    assert.deepEqual(plain.body, original);
    for (const r of [br, gz, plain]) assert.match(r.headers.vary ?? '', /Accept-Encoding/i, `${p}: Vary`);
    seen.push(`${p} ${original.length} → br ${br.body.length}, gzip ${gz.body.length}`);
  }
  console.log(seen.join('\n'));
});

test('content-hashed files are cached for a year; pages, feeds and the API briefly', async () => {
  for (const p of [css, js, searchMeta, shard, shareCard]) {
    const r = await get(p);
    assert.equal(r.status, 200, p);
    assert.equal(r.headers['cache-control'], YEAR, p);
  }
  // Pages are re-validated on every visit: unchanged, that costs a 304 and no body.
  for (const p of ['/', PROFILE, '/en/']) {
    const r = await get(p);
    assert.equal(r.headers['cache-control'], 'no-cache', p);
    assert.ok(r.headers.etag, `${p}: no ETag to re-validate with`);
    const again = await get(p, { 'if-none-match': r.headers.etag });
    assert.equal(again.status, 304, `${p} re-validated`);
    assert.equal(again.body.length, 0);
  }
  // Unhashed names that other sites and readers fetch again: at most minutes.
  for (const p of ['/atom.xml', '/sitemap.xml', '/embed.js', '/api/v1/profiles.json', '/oembed/tran-thanh-son.json', '/robots.txt']) {
    const r = await get(p);
    assert.equal(r.status, 200, p);
    const age = Number(/max-age=(\d+)/.exec(r.headers['cache-control'] ?? '')?.[1]);
    assert.ok(age > 0 && age <= 3600 && !/immutable/.test(r.headers['cache-control']), `${p}: ${r.headers['cache-control']}`);
  }
});

test('content types: JSON as application/json, XML as application/xml, all text in UTF-8', async () => {
  const expected = {
    '/': 'text/html; charset=utf-8',
    [css]: 'text/css; charset=utf-8',
    // Debian's mime.types says application/javascript; RFC 9239 prefers text/javascript.
    [js]: /^(application|text)\/javascript; charset=utf-8$/,
    '/api/v1/profiles.json': 'application/json; charset=utf-8',
    '/oembed/tran-thanh-son.json': 'application/json; charset=utf-8',
    [searchMeta]: 'application/json; charset=utf-8',
    '/atom.xml': 'application/xml; charset=utf-8',
    '/sitemap.xml': 'application/xml; charset=utf-8',
    '/robots.txt': 'text/plain; charset=utf-8',
    '/assets/emblem.svg': 'image/svg+xml; charset=utf-8',
    [shareCard]: 'image/png',
  };
  for (const [p, type] of Object.entries(expected)) {
    const r = await get(p);
    assert.equal(r.status, 200, p);
    if (type instanceof RegExp) assert.match(r.headers['content-type'], type, p);
    else assert.equal(r.headers['content-type'], type, p);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', p);
  }
});

test('a missing address answers 404 with the site\'s 404 page; a folder without its slash redirects', async () => {
  const page404 = await fileOf('/404.html');
  for (const p of ['/khong-co-trang-nay/', '/dien-hinh/khong-co-ai/', '/api/v1/profiles/khong-co-ai.json', '/atom2.xml']) {
    const r = await get(p);
    assert.equal(r.status, 404, p);
    assert.equal(r.headers['content-type'], 'text/html; charset=utf-8', p);
    assert.deepEqual(r.body, page404, `${p}: body is 404.html`);
    assert.equal(r.headers['cache-control'], 'no-cache', p);
  }
  for (const p of ['/dien-hinh', PROFILE.replace(/\/$/, ''), '/en']) {
    const r = await get(p);
    assert.equal(r.status, 301, p);
    assert.equal(r.headers.location, `${p}/`, `${p}: a path-only redirect`);
  }
});

test('cards may be framed by any site, other pages only by this one; the API is open to all', async () => {
  for (const p of [CARD, '/en' + CARD]) {
    const r = await get(p);
    assert.equal(r.status, 200, p);
    assert.equal(r.headers['x-frame-options'], undefined, p);
    assert.equal(r.headers['content-security-policy'], undefined, p);
  }
  for (const p of ['/', PROFILE, '/404.html', '/khong-co-trang-nay/']) {
    const r = await get(p);
    assert.equal(r.headers['x-frame-options'], 'SAMEORIGIN', p);
    assert.equal(r.headers['content-security-policy'], "frame-ancestors 'self'", p);
  }
  for (const p of ['/api/v1/profiles.json', '/oembed/tran-thanh-son.json', '/en/oembed/tran-thanh-son.json']) {
    assert.equal((await get(p)).headers['access-control-allow-origin'], '*', p);
  }
  assert.equal((await get('/')).headers['access-control-allow-origin'], undefined);
});

test('in Chromium, a newspaper on another origin shows the card and is refused the profile page', async () => {
  const host = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Báo</title></head><body>
<blockquote class="guong-profile" data-profile="tran-thanh-son"><a href="${origin}${PROFILE}">Trần Thanh Sơn</a></blockquote>
<script async src="${origin}/embed.js"></script>
<iframe id="page" title="page" src="${origin}${PROFILE}"></iframe></body></html>`);
  });
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
  const hostUrl = `http://127.0.0.1:${host.address().port}/`;
  const browser = await chromium.launch(CHROMIUM);
  try {
    const page = await browser.newPage();
    const console_ = [];
    page.on('console', (m) => console_.push(m.text()));
    await page.goto(hostUrl);
    const card = await (await page.waitForSelector('iframe.guong-embed[data-guong-sized]')).contentFrame();
    assert.match(await card.locator('.g-name').textContent(), /Trần Thanh Sơn/);
    const framed = await (await page.$('#page')).contentFrame();
    console.log(`profile page framed by another origin: ${framed.url()}`);
    assert.notEqual(framed.url(), `${origin}${PROFILE}`, 'the profile page was shown inside another site');
    assert.ok(console_.some((t) => /frame-ancestors|X-Frame-Options/.test(t)), `no refusal in the console: ${console_}`);
  } finally {
    await browser.close();
    await new Promise((resolve) => host.close(resolve));
  }
});

test('the reader\'s journey and the search tests pass against nginx', () => {
  // Without the parent runner's NODE_TEST_CONTEXT, or the child reports to it, not to us.
  const { NODE_TEST_CONTEXT, ...env } = process.env;
  const run = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=tap',
    'navigation.test.mjs', 'search.test.mjs'], {
    cwd: HERE, encoding: 'utf8', env: { ...env, SERVER_URL: origin }, timeout: 300_000,
  });
  const count = (what) => Number(new RegExp(`^# ${what} (\\d+)$`, 'm').exec(run.stdout)?.[1]);
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  assert.ok(count('pass') > 0 && count('fail') === 0 && count('skipped') === 0, run.stdout);
  console.log(`navigation and search against nginx at ${origin}: ${count('pass')} passed`);
  // They did talk to nginx, not to a server of their own.
  const log = readFileSync(path.join(dir, 'access.log'), 'utf8');
  for (const p of ['GET /en/profiles/ ', 'GET /tim-kiem/ ', 'GET /_search/vi/']) assert.ok(log.includes(p), `nginx never saw ${p}`);
});
