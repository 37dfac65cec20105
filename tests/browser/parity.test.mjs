// One ranking, two runtimes: the browser client (the real, built search.js
// reading the real exported index from disk) and `guong search` (reading the
// tantivy index) must return the same top-10 URLs, in the same order, with
// the same scores, the same total and the same "did you mean", for every
// query below: the hand-written ones, and 60 a language made from the site's
// own titles (typos, unfinished syllables, joined syllables, numerals,
// English plurals). The English stemmer of the browser (stem-en.js) must
// stem every word of the English index as the Rust one does.
//
// Plain Node (no browser, no npm packages): scripts/test runs it early.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { siteDir } from './server.mjs';

const SITE = await siteDir();
const BIN = process.env.GUONG_BIN;
const ROOT = process.env.GUONG_ROOT;
if (!BIN || !ROOT) throw new Error('GUONG_BIN (the guong binary) and GUONG_ROOT (the site folder SITE_DIR was built from) must be set');

const nfd = (s) => s.normalize('NFD');
const HAND_WRITTEN = {
  vi: [
    'tran thanh son', 'Trần Thanh Sơn', 'TRẦN THANH SƠN', 'son la', 'Sơn La', 'thi dua', 'thi đua', 'Thi Đua Yêu Nước',
    'hop tac xa', 'hợp tác xã', 'Ðại tá', nfd('Đại tá'), 'Đại tá', 'dai ta', nfd('Mường Sang'), 'muong sang', 'moc chau',
    'Mộc Châu', 'nong thon moi', 'nông thôn mới', 'tran thanh s', 'tran thanh so', 'ngu', 'hợp t', 'bao cao 453',
    '453/BC-UBND', 'y te', 'giao duc', 'cong an', 'dai hoi lan thu vi', 'xoa nha tam', 'chuyen doi so', 'phụ nữ',
    'cựu chiến binh', 'Hà Phương', 'vi hong', 'sọn', 'son', 'xyzkhongcoketqua', 'khau hieu', 'Ðoàn kết, sáng tạo',
    // Unfinished syllables from the first letter.
    't', 'tr', 'tran t', 'tran th', 'hop t', 'm',
    // Typos (one edit: transposition, substitution, deletion, insertion).
    'tran thnah son', 'moc chou', 'truogn thcs tong lanh', 'luong van loan', 'nong thonn moi', 'chuyen doi soo ',
    // Numerals and joined syllables.
    'dai hoi 6', 'dai hoi VI', 'lần thứ 6', 'dai hoi 2 ', 'sonla', 'thidua', 'hoptacxa ',
  ],
  en: [
    'cooperative', 'cooperatives', 'Colonel', 'Sơn La', 'son la', 'emulation', 'patriotic emulation', 'new rural',
    'teacher', 'congress', 'police', 'health', 'coop', 'bank',
    'teachers', 'teaching', 'cooperatives ', 'sixth congress', '6th congress', 'congress VI', 'second',
    'patriotic emulaton', 'colonl', 'c', 'em', 'sonla', 'awards',
  ],
};

/** Queries made from the site's own titles, the way people mistype them. */
function generated(titles, lang, count) {
  const out = [];
  const letters = (w) => w.length >= 4 && /^\p{Alphabetic}+$/u.test(w);
  for (const [n, title] of titles.entries()) {
    const words = title.normalize('NFC').toLowerCase().split(/[^\p{Alphabetic}\p{N}\p{M}]+/u).filter(Boolean).slice(0, 4);
    if (words.length === 0) continue;
    const plain = words.map((w) => w.normalize('NFD').replace(/\p{M}/gu, '').replaceAll('đ', 'd'));
    switch (n % 5) {
      case 0: { // an unfinished last syllable (one or two letters typed)
        const last = plain[plain.length - 1];
        out.push([...plain.slice(0, -1), last.slice(0, 1 + (n % 2))].join(' '));
        break;
      }
      case 1: { // two letters swapped in the longest word
        const i = plain.reduce((b, w, k) => (w.length > plain[b].length ? k : b), 0);
        const w = plain[i];
        if (letters(w)) plain[i] = w.slice(0, 1) + w[2] + w[1] + w.slice(3);
        out.push(`${plain.join(' ')} `);
        break;
      }
      case 2: // joined syllables
        out.push(plain.length > 1 ? plain[0] + plain[1] + (plain[2] ? ` ${plain[2]}` : '') : plain[0]);
        break;
      case 3: { // a letter dropped, or (English) a plural
        const w = plain[plain.length - 1];
        if (lang === 'en') plain[plain.length - 1] = `${w}s`;
        else if (letters(w)) plain[plain.length - 1] = w.slice(0, -2) + w.slice(-1);
        out.push(`${plain.join(' ')} `);
        break;
      }
      default: // as written, with diacritics
        out.push(words.join(' '));
    }
    if (out.length >= count) break;
  }
  return out;
}

