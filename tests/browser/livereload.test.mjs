// `guong serve` as a writer uses it: a profile open in Chromium, its Markdown
// edited on disk. The page must show the new text by itself within 2 s; a
// YAML mistake must show an overlay naming the file and line (in the page's
// language) while the last good page stays; fixing it must remove the overlay.
import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, readFile, writeFile, mkdtemp, rm, stat, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM } from './server.mjs';

const BIN = process.env.GUONG_BIN;
const FIXTURE = process.env.FIXTURE_SITE_DIR;
if (!BIN || !FIXTURE) throw new Error('GUONG_BIN and FIXTURE_SITE_DIR (the built good fixture) must be set');
// The overlay screenshot also illustrates the staff guides (docs/img/).
const ARTIFACTS = process.env.UPDATE_SCREENSHOTS === '1'
  ? path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../docs/img')
  : process.env.ARTIFACTS_DIR;

const RELOAD_WITHIN = 2000;
const SLUG = 'nguyen-van-mau';
let dir, serve, url, browser, logs = '';

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

before(async () => {
  // The built fixture's folder, with its photo cache (so nothing is re-encoded), but not its output.
  dir = await mkdtemp(path.join(os.tmpdir(), 'guong-serve-'));
  await cp(path.dirname(FIXTURE), dir, { recursive: true, filter: (src) => src !== FIXTURE });
  const port = await freePort();
  // English in the terminal (the log lines matched below), by the
  // environment rather than --lang, which would also set the overlay's.
  serve = spawn(BIN, ['serve', '--root', dir, '--port', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  });
  serve.stderr.on('data', (d) => { logs += d; });
  const deadline = Date.now() + 120_000;
  while (!/Preview at (http:\/\/\S+?)\//.test(logs)) {
    if (serve.exitCode !== null) throw new Error(`guong serve exited:\n${logs}`);
    if (Date.now() > deadline) throw new Error(`guong serve did not start:\n${logs}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  url = /Preview at (http:\/\/\S+?)\//.exec(logs)[1];
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch(CHROMIUM);
});

after(async () => {
  await browser?.close();
  serve?.kill();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const file = () => path.join(dir, 'content/profiles', SLUG, 'index.vi.md');

test('an edit shows in the open page without a manual reload; a YAML error shows an overlay until fixed', async () => {
  const page = await browser.newPage();
  await page.goto(`${url}/dien-hinh/${SLUG}/`);
  const en = await browser.newPage();
  await en.goto(`${url}/en/profiles/${SLUG}/`);
  await page.waitForFunction(() => window.__guongLive === 'open', null, { timeout: 5000 });
  await en.waitForFunction(() => window.__guongLive === 'open', null, { timeout: 5000 });
  const updates = () => page.evaluate(() => window.__guongSwaps || 0);

  // 1. Edit the story: the new paragraph appears by itself.
  const original = await readFile(file(), 'utf8');
  const marker = `Đoạn văn mới để thử xem trước ${Date.now()}.`;
  await writeFile(file(), `${original}\n${marker}\n`);
  const t0 = Date.now();
  await page.waitForFunction((m) => document.body.innerText.includes(m), marker, { timeout: RELOAD_WITHIN });
  const took = Date.now() - t0;
  assert.equal(await updates(), 1, 'the page updated itself (its body swapped in place)');
  console.log(`edit → page shows the new text: ${took} ms`);

  // 2. Break the YAML of the front matter: the overlay names the file and line.
  const lines = `${original}\n${marker}\n`.split('\n');
  const brokenLine = lines.findIndex((l) => l.startsWith('kind:'));
  assert.ok(brokenLine > 0, 'the fixture profile has a kind: line');
  lines[brokenLine] = 'kind: [individual';
  await writeFile(file(), lines.join('\n'));
  const overlay = page.locator('#guong-errors');
  await overlay.waitFor({ state: 'visible', timeout: RELOAD_WITHIN });
  const text = await overlay.innerText();
  assert.match(text, /Nội dung đang có lỗi/, 'the overlay speaks the page\'s language (Vietnamese)');
  assert.match(text, new RegExp(`content/profiles/${SLUG}/index\\.vi\\.md \\(dòng \\d+`), `the overlay names the file and line:\n${text}`);
  const reported = Number(/\(dòng (\d+)/.exec(text)[1]);
  assert.ok(Math.abs(reported - (brokenLine + 1)) <= 1, `line ${reported} is the broken line ${brokenLine + 1}`);
  assert.ok(await page.getByText(marker).isVisible(), 'the last good page stays under the overlay');
  const enOverlay = en.locator('#guong-errors');
  await enOverlay.waitFor({ state: 'visible', timeout: RELOAD_WITHIN });
  assert.match(await enOverlay.innerText(), /The content has errors[\s\S]*\(line \d+/, 'the English page gets the English overlay');
  assert.equal(await enOverlay.getAttribute('role'), 'alert');
  if (ARTIFACTS) {
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'loi-xem-truoc.png') });
  }

  // A page opened while the content is broken shows the overlay at once.
  const late = await browser.newPage();
  await late.goto(`${url}/dien-hinh/`);
  await late.locator('#guong-errors').waitFor({ state: 'visible', timeout: RELOAD_WITHIN });

  // 3. Fix it: the overlay goes, the page is current.
  const fixed = `${original}\n${marker} Đã sửa.\n`;
  await writeFile(file(), fixed);
  await overlay.waitFor({ state: 'detached', timeout: RELOAD_WITHIN });
  await page.waitForFunction((m) => document.body.innerText.includes(m), `${marker} Đã sửa.`, { timeout: RELOAD_WITHIN });
  await enOverlay.waitFor({ state: 'detached', timeout: RELOAD_WITHIN });
  await late.locator('#guong-errors').waitFor({ state: 'detached', timeout: RELOAD_WITHIN });
  await page.close();
  await en.close();
  await late.close();
});

test('a page out of sight lets its event stream go and, seen again, shows what it missed', async () => {
  const page = await browser.newPage();
  await page.goto(`${url}/dien-hinh/${SLUG}/`);
  await page.waitForFunction(() => window.__guongLive === 'open', null, { timeout: 5000 });
  // The browser's own switch of tabs, which Playwright does not make.
  const seen = (visible) => page.evaluate((v) => {
    Object.defineProperty(document, 'hidden', { value: !v, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, visible);
  const rebuilds = () => logs.split('rebuilt in').length + logs.split('The preview keeps showing').length;
  const saved = async (text) => {
    const before = rebuilds();
    await writeFile(file(), text);
    const deadline = Date.now() + 10_000;
    while (rebuilds() === before) {
      assert.ok(Date.now() < deadline, `serve did not rebuild:\n${logs}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const shows = (m) => page.evaluate((t) => document.body.innerText.includes(t), m);
  const original = await readFile(file(), 'utf8');

  // An edit while the page is hidden: it is not told, and catches up when seen.
  await seen(false);
  assert.equal(await page.evaluate(() => window.__guongLive), 'closed', 'a hidden page holds no connection');
  const marker = `Sửa lúc trang bị ẩn ${Date.now()}.`;
  await saved(`${original}\n${marker}\n`);
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(!(await shows(marker)), 'a hidden page is not told');
  await seen(true);
  await page.waitForFunction((m) => document.body.innerText.includes(m), marker, { timeout: RELOAD_WITHIN });
  const swaps = await page.evaluate(() => window.__guongSwaps);

  // Seen again with nothing new: it stays as it is (it knows which build it shows).
  await seen(false);
  await seen(true);
  await page.waitForFunction(() => window.__guongLive === 'open', null, { timeout: 5000 });
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await page.evaluate(() => window.__guongSwaps), swaps, 'no second refresh');

  // Errors fixed while the page was hidden: the overlay goes when it is seen.
  await saved(original.replace(/^kind:.*$/m, 'kind: [individual'));
  await page.locator('#guong-errors').waitFor({ state: 'visible', timeout: RELOAD_WITHIN });
  await seen(false);
  await saved(original);
  await seen(true);
  await page.locator('#guong-errors').waitFor({ state: 'detached', timeout: RELOAD_WITHIN });
  await page.waitForFunction((m) => !document.body.innerText.includes(m), marker, { timeout: RELOAD_WITHIN });
  await page.close();
});

test('serve keeps to the site: no files outside it, nothing written to public/', async () => {
  for (const p of ['/../site.yaml', '/%2e%2e/site.yaml', '/dien-hinh/%2e%2e/%2e%2e/site.yaml']) {
    const res = await fetch(url + p);
    assert.notEqual(res.status, 200, p);
    assert.ok(!(await res.text()).includes('base_url'), `${p} does not leak site.yaml`);
  }
  await assert.rejects(stat(path.join(dir, 'public')), 'the preview is built in memory, public/ is untouched');
  assert.match(url, /^http:\/\/127\.0\.0\.1:/, 'listens on 127.0.0.1 by default');
});
