// One ranking, two runtimes: the browser client (the real, built search.js
// reading the real exported index from disk) and `guong search` (reading the
// tantivy index) must return the same top-10 URLs, in the same order, with
// the same scores, for every query below.
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
const QUERIES = {
  vi: [
    'tran thanh son', 'Trần Thanh Sơn', 'TRẦN THANH SƠN', 'son la', 'Sơn La', 'thi dua', 'thi đua', 'Thi Đua Yêu Nước',
    'hop tac xa', 'hợp tác xã', 'Ðại tá', nfd('Đại tá'), 'Đại tá', 'dai ta', nfd('Mường Sang'), 'muong sang', 'moc chau',
    'Mộc Châu', 'nong thon moi', 'nông thôn mới', 'tran thanh s', 'tran thanh so', 'ngu', 'hợp t', 'bao cao 453',
    '453/BC-UBND', 'y te', 'giao duc', 'cong an', 'dai hoi lan thu vi', 'xoa nha tam', 'chuyen doi so', 'phụ nữ',
    'cựu chiến binh', 'Hà Phương', 'vi hong', 'sọn', 'son', 'xyzkhongcoketqua', 'khau hieu', 'Ðoàn kết, sáng tạo',
  ],
  en: [
    'cooperative', 'cooperatives', 'Colonel', 'Sơn La', 'son la', 'emulation', 'patriotic emulation', 'new rural',
    'teacher', 'congress', 'police', 'health', 'coop', 'bank',
  ],
};

const assets = await readdir(path.join(SITE, 'assets'));
const script = assets.find((f) => /^search\.[0-9a-f]+\.js$/.test(f));
assert.ok(script, 'the built site has its search script');
const { Index } = await import(pathToFileURL(path.join(SITE, 'assets', script)).href);

async function indexFor(lang) {
  const page = await readFile(path.join(SITE, lang === 'vi' ? 'tim-kiem' : 'en/search', 'index.html'), 'utf8');
  const base = /data-index="([^"]+)"/.exec(page)[1];
  return new Index(base, async (url, as) => {
    const bytes = await readFile(path.join(SITE, decodeURIComponent(url)));
    return as === 'json' ? JSON.parse(bytes.toString('utf8')) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  });
}

function cli(q, lang) {
  const out = execFileSync(BIN, ['search', q, '--lang', lang, '--json', '--limit', '10', '--root', ROOT], { encoding: 'utf8' });
  return JSON.parse(out);
}

test('at least 30 queries are compared', () => {
  assert.ok(QUERIES.vi.length + QUERIES.en.length >= 30);
});

for (const lang of ['vi', 'en']) {
  test(`browser client and guong search agree on ${QUERIES[lang].length} ${lang} queries`, async () => {
    const index = await indexFor(lang);
    let nonEmpty = 0;
    for (const q of QUERIES[lang]) {
      const expected = cli(q, lang);
      const found = await index.search(q, {}, 10);
      const fragments = await Promise.all(found.hits.map(([doc]) => index.fragment(doc)));
      const got = fragments.map((f, i) => `${f.u} ${found.hits[i][1]}`);
      const want = expected.results.map((r) => `${r.url} ${r.score}`);
      assert.deepEqual(got, want, `${lang} ${JSON.stringify(q)}`);
      assert.equal(found.total, expected.total, `${lang} ${JSON.stringify(q)}: total`);
      if (want.length) nonEmpty++;
    }
    // Not a vacuous agreement on empty lists.
    assert.ok(nonEmpty * 3 >= QUERIES[lang].length * 2, `only ${nonEmpty} queries had results`);
  });
}
