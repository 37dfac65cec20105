// The QR code of a profile as files for posters and certificates, made in
// the browser from the drawing inlined in the page (the server keeps no file
// per profile): SVG as it is, PNG drawn on a canvas at poster size. Without
// JavaScript these links stay hidden; the code is still shown and printed.
(function () {
  'use strict';
  var actions = document.getElementById('share-actions');
  var svg = document.querySelector('.qr-figure svg');
  if (!actions || !svg || !window.Blob || !window.URL || !URL.createObjectURL) return;
  var caption = document.getElementById('qr-caption');
  // Integer pixels per module keep every edge sharp; at least this wide.
  var POSTER_PX = 1024;

  // A standalone file: its size in it, and its name as a <title>.
  function standalone() {
    var copy = svg.cloneNode(true);
    var side = svg.viewBox.baseVal.width;
    var scale = Math.ceil(POSTER_PX / side);
    copy.removeAttribute('class');
    copy.removeAttribute('aria-labelledby');
    copy.setAttribute('width', side * scale);
    copy.setAttribute('height', side * scale);
    var title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    title.textContent = caption ? caption.textContent.replace(/\s+/g, ' ').trim() : '';
    copy.insertBefore(title, copy.firstChild);
    return new XMLSerializer().serializeToString(copy);
  }

  var svgLink = document.getElementById('qr-svg');
  svgLink.href = URL.createObjectURL(new Blob([standalone()], { type: 'image/svg+xml' }));

  // The PNG is drawn on the first click, then the click is made again.
  var pngLink = document.getElementById('qr-png');
  var drawing = false;
  pngLink.addEventListener('click', function (e) {
    if (pngLink.dataset.ready) return;
    e.preventDefault();
    if (drawing) return;
    drawing = true;
    var img = new Image();
    img.onload = function () {
      var canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      var ctx = canvas.getContext('2d');
      ctx.imageSmoothingEnabled = false;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0);
      canvas.toBlob(function (blob) {
        drawing = false;
        if (!blob) return;
        pngLink.href = URL.createObjectURL(blob);
        pngLink.dataset.ready = '1';
        pngLink.click();
      }, 'image/png');
    };
    img.onerror = function () { drawing = false; };
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(standalone());
  });

  var print = document.getElementById('print-page');
  if (window.print) {
    print.addEventListener('click', function () { window.print(); });
  } else {
    print.hidden = true;
  }
  actions.hidden = false;
})();
