// Offline reading in Chromium, on the good fixture built under /guong/ (as
// GitHub Pages publishes a project site, so the worker's scope and every
// stored address must carry the path), with one profile per listing page so
// that a listing has several pages. With the network cut
// (context.setOffline): a visited page opens; a listing saved with the
// button opens with its pages and profiles; search finds a saved profile
// typed without diacritics and says it searches only saved pages; a page
// never stored shows the offline page in its language. Then a redeploy with
// a changed asset: with the network back, the new worker takes over and the
// old caches are gone. Also: the worker's size, no dead button without
// JavaScript or service workers, and removing a saved listing.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, start } from './server.mjs';

const BIN = process.env.GUONG_BIN;
if (!BIN) throw new Error('GUONG_BIN (the guong binary) must be set');
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = path.join(REPO, 'tests/fixtures/good');
const PREFIX = '/guong';
const LISTING = `${PREFIX}/loai/ca-nhan/`; // the fixture's two individuals
const SAVED = ['lo-thi-thu', 'nguyen-van-mau'].map((s) => `${PREFIX}/dien-hinh/${s}/`);
const UNSAVED = 'hop-tac-xa-che-mau'; // a collective: not in the listing

let tmp;
let site;
let server;
let browser;

function build() {
  execFileSync(BIN, ['build', '--root', tmp, '--out', site, '--base-url', `https://example.github.io${PREFIX}/`],
    { stdio: ['ignore', 'ignore', 'inherit'] });
}

before(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'guong-offline-'));
  site = path.join(tmp, 'public');
  await cp(FIXTURE, tmp, { recursive: true });
  const yaml = await readFile(path.join(tmp, 'site.yaml'), 'utf8');
  await writeFile(path.join(tmp, 'site.yaml'), yaml.replace(/^paginate: \d+$/m, 'paginate: 1'));
  build();
  server = await start(site, { prefix: PREFIX });
  browser = await chromium.launch(CHROMIUM);
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A phone-sized page that records script errors (offline, failed requests are expected). */
async function open(options = {}) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  return { context, page, problems };
}

const url = (p) => server.url + p;
const h1 = (page) => page.locator('h1').innerText();
const cacheNames = (page) => page.evaluate(() => caches.keys());
/** The cache name a built worker uses (its first line sets it). */
async function workerCache() {
  const head = (await readFile(path.join(site, 'sw.js'), 'utf8')).split('\n')[0];
  return JSON.parse(head.replace(/^const G = /, '').replace(/;$/, '')).cache;
}
/** Bytes of the built file a site address is served from. */
async function bytesOf(address) {
  const rel = address.slice(PREFIX.length);
  return (await stat(path.join(site, rel.endsWith('/') ? `${rel}index.html` : rel))).size;
}

test('the service worker costs at most 5 KB gzipped and sits at the root of the site', async () => {
  const sw = await readFile(path.join(site, 'sw.js'));
  const gz = gzipSync(sw, { level: 9 }).length;
  assert.ok(gz <= 5 * 1024, `sw.js is ${gz} bytes gzipped`);
  assert.match(await workerCache(), new RegExp(`^guong:${PREFIX}/:[0-9a-f]{10}$`));
});

test('without JavaScript, or without service workers, a listing shows no dead button', async () => {
  for (const options of [{ javaScriptEnabled: false }, { serviceWorkers: 'block' }]) {
    const { context, page, problems } = await open(options);
    await page.goto(url(LISTING));
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    assert.equal(await page.locator('main button:visible').count(), 0, JSON.stringify(options));
    assert.equal(await page.locator('.offline-save').isVisible(), false);
    // The listing itself is all there.
    assert.equal(await page.locator('main .cards article').count(), 1);
    assert.deepEqual(problems, []);
    await context.close();
  }
  // Listings by award are not offered for saving at all.
  const html = await readFile(path.join(site, 'khen-thuong/chien-si-thi-dua-cap-tinh/index.html'), 'utf8');
  assert.doesNotMatch(html, /offline-save/);
});

