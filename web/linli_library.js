// JavaScript the C++ platform layer calls (linked with --js-library).
mergeInto(LibraryManager.library, {
  linli_js_fetch__deps: ['malloc'],
  linli_js_fetch: function (urlPtr, ctx) {
    var url = UTF8ToString(urlPtr);
    fetch(url).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status + ' for ' + url);
      return r.arrayBuffer();
    }).then(function (buf) {
      var n = buf.byteLength;
      var p = _malloc(n || 1);  // freed by linli_fetched
      HEAPU8.set(new Uint8Array(buf), p);
      _linli_fetched(ctx, p, n, 1);
    }).catch(function (e) {
      console.error('[linli] ' + e.message);
      _linli_fetched(ctx, 0, 0, 0);
    });
  },

  // The first frame with data is on screen: the loading text goes, tests may start.
  linli_js_ready: function () {
    Module.linliReady = true;
    Module.linliReadyAt = performance.now();  // ms since navigation started
    var s = document.getElementById('status');
    if (s) s.remove();
  },

  // A message shown over the page when the app cannot draw at all.
  linli_js_status: function (textPtr) {
    var s = document.getElementById('status');
    if (s) s.textContent = UTF8ToString(textPtr);
  },
});
