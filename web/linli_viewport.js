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
    var h = Math.round(vv.height) + 'px';
    if (canvas.style.height !== h) {
      canvas.style.height = h;  // above the keyboard, never behind it
      resized();
    }
  }

  function setup() {
    watchPixelRatio();
    if (window.visualViewport) {
      window.visualViewport.addEventListener('resize', fitVisualViewport);
      fitVisualViewport();
    }
    // iOS Safari zooms on pinch even with user-scalable=no; the map does its own zoom.
    document.addEventListener('gesturestart', function (e) { e.preventDefault(); });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setup);
  else setup();
})();