// A listing's manifest (its size, fetched on every visit) and its full list
// (fetched only to save), as one object.
async function manifestOf(dir) {
  const summary = JSON.parse(await readFile(path.join(site, dir, 'offline.json'), 'utf8'));
  const list = JSON.parse(await readFile(path.join(site, dir, 'offline-list.json'), 'utf8'));
  return { summary, ...summary, ...list };
}

test('the manifest of a listing lists all its pages and profiles with their true sizes', async () => {
  const m = await manifestOf('loai/ca-nhan');
  // What every visit fetches stays small: the size and where the list is.
  assert.deepEqual(Object.keys(m.summary).sort(), ['bytes', 'lang', 'list', 'listing', 'profiles', 'title', 'v']);
  assert.equal(m.list, `${LISTING}offline-list.json`);
  const files = m.files.map((f) => f[0]);
  assert.deepEqual(files, [LISTING, `${LISTING}trang/2/`, ...SAVED]);
  assert.equal(m.profiles, 2);
  assert.deepEqual(m.records.map((r) => r.u), SAVED);
  let sum = 0;
  for (const [address, bytes] of [...m.files, ...m.shared]) {
    assert.equal(bytes, await bytesOf(address), address);
    sum += bytes;
  }
  assert.equal(m.bytes, sum);
  assert.ok(m.shared.some(([a]) => a === `${PREFIX}/tim-kiem/`), 'the search page goes with it');
});

