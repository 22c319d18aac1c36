// window.linli: what an end-to-end test needs to act as a person would. It finds
// things and checks results; it never skips the UI (taps go through the canvas).
(function () {
  function canvasOffset() {
    var c = document.getElementById('canvas');
    var r = c ? c.getBoundingClientRect() : { left: 0, top: 0 };
    return { x: r.left, y: r.top };
  }
  function call(name) {
    var f = Module['_' + name];
    return f ? UTF8ToString(f()) : null;
  }
  // Any input wakes the paused main loop (frames are drawn only while something changes).
  function wake() { if (Module['calledRun'] && Module['_linli_wake']) Module['_linli_wake'](); }
  ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'touchstart', 'touchmove', 'touchend', 'wheel',
   'keydown', 'keyup', 'resize', 'focus', 'blur', 'visibilitychange', 'orientationchange', 'hashchange'].forEach(function (t) {
    window.addEventListener(t, wake, { capture: true, passive: true });
  });

  // What the last frame laid out on screen: its items, or the rest (text).
  function shown(items) {
    var list = JSON.parse(call('linli_widgets_json') || '[]');
    var o = canvasOffset();
    list = list.filter(function (w) { return (w['kind'] === 'item') === items; });
    list.forEach(function (w) { w['x'] += o.x; w['y'] += o.y; });
    return list;
  }

  // Quoted names: the minifier (Closure) must not rename what tests call from outside.
  window['linli'] = {
    get 'ready'() { return !!Module['linliReady']; },
    get 'readyAt'() { return Module['linliReadyAt']; },
    // ...and when the GPU had finished drawing that frame (ms after navigation).
    get 'drawnAt'() { return Module['linliDrawnAt']; },
    // CPU milliseconds the last main-loop iteration took (events, UI, drawing).
    get 'frameMs'() { return Module['_linli_frame_ms'] ? Module['_linli_frame_ms']() : 0; },
    // ...of which building the UI (input, ImGui and Linli's screens), before drawing with GL.
    get 'uiMs'() { return Module['_linli_ui_ms'] ? Module['_linli_ui_ms']() : 0; },
    // ...and for the first frame: building its UI (its glyphs drawn by the browser included).
    get 'firstUiMs'() { return Module['linliFirstUiMs']; },
    // Each frame drawn on the CPU so far (web/linli_2d.js): ms to draw it and copy it out.
    get 'cpuFrameMs'() { return linli2D.drawMs.slice(); },
    get 'frames'() { return Module['_linli_frames'] ? Module['_linli_frames']() : 0; },
    // Files of Linli's fallback font and images of glyphs on their way (a slice counts until
    // glyphs may use it), and how many have come: frames drawn after one came can use it.
    get 'fontsLoading'() { return linliFont.loading; },
    get 'fontsArrived'() { return linliFont.arrived; },
    // Characters drawn that no font here has, neither the system's nor a slice of Linli's:
    // each shows as a box.
    get 'glyphsMissing'() { return linliFont.nowhere.slice(); },
    // Items drawn in the last frame: {label, id, x, y, w, h, text_field} in CSS pixels of the page.
    'widgets': function () { return shown(true); },
    // Headings, text, status lines and alerts on screen: {kind, label, x, y, w, h}, where
    // each starts and how wide the space it wraps in is.
    'texts': function () { return shown(false); },
    // Draws a few frames even when nothing changed (tests waiting for "the next frame").
    'wake': wake,
    // A JSON snapshot of what the app shows.
    'state': function () { return JSON.parse(call('linli_state_json') || '{}'); },
    // Bytes of the wasm heap in use (malloc's count) and reserved (the whole wasm memory).
    'memory': function () {
      return { 'heap_in_use': Module['_linli_heap_in_use'](), 'wasm_memory': HEAP8.length };
    },
    // A fingerprint of all data held: equal on two devices exactly when they hold the same.
    'digest': function () { return call('linli_digest'); },
  };
})();
