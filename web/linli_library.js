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

  // The location hash, decoded ("#/poll/<id>"); malloc'd, the caller frees it.
  linli_js_route__deps: ['malloc'],
  linli_js_route: function () {
    var h = location.hash || '';
    try { h = decodeURIComponent(h); } catch (e) { /* malformed escapes: taken as they are */ }
    var n = lengthBytesUTF8(h) + 1;
    var p = _malloc(n);
    stringToUTF8(h, p, n);
    return p;
  },

  // The page's address without its hash: where residents open Linli (for printed links).
  linli_js_app_url__deps: ['malloc'],
  linli_js_app_url: function () {
    var u = location.href.split('#')[0];
    var n = lengthBytesUTF8(u) + 1;
    var p = _malloc(n);
    stringToUTF8(u, p, n);
    return p;
  },

  linli_js_fetch__deps: ['$linliReply'],
  linli_js_fetch: function (urlPtr, ctx) {
    var url = UTF8ToString(urlPtr);
    var early = window['linliPrefetched'] && window['linliPrefetched'][url];  // asked for by the page
    if (early) delete window['linliPrefetched'][url];
    (early || fetch(url).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status + ' for ' + url);
      return r.arrayBuffer();
    })).then(function (buf) {
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
    // The page opened the database already (shell/index.html), if it could.
    var S = window['linliStorage'], replied = false;
    function reply(err) {
      if (replied) return;
      replied = true;
      linliReply(ctx, err ? 1 : 0, err ? String(err.message || err.name || err) : null, null);
    }
    function adopt() {
      var db = S['db'];
      if (db && db.version === IDBFS.DB_VERSION && db.objectStoreNames.contains(IDBFS.DB_STORE_NAME)) IDBFS.dbs[dir] = db;
      else if (db) db.close();
    }
    function read() {
      if (S && S['fresh']) {  // made just now: nothing stored to read; writes use it once open
        reply(null);
        if (S['settled']) adopt(); else S['waiting'].push(adopt);
        return;
      }
      if (S && !S['settled']) return S['waiting'].push(read);
      if (S) adopt();
      FS.syncfs(true, reply);
    }
    read();
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
    if (Module['linliIme']) Module['linliIme'](want !== 0, x, y, h);
  },

  // The box long text is typed in (web/linli_keyboard.js): over its field this frame, or
  // hidden (w = 0). `text`: 0, or the text to put in it.
  linli_js_box: function (x, y, w, h, font, padX, padY, open, text) {
    if (w <= 0) { if (Module['linliBoxHide']) Module['linliBoxHide'](); return; }
    if (Module['linliBox']) Module['linliBox'](x, y, w, h, font, padX, padY, open !== 0, text ? UTF8ToString(text) : null);
  },

  // The screen-reader mirror: a complete copy of the screen (every item, on screen or
  // scrolled away) in a visually hidden region, with roles and states: headings, text, a
  // status announced when it changes, alerts, buttons, tabs in a tab list, options as radio
  // buttons in a group or checkboxes (aria-checked), and text fields as text boxes named
  // by their question, which take typing. Acting on one asks the app to press that item
  // (linli_activate), wherever it is scrolled. Updated in place while its structure stays
  // the same, so that focus and a screen reader's place are kept.
  $linliMirror: {
    keys: '',
    nodes: [],
  },
  linli_js_mirror__deps: ['$linliMirror'],
  linli_js_mirror: function (jsonPtr) {
    var root = document.getElementById('a11y');
    if (!root) return;
    var m = JSON.parse(UTF8ToString(jsonPtr));  // parsed JSON: bracketed keys survive minifying
    var items = m['items'];
    root.setAttribute('lang', m['lang']);
    var activate = function (key) {
      Module['_linli_activate'](key);
      if (window['linli']) window['linli']['wake']();
    };
    var keys = items.map(function (it) { return it['k'] + '|' + (it['r'] || '') + '|' + (it['i'] || it['t']); }).join('\n');
    var update = function (el, it) {
      if (it['r'] === 'textbox') {
        el.setAttribute('aria-label', it['t']);
        // A long field's box typed in here holds its text itself (the app has it a frame later).
        var typing = it['m'] && document.activeElement === el;
        if (el.value !== it['v'] && el.dataset['composing'] !== '1' && !typing) {
          var end = document.activeElement === el;
          el.value = it['v'];  // the field's text as the app holds it
          if (end) el.setSelectionRange(el.value.length, el.value.length);
        }
        return;
      }
      if (el.textContent !== it['t']) el.textContent = it['t'];
      if (it['r'] === 'tab') el.setAttribute('aria-selected', it['c'] ? 'true' : 'false');
      else if ('c' in it) el.setAttribute('aria-checked', it['c'] ? 'true' : 'false');
    };
    if (keys === linliMirror.keys) {
      items.forEach(function (it, n) { update(linliMirror.nodes[n], it); });
      return;
    }
    var focused = document.activeElement && root.contains(document.activeElement) ? document.activeElement.dataset['key'] : null;
    var frag = document.createDocumentFragment(), nodes = [], group = null, groupRole = '', headings = 0;
    items.forEach(function (it) {
      var el, kind = it['k'], role = it['r'];
      var wants = role === 'tab' ? 'tablist' : role === 'radio' ? 'radiogroup' : '';
      if (wants !== groupRole) {
        group = wants ? document.createElement('div') : null;
        if (group) {
          group.setAttribute('role', wants);
          frag.appendChild(group);
        }
        groupRole = wants;
      }
      if (kind === 'h') el = document.createElement(headings++ ? 'h2' : 'h1');
      else if (kind !== 'b') {
        el = document.createElement('p');
        if (kind === 's') { el.setAttribute('role', 'status'); el.setAttribute('aria-live', 'polite'); }
        if (kind === 'a') el.setAttribute('role', 'alert');
      } else if (role === 'textbox') {
        el = document.createElement('textarea');
        fieldEvents(el, it['i'], activate, !!it['m']);
      } else {
        el = document.createElement('button');
        el.type = 'button';
        if (role !== 'button') el.setAttribute('role', role);
        el.addEventListener('click', function () { activate(it['i']); });
      }
      el.dataset['key'] = String(it['i'] || '');
      update(el, it);
      (group || frag).appendChild(el);
      nodes.push(el);
    });
    root.replaceChildren(frag);
    linliMirror.keys = keys;
    linliMirror.nodes = nodes;
    if (focused) {
      var again = nodes.filter(function (n) { return n.dataset['key'] === focused; })[0];
      if (again) again.focus({ preventScroll: true });
    }
    // A text box takes typing: the keyboard bridge's way into ImGui, once the field is the
    // one being typed in (focusing the box asks for that).
    function fieldEvents(el, key, activate, multiline) {
      var f = function () { return Module['linliField']; };
      el.addEventListener('focus', function () { activate(key); });
      if (multiline) {
        // Long text (src/ui/long_text.h): edited here as in any text box; the app is given
        // the whole text after each change.
        var send = function () {
          if (el.dataset['composing'] === '1') return;
          var n = lengthBytesUTF8(el.value) + 1, p = _malloc(n);
          stringToUTF8(el.value, p, n);
          Module['_linli_box_text'](p);
          _free(p);
          if (window['linli']) window['linli']['wake']();
        };
        el.addEventListener('input', send);
        el.addEventListener('compositionstart', function () { el.dataset['composing'] = '1'; });
        el.addEventListener('compositionend', function () { el.dataset['composing'] = ''; send(); });
        el.addEventListener('blur', function () {
          setTimeout(function () {
            if (document.activeElement === el) return;
            Module['_linli_box_left']();
            if (window['linli']) window['linli']['wake']();
          }, 0);
        });
        return;
      }
      el.addEventListener('keydown', function (e) {
        if (e.isComposing || e.keyCode === 229 || !f()) return;
        if (f()['editKeys'].indexOf(e.key) >= 0 && e.key !== 'Tab') {
          e.preventDefault();
          f()['key'](e.key, e.ctrlKey || e.metaKey, e.shiftKey);
        }
      });
      el.addEventListener('beforeinput', function (e) {
        if (e.isComposing || e.inputType === 'insertCompositionText' || !f()) return;
        var map = { 'deleteContentBackward': 'Backspace', 'deleteContentForward': 'Delete',
                    'insertLineBreak': 'Enter', 'insertParagraph': 'Enter' };
        if (map[e.inputType]) {
          e.preventDefault();
          f()['key'](map[e.inputType], false, false);
        } else if (e.data) {
          e.preventDefault();  // the box shows the field's text as the app has it, next frame
          f()['commit'](e.data);
        }
      });
      el.addEventListener('compositionstart', function () { el.dataset['composing'] = '1'; });
      el.addEventListener('compositionend', function (e) {
        el.dataset['composing'] = '';
        if (f()) f()['commit'](e.data);
      });
      el.addEventListener('paste', function (e) {
        e.preventDefault();
        if (f()) f()['commit']((e.clipboardData || window.clipboardData).getData('text'));
      });
      el.addEventListener('blur', function () {
        setTimeout(function () {
          var now = document.activeElement;
          if (now && now.tagName === 'TEXTAREA') return;  // another field, or the bridge's
          if (Module['_linli_text_released']) Module['_linli_text_released']();
          if (window['linli']) window['linli']['wake']();
        }, 0);
      });
    }
  },

  // Glyphs from the browser's fonts: see web/linli_fonts.js.
  linli_js_font_init: function (s) {
    linliFont.measure(s);
    return linliFont.share[s];
  },

  linli_js_font_has: function (s, cp) { return linliFont.has(s, cp) ? 1 : 0; },

  linli_js_font_glyph: function (s, cp, size, density, wantPixels, out) {
    var g = linliFont.glyph(s, cp, size * linliFont.k[s] * density, wantPixels !== 0), o = out >> 2;
    HEAPF32[o] = g.w; HEAPF32[o + 1] = g.h; HEAPF32[o + 2] = g.x0; HEAPF32[o + 3] = g.y0;
    HEAPF32[o + 4] = g.advance / density;
    return g.token;
  },

  linli_js_font_pixels: function (dst) { HEAPU8.set(linliFont.pixels, dst); },
  // Where glyph `token` is in the image of glyphs given to linli_font_images_arrived:
  // 1 with its left and top in xy, or 0 when it is in another.
  linli_js_font_take: function (token, xy) {
    var c = linliFont.placed.get(token);
    if (!c) return 0;
    HEAP32[xy >> 2] = c.left;
    HEAP32[(xy >> 2) + 1] = c.top;
    return 1;
  },

  // The system's fonts lack this character: Linli's own, the slice that has it.
  linli_js_font_fallback_want: function (cp) {
    linliFont.want(cp, function () {
      Module['_linli_font_fallback_ready']();
      if (window['linli']) window['linli']['wake']();
    });
  },

  // The WebGL2 renderer's page side: see web/linli_gl.js.
  linli_js_gl_ready: function () { return linliGL.ready() ? 1 : 0; },
  linli_js_gl_up: function () { return linliGL.gpuUp ? 1 : 0; },
  linli_js_gl_texture: function (id, w, h, x, y, rw, rh, pixels) { linliGL.texture(id, w, h, x, y, rw, rh, pixels); },
  linli_js_gl_free_texture: function (id) { linliGL.freeTexture(id); },
  linli_js_gl_begin: function (w, h, sx, sy, ox, oy, r, g, b) { linliGL.begin(w, h, sx, sy, ox, oy, r, g, b); },
  linli_js_gl_list: function (vtx, vtxBytes, idx, idxBytes) { linliGL.list(vtx, vtxBytes, idx, idxBytes); },
  linli_js_gl_draw: function (texture, x, y, w, h, count, offset) { linliGL.draw(texture, x, y, w, h, count, offset); },
  linli_js_gl_end: function () { linliGL.end(); },
  // A frame drawn on the CPU: see web/linli_2d.js.
  linli_js_2d_present: function (pixels, w, h, top, rows) { linli2D.present(pixels, w, h, top, rows); },
  linli_js_2d_drawn: function (ms) { linli2D.drawn(ms); },

  // The first frame with data is drawn: once it is in its canvas, the loading text goes
  // and tests may start.
  linli_js_ready: function () {
    linli2D.whenShown(function () {
      Module['linliReady'] = true;
      Module['linliReadyAt'] = performance.now();  // ms since navigation started
      Module['linliFirstUiMs'] = Module['_linli_ui_ms']();
      linliGL.shown();
      var s = document.getElementById('status');
      if (s) s.remove();
      window.dispatchEvent(new Event('linli-ready'));
    });
  },

  // A message shown over the page when the app cannot draw at all.
  linli_js_status: function (textPtr) {
    var s = document.getElementById('status');
    if (!s) {  // gone with the first frame: back, over what was drawn
      s = document.createElement('div');
      s.id = 'status';
      document.body.appendChild(s);
    }
    s.textContent = UTF8ToString(textPtr);
  },
});