test('offline: visited and saved pages open, search finds saved profiles, others show the offline page; a redeploy is picked up', async () => {
  const { context, page, problems } = await open();
  // Online: the first visit installs the worker; then a page is visited.
  await page.goto(url(`${PREFIX}/`));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  await page.goto(url(`${PREFIX}/phong-trao/`));
  const visitedTitle = await h1(page);

  // The listing: its size is said before anything is stored.
  await page.goto(url(LISTING));
  const save = page.locator('.offline-save-button');
  await save.waitFor({ state: 'visible', timeout: 20_000 });
  assert.equal((await save.innerText()).trim(), 'Lưu để đọc khi không có mạng');
  const manifest = await manifestOf('loai/ca-nhan');
  const sizeText = await page.locator('.offline-size').innerText();
  assert.match(sizeText, /^Cả danh sách: khoảng \d+ KB$/);
  assert.equal(Number(sizeText.match(/(\d+) KB/)[1]), Math.round(manifest.bytes / 1000));
  const before = await cacheNames(page);
  assert.ok(!before.some((n) => n.endsWith(':saved')), 'nothing saved before the reader asks');
  // The progress bar counts the files, and the status is read out.
  assert.equal(await page.locator('.offline-status').getAttribute('aria-live'), 'polite');
  await save.click();
  await page.locator('.offline-status', { hasText: 'Đã lưu danh sách này' }).waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('.offline-progress').getAttribute('max'), String(manifest.files.length + manifest.shared.length));
  assert.ok(await page.locator('.offline-remove').isVisible());
  assert.equal(await save.isVisible(), false);

  await context.setOffline(true);
  assert.equal(await page.evaluate(() => navigator.onLine), false);

  // A visited page.
  await page.goto(url(`${PREFIX}/phong-trao/`));
  assert.equal(await h1(page), visitedTitle);
  // The saved listing, its second page and its profiles, never visited.
  await page.goto(url(`${LISTING}trang/2/`));
  assert.equal(await page.locator('main .cards article').count(), 1);
  for (const p of SAVED) {
    await page.goto(url(p));
    assert.notEqual(await h1(page), 'Không có mạng', p);
    assert.equal(await page.locator('link[rel=canonical]').getAttribute('href'), `https://example.github.io${p}`);
  }
  // The listing says it is saved, and offers removal.
  await page.goto(url(LISTING));
  await page.locator('.offline-remove').waitFor({ state: 'visible' });

  // Search, typed without diacritics, over what is saved.
  await page.goto(url(`${PREFIX}/tim-kiem/?q=lo+thi+thu`));
  const status = page.locator('#search-status');
  await status.filter({ hasText: 'đang tìm trong các trang đã lưu' }).waitFor({ timeout: 10_000 });
  assert.match(await status.innerText(), /^Không có mạng: đang tìm trong các trang đã lưu trên máy này\. 1 kết quả$/);
  const hits = () => page.locator('#search-results .search-hits a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
  assert.deepEqual(await hits(), [[SAVED[0], 'Lò Thị Thử']]);
  await page.fill('#search-q', 'nguyen van');
  assert.deepEqual(await hits(), [[SAVED[1], 'Bác sĩ Nguyễn Văn Mẫu']]);
  // Đ/đ typed as d, and a profile that was not saved is not found.
  await page.fill('#search-q', 'che mau');
  assert.deepEqual(await hits(), []);
  assert.match(await status.innerText(), /0 kết quả$/);

  // Pages never stored: the offline page, in the page's language.
  await page.goto(url(`${PREFIX}/dien-hinh/${UNSAVED}/`));
  assert.equal(await h1(page), 'Không có mạng');
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  // It lists what is saved on this device.
  await page.locator('.offline-saved a').first().waitFor({ state: 'visible' });
  assert.deepEqual(await page.locator('.offline-saved a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), [LISTING]);
  await page.goto(url(`${PREFIX}/en/profiles/${UNSAVED}/`));
  assert.equal(await h1(page), 'You are offline');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');

  // A redeploy that changes an asset: new hashes, a new worker.
  await context.setOffline(false);
  const old = await cacheNames(page);
  const oldCache = await workerCache();
  const saved = `guong:${PREFIX}/:saved`;
  assert.deepEqual(old.filter((n) => n.startsWith(`guong:${PREFIX}/:`)).sort(), [oldCache, saved]);
  const theme = path.join(tmp, 'themes/default/static');
  await mkdir(theme, { recursive: true });
  const css = await readFile(path.join(REPO, 'themes/default/static/style.css'), 'utf8');
  await writeFile(path.join(theme, 'style.css'), `${css}\n/* redeployed */\n`);
  build();
  const newCache = await workerCache();
  assert.notEqual(newCache, oldCache);
  // As a reader does: open the site again. The browser checks for a new
  // worker on navigation; it installs, takes over and deletes the old caches.
  await page.goto(url(`${PREFIX}/`));
  const mine = async () => (await cacheNames(page)).filter((n) => n.startsWith(`guong:${PREFIX}/:`)).sort();
  const deadline = Date.now() + 30_000;
  const want = [newCache, saved].sort();
  while (Date.now() < deadline && JSON.stringify(await mine()) !== JSON.stringify(want)) await page.waitForTimeout(250);
  assert.deepEqual(await mine(), want, 'the old version cache is gone, the new one is there, the saved listing is kept');
  await page.reload();
  const sheet = await page.locator('link[rel=stylesheet]').getAttribute('href');
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null));
  assert.equal(await page.evaluate(async (s) => (await fetch(s)).ok, sheet), true);
  // What the reader saved survives the redeploy: offline, a saved profile
  // they never opened still opens, drawn with the stylesheet it was saved with.
  await context.setOffline(true);
  await page.goto(url(SAVED[1]));
  assert.notEqual(await h1(page), 'Không có mạng');
  assert.ok(await page.evaluate(() => [...document.styleSheets].some((s) => s.cssRules.length > 100)), 'styled');
  await context.setOffline(false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a saved listing can be removed, and then nothing of it is kept', async () => {
  const { context, page, problems } = await open();
  const listing = `${PREFIX}/loai/tap-the/`;
  await page.goto(url(listing));
  const save = page.locator('.offline-save-button');
  await save.waitFor({ state: 'visible', timeout: 20_000 });
  await save.click();
  const remove = page.locator('.offline-remove');
  await remove.waitFor({ state: 'visible', timeout: 20_000 });
  const cache = `guong:${PREFIX}/:saved`;
  const stored = () => page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), cache);
  assert.ok((await stored()).includes(`${PREFIX}/dien-hinh/${UNSAVED}/`));
  await remove.click();
  await page.locator('.offline-status', { hasText: 'Đã xóa bản đã lưu' }).waitFor();
  assert.deepEqual(await stored(), []);
  assert.ok(await save.isVisible());
  assert.deepEqual(problems, []);
  await context.close();
});
