// What only a browser shows of the site on a phone (360–390 px) and on a
// laptop: no hidden sideways scroll and every section in sight, chart labels
// that stay readable, listing cards like the home page's with room above the
// footer, and a plain-iframe card (the snippet of docs/embedding.md) that
// fills its frame from 320 to 1366 px without cutting its last line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser, siteDir, start } from './server.mjs';
import { PAGE_TYPES } from './page-types.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = useBrowser();

async function phonePage(width) {
  return env.browser.newPage({ viewport: { width, height: 800 } });
}

test('at 360 and 390 px no page scrolls sideways and every section is in sight', async () => {
  for (const width of [360, 390]) {
    const page = await phonePage(width);
    for (const { path: p, ready } of PAGE_TYPES) {
      await page.goto(env.server.url + p);
      if (ready) await page.locator(ready).first().waitFor({ state: 'visible', timeout: 10_000 });
      const found = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        // Boxes that scroll sideways inside the page, hiding part of themselves.
        const hidden = [...document.querySelectorAll('body *')]
          .filter((e) => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
          .map((e) => e.className || e.tagName);
        const nav = [...document.querySelectorAll('.main-nav a')].map((a) => {
          const r = a.getBoundingClientRect();
          return { text: a.textContent, left: r.left, right: r.right, visible: r.width > 0 && r.height > 0 };
        });
        return { vw, page: document.documentElement.scrollWidth, hidden, nav };
      });
      assert.ok(found.page <= found.vw, `${p} at ${width}px: the page is ${found.page}px wide`);
      assert.deepEqual(found.hidden, [], `${p} at ${width}px: boxes that scroll sideways`);
      assert.ok(found.nav.length >= 6, `${p}: the navigation`);
      for (const a of found.nav) {
        assert.ok(a.visible && a.left >= 0 && a.right <= found.vw, `${p} at ${width}px: "${a.text}" is out of sight (${a.left}–${a.right})`);
      }
    }
    await page.close();
  }
});

test('the statistics charts keep their labels and figures at 12 px or more on a 360 px phone', async () => {
  const page = await phonePage(360);
  for (const p of ['/thong-ke/', '/en/statistics/']) {
    await page.goto(env.server.url + p);
    const texts = await page.evaluate(() => [...document.querySelectorAll('.chart .bar-label, .chart .bar-value, .chart-figure figcaption')]
      .map((e) => ({ text: e.textContent.trim(), size: parseFloat(getComputedStyle(e).fontSize), right: e.getBoundingClientRect().right })));
    assert.ok(texts.length >= 20, `${p}: the chart texts`);
    for (const t of texts) {
      assert.ok(t.size >= 12, `${p}: "${t.text}" is ${t.size}px`);
      assert.ok(t.right <= 360, `${p}: "${t.text}" runs off the screen`);
    }
  }
  await page.close();
});

test('listing cards look like the home page\'s and the grid keeps clear of the footer', async () => {
  for (const width of [360, 1366]) {
    const page = await phonePage(width);
    const titleOffset = async () => page.locator('.cards .card').first().evaluate((card) => {
      const t = card.querySelector('.card-title');
      return t.getBoundingClientRect().top - card.getBoundingClientRect().top;
    });
    await page.goto(env.server.url + '/');
    const home = await titleOffset();
    for (const p of ['/dien-hinh/', '/linh-vuc/an-ninh-quoc-phong/', '/en/profiles/']) {
      await page.goto(env.server.url + p);
      const listing = await titleOffset();
      assert.ok(Math.abs(listing - home) <= 1, `${p} at ${width}px: name ${listing}px below the card's top, ${home}px on the home page`);
      const room = await page.evaluate(() => {
        const cards = [...document.querySelectorAll('.cards .card')];
        const bottom = Math.max(...cards.map((c) => c.getBoundingClientRect().bottom));
        return document.querySelector('.site-footer').getBoundingClientRect().top - bottom;
      });
      assert.ok(room >= 24, `${p} at ${width}px: ${room}px between the cards and the footer`);
    }
    await page.close();
  }
});

