// Search benchmark, run by scripts/bench-search: guong's static search and
// Pagefind over the same built site, in headless Chromium.
//
// Measures, per query: everything the browser downloads for search
// (gzip-compressed bytes: the script, index files and the fragments of the
// 10 results shown), the bytes of each further keystroke while typing, the
// time from keystroke to drawn results with the index cached, and whether
// the results contain what a diacritic-less query means.
//
// Usage: node scripts/bench/search.mjs <built site with pagefind/> <json out>
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../tests/browser/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const { start, CHROMIUM } = await import(new URL('../../tests/browser/server.mjs', import.meta.url));

const [site, jsonOut] = process.argv.slice(2);
if (!site) throw new Error('usage: search.mjs <site> [json out]');
const QUERIES = [
  { q: 'son la', expect: 'Sơn La' },
  { q: 'thi dua', expect: 'thi đua' },
  { q: 'Mộc Châu', expect: 'Mộc Châu' },
  { q: 'hợp tác xã', expect: 'hợp tác xã' },
  { q: 'tran van', expect: 'Trần Văn' },
  { q: 'chuyen doi so', expect: 'chuyển đổi số' },
];

/** Bytes a file costs over the wire: its gzip size (files already gzipped count as they are). */
const sizes = new Map();
async function wireBytes(urlPath) {
  if (!sizes.has(urlPath)) {
    const buf = await readFile(path.join(site, decodeURIComponent(urlPath)));
    sizes.set(urlPath, buf[0] === 0x1f && buf[1] === 0x8b ? buf.length : gzipSync(buf, { level: 9 }).length);
  }
  return sizes.get(urlPath);
}

const server = await start(site);
const browser = await chromium.launch(CHROMIUM);
const isSearchFile = (p) => p.startsWith('/_search/') || /^\/assets\/search\.[0-9a-f]+\.js$/.test(p) || p.startsWith('/pagefind/');

async function context() {
  const ctx = await browser.newContext();
  const fetched = [];
  ctx.on('requestfinished', (r) => {
    const p = new URL(r.url()).pathname;
    if (isSearchFile(p)) fetched.push(p);
  });
  return { ctx, fetched };
}
async function cost(paths) {
  let total = 0;
  for (const p of new Set(paths)) total += await wireBytes(p);
  return total;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function guong({ q, expect }) {
  // First query: a fresh browser opens the search page with the query in the address.
  let { ctx, fetched } = await context();
  let page = await ctx.newPage();
  await page.goto(`${server.url}/tim-kiem/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction((q) => document.getElementById('search-results')?.dataset.renderedQuery === q, q, { timeout: 60000 });
  const first = await cost(fetched);
  const titles = await page.locator('#search-results li').allInnerTexts();
  const found = titles.some((t) => t.normalize('NFC').toLowerCase().includes(expect.toLowerCase()));
  await ctx.close();

  // Typing: a fresh browser, key by key; the bytes each keystroke adds.
  ({ ctx, fetched } = await context());
  page = await ctx.newPage();
  await page.goto(`${server.url}/tim-kiem/`);
  await page.waitForFunction(() => document.getElementById('search-results')?.dataset.renderedQuery === '');
  const perKey = [];
  let typed = '';
  for (const ch of q) {
    const before = fetched.length;
    typed += ch;
    await page.type('#search-q', ch);
    await page.waitForFunction((q) => document.getElementById('search-results').dataset.renderedQuery === q, typed, { timeout: 60000 });
    const seen = new Set(fetched.slice(0, before));
    perKey.push(await cost(fetched.slice(before).filter((p) => !seen.has(p))));
  }
  // Latency with the index cached: retype each prefix, time input → drawn results.
  const times = await page.evaluate(async (q) => {
    const input = document.getElementById('search-q');
    const results = document.getElementById('search-results');
    const out = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 1; i <= q.length; i++) {
        const value = q.slice(0, i);
        const t0 = performance.now();
        const drawn = new Promise((resolve) => {
          const check = () => (results.dataset.renderedQuery === value ? resolve() : requestAnimationFrame(check));
          check();
        });
        input.value = value;
        input.dispatchEvent(new Event('input'));
        await drawn;
        out.push(performance.now() - t0);
      }
    }
    return out;
  }, q);
  await ctx.close();
  return { first, keystrokeMax: Math.max(...perKey.slice(1)), keystrokes: perKey, ms: median(times), found };
}

async function pagefind({ q, expect }) {
  const { ctx, fetched } = await context();
  const page = await ctx.newPage();
  await page.goto(`${server.url}/pagefind-bench.html`);
  await page.waitForFunction(() => window.pagefindReady === true, null, { timeout: 60000 });
  const result = await page.evaluate(async ({ q, expect }) => {
    const t0 = performance.now();
    const search = await window.pagefind.search(q);
    const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
    const ms = performance.now() - t0;
    const text = data.map((d) => `${d.meta?.title || ''} ${d.content || ''}`.normalize('NFC').toLowerCase());
    return { ms, count: search.results.length, found: text.some((t) => t.includes(expect.toLowerCase())) };
  }, { q, expect });
  const first = await cost(fetched);
  await ctx.close();
  return { first, ms: result.ms, count: result.count, found: result.found };
}

const rows = [];
for (const query of QUERIES) {
  const g = await guong(query);
  let p = null;
  try {
    p = await pagefind(query);
  } catch (e) {
    console.error(`pagefind failed on ${query.q}: ${e.message}`);
  }
  rows.push({ query: query.q, guong: g, pagefind: p });
}
await browser.close();
await server.close();

const kb = (b) => (b / 1024).toFixed(1);
console.log('\nquery            | guong first query | guong max keystroke | guong keystroke→results (median, cached) | finds it | Pagefind first query | Pagefind time to results | finds it');
console.log('-----------------|-------------------|---------------------|-------------------------------------------|----------|----------------------|--------------------------|---------');
for (const r of rows) {
  const p = r.pagefind;
  console.log(
    `${r.query.padEnd(16)} | ${kb(r.guong.first).padStart(12)} KB   | ${kb(r.guong.keystrokeMax).padStart(14)} KB   | ${r.guong.ms.toFixed(1).padStart(36)} ms  | ${r.guong.found ? 'yes' : 'NO '}      | ` +
      (p ? `${kb(p.first).padStart(15)} KB   | ${p.ms.toFixed(0).padStart(20)} ms  | ${p.found ? 'yes' : 'NO'}` : 'failed'),
  );
}
const worstFirst = Math.max(...rows.map((r) => r.guong.first));
const worstKey = Math.max(...rows.map((r) => r.guong.keystrokeMax));
const medianMs = median(rows.map((r) => r.guong.ms));
console.log(`\nbudgets: first query ≤ 100 KB: worst ${kb(worstFirst)} KB ${worstFirst <= 100 * 1024 ? 'OK' : 'OVER'}; ` +
  `further keystroke ≤ 20 KB: worst ${kb(worstKey)} KB ${worstKey <= 20 * 1024 ? 'OK' : 'OVER'}; ` +
  `keystroke → results ≤ 30 ms median: ${medianMs.toFixed(1)} ms ${medianMs <= 30 ? 'OK' : 'OVER'}`);
if (jsonOut) await writeFile(jsonOut, JSON.stringify(rows, null, 2));
