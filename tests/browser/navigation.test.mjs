// The real-browser journey a reader takes: home → English → profiles list (through
// pagination) → a profile → back to Vietnamese. It catches what unit tests of the
// generator cannot: wrong hrefs, a language switcher pointing at the wrong page,
// assets that 404, scripts that throw, and calls to third-party origins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser } from './server.mjs';

const ARTIFACTS = process.env.ARTIFACTS_DIR ||
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');
const NAME = 'Trần Thanh Sơn';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const env = useBrowser();

// A context that records console errors, uncaught exceptions, failed or 4xx/5xx
// requests, and any request leaving the local server (those are also blocked, so
// the test never depends on the network).
async function watchedContext(options = {}) {
  const context = await env.browser.newContext({ viewport: DESKTOP, ...options });
  const problems = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === env.server.url) return route.continue();
    problems.push(`request to another origin: ${url}`);
    return route.abort();
  });
  context.on('page', watchPage);
  context.on('requestfailed', (r) => {
    // ERR_ABORTED is a request the browser dropped because the test moved on
    // (a lazy image still loading when the next page opens), not a broken
    // file: those show up as HTTP errors below.
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    if (new URL(r.url()).origin === env.server.url) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  context.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  function watchPage(page) {
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error on ${page.url()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`uncaught exception on ${page.url()}: ${e.message}`));
  }
  return { context, problems };
}

const pathOf = (page) => new URL(page.url()).pathname;
const htmlLang = (page) => page.locator('html').getAttribute('lang');

// Click a link and wait until the new page has loaded (the URL may or may not change).
async function follow(page, link) {
  await Promise.all([page.waitForEvent('load'), link.click()]);
}

test('journey: vi home → en → profiles list → profile → vi profile', async () => {
  const { context, problems } = await watchedContext();
  const page = await context.newPage();

  await page.goto(`${env.server.url}/`);
  assert.equal(await htmlLang(page), 'vi');

  await follow(page, page.locator('a.lang-switch'));
  assert.equal(pathOf(page), '/en/');
  assert.equal(await htmlLang(page), 'en');

  // Go through the main navigation, as a reader would, not by typing the URL.
  await follow(page, page.locator('header nav a[href="/en/profiles/"]'));
  assert.equal(pathOf(page), '/en/profiles/');

  // The list is paginated and sorted by name, so the card may be on page 2+.
  const card = page.locator('main a', { hasText: NAME }).first();
  for (let n = 1; !(await card.count()); n++) {
    const next = page.locator('a[rel="next"]');
    assert.ok(n < 30 && (await next.count()), `no card for ${NAME} on ${n} list pages`);
    await follow(page, next.first());
  }
  await follow(page, card);
  assert.equal(pathOf(page), '/en/profiles/tran-thanh-son/');
  assert.match(await page.locator('h1').innerText(), new RegExp(NAME));

  await follow(page, page.locator('a.lang-switch'));
  assert.equal(pathOf(page), '/dien-hinh/tran-thanh-son/');
  assert.equal(await htmlLang(page), 'vi');
  assert.match(await page.locator('h1').innerText(), /Đại tá/);

  await context.close();
  assert.deepEqual(problems, []);
});

// The site must not need JavaScript: content and navigation are plain HTML.
test('without JavaScript the home and profile pages show their h1 and main nav', async () => {
  const { context, problems } = await watchedContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const p of ['/', '/dien-hinh/tran-thanh-son/']) {
    await page.goto(env.server.url + p);
    const h1 = page.locator('h1');
    assert.ok(await h1.isVisible(), `${p}: h1 not visible`);
    assert.notEqual((await h1.innerText()).trim(), '', `${p}: empty h1`);
    const navLinks = page.locator('header nav a');
    assert.ok((await navLinks.count()) >= 5, `${p}: main navigation missing`);
    assert.ok(await navLinks.first().isVisible(), `${p}: main navigation hidden`);
  }
  await context.close();
  assert.deepEqual(problems, []);
});

// Screenshots are for humans (and CI artifacts): the phone home and the desktop profile.
test('screenshots: home at 390×844, profile at 1280×800', async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  const shots = [
    ['/', PHONE, 'home-390x844.png'],
    ['/dien-hinh/tran-thanh-son/', DESKTOP, 'profile-1280x800.png'],
  ];
  for (const [p, viewport, file] of shots) {
    const { context, problems } = await watchedContext({ viewport });
    const page = await context.newPage();
    await page.goto(env.server.url + p);
    await page.screenshot({ path: path.join(ARTIFACTS, file), fullPage: true });
    // Logged, not asserted: a page wider than the phone means sideways scrolling.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    console.log(`${file}: page width ${width}px at viewport ${viewport.width}px`);
    await context.close();
    assert.deepEqual(problems, [], `problems on ${p}`);
  }
});
