/*! guong embed.js — profile cards on other sites.
 *
 * A host page writes, for each card,
 *   <blockquote class="guong-profile" data-profile="SLUG" data-lang="vi|en">
 *     <a href="…/dien-hinh/SLUG/">Name</a></blockquote>
 * and loads this script once. It replaces each blockquote with a sandboxed
 * frame of that profile's card (from the site this script comes from) and
 * keeps every card frame as tall as its card, from the `guong:resize`
 * message the card posts. Frames pasted as HTML (class "guong-embed", as in
 * the oEmbed code) are sized too. Without this script the blockquote stays
 * a plain link. No dependencies, no cookies, no globals.
 */
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || !me.src || !window.URL || !window.postMessage) return;
  var base = new URL('./', me.src); // the site's root: where embed.js lives
  var origin = base.origin;
  var SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox';
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var CARD = /^(?:en\/)?embed\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/;
  var frames = [];

  // Ask a card for its height again (it may have loaded before this script).
  function ping(frame) {
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'guong:ping' }, '*');
  }

  function watch(frame) {
    if (frame.getAttribute('data-guong-sized') !== null) return;
    frame.setAttribute('data-guong-sized', '');
    frames.push(frame);
    frame.addEventListener('load', function () { ping(frame); });
    ping(frame);
  }

  // Is `src` a card of this script's site?
  function isCard(src) {
    var url;
    try { url = new URL(src, document.baseURI); } catch (e) { return false; }
    if (url.origin !== origin || url.pathname.indexOf(base.pathname) !== 0) return false;
    return CARD.test(url.pathname.slice(base.pathname.length));
  }

  function replace(quote) {
    var slug = quote.getAttribute('data-profile') || '';
    if (!SLUG.test(slug) || !quote.parentNode) return;
    var lang = quote.getAttribute('data-lang') === 'en' ? 'en/' : '';
    var src = new URL(lang + 'embed/' + slug + '/', base);
    // The frame this script sizes follows the card's own height.
    var theme = quote.getAttribute('data-theme');
    src.search = '?fit=content' + (theme === 'light' || theme === 'dark' ? '&theme=' + theme : '');
    var frame = document.createElement('iframe');
    frame.className = 'guong-embed';
    frame.setAttribute('sandbox', SANDBOX);
    frame.setAttribute('src', src.href);
    frame.setAttribute('title', (quote.textContent || '').replace(/\s+/g, ' ').trim() || slug);
    frame.setAttribute('loading', 'lazy');
    // Through the style object, so a host's CSP on inline styles does not apply.
    frame.style.border = '0';
    frame.style.width = '100%';
    frame.style.maxWidth = '700px';
    frame.style.height = '320px';
    quote.parentNode.replaceChild(frame, quote);
    watch(frame);
  }

  function scan() {
    var quotes = document.querySelectorAll('blockquote.guong-profile[data-profile]');
    for (var i = 0; i < quotes.length; i++) replace(quotes[i]);
    var pasted = document.querySelectorAll('iframe.guong-embed');
    for (var j = 0; j < pasted.length; j++) {
      if (isCard(pasted[j].getAttribute('src') || '')) watch(pasted[j]);
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'guong:resize' || typeof data.height !== 'number') return;
    if (!(data.height >= 0 && data.height < 100000)) return;
    // Only this site's cards: a card is served from `origin`, and as its frame
    // is sandboxed without allow-same-origin, its document's origin is opaque
    // and browsers report it as "null". What proves the sender is the frame:
    // the message must come from the window of one of the frames we made or
    // checked, whose address is this site's card.
    if (event.origin !== origin && event.origin !== 'null') return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(data.height) + 'px';
        return;
      }
    }
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
