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
      if (moved < 12 && fieldAt(t.clientX, t.clientY)) openKeyboard();
    }, { passive: true });
    canvas.addEventListener('mousedown', function (e) {
      if (fieldAt(e.clientX, e.clientY)) openKeyboard();
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
