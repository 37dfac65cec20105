// guong search client: a dependency-free ES module.
//
// The analyzer, the postings format and the ranking below mirror
// src/search/analyze.rs, src/search/export.rs and src/search/rank.rs step for
// step; a parity test runs the same queries through this file and through
// `guong search` and requires identical results. Change them together. The
// limits and tables (prefix lengths, typo distance, page size, numerals,
// stemming) are not copied here: they come with the index, in meta.json's
// "rules" (src/search/rules.rs).
//
// The bottom of the file enhances the search page when it runs in a browser;
// imported elsewhere (Node, tests), it only exports the engine.

const WORD = /[\p{Alphabetic}\p{N}\p{M}]/u;
const MARK = /\p{M}/u;
const LETTERS = /^\p{Alphabetic}+$/u;
const MAX_QUERY_SYLLABLES = 8;
const SHORT_PREFIX_ENTRY = '*';

/** Lowercase, tones and vowel marks removed, đ → d (src/fold.rs `fold`). */
export function fold(s) {
  let out = '';
  for (const c of s.normalize('NFD')) {
    if (MARK.test(c)) continue;
    out += c === 'đ' || c === 'Đ' || c === 'Ð' || c === 'ð' ? 'd' : c.toLowerCase();
  }
  return out;
}

