// guong serve: live reload and the error overlay. Added to pages by the
// preview server only; never part of a built site.
(() => {
  const me = document.currentScript;
  const file = me.dataset.file;
  let generation = me.dataset.generation;
  const pageLang = document.documentElement.lang === 'en' ? 'en' : 'vi';
  const TEXTS = {
    vi: {
      title: 'Nội dung đang có lỗi',
      intro: 'Trang đang hiển thị bản dựng đúng gần nhất. Sửa các lỗi dưới đây rồi lưu tệp: trang sẽ tự cập nhật.',
      line: 'dòng', column: 'cột', field: 'trường', help: 'Cách sửa', close: 'Ẩn',
    },
    en: {
      title: 'The content has errors',
      intro: 'This page shows the last good build. Fix the errors below and save the file: the page updates by itself.',
      line: 'line', column: 'column', field: 'field', help: 'How to fix', close: 'Hide',
    },
  };
  let overlay = null;

  function el(tag, text, style) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (style) e.setAttribute('style', style);
    return e;
  }

  function hide() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  // A file path breaks only after a slash on a narrow screen, not at the
  // hyphens of a name (each part stays whole; a part wider than the
  // screen still wraps).
  function path(text) {
    const code = el('code', undefined, 'font-weight:bold');
    text.split('/').forEach((part, i, all) => {
      const last = i === all.length - 1;
      code.append(el('span', part + (last ? '' : '/'), 'white-space:nowrap;overflow-wrap:anywhere'));
      if (!last) code.append(document.createElement('wbr'));
    });
    return code;
  }

  // A message's `keys` and `values` as code, the rest as text.
  function rich(p, text) {
    text.split('`').forEach((part, i) => {
      // A short key or value stays on one line; a long one may wrap.
      const keep = part.length < 30 ? 'white-space:nowrap;' : '';
      if (part) p.append(i % 2 ? el('code', part, `${keep}font-size:.95em;background:#f3e6e3;padding:0 .2em`) : part);
    });
    return p;
  }

  // `forced`: the language `guong serve --lang` chose; else the page's.
  function show(errors, forced) {
    hide();
    const lang = forced === 'en' || forced === 'vi' ? forced : pageLang;
    const T = TEXTS[lang];
    overlay = el('section', undefined,
      'position:fixed;inset:0 0 auto 0;max-height:80vh;overflow:auto;z-index:2147483647;' +
      'background:#fff8f6;color:#1a1a1a;border-bottom:4px solid #b3261e;padding:1rem 1.25rem;' +
      'font:16px/1.5 system-ui,sans-serif;box-shadow:0 4px 24px rgba(0,0,0,.3)');
    overlay.id = 'guong-errors';
    overlay.setAttribute('role', 'alert');
    overlay.setAttribute('lang', lang);
    overlay.setAttribute('aria-labelledby', 'guong-errors-title');
    const h = el('h2', T.title, 'margin:0 0 .25rem;font-size:1.25rem;color:#b3261e');
    h.id = 'guong-errors-title';
    overlay.append(h, el('p', T.intro, 'margin:0 0 .75rem'));
    const list = el('ol', undefined, 'margin:0;padding-left:1.25rem');
    for (const e of errors) {
      const item = el('li', undefined, 'margin:.5rem 0');
      let where = e.file;
      if (e.line) where += ` (${T.line} ${e.line}${e.column ? `, ${T.column} ${e.column}` : ''})`;
      item.append(path(where));
      const text = e.message[lang];
      // "field `x`:" only when the message does not name the key itself.
      const named = e.field && !text.includes(`\`${e.field}\``);
      const msg = rich(el('p', undefined, 'margin:.25rem 0'), named ? `${T.field} \`${e.field}\`: ${text}` : text);
      if (e.code) msg.prepend(el('span', `${e.code} · `, 'color:#5c5c5c;font-size:.875em'));
      item.append(msg);
      if (e.help) item.append(rich(el('p', `${T.help}: `, 'margin:0;color:#444'), e.help[lang]));
      list.append(item);
    }
    const close = el('button', T.close, 'margin-top:.75rem;font:inherit;padding:.25rem .75rem');
    close.type = 'button';
    close.addEventListener('click', hide);
    overlay.append(list, close);
    document.body.prepend(overlay);
  }

  // The stylesheets and scripts a page loads (not this one).
  const resources = (doc) => [...doc.querySelectorAll('link[rel="stylesheet"], script[src]')]
    .map((e) => e.getAttribute('href') || e.getAttribute('src'))
    .filter((u) => !u.startsWith('/__guong/'))
    .join(' ');

  // Show the new version of this page. When only its text changed, swap the
  // body in place: no flash, the reader keeps their scroll position, and it
  // takes milliseconds. A page with its own scripts, or new styles, reloads.
  async function refresh() {
    try {
      const res = await fetch(location.href, { cache: 'no-store' });
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      // Pages that load scripts (search) start over; small inline scripts
      // (the embed code's copy button) and scripts the theme marks
      // `data-swap="rerun"` (share.js: it only decorates what the page
      // shows) are run again after the swap.
      const scripted = document.querySelector('script[src]:not([src^="/__guong/"]):not([data-swap="rerun"]), script[type="module"]');
      if (!res.ok || scripted || resources(doc) !== resources(document)) {
        location.reload();
        return;
      }
      document.title = doc.title;
      document.documentElement.lang = doc.documentElement.lang;
      // The build this page now shows, should the stream be opened again.
      const next = doc.querySelector('script[src="/__guong/live.js"]');
      if (next) generation = next.dataset.generation;
      document.body.replaceWith(doc.body);
      for (const old of document.body.querySelectorAll('script:not([src]), script[data-swap="rerun"]')) {
        const again = document.createElement('script');
        for (const a of old.attributes) again.setAttribute(a.name, a.value);
        again.textContent = old.textContent;
        old.replaceWith(again);
      }
      overlay = null;
      window.__guongSwaps = (window.__guongSwaps || 0) + 1;
    } catch {
      location.reload();
    }
  }

  let events = null;
  function connect() {
    if (events || document.hidden) return;
    events = new EventSource(`/__guong/live?${new URLSearchParams({ file, generation })}`);
    // For tests and the curious: whether the page is listening.
    events.onopen = () => { window.__guongLive = 'open'; };
    events.onmessage = (event) => {
      const m = JSON.parse(event.data);
      if (m.type === 'errors') {
        show(m.errors, m.lang);
      } else if (m.type === 'reload') {
        hide();
        if (m.all) location.reload();
        else if ((m.paths || []).includes(file)) refresh();
      }
    };
    // The server restarted or the laptop slept: try again.
    events.onerror = () => {
      disconnect();
      setTimeout(connect, 1000);
    };
  }
  function disconnect() {
    events?.close();
    events = null;
    window.__guongLive = 'closed';
  }
  // A browser opens about six connections to one server over HTTP/1.1, and
  // each stream holds one: a page out of sight lets its stream go, and on
  // coming back is told what it missed.
  document.addEventListener('visibilitychange', () => (document.hidden ? disconnect() : connect()));
  connect();
})();
