// guong offline reading in the page: a dependency-free ES module.
//
// - On a field, commune, kind or year listing, the "Save for offline
//   reading" control: it reads the listing's manifest (offline.json, made
//   at build time: the listing's size and where its full list is), says the
//   size before anything is stored; on "save" it reads the full list
//   (offline-list.json: every page of the listing and of its profiles with
//   their sizes, and the records search needs), stores the pages in the
//   cache `guong:<scope>:saved` with progress (the manifest and the list together
//   under the manifest's address), and can remove them again.
// - On the offline page, the listings saved on this device.
// - `searchSaved`, which search.js calls when the search index cannot be
//   reached: it searches the saved records, folded as search.js folds.
//
// The service worker (sw.js) reads the saved cache like its own. Nothing
// here runs without service workers: listing.html shows the control only
// where they exist.

const MANIFEST = '/offline.json';
const lang = document.documentElement.lang;
const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
const num = (n) => n.toLocaleString(locale);
const fill = (s, values) => s.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));

function strings() {
  const el = document.getElementById('offline-strings');
  return el ? JSON.parse(el.textContent) : {};
}

/** A size as a phone's storage settings say it: "1,2 MB", "340 KB". */
export function size(bytes) {
  if (bytes >= 1e6) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1e6)} MB`;
  return `${num(Math.max(1, Math.round(bytes / 1e3)))} KB`;
}

const pathOf = (req) => new URL(req.url).pathname;

/**
 * The saved cache; not made where nothing was ever saved, unless `make`.
 * `name` is the worker's cache (`guong:<scope>:<version>`); what a reader
 * saved is kept in `guong:<scope>:saved` across versions of the site.
 */
async function savedCache(name, make = false) {
  const saved = `${name.slice(0, name.lastIndexOf(':'))}:saved`;
  return make || (await caches.has(saved)) ? caches.open(saved) : null;
}

/** The manifests of every listing saved on this device: [{url, m}]. */
async function savedManifests(cache) {
  const out = [];
  if (!cache) return out;
  for (const req of await cache.keys()) {
    if (!pathOf(req).endsWith(MANIFEST)) continue;
    const res = await cache.match(req);
    if (res) out.push({ url: pathOf(req), m: await res.json() });
  }
  return out;
}

/** Deletes what no saved listing needs any longer (also a save left half done). */
async function prune(cache) {
  const needed = new Set();
  for (const { url, m } of await savedManifests(cache)) {
    needed.add(url);
    for (const [u] of [...m.files, ...m.shared]) needed.add(u);
  }
  for (const req of await cache.keys()) if (!needed.has(pathOf(req))) await cache.delete(req);
}

async function listing(box) {
  const t = strings();
  const url = box.dataset.manifest;
  let cache = await savedCache(box.dataset.cache);
  const [save, remove] = box.querySelectorAll('button');
  const sizeLine = box.querySelector('.offline-size');
  const progress = box.querySelector('progress');
  const status = box.querySelector('.offline-status');
  // Saving is only worth it once a worker can answer offline.
  await navigator.serviceWorker.ready;
  let manifest;
  const saved = cache && (await cache.match(url));
  try {
    manifest = saved ? await saved.json() : await (await fetch(url)).json();
  } catch {
    box.hidden = true; // neither saved nor reachable: nothing to offer
    return;
  }
  const show = (isSaved) => {
    save.hidden = isSaved;
    remove.hidden = !isSaved;
    sizeLine.textContent = isSaved ? '' : fill(t.offline_size, { size: size(manifest.bytes) });
  };
  show(Boolean(saved));
  if (saved) status.textContent = fill(t.offline_saved, { size: size(manifest.bytes) });
  box.classList.remove('offline-waiting');
  box.hidden = false;

  save.addEventListener('click', async () => {
    save.disabled = true;
    // The full list (every file, the search records) only now: a listing of
    // thousands of profiles makes it large, and the summary said the size.
    try {
      manifest = { ...manifest, ...(await (await fetch(manifest.list, { cache: 'no-cache' })).json()) };
    } catch (err) {
      status.textContent = t.offline_failed;
      save.disabled = false;
      console.warn('saving for offline reading failed:', err);
      return;
    }
    const files = [...manifest.files, ...manifest.shared];
    const total = files.length;
    let done = 0;
    let shown = 0;
    const say = () => {
      status.textContent = fill(t.offline_saving, { done: num(done), total: num(total) });
      shown = Date.now();
    };
    cache = await savedCache(box.dataset.cache, true);
    progress.max = total;
    progress.value = 0;
    progress.hidden = false;
    say();
    const queue = files.slice();
    const fetcher = async () => {
      for (let f = queue.shift(); f; f = queue.shift()) {
        const res = await fetch(f[0], { cache: 'no-cache' });
        if (!res.ok) throw new Error(`${f[0]}: ${res.status}`);
        await cache.put(f[0], res);
        progress.value = ++done;
        // A screen reader hears the progress once a second, not per page.
        if (Date.now() - shown > 1000) say();
      }
    };
    try {
      // A few at a time: a slow network is not flooded.
      await Promise.all([fetcher(), fetcher(), fetcher()]);
      // Stored last: a listing counts as saved only once all of it is.
      await cache.put(url, new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } }));
      show(true);
      status.textContent = fill(t.offline_saved, { size: size(manifest.bytes) });
      remove.focus();
    } catch (err) {
      queue.length = 0;
      await prune(cache);
      status.textContent = t.offline_failed;
      console.warn('saving for offline reading failed:', err);
    }
    progress.hidden = true;
    save.disabled = false;
  });

  remove.addEventListener('click', async () => {
    await cache.delete(url);
    await prune(cache);
    show(false);
    status.textContent = t.offline_removed;
    save.focus();
  });
}

/** The offline page: links to the listings saved on this device. */
async function savedList(section) {
  const items = (await savedManifests(await savedCache(section.dataset.cache)))
    .filter(({ m }) => m.lang === lang)
    .map(({ m }) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = m.listing;
      a.textContent = m.title;
      li.append(a);
      return li;
    });
  if (!items.length) return;
  section.querySelector('ul').replaceChildren(...items);
  section.hidden = false;
}

/**
 * Search over the saved pages, for a search page whose index cannot be
 * reached (search.js passes its `fold`): every word typed must begin a word
 * of a saved profile's name, summary, kind or field. Says that only saved
 * pages are searched.
 */
export async function searchSaved(app, fold) {
  const t = strings();
  const input = app.querySelector('input[type=search]');
  const status = document.getElementById('search-status');
  const results = document.getElementById('search-results');
  const words = (s) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const records = new Map();
  for (const { m } of await savedManifests(await savedCache(app.dataset.cache))) {
    if (m.lang !== lang) continue;
    for (const r of m.records) {
      if (!records.has(r.u)) records.set(r.u, { ...r, name: words(r.t), all: words(`${r.t} ${r.s || ''} ${r.m || ''}`) });
    }
  }
  const collator = new Intl.Collator(locale);
  const run = () => {
    const q = words(input.value);
    const begins = (list, w) => list.some((x) => x.startsWith(w));
    const hits = q.length ? [...records.values()].filter((r) => q.every((w) => begins(r.all, w))) : [];
    // Names that match come first, then by name.
    const byName = (r) => (q.every((w) => begins(r.name, w)) ? 0 : 1);
    hits.sort((a, b) => byName(a) - byName(b) || collator.compare(a.t, b.t));
    const list = document.createElement('ol');
    list.className = 'search-hits';
    for (const r of hits) {
      const li = document.createElement('li');
      const h = document.createElement('h2');
      h.className = 'search-title';
      const a = document.createElement('a');
      a.href = r.u;
      a.lang = r.l;
      a.textContent = r.t;
      h.append(a);
      const meta = document.createElement('p');
      meta.className = 'search-meta';
      meta.textContent = r.m || '';
      const summary = document.createElement('p');
      summary.className = 'search-summary';
      summary.lang = r.l;
      summary.textContent = r.s || '';
      li.append(h, meta, summary);
      list.append(li);
    }
    results.replaceChildren(...(hits.length ? [list] : []));
    const found = q.length ? ` ${fill(t.search_results, { n: num(hits.length) })}` : '';
    status.textContent = records.size ? `${t.offline_searching}${found}` : `${t.offline_searching} ${t.offline_nothing_saved}`;
  };
  app.querySelector('form').addEventListener('submit', (e) => {
    e.preventDefault();
    history.replaceState(null, '', input.value ? `?q=${encodeURIComponent(input.value)}` : location.pathname);
    run();
  });
  input.addEventListener('input', run);
  const q = new URLSearchParams(location.search).get('q');
  if (q && !input.value) input.value = q;
  run();
}

if ('caches' in window && 'serviceWorker' in navigator) {
  for (const box of document.querySelectorAll('.offline-save')) listing(box).catch((e) => console.warn('offline reading:', e));
  const section = document.querySelector('.offline-saved');
  if (section) savedList(section).catch((e) => console.warn('offline reading:', e));
}
