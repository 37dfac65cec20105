// Issue #15's writer in the preview: a front matter saved with three
// mistakes (a misspelt key, a field that does not exist, a date written the
// Vietnamese way) shows all three in the error panel, each with its line, its
// code and its fix, in the page's language (Vietnamese at /, English under
// /en/), or in the language `guong serve --lang` chose.
import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, readFile, writeFile, mkdtemp, rm, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM } from './server.mjs';

const BIN = process.env.GUONG_BIN;
const FIXTURE = process.env.FIXTURE_SITE_DIR;
if (!BIN || !FIXTURE) throw new Error('GUONG_BIN and FIXTURE_SITE_DIR (the built good fixture) must be set');
const ARTIFACTS = process.env.ARTIFACTS_DIR;
const SHOWN_WITHIN = 5000;
const FILE = 'content/profiles/hop-tac-xa-che-mau/index.vi.md';
let dir, browser;
const servers = [];

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function serve(extra) {
  const port = await freePort();
  const child = spawn(BIN, ['serve', '--root', dir, '--port', String(port), ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  let logs = '';
  child.stderr.on('data', (d) => { logs += d; });
  servers.push(child);
  const deadline = Date.now() + 120_000;
  const started = /(http:\/\/127\.0\.0\.1:\d+)\//;
  while (!started.test(logs)) {
    if (child.exitCode !== null) throw new Error(`guong serve exited:\n${logs}`);
    if (Date.now() > deadline) throw new Error(`guong serve did not start:\n${logs}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return started.exec(logs)[1];
}

let plain, english, original, lines;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guong-mistakes-'));
  await cp(path.dirname(FIXTURE), dir, { recursive: true, filter: (src) => src !== FIXTURE });
  plain = await serve([]);
  english = await serve(['--lang', 'en']);
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch(CHROMIUM);
  original = await readFile(path.join(dir, FILE), 'utf8');
});

after(async () => {
  await browser?.close();
  for (const s of servers) s.kill();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function open(base, page, width) {
  const p = await browser.newPage({ viewport: { width, height: 800 } });
  await p.goto(`${base}${page}`);
  await p.waitForFunction(() => window.__guongLive === 'open');
  return p;
}

async function items(p) {
  const overlay = p.locator('#guong-errors');
  await overlay.waitFor({ state: 'visible', timeout: SHOWN_WITHIN });
  return { heading: await overlay.locator('h2').innerText(), list: await overlay.locator('li').allInnerTexts() };
}

test('three mistakes in one save: three errors in the panel, each with its line, in the page\'s language', async () => {
  const vi = await open(plain, '/dien-hinh/hop-tac-xa-che-mau/', 360);
  const en = await open(plain, '/en/', 1366);
  const forced = await open(english, '/dien-hinh/hop-tac-xa-che-mau/', 1366);
  const broken = original
    .replace('organization:', 'organisation:')
    .replace('field: nong-thon-moi', 'field: an-ninh')
    .replace('date: 2024-03-15', 'date: 7/8/2025');
  assert.notEqual(broken, original);
  lines = ['organisation:', 'field:', 'date:'].map((k) => broken.split('\n').findIndex((l) => l.startsWith(k)) + 1);
  await writeFile(path.join(dir, FILE), broken);

  const shownVi = await items(vi);
  assert.equal(shownVi.heading, 'Nội dung đang có lỗi');
  assert.equal(shownVi.list.length, 3, shownVi.list.join('\n---\n'));
  // Keys and values are set as code, without the catalogue's backticks.
  const viWords = ['khóa organisation', 'an-ninh', 'không phải là ngày hợp lệ'];
  shownVi.list.forEach((item, i) => {
    assert.match(item, new RegExp(`index\\.vi\\.md \\(dòng ${lines[i]}\\b`), item);
    assert.ok(item.includes(viWords[i]), `${viWords[i]} in ${item}`);
    assert.match(item, /G\d{4} · /, `the code is shown: ${item}`);
    assert.match(item, /Cách sửa: /, item);
    for (const english of ['unknown key', 'is not a', 'did you mean', 'valid']) {
      assert.ok(!item.includes(english), `no English "${english}" in ${item}`);
    }
  });
  assert.ok(shownVi.list[0].includes('có phải ý bạn là organization?'), shownVi.list[0]);
  const codes = await vi.locator('#guong-errors li p code').allInnerTexts();
  for (const c of ['organisation', 'organization', 'an-ninh', '7/8/2025']) assert.ok(codes.includes(c), `${c} as code: ${codes}`);
  assert.ok(!shownVi.list.join('').includes('`'), 'no backticks left');
  // On a 360 px phone the panel fits the width: nothing to scroll sideways.
  const overflow = await vi.evaluate(() => document.querySelector('#guong-errors').scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the panel is ${overflow} px wider than the screen`);

  const enWords = ['unknown key organisation', 'an-ninh', 'is not a valid date'];
  for (const [p, name] of [[en, 'the English page'], [forced, 'serve --lang en']]) {
    const shown = await items(p);
    assert.equal(shown.heading, 'The content has errors', name);
    assert.equal(shown.list.length, 3, `${name}: ${shown.list.join('\n---\n')}`);
    shown.list.forEach((item, i) => {
      assert.match(item, new RegExp(`index\\.vi\\.md \\(line ${lines[i]}\\b`), `${name}: ${item}`);
      assert.ok(item.includes(enWords[i]), `${name}: ${enWords[i]} in ${item}`);
      assert.match(item, /How to fix: /, item);
    });
  }
  if (ARTIFACTS) {
    await mkdir(ARTIFACTS, { recursive: true });
    await vi.screenshot({ path: path.join(ARTIFACTS, 'mistakes-vi-360.png') });
    await forced.screenshot({ path: path.join(ARTIFACTS, 'mistakes-en-1366.png') });
  }

  // Fixed and saved: the panel goes.
  await writeFile(path.join(dir, FILE), original);
  await vi.locator('#guong-errors').waitFor({ state: 'detached', timeout: SHOWN_WITHIN });
});
