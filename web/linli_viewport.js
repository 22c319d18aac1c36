// Keeps the canvas the size of what can be seen, in device pixels. SDL follows window
// "resize" events (and re-reads devicePixelRatio on them); these are the changes that
// come without one: the device pixel ratio (browser zoom, a window moved to another
// screen) and the soft keyboard covering part of the page (the visual viewport).
(function () {
  function resized() { window.dispatchEvent(new Event('resize')); }

  function watchPixelRatio() {
    var mq = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
    var onChange = function () {
      mq.removeEventListener('change', onChange);
      resized();
      watchPixelRatio();  // a query for the new ratio
    };
    mq.addEventListener('change', onChange);
  }

  function fitVisualViewport() {
    var vv = window.visualViewport;
    var canvas = document.getElementById('canvas');
    if (!vv || !canvas) return;
    // Above the keyboard, never behind it; when nothing covers the page, as the CSS sizes it.
    var h = Math.round(vv.height), want = h === window.innerHeight ? '' : h + 'px';
    if (canvas.style.height !== want) {
      canvas.style.height = want;
      resized();
    }
  }

  function setup() {
    watchPixelRatio();
    // Not fitted now: at load the CSS height (100dvh) is what can be seen, and asking the
    // visual viewport would lay the page out while it loads (~15-30 ms on a first visit).
    if (window.visualViewport) window.visualViewport.addEventListener('resize', fitVisualViewport);
    // iOS Safari zooms on pinch even with user-scalable=no; the map does its own zoom.
    document.addEventListener('gesturestart', function (e) { e.preventDefault(); });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setup);
  else setup();
})();
