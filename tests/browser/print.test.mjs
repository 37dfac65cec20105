// Printed profiles (issue #17): Chromium prints each profile to PDF on one
// A4 page (pdfinfo), with the page's text selectable (pdftotext) and a QR
// code that reads as the page's address (pdftoppm, then zbarimg); a story
// too long for the densest layout says where the whole text is. The share
// area's downloads, made in the browser, are a valid SVG and a PNG whose
// code reads as the address too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useBrowser, start } from './server.mjs';
import { buildLongSite } from './long-profiles.mjs';

const env = useBrowser();
// The real site, built with a real address: with the placeholder address
// of site.yaml pages carry no QR code (a printed code could not be fixed).
let work;
let real;
before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'guong-print-pdf-'));
  const { GUONG_BIN: bin, GUONG_ROOT: root } = process.env;
  if (!bin || !root) throw new Error('GUONG_BIN (the guong binary) and GUONG_ROOT (the real site) must be set');
  execFileSync(bin, ['build', '--root', root, '--out', path.join(work, 'real'), '--base-url', 'https://dien-hinh.son-la.test/'],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  real = await start(path.join(work, 'real'));
});
after(async () => {
  await real?.close();
  await rm(work, { recursive: true, force: true });
});

const norm = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
// pdftotext joins a word hyphenated at a line's end and may split a long
// address: compare the letters, in order, without spaces and hyphens.
const letters = (s) => s.normalize('NFC').replace(/[\s\-]+/g, '');

// The longest and the shortest profile of the real site (by the Markdown of
// their two languages), in both languages.
const REAL = [
  '/dien-hinh/tran-thanh-hai/', '/en/profiles/tran-thanh-hai/',
  '/dien-hinh/hop-tac-xa-tu-chau/', '/en/profiles/hop-tac-xa-tu-chau/',
];

/** Print `url` to PDF as a reader would; returns {pdf, info, text}. */
async function printPdf(page, url, name) {
  const res = await page.goto(url);
  assert.equal(res.status(), 200, url);
  const pdf = path.join(work, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4' });
  const info = execFileSync('pdfinfo', [pdf]).toString();
  const text = norm(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString());
  return { pdf, info, text };
}

/** What zbarimg reads in a PNG: one line per code, "QR-Code:" dropped. */
function qrCodes(png) {
  const out = execFileSync('zbarimg', ['--quiet', '--raw', png]).toString();
  return out.split('\n').filter(Boolean);
}

function onePageA4(info, what) {
  assert.match(info, /^Pages:\s+1$/m, `${what}: one page\n${info}`);
  const size = info.match(/^Page size:\s+([\d.]+) x ([\d.]+) pts/m);
  assert.ok(size, info);
  assert.ok(Math.abs(+size[1] - 595) < 1 && Math.abs(+size[2] - 842) < 1, `${what}: A4, got ${size[0]}`);
}

// The sentences of the page a printed sheet must carry.
async function pageText(page) {
  return page.evaluate(() => {
    const t = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent);
    return {
      name: t('.profile h1'), role: t('.profile-role'), facts: t('.facts dd'),
      awards: t('.awards li'), sources: t('.sources li'), lead: t('.profile .lead'),
      story: t('.story p, .story li, .story h3'),
      site: document.querySelector('.brand-text').textContent,
      canonical: document.querySelector('link[rel=canonical]').href,
    };
  });
}

test('the longest and shortest real profiles print on one A4 page each, text and QR code included', async () => {
  const page = await env.browser.newPage();
  for (const [i, p] of REAL.entries()) {
    const { pdf, info, text } = await printPdf(page, real.url + p, `real-${i}`);
    onePageA4(info, p);
    const want = await pageText(page);
    for (const [field, parts] of Object.entries(want)) {
      if (field === 'canonical') continue;
      for (const s of [].concat(parts)) {
        // Whole sentences, in order of the page: pdftotext may break a line
        // inside one, which norm() has made a space again.
        assert.ok(letters(text).includes(letters(s)), `${p}: ${field} «${norm(s)}» not in the printed text:\n${text}`);
      }
    }
    assert.ok(want.story.length > 0 && want.awards.length + want.sources.length > 0, p);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', pdf, pdf.replace('.pdf', '')]);
    assert.deepEqual(qrCodes(pdf.replace('.pdf', '.png')), [want.canonical], `${p}: the QR code on the sheet`);
    // No navigation, search box, buttons or embed code on paper.
    for (const gone of ['Tìm kiếm', 'Search', 'Tải mã QR', 'Download the QR', 'Nhúng hồ sơ', 'Embed this']) {
      assert.ok(!text.includes(gone), `${p}: «${gone}» printed`);
    }
  }
  await page.close();
});