// The plain-iframe snippet exactly as docs/embedding.md gives it.
async function documentedSnippet() {
  const doc = await readFile(path.join(REPO, 'docs/embedding.md'), 'utf8');
  const m = /### 2\. A plain iframe[\s\S]*?```html\n([\s\S]*?)```/.exec(doc);
  assert.ok(m, 'docs/embedding.md has the plain-iframe snippet');
  return m[1];
}

// Every card of a built site in the documented snippet, on a host page of
// another origin at each width; returns the number of frames checked.
async function checkPlainFrames(siteUrl, dir, snippet, base) {
  const height = Number(/height="(\d+)"/.exec(snippet)[1]);
  const slugs = await readdir(path.join(dir, 'embed'));
  // The newspaper: another origin, an article column with margins.
  const pages = new Map();
  const host = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(pages.get(req.url) ?? '');
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  const hostUrl = `http://127.0.0.1:${host.address().port}`;
  let n = 0;
  for (const lang of ['', '/en']) {
    const frames = slugs.map((s) => snippet.split(`${base}/embed/tran-thanh-son/`).join(`${siteUrl}${lang}/embed/${s}/`)).join('\n<p>…</p>\n');
    pages.set(`/a${lang || '/vi'}.html`, `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Bài</title>
<style>body{margin:0 20px;font:18px/1.5 Georgia,serif}main{max-width:760px}</style></head><body><main>${frames}</main></body></html>`);
    for (const width of [320, 360, 390, 768, 1024, 1366]) {
      const page = await env.browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${hostUrl}/a${lang || '/vi'}.html`);
      const frames = await page.$$('iframe.guong-embed');
      assert.equal(frames.length, slugs.length);
      for (const [i, el] of frames.entries()) {
        await el.scrollIntoViewIfNeeded(); // loading="lazy"
        const frame = await el.contentFrame();
        await frame.waitForSelector('.g-foot');
        // The photo, when there is one, has loaded (it sets the head's height).
        await frame.waitForFunction(() => [...document.images].every((im) => im.complete));
        const outer = await el.evaluate((e) => e.getBoundingClientRect().height);
        const fit = await frame.evaluate(() => {
          const card = document.querySelector('.g-card').getBoundingClientRect();
          const foot = document.querySelector('.g-foot').getBoundingClientRect();
          // Texts kept to whole lines: a box's height is a whole number of its lines.
          const broken = [...document.querySelectorAll('.g-name, .g-role, .g-summary, .g-awards')]
            .filter((e) => getComputedStyle(e).display !== 'none')
            .map((e) => ({ cls: e.className, h: e.getBoundingClientRect().height, line: parseFloat(getComputedStyle(e).lineHeight) }))
            .filter((b) => Math.abs(b.h / b.line - Math.round(b.h / b.line)) > 0.05);
          const above = Math.max(...[...document.querySelectorAll('.g-card > *:not(.g-foot)')].map((e) => e.getBoundingClientRect().bottom));
          const more = document.querySelector('.g-more');
          const moreLines = more.getBoundingClientRect().height / parseFloat(getComputedStyle(more).lineHeight);
          return { moreLines, card: card.height, cardBottom: card.bottom, footBottom: foot.bottom, above, footTop: foot.top,
            scroll: document.documentElement.scrollHeight, inner: innerHeight, width: innerWidth, broken };
        });
        const what = `${lang}/embed/${slugs[i]}/ at ${width}px (card ${fit.width}px wide)`;
        assert.equal(outer, height, `${what}: the frame keeps its height`);
        assert.ok(Math.abs(fit.card - outer) <= 1, `${what}: card ${fit.card}px in a ${outer}px frame`);
        assert.ok(fit.scroll <= fit.inner, `${what}: the card overflows its frame`);
        assert.ok(fit.footBottom <= fit.cardBottom && fit.above <= fit.footTop + 0.5, `${what}: the last line is cut (${JSON.stringify(fit)})`);
        assert.deepEqual(fit.broken, [], `${what}: half a line shows`);
        assert.ok(fit.moreLines < 1.5, `${what}: "read more" breaks over ${fit.moreLines.toFixed(1)} lines`);
        n++;
      }
      await page.close();
    }
  }
  await new Promise((r) => host.close(r));
  return n;
}

test('the documented plain iframe fits every card from 320 to 1366 px: no gap, no cut line', async () => {
  const snippet = await documentedSnippet();
  const base = 'https://guong.example.org';
  assert.ok(snippet.includes(`${base}/embed/tran-thanh-son/`), snippet);
  const real = await siteDir();
  assert.ok((await readdir(path.join(real, 'embed'))).length >= 40, 'the cards of the real site');
  let n = await checkPlainFrames(env.server.url, real, snippet, base);
  // The good fixture's cards have what the real ones lack: photos and awards.
  const fixture = process.env.FIXTURE_SITE_DIR;
  if (!fixture) throw new Error('FIXTURE_SITE_DIR (the built tests/fixtures/good site) must be set');
  const fixtureServer = await start(fixture);
  try {
    n += await checkPlainFrames(fixtureServer.url, fixture, snippet, base);
  } finally {
    await fixtureServer.close();
  }
  console.log(`${n} plain-iframe cards checked at 320–1366 px, frame ${/height="(\d+)"/.exec(snippet)[1]}px`);
});

test('the embed box shows its whole code readably, with a copy button only where it can work', async () => {
  const fixture = process.env.FIXTURE_SITE_DIR;
  if (!fixture) throw new Error('FIXTURE_SITE_DIR (the built tests/fixtures/good site) must be set');
  const server = await start(fixture);
  try {
    for (const [width, javaScriptEnabled] of [[360, true], [1366, true], [360, false]]) {
      const context = await env.browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${server.url}/dien-hinh/nguyen-van-mau/`);
      await page.locator('details.embed-code summary').click();
      const box = await page.locator('#embed-code').evaluate((t) => ({
        code: t.value, size: parseFloat(getComputedStyle(t).fontSize),
        scroll: t.scrollHeight, client: t.clientHeight, right: t.getBoundingClientRect().right,
      }));
      const what = `${width}px${javaScriptEnabled ? '' : ', no JavaScript'}`;
      assert.ok(box.code.includes('<script async src="https://fixture.example.org/embed.js"></script>'), what);
      assert.ok(box.size >= 12, `${what}: code at ${box.size}px`);
      assert.ok(box.scroll <= box.client + 1, `${what}: the code box hides ${box.scroll - box.client}px of the code`);
      assert.ok(box.right <= width, `${what}: the code box runs off the screen`);
      // The copy button needs the clipboard (a script over https or localhost).
      assert.equal(await page.locator('#embed-copy').isVisible(), javaScriptEnabled, what);
      await context.close();
    }
  } finally {
    await server.close();
  }
});

