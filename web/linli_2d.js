// The page side of src/platform/web/software_renderer.cpp: frames drawn on the CPU,
// shown in a 2D canvas (#first) over the WebGL2 one. A 2D canvas on the CPU only needs
// the GPU process to have answered the page once (the glyph canvas needs that too); a
// WebGL2 context must also be made there, which on a first visit here comes 100-700 ms
// later. So a first visit's first frames come this way. The canvas goes once WebGL2 has
// drawn a frame (web/linli_gl.js), and stays where WebGL2 cannot be had.
var linli2D = {
  ctx: null,
  drawMs: [],  // each frame drawn on the CPU: ms to draw it and hand it over (window.linli.cpuFrameMs)
  // Rows top .. top + rows of a frame w x h, from the wasm heap at ptr.
  present: function (ptr, w, h, top, rows) {
    var c = document.getElementById('first');
    if (!c) return;
    if (c.width !== w || c.height !== h) { c.width = w; c.height = h; linli2D.ctx = null; }
    // On the CPU (read often), so that taking the frame waits for nothing.
    if (!linli2D.ctx) linli2D.ctx = c.getContext('2d', { alpha: false, willReadFrequently: true });
    linli2D.ctx.putImageData(new ImageData(new Uint8ClampedArray(HEAPU8.buffer, ptr, w * rows * 4), w, rows), 0, top);
  },
  drawn: function (ms) { linli2D.drawMs.push(ms); },
  remove: function () {
    var c = document.getElementById('first');
    if (c) c.remove();
    linli2D.ctx = null;
  },
};
