// JavaScript the C++ platform layer calls (linked with --js-library). Asynchronous
// answers come back through one exported function, linli_reply(ctx, status, text,
// data, size, number), which frees what was malloc'd here.
mergeInto(LibraryManager.library, {
  $linliReply__deps: ['malloc'],
  $linliReply: function (ctx, status, text, bytes, number) {
    var t = 0, d = 0, n = 0;
    if (text != null) {
      var len = lengthBytesUTF8(text) + 1;
      t = _malloc(len);
      stringToUTF8(text, t, len);
    }
    if (bytes != null) {
      n = bytes.byteLength;
      d = _malloc(n || 1);
      HEAPU8.set(new Uint8Array(bytes), d);
    }
    _linli_reply(ctx, status, t, d, n, number || 0);
  },

  linli_js_fetch__deps: ['$linliReply'],
  linli_js_fetch: function (urlPtr, ctx) {
    var url = UTF8ToString(urlPtr);
    fetch(url).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status + ' for ' + url);
      return r.arrayBuffer();
    }).then(function (buf) {
      linliReply(ctx, 0, null, buf);
    }).catch(function (e) {
      console.error('[linli] ' + e.message);
      linliReply(ctx, 1, e.message, null);
    });
  },

  // IndexedDB behind a directory (Emscripten's IDBFS). Start-up waits for this first
  // read; if IndexedDB is unavailable (some private modes) the error comes back and the
  // app keeps working in memory.
  linli_js_mount__deps: ['$FS', '$IDBFS', '$linliReply'],
  linli_js_mount: function (dirPtr, ctx) {
    var dir = UTF8ToString(dirPtr);
    try { FS.mkdir(dir); } catch (e) { /* already there */ }
    // Emscripten's IDBFS aborts the program when there is no indexedDB at all.
    if (typeof indexedDB == 'undefined' || !indexedDB) {
      return linliReply(ctx, 1, 'IndexedDB is not available', null);
    }
    try {
      FS.mount(IDBFS, {}, dir);
    } catch (e) {
      return linliReply(ctx, 1, String(e && e.message || e), null);
    }
    FS.syncfs(true, function (err) {
      linliReply(ctx, err ? 1 : 0, err ? String(err.message || err.name || err) : null, null);
    });
  },

  linli_js_sync__deps: ['$FS', '$linliReply'],
  linli_js_sync: function (ctx) {
    FS.syncfs(false, function (err) {
      linliReply(ctx, err ? 1 : 0, err ? String(err.message || err.name || err) : null, null);
    });
  },

  linli_js_persist__deps: ['$linliReply'],
  linli_js_persist: function (ctx) {
    if (!(navigator.storage && navigator.storage.persist)) return linliReply(ctx, 1, null, null);
    navigator.storage.persist().then(function (granted) {
      linliReply(ctx, granted ? 0 : 1, null, null);
    }, function () { linliReply(ctx, 1, null, null); });
  },

  // A download through a Blob, the standard web way.
  linli_js_download: function (namePtr, data, len, mimePtr) {
    var blob = new Blob([HEAPU8.slice(data, data + len)], { type: UTF8ToString(mimePtr) });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = UTF8ToString(namePtr);
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  },

  // A file picker. Status: 0 read, 1 cancelled, 2 too big (not read), 3 unreadable.
  linli_js_pick_file__deps: ['$linliReply'],
  linli_js_pick_file: function (ctx, maxBytes) {
    var input = document.createElement('input');
    var answered = false;
    function answer(status, name, bytes, size) {
      if (answered) return;
      answered = true;
      input.remove();
      linliReply(ctx, status, name, bytes, size);
    }
    input.type = 'file';
    input.accept = '.json,application/json';
    input.style.display = 'none';
    input.addEventListener('cancel', function () { answer(1, null, null, 0); });
    input.addEventListener('change', function () {
      var f = input.files && input.files[0];
      if (!f) return answer(1, null, null, 0);
      if (f.size > maxBytes) return answer(2, f.name, null, f.size);
      f.arrayBuffer().then(function (buf) { answer(0, f.name, buf, f.size); },
                           function () { answer(3, f.name, null, f.size); });
    });
    document.body.appendChild(input);
    input.click();
  },

  // ImGui wants text input (or not) with its caret at (x, y): web/linli_keyboard.js opens
  // or closes the phone's keyboard.
  linli_js_ime: function (want, x, y, h) {
    if (Module.linliIme) Module.linliIme(want !== 0, x, y, h);
  },

  // The screen-reader mirror: what the canvas shows, as headings, paragraphs and buttons
  // in a visually hidden region; a button taps the same place on the canvas.
  linli_js_mirror: function (jsonPtr) {
    var root = document.getElementById('a11y');
    if (!root) return;
    var m = JSON.parse(UTF8ToString(jsonPtr));
    root.setAttribute('lang', m.lang);
    var frag = document.createDocumentFragment();
    m.items.forEach(function (it) {
      var el;
      if (it.k === 'h') el = document.createElement('h2');
      else if (it.k === 'p') el = document.createElement('p');
      else {
        el = document.createElement('button');
        el.type = 'button';
        if (it.k === 'f') el.setAttribute('aria-label', (m.lang === 'en' ? 'Text field ' : '输入框 ') + it.t);
        el.addEventListener('click', function () { Module._linli_tap_at(it.x, it.y); });
      }
      el.textContent = it.t;
      frag.appendChild(el);
    });
    root.replaceChildren(frag);
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
