// guong search client: a dependency-free ES module.
//
// The analyzer, the postings format and the ranking below mirror
// src/search/analyze.rs, src/search/export.rs and src/search/rank.rs step for
// step; a parity test runs the same queries through this file and through
// `guong search` and requires identical results. Change them together.
//
// The bottom of the file enhances the search page when it runs in a browser;
// imported elsewhere (Node, tests), it only exports the engine.

const WORD = /[\p{Alphabetic}\p{N}\p{M}]/u;
const MARK = /\p{M}/u;
const MAX_QUERY_SYLLABLES = 8;
const MAX_EXPANSIONS = 8;
const MIN_PREFIX_CHARS = 3;

/** Lowercase, tones and vowel marks removed, đ → d (src/fold.rs `fold`). */
export function fold(s) {
  let out = '';
  for (const c of s.normalize('NFD')) {
    if (MARK.test(c)) continue;
    out += c === 'đ' || c === 'Đ' || c === 'Ð' || c === 'ð' ? 'd' : c.toLowerCase();
  }
  return out;
}

/** Syllables of a text: [{exact, folded, start, end}] (offsets into the NFC text). */
export function syllables(text) {
  const nfc = text.normalize('NFC');
  // Ð/ð (U+00D0/U+00F0) in Vietnamese is a stand-in for Đ/đ (analyze.rs).
  const lower = nfc.toLowerCase().replaceAll('ð', 'đ');
  const out = [];
  let current = '';
  let start = 0;
  let offset = 0;
  const flush = () => {
    if (current) {
      const folded = fold(current);
      if (folded) out.push({ exact: current, folded, start, end: offset });
      current = '';
    }
  };
  // Lowercasing keeps Vietnamese text the same length, so offsets carry over.
  const chars = Array.from(lower);
  for (const c of chars) {
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

export function parseQuery(q) {
  const nfc = q.normalize('NFC');
  const last = Array.from(nfc).pop();
  return { syllables: syllables(q).slice(0, MAX_QUERY_SYLLABLES), lastIsPrefix: last !== undefined && WORD.test(last) };
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
  const list = [];
  if (mode === 1) {
    for (let d = 0; d < docs; d++) if ((bytes[pos + (d >> 3)] >> (d & 7)) & 1) list.push(d);
    pos += Math.ceil(docs / 8);
  } else {
    let prev = 0;
    for (let i = 0; i < count; i++) {
      const n = varint();
      prev = i === 0 ? n : prev + n;
      list.push(prev);
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

/** A static index at `base` (`/_search/vi/<hash>/`); `load(url, 'json'|'bytes')` fetches. */
export class Index {
  constructor(base, load) {
    this.base = base;
    this.load = load || defaultLoad;
    this.cache = new Map();
  }
  get(path, as) {
    if (!this.cache.has(path)) this.cache.set(path, this.load(this.base + path, as));
    return this.cache.get(path);
  }
  meta() {
    return this.get('meta.json', 'json');
  }
  async shard(syllable) {
    const meta = await this.meta();
    const n = meta.shards[shardKey(syllable)];
    return n === undefined ? {} : this.get(`s/${n}.json`, 'json');
  }
  async resolve(ref) {
    if (ref === undefined || ref === null) return [];
    const { n } = await this.meta();
    const bytes = typeof ref === 'string' ? b64(ref) : new Uint8Array(await this.get(`p/${ref}.bin`, 'bytes'));
    return decode(bytes, n);
  }
  async entry(syllable) {
    return (await this.shard(syllable))[syllable];
  }
  async postings(syllable) {
    const e = await this.entry(syllable);
    return e ? this.resolve(e.p) : [];
  }
  async exactPostings(folded, exact) {
    const e = await this.entry(folded);
    return e && e.x ? this.resolve(e.x[exact]) : [];
  }
  async pairPostings(a, b) {
    const e = await this.entry(a);
    if (!e || e.q === undefined) return [];
    const table = typeof e.q === 'number' ? await this.get(`x/${e.q}.json`, 'json') : e.q;
    return this.resolve(table[b]);
  }
  async expansions(prefix) {
    const shard = await this.shard(prefix);
    const all = Object.keys(shard).filter((t) => t.startsWith(prefix)).map((t) => [t, shard[t].d]);
    all.sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
    const chosen = all.slice(0, MAX_EXPANSIONS).map((a) => a[0]);
    if (shard[prefix] && !chosen.includes(prefix)) chosen.push(prefix);
    return chosen;
  }
  async facet(name, key) {
    const table = await this.get(`facets/${name}.json`, 'json');
    return new Set(table[key] ? (await this.resolve(table[key])).map((p) => p[0]) : []);
  }
  fragment(doc) {
    return this.get(`f/${doc}.json`, 'json');
  }

  /** The ranking of src/search/rank.rs: {total, hits: [[doc, score]]}. */
  async search(q, filters = {}, limit = 10) {
    const query = typeof q === 'string' ? parseQuery(q) : q;
    const syl = query.syllables;
    const lastIsPrefix = query.lastIsPrefix;
    let filter = null;
    for (const [name, key] of Object.entries(filters)) {
      if (!key) continue;
      const members = await this.facet(name, key);
      filter = filter ? new Set([...filter].filter((d) => members.has(d))) : members;
    }
    const n = syl.length;
    if (n === 0) {
      const hits = filter ? [...filter].sort((a, b) => a - b).map((d) => [d, 0]) : [];
      return { total: hits.length, hits: hits.slice(0, limit) };
    }
    let scores = null;
    const used = [];
    for (let i = 0; i < n; i++) {
      const s = syl[i];
      const unfinished = i === n - 1 && lastIsPrefix;
      const short = Array.from(s.folded).length < MIN_PREFIX_CHARS;
      const candidates = unfinished && !short ? await this.expansions(s.folded) : [s.folded];
      const best = new Map();
      for (const c of candidates) {
        for (const [doc, impact] of await this.postings(c)) best.set(doc, Math.max(best.get(doc) || 0, impact));
      }
      // A short unfinished syllable that matches nothing is still being typed: ignore it.
      if (best.size === 0 && unfinished && i > 0 && short) continue;
      used.push(s);
      if (s.exact !== s.folded) {
        for (const [doc, impact] of await this.exactPostings(s.folded, s.exact)) {
          if (best.has(doc)) best.set(doc, best.get(doc) + impact);
        }
      }
      if (scores === null) scores = best;
      else {
        const next = new Map();
        for (const [doc, score] of scores) if (best.has(doc)) next.set(doc, score + best.get(doc));
        scores = next;
      }
      if (scores.size === 0) return { total: 0, hits: [] };
    }
    for (let i = 0; i + 1 < used.length; i++) {
      for (const [doc, impact] of await this.pairPostings(used[i].folded, used[i + 1].folded)) {
        if (scores.has(doc)) scores.set(doc, scores.get(doc) + impact);
      }
    }
    let hits = [...scores];
    if (filter) hits = hits.filter(([doc]) => filter.has(doc));
    hits.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return { total: hits.length, hits: hits.slice(0, limit) };
  }
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

// ---------------------------------------------------------------- the page


/** Text with the syllables matching the query wrapped in <mark>, as DOM nodes. */
function highlighted(text, query) {
  const wanted = query.syllables.map((s) => s.folded);
  const last = query.lastIsPrefix ? wanted[wanted.length - 1] : null;
  const nfc = text.normalize('NFC');
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const s of syllables(nfc)) {
    if (wanted.includes(s.folded) || (last && last.length >= MIN_PREFIX_CHARS && s.folded.startsWith(last))) {
      frag.append(nfc.slice(at, s.start));
      const mark = document.createElement('mark');
      mark.textContent = nfc.slice(s.start, s.end);
      frag.append(mark);
      at = s.end;
    }
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
  const index = new Index(app.dataset.index);
  const form = app.querySelector('form');
  const input = form.querySelector('input[type=search]');
  const status = document.getElementById('search-status');
  const results = document.getElementById('search-results');
  const browse = document.querySelector('.browse');

  // The page draws the filters (so nothing moves when this script starts).
  const selects = {};
  for (const select of app.querySelectorAll('.search-filters select')) selects[select.name] = select;

  let latest = 0;
  async function run(push) {
    const q = input.value;
    const chosen = {};
    for (const [name, s] of Object.entries(selects)) if (s.value) chosen[name] = s.value;
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    for (const [k, v] of Object.entries(chosen)) params.set(k, v);
    const url = `${location.pathname}${params.toString() ? `?${params}` : ''}`;
    if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
    const ticket = ++latest;
    const query = parseQuery(q);
    const found = await index.search(query, chosen, 10);
    const fragments = await Promise.all(found.hits.map(([doc]) => index.fragment(doc)));
    if (ticket !== latest) return; // a newer keystroke has already answered
    const list = el('ol', { class: 'search-hits' });
    for (const f of fragments) {
      const title = el('a', { href: f.u, lang: f.l }, f.h ? `${f.h} ${f.t}` : f.t);
      const summary = el('p', { class: 'search-summary', lang: f.l }, highlighted(f.s || '', query));
      const meta = el('p', { class: 'search-meta' }, [f.k, f.f].filter(Boolean).join(' · '));
      list.append(el('li', {}, el('h2', { class: 'search-title' }, title), meta, summary));
    }
    results.replaceChildren(...(found.total ? [list] : []));
    const empty = !q.trim() && !Object.keys(chosen).length;
    status.textContent = empty ? '' : found.total ? t.results.replace('{n}', found.total.toLocaleString(document.documentElement.lang === 'vi' ? 'vi-VN' : 'en-GB')) : t.no_results;
    if (browse) browse.hidden = !empty;
    document.documentElement.classList.remove('search-pending');
    results.dataset.renderedQuery = q;
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
    return run(false);
  }

  input.addEventListener('input', () => run(false));
  for (const s of Object.values(selects)) s.addEventListener('change', () => run(true));
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
    });
  }
}
