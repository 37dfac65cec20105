// guong's service worker, for reading offline. guong publishes it at the
// site's root (a worker controls only the pages under its folder), after
// one line that sets G: the cache name, the scope, the offline pages and
// what is stored at install (the offline pages and what they are drawn with).
//
// Pages: the network first, so a correction shows at once; without a
// network, the copy stored at the last visit, else the offline page in the
// page's language. Files named with a content hash (style.<hash>.css,
// photos): the stored copy first, since a new version gets a new name.
// Nothing else is stored unless the reader saves a listing: offline.js puts
// it in the cache G.cache + ':saved', and this worker reads it like any
// other. The search index is never stored: without it, search.js searches
// the saved pages instead.
//
// G.cache changes with the theme, so a redeploy that changes it installs a
// new worker, which takes over at once and deletes this site's old caches —
// but not the listings a reader saved (`guong:<scope>:saved`, one name for
// every version): they chose to keep them, and the saved copy holds the
// stylesheet and scripts its pages were drawn with, so they still read as
// they did. Online, the network answers first anyway.

const HASHED = /\.[0-9a-f]{10}\.[a-z0-9]+$/;
const MATCH = { ignoreVary: true };

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(G.cache).then((c) => c.addAll(G.precache)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (e) => {
  // Only this site's caches: another site may live on the same host.
  const mine = `guong:${G.scope}:`;
  const keep = [G.cache, `${mine}saved`];
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(mine) && !keep.includes(k)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== location.origin || !url.pathname.startsWith(G.scope)) return;
  if (url.pathname.includes('/_search/') || req.headers.get('accept') === 'text/event-stream') return;
  if (req.mode === 'navigate') e.respondWith(page(e, url));
  else if (HASHED.test(url.pathname)) e.respondWith(hashed(e));
  else e.respondWith(fetch(req).catch(() => stored(url.pathname)));
});

async function stored(path) {
  const hit = await caches.match(path, MATCH);
  if (hit) return hit;
  throw new TypeError(`not stored: ${path}`);
}

// Keep a copy of what the browser fetched anyway (never a redirect, an
// error or another site's answer).
function keep(e, key, res) {
  if (!res.ok || res.type !== 'basic' || res.redirected) return;
  const copy = res.clone();
  e.waitUntil(caches.open(G.cache).then((c) => c.put(key, copy)));
}

async function page(e, url) {
  try {
    const res = await fetch(e.request);
    // A search's address stores the search page itself.
    keep(e, url.pathname, res);
    return res;
  } catch (offline) {
    const hit = await caches.match(url.pathname, MATCH);
    if (hit) return hit;
    const english = url.pathname.startsWith(G.en);
    return (await caches.match(english ? G.offline.en : G.offline.vi, MATCH)) || Response.error();
  }
}

async function hashed(e) {
  const hit = await caches.match(e.request, MATCH);
  if (hit) return hit;
  const res = await fetch(e.request);
  keep(e, e.request, res);
  return res;
}
