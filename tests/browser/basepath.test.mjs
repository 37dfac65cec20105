// A site published under a path, as GitHub Pages publishes a project site at
// https://<owner>.github.io/<repo>/: the good fixture built with
// `--base-url https://example.github.io/guong/` and served only under /guong/.
// In Chromium, a reader goes home → English → profiles → a profile, searches,
// and lands on a missing page; every request must stay under /guong/ and
// succeed (a link, asset, search index or photo that forgot the path would
// ask for /something outside it and get a 404).
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, start } from './server.mjs';

const BIN = process.env.GUONG_BIN;
if (!BIN) throw new Error('GUONG_BIN (the guong binary) must be set');
const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/good');
const PREFIX = '/guong';

let tmp;
let server;
let browser;

before(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'guong-basepath-'));
  await cp(FIXTURE, tmp, { recursive: true });
  execFileSync(BIN, ['build', '--root', tmp, '--out', path.join(tmp, 'public'),
    '--base-url', `https://example.github.io${PREFIX}/`], { stdio: ['ignore', 'ignore', 'inherit'] });
  server = await start(path.join(tmp, 'public'), { prefix: PREFIX });
  browser = await chromium.launch(CHROMIUM);
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A page recording requests outside the prefix, HTTP errors and script errors. */
async function open() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const problems = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== server.url) {
      problems.push(`request to another origin: ${url}`);
      return route.abort();
    }
    if (!url.pathname.startsWith(PREFIX + '/')) problems.push(`request outside ${PREFIX}/: ${url.pathname}`);
    return route.continue();
  });
  const page = await context.newPage();
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${new URL(r.url()).pathname}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  return { context, page, problems };
}

const pathOf = (page) => new URL(page.url()).pathname;
async function follow(page, link) {
  await Promise.all([page.waitForEvent('load'), link.click()]);
}

test('under /guong/: home → English → profiles → a profile, all inside the path', async () => {
  const { context, page, problems } = await open();
  await page.goto(`${server.url}${PREFIX}/`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  await follow(page, page.locator('a.lang-switch'));
  assert.equal(pathOf(page), `${PREFIX}/en/`);
  await follow(page, page.locator(`header nav a[href="${PREFIX}/en/profiles/"]`));
  assert.equal(pathOf(page), `${PREFIX}/en/profiles/`);
  await follow(page, page.locator(`main a[href^="${PREFIX}/en/profiles/"]:not([href$="/profiles/"])`).first());
  assert.match(pathOf(page), new RegExp(`^${PREFIX}/en/profiles/[a-z0-9-]+/$`));
  assert.notEqual((await page.locator('h1').innerText()).trim(), '');
  // Photos and stylesheets too: every image on the page has loaded.
  const broken = await page.locator('img').evaluateAll((imgs) => imgs.filter((i) => !i.complete || !i.naturalWidth).map((i) => i.src));
  assert.deepEqual(broken, []);
  await context.close();
  assert.deepEqual(problems, []);
});

test('under /guong/: search finds a profile and its result opens', async () => {
  const { context, page, problems } = await open();
  await page.goto(`${server.url}${PREFIX}/tim-kiem/`);
  await page.type('#search-q', 'mau');
  await page.waitForFunction(() => document.getElementById('search-results').dataset.renderedQuery === 'mau');
  const first = page.locator('#search-results a').first();
  assert.match(await first.getAttribute('href'), new RegExp(`^${PREFIX}/`));
  await follow(page, first);
  assert.notEqual((await page.locator('h1').innerText()).trim(), '');
  await context.close();
  assert.deepEqual(problems, []);
});

test('under /guong/: a missing page is the site\'s 404 page, styled', async () => {
  const { context, page, problems } = await open();
  const res = await page.goto(`${server.url}${PREFIX}/khong-co-trang-nay/`);
  assert.equal(res.status(), 404);
  const rules = await page.evaluate(() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0));
  assert.ok(rules > 0, 'the 404 page has no stylesheet');
  await context.close();
  // The page itself is the one expected 404 (Chromium logs it too); nothing else failed.
  assert.deepEqual(problems, [`HTTP 404: ${PREFIX}/khong-co-trang-nay/`,
    'console error: Failed to load resource: the server responded with a status of 404 (Not Found)']);
});
