// The staff guides (docs/huong-dan.md, docs/guide.md) show screenshots of
// the real site. This test takes them in Chromium on a phone-sized screen,
// into ARTIFACTS_DIR on every run, and into docs/img/ when
// UPDATE_SCREENSHOTS=1 (then commit them). It also checks that every image
// the guides show exists, so a guide never points at a missing picture.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser } from './server.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DOCS_IMG = path.join(REPO, 'docs/img');
const OUT = process.env.UPDATE_SCREENSHOTS === '1' ? DOCS_IMG : process.env.ARTIFACTS_DIR;
const env = useBrowser();

const SHOTS = [
  { name: 'trang-chu.png', path: '/', check: 'h1' },
  { name: 'ho-so.png', path: '/dien-hinh/tran-thanh-son/', check: 'h1' },
  { name: 'tim-kiem.png', path: '/tim-kiem/?q=son+la', check: '#search-results li' },
  { name: 'tim-kiem-go-sai.png', path: '/tim-kiem/?q=tran+thnah+son', check: '.search-suggest' },
  { name: 'thong-ke.png', path: '/thong-ke/', check: 'h1' },
  // The save button appears once the service worker is ready; at 360 px,
  // the narrowest phones readers use.
  { name: 'luu-ngoai-tuyen.png', path: '/linh-vuc/y-te/', check: '.offline-save-button', width: 360, height: 640 },
];

test('screenshots of the real site for the staff guides', async () => {
  if (OUT) await mkdir(OUT, { recursive: true });
  const page = await env.browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  for (const shot of SHOTS) {
    await page.setViewportSize({ width: shot.width || 390, height: shot.height || 844 });
    const res = await page.goto(env.server.url + shot.path);
    assert.equal(res.status(), 200, shot.path);
    await page.locator(shot.check).first().waitFor({ state: 'visible', timeout: 10_000 });
    if (OUT) await page.screenshot({ path: path.join(OUT, shot.name) });
  }
  await page.close();
});

test('every picture the guides show exists in docs/img', async () => {
  for (const guide of ['docs/huong-dan.md', 'docs/guide.md']) {
    const text = await readFile(path.join(REPO, guide), 'utf8');
    const images = [...text.matchAll(/!\[[^\]]+\]\((img\/[^)]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 4, `${guide} shows the screenshots`);
    for (const img of images) {
      await stat(path.join(REPO, 'docs', img)).catch(() => assert.fail(`${guide} shows ${img}, which is missing`));
    }
  }
});