const assets = await readdir(path.join(SITE, 'assets'));
const asset = (re) => {
  const f = assets.find((name) => re.test(name));
  assert.ok(f, `the built site has ${re}`);
  return pathToFileURL(path.join(SITE, 'assets', f)).href;
};
const { Index } = await import(asset(/^search\.[0-9a-f]+\.js$/));
const stem = (await import(asset(/^stem-en\.[0-9a-f]+\.js$/))).default;

async function read(url, as) {
  const bytes = await readFile(path.join(SITE, decodeURIComponent(url)));
  return as === 'json' ? JSON.parse(bytes.toString('utf8')) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

async function indexBase(lang) {
  const page = await readFile(path.join(SITE, lang === 'vi' ? 'tim-kiem' : 'en/search', 'index.html'), 'utf8');
  return /data-index="([^"]+)"/.exec(page)[1];
}

async function titles(lang) {
  const base = await indexBase(lang);
  const { n } = await read(`${base}meta.json`, 'json');
  const out = [];
  for (let doc = 0; doc < n; doc++) out.push((await read(`${base}f/${doc}.json`, 'json')).t);
  return out;
}

function cli(q, lang) {
  const out = execFileSync(BIN, ['search', q, '--lang', lang, '--json', '--limit', '10', '--root', ROOT], { encoding: 'utf8' });
  return JSON.parse(out);
}

for (const lang of ['vi', 'en']) {
  const made = generated(await titles(lang), lang, 60);
  const queries = [...HAND_WRITTEN[lang], ...made];

  test(`${lang}: browser client and guong search agree on ${queries.length} queries (${made.length} made from the site)`, async () => {
    const index = new Index(await indexBase(lang), read, stem);
    let nonEmpty = 0;
    let suggested = 0;
    let madeFound = 0;
    for (const [i, q] of queries.entries()) {
      const expected = cli(q, lang);
      const found = await index.search(q, {}, 10);
      const fragments = await Promise.all(found.hits.map(([doc]) => index.fragment(doc)));
      const got = fragments.map((f, i) => `${f.u} ${found.hits[i][1]}`);
      const want = expected.results.map((r) => `${r.url} ${r.score}`);
      assert.deepEqual(got, want, `${lang} ${JSON.stringify(q)}`);
      assert.equal(found.total, expected.total, `${lang} ${JSON.stringify(q)}: total`);
      assert.equal(found.suggestion, expected.suggestion, `${lang} ${JSON.stringify(q)}: did you mean`);
      if (want.length) nonEmpty++;
      if (want.length && i >= HAND_WRITTEN[lang].length) madeFound++;
      if (found.suggestion) suggested++;
    }
    // Not a vacuous agreement on empty lists, and the typo path is exercised.
    assert.ok(nonEmpty * 3 >= queries.length * 2, `only ${nonEmpty} queries had results`);
    assert.ok(suggested >= 3, `only ${suggested} queries were corrected`);
    // A mistyped title still finds something: the made queries compare rankings, not two empty lists.
    assert.ok(madeFound * 5 >= made.length * 4, `only ${madeFound} of ${made.length} queries made from titles had results`);
  });
}

test('stem-en.js stems every word of the English index as guong does', async () => {
  const base = await indexBase('en');
  const meta = await read(`${base}meta.json`, 'json');
  const words = new Set();
  for (const n of meta.vocab) for (const w of Object.keys(await read(`${base}v/${n}.json`, 'json'))) words.add(w);
  for (const n of new Set(Object.values(meta.shards))) {
    for (const w of Object.keys(await read(`${base}s/${n}.json`, 'json'))) if (/^\p{Alphabetic}+$/u.test(w)) words.add(w);
  }
  const list = [...words].sort();
  assert.ok(list.length > 200, `${list.length} words`);
  const rust = execFileSync(BIN, ['dev', 'stem'], { input: `${list.join('\n')}\n`, encoding: 'utf8' }).split('\n');
  const differ = list.filter((w, i) => stem(w) !== rust[i]).map((w) => `${w}: ${stem(w)} ≠ ${rust[list.indexOf(w)]}`);
  assert.deepEqual(differ, [], `${differ.length} of ${list.length} words stem differently`);
});