function roman(n) {
  const table = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** The analyzer of one index (analyze.rs `Analyzer`), built from its rules. */
export class Analyzer {
  constructor(rules, stem) {
    this.rules = rules;
    if (rules.stem && typeof stem !== 'function') throw new Error(`the index is stemmed (${rules.stem}): a stemmer is needed`);
    this.stem = rules.stem ? stem : null;
    this.romans = new Map();
    for (let n = 1; n <= rules.roman_max; n++) this.romans.set(roman(n), n);
  }
  /** The key of a candidate term (analyze.rs `key_of`). */
  keyOf(term) {
    return this.stem ? this.stem(term) : term;
  }
  numeral(token, folded) {
    if (this.romans.has(token)) return this.romans.get(token);
    if (Object.hasOwn(this.rules.ordinals, folded)) return this.rules.ordinals[folded];
    const m = /^([0-9]{1,9})(st|nd|rd|th)$/.exec(folded);
    return m ? parseInt(m[1], 10) : null;
  }
  syllable(token, start, end) {
    // Ð/ð (U+00D0/U+00F0) in Vietnamese is a stand-in for Đ/đ (analyze.rs).
    const exact = token.toLowerCase().replaceAll('ð', 'đ');
    const folded = fold(exact);
    const numeral = this.numeral(token, folded);
    const key = numeral !== null ? String(numeral) : this.stem ? this.stem(folded) : folded;
    return { exact, folded, key, numeral, start, end };
  }
  /** Syllables of a text, with offsets into its NFC form. */
  syllables(text) {
    const nfc = text.normalize('NFC');
    const out = [];
    let current = '';
    let start = 0;
    let offset = 0;
    const flush = () => {
      if (current) {
        const s = this.syllable(current, start, offset);
        if (s.folded) out.push(s);
        current = '';
      }
    };
    for (const c of nfc) {
      if (WORD.test(c)) {
        if (!current) start = offset;
        current += c;
      } else {
        flush();
      }
      offset += c.length;
    }
    flush();
    return out;
  }
  parseQuery(q) {
    const last = Array.from(q.normalize('NFC')).pop();
    return { syllables: this.syllables(q).slice(0, MAX_QUERY_SYLLABLES), lastIsPrefix: last !== undefined && WORD.test(last) };
  }
}

function shardKey(s) {
  return Array.from(s).slice(0, 2).join('');
}

function b64(s) {
  const bin = atob(s);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Postings bytes → [[doc, impact]] (src/search/export.rs `decode`). */
export function decode(bytes, docs) {
  let pos = 0;
  const varint = () => {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[pos++];
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
      shift += 7;
    }
  };
  const count = varint();
  const mode = bytes[pos++];
  const list = new Array(count);
  if (mode === 1) {
    let i = 0;
    const len = Math.ceil(docs / 8);
    for (let byte = 0; byte < len; byte++) {
      let b = bytes[pos + byte];
      while (b) {
        const bit = 31 - Math.clz32(b & -b);
        list[i++] = byte * 8 + bit;
        b &= b - 1;
      }
    }
    pos += len;
  } else {
    let prev = 0;
    for (let i = 0; i < count; i++) {
      const n = varint();
      prev = i === 0 ? n : prev + n;
      list[i] = prev;
    }
  }
  const flag = bytes[pos];
  if (flag === 1) return list.map((d, i) => [d, bytes[pos + 1 + i]]);
  const impacts = new Array(count).fill(bytes[pos + 1]);
  if (flag === 2) {
    pos += 2;
    const k = varint();
    let at = 0;
    for (let i = 0; i < k; i++) {
      at += varint();
      impacts[at] = bytes[pos++];
    }
  }
  return list.map((d, i) => [d, impacts[i]]);
}

/** The number of documents of encoded postings (their first varint). */
function count(bytes) {
  let n = 0;
  for (let i = 0, shift = 0; ; i++, shift += 7) {
    n += (bytes[i] & 0x7f) * 2 ** shift;
    if (bytes[i] < 0x80) return n;
  }
}

/** Whether two words are one edit apart: optimal string alignment (rank.rs `one_edit`). */
export function osa(a, b) {
  const x = Array.from(a);
  const y = Array.from(b);
  const d = [];
  for (let i = 0; i <= x.length; i++) d.push([i, ...new Array(y.length).fill(0)]);
  for (let j = 0; j <= y.length; j++) d[0][j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.length][y.length];
}

// Rust compares strings by UTF-8 bytes; code points order the same way.
function cmp(a, b) {
  const x = Array.from(a, (c) => c.codePointAt(0));
  const y = Array.from(b, (c) => c.codePointAt(0));
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

async function defaultLoad(url, as) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return as === 'json' ? res.json() : res.arrayBuffer();
}

/**
 * A static index at `base` (`/_search/vi/<hash>/`); `load(url, 'json'|'bytes')`
 * fetches; `stem` is the stemmer an English index needs (stem-en.js).
 */
export class Index {
  constructor(base, load, stem) {
    this.base = base;
    this.load = load || defaultLoad;
    this.stemmer = stem;
    this.cache = new Map();
    this.decoded = new Map();
    this.matched = new Map();
    this.heads = new Map();
  }
  get(path, as) {
    if (!this.cache.has(path)) this.cache.set(path, this.load(this.base + path, as));
    return this.cache.get(path);
  }
  async meta() {
    const meta = await this.get('meta.json', 'json');
    if (!this.analyzer) this.analyzer = new Analyzer(meta.rules, this.stemmer);
    return meta;
  }
  async shard(prefix) {
    const meta = await this.meta();
    const n = meta.shards[shardKey(prefix)];
    return n === undefined ? {} : this.get(`s/${n}.json`, 'json');
  }
  async bytes(ref) {
    return typeof ref === 'string' ? b64(ref) : new Uint8Array(await this.get(`p/${ref}.bin`, 'bytes'));
  }
  async resolve(ref) {
    if (ref === undefined || ref === null) return [];
    if (!this.decoded.has(ref)) {
      const { n } = await this.meta();
      this.decoded.set(ref, decode(await this.bytes(ref), n));
    }
    return this.decoded.get(ref);
  }
  async entry(syllable) {
    const shard = await this.shard(syllable);
    return Object.hasOwn(shard, syllable) ? shard[syllable] : undefined;
  }
  /** Postings of an index term of any kind (mod.rs `Exported::lookup`). */
  async postings(term) {
    if (term.startsWith('=')) {
      const exact = term.slice(1);
      const e = await this.entry(fold(exact));
      return e && e.x ? this.resolve(e.x[exact]) : [];
    }
    const i = term.indexOf('_');
    if (i >= 0) {
      const table = await this.pairTable(term.slice(0, i));
      const second = term.slice(i + 1);
      return table && Object.hasOwn(table, second) ? this.resolve(table[second]) : [];
    }
    const e = await this.entry(term);
    return e ? this.resolve(e.p) : [];
  }
  async pairTable(first) {
    const e = await this.entry(first);
    if (!e || e.q === undefined) return null;
    return typeof e.q === 'number' ? this.get(`x/${e.q}.json`, 'json') : e.q;
  }
  async completions(prefix) {
    const shard = await this.shard(prefix);
    return Object.keys(shard).filter((t) => t.startsWith(prefix)).map((t) => [t, shard[t].d]);
  }
  async shortPrefix(prefix) {
    const shard = await this.shard(prefix);
    return this.resolve(shard[SHORT_PREFIX_ENTRY]);
  }
  async near(word) {
    const { vocab, rules } = await this.meta();
    const len = Array.from(word).length;
    const out = [];
    for (let n = Math.max(0, len - 1); n <= len + 1; n++) {
      if (!vocab.includes(n)) continue;
      const words = await this.get(`v/${n}.json`, 'json');
      for (const [t, df] of Object.entries(words)) if (osa(t, word) === rules.typo_distance) out.push([t, df]);
    }
    return out;
  }
  async pairsOf(first, wanted) {
    const table = await this.pairTable(first);
    if (!table) return [];
    const out = [];
    for (const [second, ref] of Object.entries(table)) if (wanted(second)) out.push([second, count(await this.bytes(ref))]);
    return out;
  }
  async facet(name, key) {
    const table = await this.get(`facets/${name}.json`, 'json');
    return new Set(table[key] ? (await this.resolve(table[key])).map((p) => p[0]) : []);
  }
  fragment(doc) {
    return this.get(`f/${doc}.json`, 'json');
  }

  async expansions(prefix) {
    const { rules } = await this.meta();
    const all = await this.completions(prefix);
    all.sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
    const chosen = all.slice(0, rules.expansions).map((a) => a[0]);
    if (all.some((a) => a[0] === prefix) && !chosen.includes(prefix)) chosen.push(prefix);
    return chosen.sort(cmp);
  }
  async corrections(word) {
    const { rules } = await this.meta();
    const near = await this.near(word);
    near.sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
    return near.slice(0, rules.corrections).map((a) => a[0]);
  }
  correctable(part) {
    const r = this.analyzer.rules;
    return part.numeral === null && Array.from(part.folded).length >= r.typo_min && LETTERS.test(part.folded);
  }

  /** rank.rs `split_joined`: "sonla" → "son" + "la". */
  async splitJoined(part) {
    const word = part.folded;
    const chars = Array.from(word);
    if (chars.length < 2 || part.numeral !== null) return null;
    const known = part.unfinished ? (await this.completions(word)).length > 0 : (await this.postings(part.key)).length > 0;
    if (known) return null;
    let best = null;
    for (let i = 1; i < chars.length; i++) {
      const a = chars.slice(0, i).join('');
      const b = chars.slice(i).join('');
      const pairs = await this.pairsOf(a, (s) => s === b || (part.unfinished && s.startsWith(b)));
      const weight = pairs.reduce((sum, p) => sum + p[1], 0);
      if (weight > 0 && (!best || weight > best.weight)) best = { weight, a, b };
    }
    if (!best) return null;
    const plain = (t, unfinished) => ({ typed: t, folded: t, key: t, exact: null, numeral: null, unfinished });
    return [plain(best.a, false), plain(best.b, part.unfinished)];
  }

  /** rank.rs `matches`: each document's best match of one syllable (cached per syllable). */
  async matches(part, typos) {
    const id = JSON.stringify([part.folded, part.key, part.exact, part.numeral, part.unfinished, typos]);
    if (this.matched.size > 64) this.matched.clear();
    if (!this.matched.has(id)) this.matched.set(id, this.computeMatches(part, typos));
    return this.matched.get(id);
  }
  async computeMatches(part, typos) {
    const { rules } = await this.meta();
    const an = this.analyzer;
    const m = { best: new Map(), keys: [], terms: [], prefix: null };
    const add = (term, key, postings, typo) => {
      const n = m.keys.length;
      m.keys.push(key);
      m.terms.push(term);
      for (const [doc, impact] of postings) {
        const e = m.best.get(doc);
        if (!e || typo < e[0] || (typo === e[0] && impact > e[1])) m.best.set(doc, [typo, impact, n]);
      }
    };
    if (!part.unfinished) {
      add(part.key, part.key, await this.postings(part.key), 0);
    } else if (Array.from(part.folded).length <= rules.short_prefix) {
      m.prefix = part.folded;
      add(part.folded, part.folded, await this.shortPrefix(part.folded), 0);
    } else {
      m.prefix = part.folded;
      for (const term of await this.expansions(part.folded)) {
        // A longer completion counts half (rank.rs `completion_impacts`).
        const postings = await this.postings(term);
        add(term, an.keyOf(term), term === part.folded ? postings : postings.map(([d, i]) => [d, i >> 1]), 0);
      }
    }
    if (part.unfinished && part.key !== part.folded) add(part.key, part.key, await this.postings(part.key), 0);
    if (typos && this.correctable(part)) {
      for (const term of await this.corrections(part.folded)) add(term, an.keyOf(term), await this.postings(term), 1);
    }
    if (part.exact) {
      for (const [doc, impact] of await this.postings(part.exact)) {
        const e = m.best.get(doc);
        if (e) m.best.set(doc, [e[0], e[1] + impact, e[2]]);
      }
    }
    return m;
  }

  /** Documents matching both `scores` and a syllable's matches, with their sums (fresh arrays). */
  static intersect(scores, m) {
    const next = new Map();
    if (scores === null) for (const [doc, b] of m.best) next.set(doc, [b[0], b[1]]);
    else {
      for (const [doc, s] of scores) {
        const b = m.best.get(doc);
        if (b) next.set(doc, [s[0] + b[0], s[1] + b[1]]);
      }
    }
    return next;
  }

  /** Adds the pair bonus of two adjacent syllables, per the candidates each document matched. */
  async addPairs(scores, x, y) {
    const groups = new Map();
    for (const doc of scores.keys()) {
      const a = x.best.get(doc);
      const b = y.best.get(doc);
      if (!a || !b) continue;
      const k = a[2] * 4096 + b[2];
      let docs = groups.get(k);
      if (!docs) groups.set(k, (docs = []));
      docs.push(doc);
    }
    for (const [k, docs] of groups) {
      const pair = await this.postings(`${x.keys[Math.floor(k / 4096)]}_${y.keys[k % 4096]}`);
      if (!pair.length) continue;
      const impacts = new Map(pair);
      for (const doc of docs) {
        const impact = impacts.get(doc);
        if (impact !== undefined) scores.get(doc)[1] += impact;
      }
    }
  }

  /**
   * Every syllable but the last, intersected and paired, remembered: while a
   * reader types the last word, the words before it cost nothing again.
   * The result is never changed afterwards.
   */
  async head(parts, typos) {
    const id = JSON.stringify([parts.map((p) => [p.folded, p.key, p.exact, p.numeral, p.unfinished]), typos]);
    if (this.heads.size > 32) this.heads.clear(); // a long session does not keep every query
    if (!this.heads.has(id)) {
      this.heads.set(id, (async () => {
        const m = await this.matches(parts[parts.length - 1], typos);
        if (parts.length === 1) return { scores: Index.intersect(null, m), used: [m] };
        const before = await this.head(parts.slice(0, -1), typos);
        if (before.scores.size === 0) return before;
        const scores = Index.intersect(before.scores, m);
        await this.addPairs(scores, before.used[before.used.length - 1], m);
        return { scores, used: [...before.used, m] };
      })());
    }
    return this.heads.get(id);
  }

  /** rank.rs `pass`. */
  async pass(parts, typos) {
    const n = parts.length;
    let scores;
    let used;
    if (n === 1) ({ scores, used } = await this.head(parts, typos));
    else {
      const before = await this.head(parts.slice(0, -1), typos);
      ({ scores, used } = before);
      if (scores.size > 0) {
        const m = await this.matches(parts[n - 1], typos);
        const next = Index.intersect(scores, m);
        // An unfinished last syllable that would leave nothing is ignored.
        if (!(next.size === 0 && parts[n - 1].unfinished)) {
          await this.addPairs(next, used[used.length - 1], m);
          scores = next;
          used = [...used, m];
        }
      }
    }
    const dropped = used.length < parts.length && scores.size > 0;
    let fixed = null;
    if (typos) {
      for (const [doc, [t, s]] of scores) {
        if (t > 0 && (!fixed || t < fixed[1] || (t === fixed[1] && (s > fixed[2] || (s === fixed[2] && doc < fixed[0]))))) fixed = [doc, t, s];
      }
    }
    let suggestion = null;
    if (fixed) {
      const words = used.map((m, i) => {
        const b = m.best.get(fixed[0]);
        return b && b[0] === 1 ? m.terms[b[2]] : parts[i].typed;
      });
      for (const p of parts.slice(used.length)) words.push(p.typed);
      suggestion = words.join(' ');
    }
    return { scores, suggestion, dropped, used };
  }

  /**
   * The ranking of src/search/rank.rs: {total, hits: [[doc, score]],
   * suggestion, matched}; `matched` says, per syllable used, what it matched
   * (for highlighting).
   */
  async search(q, filters = {}, limit = 10) {
    await this.meta();
    const query = typeof q === 'string' ? this.analyzer.parseQuery(q) : q;
    let filter = null;
    for (const [name, key] of Object.entries(filters)) {
      if (!key) continue;
      const members = await this.facet(name, key);
      filter = filter ? new Set([...filter].filter((d) => members.has(d))) : members;
    }
    const n = query.syllables.length;
    if (n === 0) {
      const hits = filter ? [...filter].sort((a, b) => a - b).map((d) => [d, 0]) : [];
      return { total: hits.length, hits: hits.slice(0, limit), suggestion: null, matched: [] };
    }
    const parts = [];
    for (const [i, s] of query.syllables.entries()) {
      const part = { typed: s.exact, folded: s.folded, key: s.key, exact: s.exact !== s.folded ? `=${s.exact}` : null, numeral: s.numeral, unfinished: i === n - 1 && query.lastIsPrefix };
      const two = await this.splitJoined(part);
      if (two) parts.push(...two);
      else parts.push(part);
    }
    const finish = (p) => {
      // One number per hit orders by typos, then score (descending), then document.
      const keys = [];
      for (const [doc, [t, s]] of p.scores) if (!filter || filter.has(doc)) keys.push(t * 2 ** 40 + (2 ** 20 - 1 - Math.min(s, 2 ** 20 - 1)) * 2 ** 20 + doc);
      const sorted = Float64Array.from(keys).sort();
      const hits = [];
      for (let i = 0; i < Math.min(limit, sorted.length); i++) {
        const doc = sorted[i] % 2 ** 20;
        hits.push([doc, p.scores.get(doc)[1]]);
      }
      return { total: sorted.length, hits, suggestion: p.suggestion, dropped: p.dropped, matched: p.used };
    };
    const exact = finish(await this.pass(parts, false));
    const r = this.analyzer.rules;
    const lastIsTypo = exact.dropped && this.correctable(parts[parts.length - 1]);
    if ((exact.total >= r.typo_below && !lastIsTypo) || !parts.some((p) => this.correctable(p))) return exact;
    const fuzzy = finish(await this.pass(parts, true));
    const better = fuzzy.total > exact.total || (lastIsTypo && !fuzzy.dropped && fuzzy.total > 0);
    if (!better) return exact;
    // "Did you mean" only where the query as typed found nothing (rank.rs).
    return { ...fuzzy, suggestion: exact.total === 0 || lastIsTypo ? fuzzy.suggestion : null };
  }
}

// ---------------------------------------------------------------- the page

/**
 * Text with the query's matches wrapped in <mark>, as DOM nodes. Where the
 * query's syllables occur together, only those phrases are marked, not
 * every stray syllable that folds the same way ("Sơn La", not each "là").
 */
export function highlightRanges(text, matched, analyzer) {
  const nfc = text.normalize('NFC');
  const syl = analyzer.syllables(nfc);
  const hit = (s, m) => (m.prefix !== null ? s.folded.startsWith(m.prefix) : false) || m.keys.includes(s.key) || m.terms.includes(s.folded);
  // Runs of consecutive syllables matching consecutive query syllables.
  const runs = [];
  for (let i = 0; i < syl.length; i++) {
    for (let q = 0; q < matched.length; q++) {
      let len = 0;
      while (i + len < syl.length && q + len < matched.length && hit(syl[i + len], matched[q + len])) len++;
      if (len >= 2) runs.push([i, i + len]);
    }
  }
  const marked = new Set();
  if (runs.length) for (const [a, b] of runs) for (let i = a; i < b; i++) marked.add(i);
  else syl.forEach((s, i) => matched.some((m) => hit(s, m)) && marked.add(i));
  const ranges = [];
  for (const i of [...marked].sort((a, b) => a - b)) {
    const last = ranges[ranges.length - 1];
    // Adjacent marked syllables share one mark (with the space between).
    if (last && marked.has(i - 1) && /^\s+$/u.test(nfc.slice(last[1], syl[i].start))) last[1] = syl[i].end;
    else ranges.push([syl[i].start, syl[i].end]);
  }
  return { nfc, ranges };
}

function highlighted(text, matched, analyzer) {
  const { nfc, ranges } = highlightRanges(text, matched, analyzer);
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const [a, b] of ranges) {
    frag.append(nfc.slice(at, a));
    const mark = document.createElement('mark');
    mark.textContent = nfc.slice(a, b);
    frag.append(mark);
    at = b;
  }
  frag.append(nfc.slice(at));
  return frag;
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

async function enhance(app) {
  const t = JSON.parse(document.getElementById('search-strings').textContent);
  let stem;
  if (app.dataset.stemmer) stem = (await import(app.dataset.stemmer)).default;
  const index = new Index(app.dataset.index, null, stem);
  const form = app.querySelector('form');
  const input = form.querySelector('input[type=search]');
  const status = document.getElementById('search-status');
  const results = document.getElementById('search-results');
  const chips = document.getElementById('search-chips');
  const filterCount = app.querySelector('.search-filter-count');
  const browse = document.querySelector('.browse');
  const locale = document.documentElement.lang === 'vi' ? 'vi-VN' : 'en-GB';
  const num = (n) => n.toLocaleString(locale);

  // The page draws the filters (so nothing moves when this script starts).
  const selects = {};
  for (const select of app.querySelectorAll('.search-filters select')) selects[select.name] = select;
  const { rules } = await index.meta();
  let page = 1;
  let latest = 0;

  function chosenFilters() {
    const chosen = {};
    for (const [name, s] of Object.entries(selects)) if (s.value) chosen[name] = s.value;
    return chosen;
  }

  function drawChips(chosen) {
    if (!chips) return;
    const items = [];
    for (const [name, value] of Object.entries(chosen)) {
      const s = selects[name];
      const facet = app.querySelector(`label[for="${s.id}"]`).textContent;
      const label = `${facet}: ${s.selectedOptions[0].dataset.label || s.selectedOptions[0].textContent}`;
      const remove = el('button', { type: 'button', class: 'search-chip', 'aria-label': t.remove_filter.replace('{label}', label) }, label, el('span', { 'aria-hidden': 'true' }, ' ×'));
      remove.addEventListener('click', () => {
        s.value = '';
        page = 1;
        run(true);
        input.focus();
      });
      items.push(el('li', {}, remove));
    }
    chips.replaceChildren(...items);
    chips.hidden = items.length === 0;
    if (filterCount) filterCount.textContent = items.length ? `\u00a0(${items.length})` : '';
  }

  async function run(push, focusFrom = -1) {
    const q = input.value;
    const chosen = chosenFilters();
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    for (const [k, v] of Object.entries(chosen)) params.set(k, v);
    if (page > 1) params.set('page', String(page));
    const url = `${location.pathname}${params.toString() ? `?${params}` : ''}`;
    if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
    const ticket = ++latest;
    const found = await index.search(q, chosen, page * rules.page);
    const fragments = await Promise.all(found.hits.map(([doc]) => index.fragment(doc)));
    if (ticket !== latest) return; // a newer keystroke has already answered
    const nodes = [];
    if (found.suggestion) {
      const link = el('a', { href: `?q=${encodeURIComponent(found.suggestion)}` }, found.suggestion);
      link.addEventListener('click', (e) => {
        e.preventDefault();
        input.value = found.suggestion;
        page = 1;
        run(true);
      });
      nodes.push(el('p', { class: 'search-suggest' }, `${t.suggest} `, link));
    }
    if (found.total) {
      const list = el('ol', { class: 'search-hits' });
      for (const f of fragments) {
        const name = f.h ? `${f.h} ${f.t}` : f.t;
        const title = el('a', { href: f.u, lang: f.l }, highlighted(name, found.matched, index.analyzer));
        const summary = el('p', { class: 'search-summary', lang: f.l }, highlighted(f.s || '', found.matched, index.analyzer));
        const meta = el('p', { class: 'search-meta' }, [f.k, f.f].filter(Boolean).join(' · '));
        // A spelling still being checked says so here too (the notice's language is the page's).
        const check = f.c ? el('p', { class: 'search-check' }, f.c) : '';
        list.append(el('li', {}, el('h2', { class: 'search-title' }, title), meta, check, summary));
      }
      nodes.push(list);
      if (found.hits.length < found.total) {
        const more = el('button', { type: 'button', class: 'search-more' }, t.more);
        more.addEventListener('click', () => {
          const from = page * rules.page;
          page += 1;
          run(false, from);
        });
        nodes.push(more);
      }
    }
    results.replaceChildren(...nodes);
    drawChips(chosen);
    const empty = !q.trim() && !Object.keys(chosen).length;
    const shown = found.hits.length;
    status.textContent = empty
      ? ''
      : !found.total
        ? t.no_results
        : shown < found.total
          ? t.showing.replace('{shown}', num(shown)).replace('{n}', num(found.total))
          : t.results.replace('{n}', num(found.total));
    // Nothing found is never a dead end: the listings stay in view.
    if (browse) browse.hidden = !(empty || !found.total);
    document.documentElement.classList.remove('search-pending');
    results.dataset.renderedQuery = q;
    results.dataset.renderedPage = String(page);
    if (focusFrom >= 0) results.querySelectorAll('.search-hits a')[focusFrom]?.focus();
  }

  function fromUrl(first) {
    const params = new URLSearchParams(location.search);
    // On a slow network the reader may have typed before the index arrived:
    // keep what they typed rather than the address's empty query.
    if (!(first && input.value && !params.has('q'))) input.value = params.get('q') || '';
    // Likewise a filter chosen while this script was loading.
    for (const [name, s] of Object.entries(selects)) {
      if (!(first && s.value && !params.has(name))) s.value = params.get(name) || '';
    }
    page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);
    return run(false);
  }

  input.addEventListener('input', () => {
    page = 1;
    run(false);
  });
  for (const s of Object.values(selects)) {
    s.addEventListener('change', () => {
      page = 1;
      run(true);
    });
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run(true);
  });
  window.addEventListener('popstate', () => fromUrl(false));
  await fromUrl(true);
}

if (typeof document !== 'undefined') {
  const app = document.getElementById('search-app');
  if (app) {
    enhance(app).catch((e) => {
      // No results will come: give the browse list back (search.html hid
      // it), and take away the filters, which cannot work without the index.
      document.documentElement.classList.remove('search-pending', 'search-js');
      console.warn('search unavailable:', e);
      // Offline, or the index out of reach: search what this device has
      // saved for offline reading (offline.js), and say so.
      if (app.dataset.offline && 'caches' in window) {
        import(app.dataset.offline)
          .then((offline) => offline.searchSaved(app, fold))
          .catch((err) => console.warn('offline search unavailable:', err));
      }
    });
  }
}
