// The page side of src/platform/web/software_renderer.cpp: frames drawn on the CPU,
// shown in a canvas (#first) over the WebGL2 one. A 2D canvas waits, on the page's
// thread, for the GPU process to have answered the page, and a WebGL2 context for more:
// on a first visit here that is 100-700 ms. So a frame is handed over as an ImageBitmap
// to a "bitmaprenderer" canvas, which waits for nothing (a 2D one where there is none).
// The canvas goes once WebGL2 has drawn a frame (web/linli_gl.js), and stays where WebGL2
// cannot be had.
var linli2D = {
  ctx: null,
  frame: null,     // ImageData: the frame being drawn, band by band
  drawMs: [],      // each frame drawn on the CPU: ms to draw it and copy it out (window.linli.cpuFrameMs)
  drawing: 0,      // frames handed over, on their way to the canvas
  last: 0,         // the newest of them: an older one that comes later is dropped
  shownCalls: [],  // waiting for the frames on their way to be in the canvas

  context: function (c) {
    if (!linli2D.ctx) {
      linli2D.ctx = (typeof createImageBitmap === 'function' && c.getContext('bitmaprenderer')) ||
        c.getContext('2d', { alpha: false, willReadFrequently: true });  // on the CPU: taking a frame waits for nothing more
    }
    return linli2D.ctx;
  },
  // Rows top .. top + rows of a frame w x h, from the wasm heap at ptr.
  present: function (ptr, w, h, top, rows) {
    var D = linli2D, f = D.frame;
    if (!f || f.width !== w || f.height !== h) f = D.frame = new ImageData(w, h);
    f.data.set(HEAPU8.subarray(ptr, ptr + w * rows * 4), top * w * 4);
  },
  // The frame is drawn: into the canvas with it.
  drawn: function (ms) {
    var D = linli2D, c = document.getElementById('first'), f = D.frame;
    if (!c || !f) return;
    if (c.width !== f.width || c.height !== f.height) { c.width = f.width; c.height = f.height; }
    var ctx = D.context(c);
    D.drawMs.push(ms);
    if (!ctx.transferFromImageBitmap) {
      ctx.putImageData(f, 0, 0);
      return;
    }
    var n = ++D.last;
    D.drawing++;
    // Opaque pixels, as they are: no conversion to wait for.
    createImageBitmap(f, { premultiplyAlpha: 'none', colorSpaceConversion: 'none' }).then(function (bitmap) {
      if (n === D.last && D.ctx === ctx) ctx.transferFromImageBitmap(bitmap);
      else bitmap.close();
    }, function (e) {
      console.error('[linli] a frame could not be shown: ' + e);
    }).then(function () {
      if (--D.drawing) return;
      var calls = D.shownCalls;
      D.shownCalls = [];
      calls.forEach(function (f) { f(); });
    });
  },
  // Calls `f` once the frames drawn so far are in the canvas.
  whenShown: function (f) {
    if (linli2D.drawing) linli2D.shownCalls.push(f); else f();
  },
  remove: function () {
    var c = document.getElementById('first');
    if (c) c.remove();
    linli2D.ctx = null;
    linli2D.frame = null;
  },
};
