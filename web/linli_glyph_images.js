// Glyph pixels while the browser's GPU process has not yet answered the page (web/linli_fonts.js
// asks). Drawing into a canvas waits for that answer, 100-300 ms into a first visit here,
// with the page's thread stopped; measuring text does not. So until then the glyphs a
// frame needs are drawn together in one SVG image, in the same fonts, and read back
// through a VideoFrame in its own pixel format: neither waits for the GPU (converting the
// format would). The frame is shown once they are in (src/platform/web/canvas_font.cpp).
// Only the system's fonts: an SVG image cannot use the page's web fonts.
// Bracketed names: Closure must keep WebCodecs' names, which its externs may lack.
var linliGlyphImages = {
  broken: false,  // an image could not be read here: glyphs are drawn in a canvas instead

  usable: function () {
    return !linliGlyphImages.broken && typeof window['VideoFrame'] === 'function';
  },

  // Places each cell ({ch, font, w, h, x, y: the pen in the cell}) on shelves a pixel
  // apart: sets its left and top, and returns the size of the whole.
  layout: function (cells) {
    var width = 1024, x = 0, y = 0, row = 0;
    cells.forEach(function (c) {
      if (x + c.w > width) { x = 0; y += row + 1; row = 0; }
      c.left = x; c.top = y;
      x += c.w + 1;
      row = Math.max(row, c.h);
    });
    return { width: width, height: Math.max(1, y + row) };
  },

  // Draws the cells and calls done(bytes, stride): 4 bytes a pixel, alpha the fourth.
  // One text element per font, each character placed by itself: laying out an element
  // apiece cost the page ~30 ms for a first screen's 100 glyphs.
  draw: function (cells, done) {
    var G = linliGlyphImages, size = G.layout(cells), runs = new Map(), text = '';
    cells.forEach(function (c) {
      var key = c.ch.length > 1 ? c.font + '\n' + c.ch : c.font;  // a surrogate pair would take two places
      var run = runs.get(key);
      if (!run) runs.set(key, run = { font: c.font, xs: [], ys: [], chars: '' });
      run.xs.push(c.left + c.x);
      run.ys.push(c.top + c.y);
      run.chars += c.ch === '&' ? '&amp;' : c.ch === '<' ? '&lt;' : c.ch === '>' ? '&gt;' : c.ch;
    });
    runs.forEach(function (r) {
      text += '<text x="' + r.xs.join(' ') + '" y="' + r.ys.join(' ') + '" style="font:' + r.font.replace(/"/g, '&quot;') +
        '">' + r.chars + '</text>';
    });
    var svg = '<svg xmlns="http://www.w3.org/2000/svg" width="' + size.width + '" height="' + size.height + '" fill="#fff">' +
      text + '</svg>';
    var url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    var img = new Image(size.width, size.height), frame = null;
    img.src = url;
    img.decode().then(function () {
      frame = new window['VideoFrame'](img, { 'timestamp': 0 });
      var format = frame['format'];
      if (format !== 'BGRA' && format !== 'RGBA') throw new Error('pixels in ' + format);
      var bytes = new Uint8Array(frame['allocationSize']());
      return frame['copyTo'](bytes).then(function () { return bytes; });
    }).catch(function (e) {
      G.broken = true;
      console.error('[linli] glyphs drawn as an image could not be read (' + e + '): drawn in a canvas');
      return null;
    }).then(function (bytes) {
      if (frame) frame.close();
      URL.revokeObjectURL(url);
      if (bytes) done(bytes, bytes.length / size.height);
      else done(G.inCanvas(cells, size), size.width * 4);
    });
  },

  // The same, drawn in a 2D canvas (which waits for the GPU process).
  inCanvas: function (cells, size) {
    var c = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(size.width, size.height) : document.createElement('canvas');
    c.width = size.width; c.height = size.height;
    var ctx = c.getContext('2d', { willReadFrequently: true });
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = '#fff';
    cells.forEach(function (cell) {
      ctx.font = cell.font;
      ctx.fillText(cell.ch, cell.left + cell.x, cell.top + cell.y);
    });
    return new Uint8Array(ctx.getImageData(0, 0, size.width, size.height).data.buffer);
  },
};
