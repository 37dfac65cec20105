// Photos in a real browser, on the good fixture (the real content has no
// photos): the profile photo causes no layout shift, the browser picks the
// WebP variant, the share card is a 1200×630 image, and the page with
// <picture> markup is valid HTML.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import vnu from 'vnu-jar';
import { useBrowser } from './server.mjs';

const FIXTURE = process.env.FIXTURE_SITE_DIR;
if (!FIXTURE) throw new Error('FIXTURE_SITE_DIR (the built tests/fixtures/good site) must be set');
const ARTIFACTS = process.env.ARTIFACTS_DIR || path.resolve('../artifacts');

const env = useBrowser(FIXTURE);

test('the profile photo causes no layout shift, and WebP is used', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  // Slow the photo down so that, without width/height, the text below would visibly jump.
  await page.route('**/*.{webp,jpg}', async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${env.server.url}/dien-hinh/nguyen-van-mau/`, { waitUntil: 'networkidle' });
  const img = page.locator('img.profile-photo');
  assert.ok(await img.evaluate((i) => i.complete && i.naturalWidth > 0), 'the photo loaded');
  assert.match(await img.evaluate((i) => i.currentSrc), /\.webp$/);
  const box = await img.boundingBox();
  assert.ok(Math.abs(box.width / box.height - 240 / 300) < 0.02, `drawn at its aspect ratio: ${box.width}×${box.height}`);
  const shift = await page.evaluate(() => window.__shift);
  console.log(`cumulative layout shift: ${shift}`);
  assert.equal(shift, 0);
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'profile-with-photo-390x844.png'), fullPage: true });
  await context.close();
});

test('the share card named in og:image is a 1200×630 image', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 630 } });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/dien-hinh/nguyen-van-mau/`);
  const og = await page.locator('meta[property="og:image"]').getAttribute('content');
  const local = env.server.url + new URL(og).pathname;
  await page.goto(local);
  const size = await page.evaluate(() => [document.images[0].naturalWidth, document.images[0].naturalHeight]);
  assert.deepEqual(size, [1200, 630]);
  await page.screenshot({ path: path.join(ARTIFACTS, 'share-card-fixture.png') });
  await context.close();
});

test('pages with photos are valid HTML', () => {
  const pages = ['dien-hinh/nguyen-van-mau/index.html', 'en/profiles/nguyen-van-mau/index.html', 'dien-hinh/index.html', 'index.html'];
  const out = execFileSync('java', ['-jar', vnu, '--format', 'json', ...pages.map((p) => path.join(FIXTURE, p))], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  const messages = JSON.parse(out || '{"messages":[]}').messages.filter((m) => m.type === 'error');
  assert.deepEqual(messages.map((m) => `${m.url}:${m.lastLine}: ${m.message}`), []);
});