test('stories of every length print on one page: whole, or cut with the address of the rest', async () => {
  // Fictional profiles of 1 to 30 paragraphs and a very long one of 120.
  const counts = [...Array(30).keys()].map((i) => i + 1).concat([120]);
  const site = await buildLongSite(counts);
  const server = await start(site);
  const page = await env.browser.newPage();
  const layouts = new Set();
  try {
    for (const n of counts) {
      const url = `${server.url}/dien-hinh/ho-so-hu-cau-${n}/`;
      const { pdf, info, text } = await printPdf(page, url, `long-${n}`);
      onePageA4(info, `${n} paragraphs`);
      const layout = await page.locator('article.profile').getAttribute('class');
      layouts.add(layout.replace('profile h-card ', ''));
      const last = text.includes(`đoạn văn hư cấu số ${n},`);
      const canonical = await page.evaluate(() => document.querySelector('link[rel=canonical]').href);
      if (layout.includes('print-cut')) {
        // The story ends where the sheet does, and the sheet says so.
        assert.ok(letters(text).includes(letters(`toàn văn ở trang web theo mã QR: ${canonical}`)), `${n}: the sheet says where the rest is:\n${text}`);
        if (n === 120) assert.ok(!last, '120 paragraphs cannot all fit');
      } else {
        assert.ok(last, `${n} paragraphs (${layout}): the last paragraph is missing from the sheet`);
        for (let i = 1; i <= n; i++) assert.ok(text.includes(`đoạn văn hư cấu số ${i},`), `${n}: paragraph ${i}`);
      }
      if (n === 30 || n === 120) {
        execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', pdf, pdf.replace('.pdf', '')]);
        assert.deepEqual(qrCodes(pdf.replace('.pdf', '.png')), [canonical], `${n}: QR code`);
      }
    }
  } finally {
    await page.close();
    await server.close();
  }
  // Every layout was needed by some length.
  assert.deepEqual([...layouts].sort(), ['print-1', 'print-2', 'print-3', 'print-4', 'print-4 print-cut']);
});

test('the share area downloads the QR code as an SVG and a PNG that read as the address', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  for (const p of ['/dien-hinh/hop-tac-xa-tu-chau/', '/en/profiles/hop-tac-xa-tu-chau/']) {
    await page.goto(real.url + p);
    const canonical = await page.evaluate(() => document.querySelector('link[rel=canonical]').href);
    await page.locator('#share-actions').waitFor({ state: 'visible' });
    const files = {};
    for (const kind of ['svg', 'png']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#qr-${kind}`)]);
      assert.equal(download.suggestedFilename(), `qr-hop-tac-xa-tu-chau.${kind}`);
      files[kind] = path.join(work, `dl-${p.length}.${kind}`);
      await download.saveAs(files[kind]);
    }
    // The SVG: well-formed XML with a title naming the address, drawn by
    // the browser on its own and read back.
    const svg = await readFile(files.svg, 'utf8');
    const check = await context.newPage();
    const parsed = await check.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
      return { error: !!doc.querySelector('parsererror'), root: doc.documentElement.localName,
        title: doc.querySelector('title')?.textContent, width: doc.documentElement.getAttribute('width') };
    }, svg);
    assert.deepEqual([parsed.error, parsed.root], [false, 'svg'], svg);
    assert.ok(parsed.title.endsWith(canonical), parsed.title);
    assert.ok(+parsed.width >= 1024, `poster size: ${parsed.width}`);
    await check.setViewportSize({ width: 600, height: 600 });
    await check.setContent(`<body style="margin:0"><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="600" height="600"></body>`);
    const shot = path.join(work, 'svg-drawn.png');
    await check.screenshot({ path: shot });
    assert.deepEqual(qrCodes(shot), [canonical], `${p}: the SVG download`);
    await check.close();
    // The PNG: a real PNG, at least 1024 px, white at its corners (quiet zone), reads back.
    const png = await readFile(files.png);
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    const width = png.readUInt32BE(16);
    assert.ok(width >= 1024 && png.readUInt32BE(20) === width, `${width} px`);
    assert.deepEqual(qrCodes(files.png), [canonical], `${p}: the PNG download`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('without JavaScript the QR code is shown and the download links are not', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(real.url + '/dien-hinh/tran-thanh-hai/');
  assert.ok(await page.locator('.qr-figure svg').isVisible());
  assert.equal(await page.locator('#share-actions').isVisible(), false);
  await context.close();
});

test('with the placeholder address a profile has no QR code and still prints on one page', async () => {
  const page = await env.browser.newPage();
  const { info, text } = await printPdf(page, env.server.url + '/dien-hinh/tran-thanh-hai/', 'placeholder');
  onePageA4(info, 'placeholder address');
  assert.equal(await page.locator('.qr-figure').count(), 0);
  assert.ok(!text.includes('guong.example.org'), text);
  await page.close();
});
