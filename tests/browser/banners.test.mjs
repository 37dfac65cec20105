// Slogan banners in Chromium, on the real site: every SVG linked from
// /khau-hieu/ carries its slogan, and no line of letters reaches the
// banner's margins (each path's getBBox() lies inside the banner less
// 10 % of its short side on every side); the links on the page are there
// in both languages, large enough to tap. Screenshots of one banner and of
// the page at 360 and 1366 px go to ARTIFACTS_DIR/banners/ to be looked at
// (the guides' two pictures into docs/img/ with UPDATE_SCREENSHOTS=1).
// (Page size, fonts and text of the PDFs: tests/it/banners.rs.)
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { useBrowser } from './server.mjs';

const ARTIFACTS = process.env.ARTIFACTS_DIR || path.resolve('../artifacts');
const DOCS_IMG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/img');
const env = useBrowser();

const normal = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Each slogan's text on the Vietnamese page and its banners' SVG links. */
async function slogansWithBanners(page) {
  await page.goto(`${env.server.url}/khau-hieu/`);
  return page.$$eval('.slogans > li', (items) => items.map((li) => ({
    text: li.querySelector('blockquote').textContent,
    svgs: [...li.querySelectorAll('.banners a[type="image/svg+xml"]')].map((a) => a.getAttribute('href')),
    pdfs: [...li.querySelectorAll('.banners a[type="application/pdf"]')].map((a) => a.getAttribute('href')),
  })));
}

test('no line of any banner reaches its margins, and each banner is its slogan', async () => {
  const page = await env.browser.newPage();
  const slogans = await slogansWithBanners(page);
  assert.ok(slogans.length >= 12, `${slogans.length} slogans`);
  let checked = 0;
  for (const s of slogans) {
    assert.equal(s.svgs.length, 3, `three sizes for: ${s.text}`);
    assert.equal(s.pdfs.length, 3, `three PDFs for: ${s.text}`);
    for (const href of s.svgs) {
      const res = await page.goto(env.server.url + href);
      assert.equal(res.status(), 200, href);
      assert.match(res.headers()['content-type'], /^image\/svg\+xml/);
      const found = await page.evaluate(() => {
        const svg = document.documentElement;
        const [, , w, h] = svg.getAttribute('viewBox').split(/\s+/).map(Number);
        const lines = [...svg.querySelectorAll('g > path')].map((p) => {
          const b = p.getBBox();
          return { text: p.getAttribute('data-line'), x: b.x, y: b.y, right: b.x + b.width, bottom: b.y + b.height };
        });
        return {
          w, h, lines,
          title: svg.querySelector('title').textContent,
          width: svg.getAttribute('width'), height: svg.getAttribute('height'),
        };
      });
      assert.equal(normal(found.title), normal(s.text), href);
      assert.equal(normal(found.lines.map((l) => l.text).join(' ')), normal(s.text), `${href}: lines in order`);
      // The file's name says its size in cm; the SVG is that size.
      const [, wcm, hcm] = href.match(/-(\d+)x(\d+)\.svg$/);
      assert.equal(found.width, `${wcm}cm`);
      assert.equal(found.height, `${hcm}cm`);
      assert.ok(Math.abs(found.w - (wcm * 72) / 2.54) < 0.1 && Math.abs(found.h - (hcm * 72) / 2.54) < 0.1, href);
      const m = 0.1 * Math.min(found.w, found.h);
      for (const l of found.lines) {
        assert.ok(l.right > l.x && l.bottom > l.y, `${href}: "${l.text}" has ink`);
        assert.ok(l.x >= m && l.right <= found.w - m && l.y >= m && l.bottom <= found.h - m,
          `${href}: "${l.text}" at ${l.x.toFixed(1)}–${l.right.toFixed(1)} × ${l.y.toFixed(1)}–${l.bottom.toFixed(1)} ` +
          `is outside ${m.toFixed(1)}–${(found.w - m).toFixed(1)} × ${m.toFixed(1)}–${(found.h - m).toFixed(1)}`);
      }
      // Lines do not overlap one another.
      for (let i = 1; i < found.lines.length; i++) {
        assert.ok(found.lines[i].y > found.lines[i - 1].bottom, `${href}: lines ${i} and ${i + 1} touch`);
      }
      checked++;
    }
  }
  console.log(`${checked} banners checked`);
  await page.close();
});

test('the slogans page offers the banners in both languages, tappable at 360 px; screenshots', async () => {
  const dir = path.join(ARTIFACTS, 'banners');
  await mkdir(dir, { recursive: true });
  for (const [lang, url] of [['vi', '/khau-hieu/'], ['en', '/en/slogans/']]) {
    for (const width of [360, 1366]) {
      const page = await env.browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
      await page.goto(env.server.url + url);
      const first = page.locator('.slogans > li').first();
      await first.locator('summary').click();
      const links = first.locator('.banners a');
      assert.equal(await links.count(), 6, `${url}: six files for the first slogan`);
      for (const a of await links.all()) {
        const box = await a.boundingBox();
        assert.ok(box.height >= 44 && box.width >= 44, `${url} at ${width}px: a link of ${box.width}×${box.height}`);
        assert.ok(box.x >= 0 && box.x + box.width <= width, `${url} at ${width}px: a link off the screen`);
        assert.match(normal(await a.textContent()), /^(PDF|SVG) \d+ KB$/);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${url} at ${width}px scrolls sideways by ${overflow}px`);
      if (lang === 'en') assert.equal(await links.first().getAttribute('hreflang'), 'vi');
      await first.screenshot({ path: path.join(dir, `page-${lang}-${width}.png`) });
      await page.close();
    }
  }
  // One banner as Chromium draws the SVG, and the page with its links open,
  // as the staff guides show them (into docs/img/ with UPDATE_SCREENSHOTS=1).
  const docs = process.env.UPDATE_SCREENSHOTS === '1' ? DOCS_IMG : dir;
  const page = await env.browser.newPage({ viewport: { width: 1024, height: 700 }, deviceScaleFactor: 1 });
  const [first] = await slogansWithBanners(page);
  await page.locator('.slogans > li').first().locator('summary').click();
  await page.screenshot({ path: path.join(docs, 'bang-ron-trang.png'), clip: { x: 0, y: 110, width: 1024, height: 590 } });
  const href = first.svgs.find((h) => h.endsWith('-500x80.svg'));
  await page.setContent(`<body style="margin:0"><img id="b" src="${env.server.url + href}" style="display:block;width:1000px"></body>`);
  await page.locator('#b').evaluate((img) => img.decode());
  await page.locator('#b').screenshot({ path: path.join(docs, 'bang-ron.png') });
  await page.close();
});

test('the slogans page with every banner list open has no serious accessibility fault', async () => {
  const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  for (const url of ['/khau-hieu/', '/en/slogans/']) {
    const page = await env.browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(env.server.url + url);
    await page.$$eval('details.banners', (all) => all.forEach((d) => { d.open = true; }));
    await page.addScriptTag({ path: axe });
    const { violations } = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }));
    const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of violations) console.log(`${url}: ${v.id} [${v.impact}] (${v.nodes.length} nodes)`);
    assert.deepEqual(blocking.map((v) => v.id), [], url);
    await page.close();
  }
});
