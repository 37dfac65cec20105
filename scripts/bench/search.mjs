// Search benchmark, run by scripts/bench-search: guong's static search and
// Pagefind over the same built site, in headless Chromium.
//
// Measures, per query: everything the browser downloads for search
// (gzip-compressed bytes: the script, index files and the fragments of the
// 10 results shown), the bytes of each further keystroke while typing, the
// time from keystroke to drawn results with the index cached and the CPU
// slowed 4× (DevTools throttling, for a mid-range phone; timed from the
// input event to the results list changing, as a MutationObserver on
// #search-results sees it), and whether the results contain what a
// diacritic-less or mistyped query means.
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
  // One wrong letter in a word of four or more: a transposition, a
  // substitution, an extra letter.
  { q: 'trna van', expect: 'Trần Văn', typo: true },
  { q: 'moc chou', expect: 'Mộc Châu', typo: true },
  { q: 'chuyne doi so', expect: 'chuyển đổi số', typo: true },
  { q: 'nong thonn moi', expect: 'nông thôn mới', typo: true },
];
const THROTTLE = 4;

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
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

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
  // Latency with the index cached and the CPU slowed: retype each prefix,
  // time the input event → the results list changing for that prefix.
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const times = await page.evaluate(async (q) => {
    const input = document.getElementById('search-q');
    const results = document.getElementById('search-results');
    const out = [];
    for (let round = 0; round < 4; round++) {
      for (let i = 1; i <= q.length; i++) {
        const value = q.slice(0, i);
        if (value === results.dataset.renderedQuery) continue;
        const drawn = new Promise((resolve) => {
          const seen = new MutationObserver(() => {
            if (results.dataset.renderedQuery === value) {
              seen.disconnect();
              resolve(performance.now());
            }
          });
          seen.observe(results, { childList: true, subtree: true, attributes: true });
        });
        const t0 = performance.now();
        input.value = value;
        input.dispatchEvent(new Event('input'));
        const t1 = await drawn;
        if (round > 0) out.push(t1 - t0); // round 0 only fills the caches
      }
      input.value = '';
      input.dispatchEvent(new Event('input'));
      await new Promise((r) => setTimeout(r, 50));
    }
    return out;
  }, q);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await ctx.close();
  return { first, keystrokeMax: Math.max(...perKey.slice(1)), keystrokes: perKey, ms: median(times), p90: pct(times, 0.9), found };
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
  rows.push({ query: query.q, typo: !!query.typo, guong: g, pagefind: p });
}
await browser.close();
await server.close();

const kb = (b) => (b / 1024).toFixed(1);
console.log(`\nquery            | guong first query | guong max keystroke | guong keystroke→results, CPU ${THROTTLE}× (median / p90) | finds it | Pagefind first query | Pagefind time to results | finds it`);
console.log('-----------------|-------------------|---------------------|---------------------------------------------|----------|----------------------|--------------------------|---------');
for (const r of rows) {
  const p = r.pagefind;
  console.log(
    `${(r.query + (r.typo ? ' (typo)' : '')).padEnd(16)} | ${kb(r.guong.first).padStart(12)} KB   | ${kb(r.guong.keystrokeMax).padStart(14)} KB   | ${`${r.guong.ms.toFixed(1)} / ${r.guong.p90.toFixed(1)}`.padStart(36)} ms  | ${r.guong.found ? 'yes' : 'NO '}      | ` +
      (p ? `${kb(p.first).padStart(15)} KB   | ${p.ms.toFixed(0).padStart(20)} ms  | ${p.found ? 'yes' : 'NO'}` : 'failed'),
  );
}
const plain = rows.filter((r) => !r.typo);
const typos = rows.filter((r) => r.typo);
const worst = (rs, f) => Math.max(...rs.map(f));
const check = (ok) => (ok ? 'OK' : 'OVER');
const firstPlain = worst(plain, (r) => r.guong.first);
const firstTypo = worst(typos, (r) => r.guong.first);
const worstKey = worst(rows, (r) => r.guong.keystrokeMax);
const msPlain = median(plain.map((r) => r.guong.ms));
const msTypo = median(typos.map((r) => r.guong.ms));
console.log(`\nbudgets (gzip; CPU ${THROTTLE}×, index cached):`);
console.log(`  first query ≤ 30 KB: worst ${kb(firstPlain)} KB ${check(firstPlain <= 30 * 1024)}`);
console.log(`  a query with a typo ≤ 60 KB: worst ${kb(firstTypo)} KB ${check(firstTypo <= 60 * 1024)}`);
console.log(`  each further keystroke ≤ 20 KB: worst ${kb(worstKey)} KB ${check(worstKey <= 20 * 1024)}`);
console.log(`  keystroke → results ≤ 50 ms median: ${msPlain.toFixed(1)} ms ${check(msPlain <= 50)}`);
console.log(`  keystroke → results with a typo ≤ 80 ms median: ${msTypo.toFixed(1)} ms ${check(msTypo <= 80)}`);
if (jsonOut) await writeFile(jsonOut, JSON.stringify(rows, null, 2));
