// Embeds in a real browser, on the good fixture (whose profile lo-thi-thu
// has <script>, onerror= and javascript: in its body): a host page on
// ANOTHER origin (a second port on 127.0.0.1) shows two cards through
// embed.js and one through the oEmbed iframe, each frame exactly as tall as
// its card; nothing runs that should not, nothing is fetched from elsewhere;
// the card page is small and self-contained; every oEmbed and API document
// validates against its published JSON Schema.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import vnu from 'vnu-jar';
import { CHROMIUM, start } from './server.mjs';

const FIXTURE = process.env.FIXTURE_SITE_DIR;
if (!FIXTURE) throw new Error('FIXTURE_SITE_DIR (the built tests/fixtures/good site) must be set');

const SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox';
const MAX_GZIP = 15 * 1024;

let site; // the built fixture
let host; // the newspaper: another origin
let browser;
let base; // the fixture's base_url, as written in absolute URLs
const hostPages = new Map();

const read = (rel) => readFile(path.join(FIXTURE, rel), 'utf8');
const readJson = async (rel) => JSON.parse(await read(rel));
/** Absolute URLs of the built site, pointed at the local server instead. */
const local = (text) => text.split(base).join(site.url);

before(async () => {
  site = await start(FIXTURE);
  const server = createServer((req, res) => {
    const body = hostPages.get(req.url.split('?')[0]);
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'Not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
  assert.notEqual(host.url, site.url);
  base = (await readJson('oembed/lo-thi-thu.json')).provider_url.replace(/\/$/, '');
  browser = await chromium.launch(CHROMIUM);
});
after(async () => {
  await browser?.close();
  await site?.close();
  await host?.close();
});

function hostPage(title, body) {
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title>
<style>body{margin:0 20px;font:18px/1.5 Georgia,serif}main{max-width:760px}</style></head>
<body><main><h1>${title}</h1><p>Bài viết của một tờ báo khác.</p>${body}<p>Hết bài.</p></main></body></html>`;
}

/**
 * A browser page recording what must never happen: console errors, uncaught
 * errors, dialogs, HTTP errors and requests to any origin but the allowed.
 */
async function open(url, { origins = [site.url], ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const problems = [];
  const requests = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    requests.push(u);
    if (origins.includes(new URL(u).origin)) return route.continue();
    problems.push(`request to another origin: ${u}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('dialog', (d) => { problems.push(`dialog (${d.type()}): ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, context, problems, requests };
}

/** Wait until a card frame is as tall as its card; returns both heights. */
async function settled(page, frameEl) {
  await frameEl.scrollIntoViewIfNeeded();
  const frame = await frameEl.contentFrame();
  await frame.waitForSelector('.g-card');
  let last;
  for (let i = 0; i < 50; i++) {
    const outer = await frameEl.evaluate((f) => f.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => ({
      content: document.documentElement.getBoundingClientRect().height,
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    last = { outer, ...inner };
    if (Math.abs(outer - inner.content) <= 2) return last;
    await page.waitForTimeout(100);
  }
  return last;
}

test('another site shows two cards with embed.js and one oEmbed iframe, each frame as tall as its card', async () => {
  const oembed = await readJson('oembed/hop-tac-xa-che-mau.json');
  hostPages.set('/article.html', hostPage('Ba gương điển hình', `
<blockquote class="guong-profile" data-profile="nguyen-van-mau" data-lang="vi"><a href="${site.url}/dien-hinh/nguyen-van-mau/">Bác sĩ Nguyễn Văn Mẫu</a></blockquote>
<p>Đoạn giữa hai thẻ.</p>
<blockquote class="guong-profile" data-profile="lo-thi-thu" data-lang="en" data-theme="dark"><a href="${site.url}/en/profiles/lo-thi-thu/">Lò Thị Thử</a></blockquote>
<p>Và một khung nhúng dán thẳng từ oEmbed:</p>
${local(oembed.html)}
<iframe id="intruder" title="intruder" srcdoc="&lt;script&gt;parent.postMessage({type:'guong:resize',height:7},'*')&lt;/script&gt;"></iframe>
<iframe id="sandboxed-intruder" title="sandboxed intruder" sandbox="allow-scripts" srcdoc="&lt;script&gt;setInterval(function(){parent.postMessage({type:'guong:resize',height:9},'*')},50)&lt;/script&gt;"></iframe>
<script async src="${site.url}/embed.js"></script>`));

  for (const width of [1280, 320]) {
    const { page, context, problems } = await open(`${host.url}/article.html`, {
      origins: [site.url, host.url],
      viewport: { width, height: 900 },
    });
    // The host page also sends fake resize messages of its own.
    await page.evaluate(() => setInterval(() => window.postMessage({ type: 'guong:resize', height: 5 }, '*'), 50));
    await page.waitForSelector('iframe.guong-embed[data-guong-sized]');
    assert.equal(await page.locator('blockquote.guong-profile').count(), 0, 'every blockquote was replaced');
    const frames = await page.$$('iframe.guong-embed');
    assert.equal(frames.length, 3);
    const heights = [];
    for (const f of frames) {
      assert.equal(await f.getAttribute('sandbox'), SANDBOX);
      assert.ok((await f.getAttribute('title')).length > 3);
      const h = await settled(page, f);
      heights.push(h);
      assert.ok(Math.abs(h.outer - h.content) <= 2, `frame ${h.outer}px, card ${h.content}px at ${width}px`);
      assert.ok(h.scrollHeight <= h.innerHeight && h.scrollWidth <= h.innerWidth, `no scrollbars: ${JSON.stringify(h)}`);
      assert.equal(h.clientWidth, h.innerWidth, 'no vertical scrollbar takes width');
      assert.ok(h.innerWidth >= 280 && h.innerWidth <= 700, `card width ${h.innerWidth}`);
      assert.ok(h.outer > 100, 'the intruders did not shrink it');
    }
    const srcs = await Promise.all(frames.map((f) => f.getAttribute('src')));
    assert.deepEqual(srcs, [
      // embed.js asks the cards it places to follow their own height.
      `${site.url}/embed/nguyen-van-mau/?fit=content`,
      `${site.url}/en/embed/lo-thi-thu/?fit=content&theme=dark`,
      `${site.url}/embed/hop-tac-xa-che-mau/`,
    ]);
    const texts = await Promise.all(frames.map(async (f) => (await f.contentFrame()).locator('.g-name').textContent()));
    assert.deepEqual(texts, ['Bác sĩ Nguyễn Văn Mẫu', 'Lò Thị Thử', 'Hợp tác xã Chè Mẫu']);
    const dark = await (await frames[1].contentFrame()).evaluate(() => document.documentElement.classList.contains('dark'));
    assert.equal(dark, true);
    const photo = await (await frames[0].contentFrame()).locator('img.g-photo').evaluate((i) => i.complete && i.naturalWidth > 0);
    assert.ok(photo, 'the photo loaded under the card\'s Content-Security-Policy');
    console.log(`host ${width}px: frame heights ${heights.map((h) => `${h.outer}/${h.content.toFixed(1)}`).join(', ')} px (frame/card), width ${heights[0].innerWidth}px`);
    await page.waitForTimeout(300); // the intruders keep posting: heights must not move
    for (const [i, f] of frames.entries()) {
      assert.equal(await f.evaluate((e) => e.getBoundingClientRect().height), heights[i].outer);
    }
    if (width === 320) await page.screenshot({ path: '/tmp/embed-host-320.png', fullPage: true }).catch(() => {});
    else await page.screenshot({ path: '/tmp/embed-host-1280.png', fullPage: true }).catch(() => {});
    await context.close();
    assert.deepEqual(problems, []);
  }
});

test('without embed.js the blockquote is a plain link', async () => {
  hostPages.set('/no-script.html', hostPage('Không có script', `
<blockquote class="guong-profile" data-profile="nguyen-van-mau" data-lang="vi"><a href="${site.url}/dien-hinh/nguyen-van-mau/">Bác sĩ Nguyễn Văn Mẫu</a></blockquote>`));
  const { page, context, problems } = await open(`${host.url}/no-script.html`, { origins: [host.url] });
  assert.equal(await page.locator('blockquote.guong-profile a').getAttribute('href'), `${site.url}/dien-hinh/nguyen-van-mau/`);
  await context.close();
  assert.deepEqual(problems, []);
});

test('"copy embed code" on a profile page gives code that shows the card on another site', async () => {
  const { page, context, problems } = await open(`${site.url}/en/profiles/nguyen-van-mau/`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  assert.equal(await page.locator('link[type="application/json+oembed"]').getAttribute('href'), `${base}/en/oembed/nguyen-van-mau.json`);
  await page.locator('details.embed-code summary').click();
  await page.locator('#embed-copy').click();
  await page.waitForFunction(() => document.getElementById('embed-copy-status').textContent !== '');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.locator('#embed-code').inputValue());
  await context.close();
  assert.deepEqual(problems, []);

  hostPages.set('/pasted.html', hostPage('Pasted', local(copied)));
  const pasted = await open(`${host.url}/pasted.html`, { origins: [site.url, host.url] });
  const frameEl = await pasted.page.waitForSelector('iframe.guong-embed[data-guong-sized]');
  assert.equal(await frameEl.getAttribute('src'), `${site.url}/en/embed/nguyen-van-mau/?fit=content`);
  const h = await settled(pasted.page, frameEl);
  assert.ok(Math.abs(h.outer - h.content) <= 2, JSON.stringify(h));
  assert.equal(await (await frameEl.contentFrame()).locator('.g-name').textContent(), 'Doctor Nguyễn Văn Mẫu');
  await pasted.context.close();
  assert.deepEqual(pasted.problems, []);
});

test('no dialog on the profile, its embed card or a page with its oEmbed html', async () => {
  const oembed = await readJson('oembed/lo-thi-thu.json');
  hostPages.set('/oembed.html', hostPage('oEmbed', local(oembed.html)));
  const urls = [
    `${site.url}/dien-hinh/lo-thi-thu/`,
    `${site.url}/en/profiles/lo-thi-thu/`,
    `${site.url}/embed/lo-thi-thu/`,
    `${site.url}/en/embed/lo-thi-thu/`,
    `${host.url}/oembed.html`,
  ];
  for (const url of urls) {
    const { page, context, problems } = await open(url, { origins: [site.url, host.url] });
    if (url.endsWith('/oembed.html')) {
      const frame = await (await page.$('iframe.guong-embed')).contentFrame();
      await frame.waitForSelector('.g-card');
    }
    await page.waitForTimeout(300);
    for (const frame of page.frames()) {
      const bad = await frame.evaluate(() => [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes]
        .filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value))
        .map((a) => `<${el.localName} ${a.name}="${a.value}">`)));
      assert.deepEqual(bad, [], `${url} (${frame.url()})`);
    }
    await context.close();
    assert.deepEqual(problems, [], url);
  }
});

test('each card page is self-contained, ≤ 15 KB gzipped, and works without JavaScript', async () => {
  const cards = [];
  for (const dir of ['embed', 'en/embed']) {
    for (const slug of await readdir(path.join(FIXTURE, dir))) cards.push(`/${dir}/${slug}/`);
  }
  assert.equal(cards.length, 6);
  for (const card of cards) {
    const html = await readFile(path.join(FIXTURE, card, 'index.html'));
    const gz = gzipSync(html, { level: 9 }).length;
    assert.ok(gz <= MAX_GZIP, `${card}: ${gz} bytes gzipped`);
    console.log(`${card}: ${html.length} bytes, ${gz} bytes gzipped`);
    const { page, context, problems, requests } = await open(`${site.url}${card}`, { viewport: { width: 280, height: 600 } });
    await page.waitForLoadState('networkidle');
    assert.ok(requests.every((u) => new URL(u).origin === site.url), requests.join('\n'));
    assert.equal(await page.evaluate(() => document.cookie), '');
    const box = await page.locator('.g-card').boundingBox();
    assert.ok(box.width <= 280, `fits 280 px: ${box.width}`);
    const more = page.locator('a.g-more');
    assert.equal(await more.getAttribute('target'), '_blank');
    assert.equal(await more.getAttribute('rel'), 'noopener');
    await context.close();
    assert.deepEqual(problems, [], card);
  }
  // Without JavaScript: the same card, in the reader's colour scheme.
  const { page, context } = await open(`${site.url}/embed/nguyen-van-mau/?theme=dark`, { javaScriptEnabled: false, colorScheme: 'dark' });
  assert.equal(await page.locator('.g-name').textContent(), 'Bác sĩ Nguyễn Văn Mẫu');
  const bg = await page.locator('.g-card').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(bg, 'rgb(27, 26, 25)', 'dark from prefers-color-scheme');
  await context.close();
  // ?theme=light wins over a dark preference.
  const light = await open(`${site.url}/embed/nguyen-van-mau/?theme=light`, { colorScheme: 'dark' });
  assert.equal(await light.page.locator('.g-card').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(255, 255, 255)');
  await light.context.close();
  assert.deepEqual(light.problems, []);
});

test('card pages are valid HTML', () => {
  const files = ['embed/nguyen-van-mau/index.html', 'en/embed/lo-thi-thu/index.html', 'embed/hop-tac-xa-che-mau/index.html'];
  const out = execFileSync('java', ['-jar', String(vnu), '--format', 'json', ...files.map((f) => path.join(FIXTURE, f))],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  const messages = JSON.parse(out || '{"messages":[]}').messages.filter((m) => m.type === 'error');
  assert.deepEqual(messages.map((m) => `${m.url}:${m.lastLine}: ${m.message}`), []);
});

test('every oEmbed and API document validates against its published schema', async () => {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  const schemaDir = 'api/v1/schema';
  const kinds = (await readdir(path.join(FIXTURE, schemaDir))).map((f) => f.replace(/\.json$/, ''));
  assert.deepEqual(kinds.sort(), ['congresses', 'movements', 'oembed', 'profile', 'profiles', 'slogans']);
  for (const kind of kinds) {
    const schema = await readJson(`${schemaDir}/${kind}.json`);
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.$id, `${base}/api/v1/schema/${kind}.json`);
    ajv.addSchema(schema, kind);
  }
  const docs = [
    ['api/v1/profiles.json', 'profiles'],
    ['api/v1/congresses.json', 'congresses'],
    ['api/v1/movements.json', 'movements'],
    ['api/v1/slogans.json', 'slogans'],
  ];
  for (const f of await readdir(path.join(FIXTURE, 'api/v1/profiles'))) docs.push([`api/v1/profiles/${f}`, 'profile']);
  for (const dir of ['oembed', 'en/oembed']) {
    for (const f of await readdir(path.join(FIXTURE, dir))) docs.push([`${dir}/${f}`, 'oembed']);
  }
  assert.equal(docs.length, 4 + 3 + 6);
  for (const [file, kind] of docs) {
    const doc = await readJson(file);
    const validate = ajv.getSchema(kind);
    assert.ok(validate(doc), `${file} against ${kind}: ${ajv.errorsText(validate.errors)}`);
    if (kind !== 'oembed') assert.equal(doc.$schema, `${base}/api/v1/schema/${kind}.json`, file);
  }
  // The schemas are not a formality: a script in a story is refused.
  const evil = await readJson('api/v1/profiles/lo-thi-thu.json');
  evil.text.vi.story_html = '<p><img src=x onerror=alert(1)></p>';
  assert.equal(ajv.getSchema('profile')(evil), false);
  const evilEmbed = await readJson('oembed/lo-thi-thu.json');
  evilEmbed.html += '<script>alert(1)</script>';
  assert.equal(ajv.getSchema('oembed')(evilEmbed), false);
});
