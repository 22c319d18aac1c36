// The soft-keyboard bridge, page side. A canvas cannot open a phone's keyboard, so one
// visually hidden <textarea> does: it is focused inside the tap that lands on a text
// field (iOS opens the keyboard only within the gesture), moved to ImGui's caret so the
// candidate window of a Chinese input method shows there, and blurred when ImGui no
// longer wants text (the keyboard closes). What is typed goes to ImGui as committed text
// or editing keys; pinyin being composed is shown in the textarea, never inserted.
(function () {
  var ta = null;
  var composing = false;
  var fingerDown = false;
  var start = null;         // where the current touch began
  var wanted = false;       // ImGui wants text input
  var early = [];           // typed before ImGui has made the tapped field active: sent once it has
  var EDIT_KEYS = ['Backspace', 'Delete', 'Enter', 'Tab', 'Escape', 'ArrowLeft', 'ArrowRight', 'ArrowUp',
                   'ArrowDown', 'Home', 'End'];

  function call(name, text) {
    var f = Module['_' + name];
    if (!f) return;
    var n = lengthBytesUTF8(text) + 1;
    var p = _malloc(n);
    stringToUTF8(text, p, n);
    f(p);
    _free(p);
    if (window['linli']) window['linli']['wake']();
  }
  function commit(text) {
    if (!text) return;
    if (!wanted) return early.push(function () { commit(text); });
    call('linli_text', text);
  }
  function key(name, ctrl, shift) {
    if (!wanted) return early.push(function () { key(name, ctrl, shift); });
    var n = lengthBytesUTF8(name) + 1;
    var p = _malloc(n);
    stringToUTF8(name, p, n);
    Module['_linli_key'](p, 1, ctrl ? 1 : 0, shift ? 1 : 0);
    Module['_linli_key'](p, 0, ctrl ? 1 : 0, shift ? 1 : 0);
    _free(p);
    if (window['linli']) window['linli']['wake']();
  }

  // The text fields drawn in the last frame, in page coordinates.
  function fieldAt(x, y) {
    if (!window['linli'] || !Module['_linli_widgets_json']) return null;
    var list = window['linli']['widgets']();
    for (var i = list.length - 1; i >= 0; i--) {
      var w = list[i];  // parsed JSON: its keys are not renamed by the minifier
      if (w['text_field'] && x >= w['x'] && x < w['x'] + w['w'] && y >= w['y'] && y < w['y'] + w['h']) return w;
    }
    return null;
  }
  // ---- Long text: the page's own box over the field (src/ui/long_text.h says why).
  var box = null;
  var boxComposing = false;
  var boxShown = false;
  var boxPlaced = false;  // the app has placed it since it opened
  function sendBox() {
    var f = Module['_linli_box_text'];
    if (!f || boxComposing) return;
    var text = box.value, n = lengthBytesUTF8(text) + 1, p = _malloc(n);
    stringToUTF8(text, p, n);
    f(p);
    _free(p);
    if (window['linli']) window['linli']['wake']();
  }
  function showBox(x, y, w, h) {
    var r = document.getElementById('canvas').getBoundingClientRect();
    box.style.left = Math.round(r.left + x) + 'px';
    box.style.top = Math.round(r.top + y) + 'px';
    box.style.width = Math.round(w) + 'px';
    box.style.height = Math.round(h) + 'px';
    if (!boxShown) {
      box.style.display = 'block';
      boxShown = true;
    }
  }
  // A tap on a long field: the box opens over it inside the tap (iOS opens the keyboard
  // only within the gesture), holding the field's text as the last frame drew it.
  // The press's release still goes to the canvas (ImGui takes the tap on release): the box
  // lets pointers through until then. If the app never takes it up, the box goes again.
  function openBox(w, mouse) {
    box.value = w['value'] || '';
    box.dataset['fresh'] = '1';
    boxPlaced = false;
    showBox(w['x'], w['y'], w['w'], w['h']);
    if (mouse) {
      box.style.pointerEvents = 'none';
      window.addEventListener('mouseup', function () { box.style.pointerEvents = ''; }, { once: true });
    }
    if (document.activeElement !== box) box.focus({ preventScroll: true });
    setTimeout(function () { if (!boxPlaced) Module['linliBoxHide'](); }, 1000);
  }
  function setupBox() {
    box = document.createElement('textarea');
    box.id = 'linli-box';
    box.setAttribute('autocomplete', 'off');
    box.setAttribute('aria-hidden', 'true');  // the mirror's text box is the screen reader's
    box.tabIndex = -1;
    document.body.appendChild(box);
    box.addEventListener('input', function () {
      box.dataset['fresh'] = '';
      sendBox();
    });
    box.addEventListener('compositionstart', function () {
      boxComposing = true;
      box.dataset['fresh'] = '';
    });
    box.addEventListener('compositionend', function () {
      boxComposing = false;
      sendBox();
    });
    box.addEventListener('blur', function () {
      setTimeout(function () {
        if (document.activeElement === box || !boxShown) return;
        if (Module['_linli_box_left']) Module['_linli_box_left']();
        if (window['linli']) window['linli']['wake']();
      }, 0);
    });
  }
  // Called through linli_js_box from the app's frame: where the box is now, its text's
  // size, and the text to put in it when it opens (or when an edit was refused).
  Module['linliBox'] = function (x, y, w, h, font, padX, padY, open, text) {
    if (!box) return;
    boxPlaced = true;
    // Typed in from the screen-reader mirror: its own text box is the one in use.
    if (inMirror(document.activeElement)) return Module['linliBoxHide']();
    var k = linliFont.k[0];
    box.style.fontFamily = linliFont.stacks[0];
    box.style.fontSize = (font * k) + 'px';
    box.style.lineHeight = font + 'px';
    box.style.padding = padY + 'px ' + padX + 'px';
    var wasShown = boxShown;
    showBox(x, y, w, h);
    // The field's text, unless typing has begun in the box since the tap opened it (a fast
    // typist's first word comes before the app's next frame); a refused edit always.
    if (text !== null && (!open || !wasShown || box.dataset['fresh'] === '1')) {
      box.value = text;
      box.setSelectionRange(text.length, text.length);
    }
    box.dataset['fresh'] = '';
    if (open && document.activeElement !== box && !inMirror(document.activeElement)) box.focus({ preventScroll: true });
  };
  Module['linliBoxHide'] = function () {
    if (!box || !boxShown) return;
    boxShown = false;
    box.style.display = 'none';
    if (document.activeElement === box) {
      box.blur();
      document.getElementById('canvas').focus();
    }
  };

  function openKeyboard() {
    if (document.activeElement !== ta) ta.focus({ preventScroll: true });
  }
  // A text box of the screen-reader mirror (web/linli_library.js) has the focus: typing
  // there goes to ImGui the same way, and the bridge leaves the focus where it is.
  function inMirror(el) {
    var m = document.getElementById('a11y');
    return !!(el && m && m.contains(el));
  }
  Module['linliField'] = { 'commit': function (t) { commit(t); }, 'key': function (n, c, sh) { key(n, c, sh); },
                           'editKeys': EDIT_KEYS };

  function setup() {
    var canvas = document.getElementById('canvas');
    setupBox();
    ta = document.createElement('textarea');
    ta.id = 'linli-text';
    ta.setAttribute('autocomplete', 'off');
    ta.setAttribute('autocorrect', 'off');
    ta.setAttribute('autocapitalize', 'off');
    ta.setAttribute('spellcheck', 'false');
    ta.setAttribute('aria-hidden', 'true');
    ta.tabIndex = -1;
    document.body.appendChild(ta);

    // Focus inside the gesture: a tap (not a drag) or a click that lands on a text field.
    canvas.addEventListener('touchstart', function (e) {
      fingerDown = true;
      var t = e.changedTouches[0];
      start = { x: t.clientX, y: t.clientY };
    }, { passive: true });
    canvas.addEventListener('touchend', function (e) {
      fingerDown = false;
      var t = e.changedTouches[0];
      if (!start) return;
      var moved = Math.hypot(t.clientX - start.x, t.clientY - start.y);
      start = null;
      var w = moved < 12 ? fieldAt(t.clientX, t.clientY) : null;
      if (w && w['multiline']) openBox(w, false);
      else if (w) openKeyboard();
    }, { passive: true });
    canvas.addEventListener('mousedown', function (e) {
      var w = fieldAt(e.clientX, e.clientY);
      if (w && w['multiline']) openBox(w, true);
      else if (w) openKeyboard();
    });

    ta.addEventListener('keydown', function (e) {
      if (e.isComposing || e.keyCode === 229) return;  // the input method has it
      var ctrl = e.ctrlKey || e.metaKey;
      if (EDIT_KEYS.indexOf(e.key) >= 0) {
        e.preventDefault();
        key(e.key, ctrl, e.shiftKey);
      } else if (ctrl && /^[azyAZY]$/.test(e.key)) {
        e.preventDefault();
        key(e.key.toLowerCase(), true, e.shiftKey);
      }
      // Ctrl+C/X/V fall through to the copy, cut and paste events below.
    });
    // A soft keyboard may edit with no keydown at all: take its intent from beforeinput.
    ta.addEventListener('beforeinput', function (e) {
      if (composing) return;
      // Quoted: they are looked up by the event's string, so the minifier must not rename them.
      var map = { 'deleteContentBackward': 'Backspace', 'deleteContentForward': 'Delete',
                  'insertLineBreak': 'Enter', 'insertParagraph': 'Enter' };
      if (map[e.inputType]) {
        e.preventDefault();
        key(map[e.inputType], false, false);
      }
    });
    ta.addEventListener('input', function () {
      if (composing) return;
      commit(ta.value);
      ta.value = '';
    });
    ta.addEventListener('compositionstart', function () {
      composing = true;
      ta.classList.add('composing');
    });
    ta.addEventListener('compositionend', function (e) {
      composing = false;
      ta.classList.remove('composing');
      commit(e.data);  // once; a cancelled composition has no data
      ta.value = '';
    });
    ta.addEventListener('paste', function (e) {
      e.preventDefault();
      commit((e.clipboardData || window.clipboardData).getData('text'));
    });
    function copy(e, cut) {
      var text = UTF8ToString(Module['_linli_selection']());
      if (!text) return;
      e.preventDefault();
      e.clipboardData.setData('text/plain', text);
      if (cut) key('Delete', false, false);
    }
    ta.addEventListener('copy', function (e) { copy(e, false); });
    ta.addEventListener('cut', function (e) { copy(e, true); });
    ta.addEventListener('blur', function () {
      // Focus moving to another field comes back at once; a real blur lets go of the field.
      setTimeout(function () {
        if (document.activeElement !== ta) early = [];
        if (document.activeElement !== ta && !inMirror(document.activeElement) && wanted && Module['_linli_text_released']) {
          Module['_linli_text_released']();
          if (window['linli']) window['linli']['wake']();
        }
      }, 0);
    });
  }

  // Called through linli_js_ime from ImGui's Platform_SetImeDataFn.
  Module['linliIme'] = function (want, x, y, h) {
    wanted = want;
    if (!ta) return;
    var r = document.getElementById('canvas').getBoundingClientRect();
    ta.style.left = Math.round(r.left + x) + 'px';
    ta.style.top = Math.round(r.top + y) + 'px';
    ta.style.height = Math.max(16, Math.round(h)) + 'px';
    if (want && document.activeElement !== ta && !fingerDown && !inMirror(document.activeElement)) openKeyboard();  // e.g. reached by Tab
    if (want && early.length) {
      var waiting = early;
      early = [];
      waiting.forEach(function (send) { send(); });
    }
    if (!want && document.activeElement === ta) {
      ta.blur();
      document.getElementById('canvas').focus();
    }
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setup);
  else setup();
})();