test('each search filter counts what choosing it lists', async () => {
  const page = await env.browser.newPage({ viewport: { width: 360, height: 800 } });
  await page.goto(`${env.server.url}/tim-kiem/`);
  await page.waitForFunction(() => document.getElementById('search-results').dataset.renderedQuery === '');
  const filters = await page.locator('.search-filter select').evaluateAll((ss) => ss.map((s) => ({
    name: s.name, values: [...s.options].filter((o) => o.value).map((o) => ({ value: o.value, label: o.textContent })),
  })));
  assert.ok(filters.length >= 3, 'the filters');
  for (const f of filters) {
    for (const v of f.values) {
      const counted = Number(/\(([\d.,]+)\)$/.exec(v.label)[1].replace(/[.,]/g, ''));
      assert.ok(counted > 0, `${f.name}=${v.value}: "${v.label}" offers nothing`);
      await page.goto(`${env.server.url}/tim-kiem/?${f.name}=${encodeURIComponent(v.value)}`);
      await page.waitForFunction(() => /\d/.test(document.getElementById('search-status').textContent));
      const status = await page.locator('#search-status').textContent();
      // "24 kết quả", or "Đang hiện 10 trên 24 kết quả": the total is the last number.
      const listed = Number([...status.matchAll(/\d[\d.,]*/g)].pop()[0].replace(/[.,]/g, ''));
      assert.equal(listed, counted, `${f.name}=${v.value}: "${v.label}" but "${status}"`);
    }
  }
  await page.close();
});
