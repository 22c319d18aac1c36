// Glyphs from the browser's own fonts, for src/platform/web/canvas_font.cpp (through
// web/linli_library.js). Source 0 is the system's font stack; source 1 is Linli's own
// font, cut into slices (scripts/lib/font_slices.py) of which a device without Chinese
// fonts fetches, as web fonts, only those holding characters it has had to draw.
// Until the GPU process has answered the page, pixels come from web/linli_glyph_images.js.
// (No "this" in the methods: Closure flattens this object into plain functions.)
var linliFont = {
  stacks: ['"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC",' +
           '"Microsoft YaHei","WenQuanYi Micro Hei","Droid Sans Fallback",sans-serif',
           ''],         // source 1: the families of the slices loaded so far, one per slice
  k: [1, 1],            // CSS px per ImGui px, so that ascent + descent = ImGui's size
  share: [0.8, 0.8],    // ascent / (ascent + descent)
  known: new Map(),     // code point -> whether the system's fonts draw it
  missing: null,        // how the system's fonts draw a character they lack
  slices: null,         // Linli's slices: {file, ranges: [first, last, ...], state: 0 no, 1 loading, 2 loaded}
  manifest: 0,          // fonts/linli-cjk.json: 0 not asked for, 1 on its way, 2 here
  waiting: [],          // code points met before it came
  early: [],            // font files fetched before the service worker controlled the page
  loading: 0,           // the list, slices and images of glyphs on their way
  arrived: 0,           // ...and those that have come (for tests: to draw again after)
  nowhere: [],          // code points neither the system nor any slice has: drawn as a box
  ctx: null,
  pixels: null,         // the last glyph drawn in the canvas
  // Drawn as an image (linliGlyphImages), while a canvas would wait for the GPU process:
  cells: [],            // glyphs asked for, to draw: {token, ch, font, w, h, x, y}
  unsure: [],           // characters taken to be the system's, to check
  placed: new Map(),    // token -> its cell in the image the program is taking pixels from
  tokens: 0,
  context: function () {
    if (!linliFont.ctx) {
      var c = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(64, 64) : document.createElement('canvas');
      linliFont.ctx = c.getContext('2d', { willReadFrequently: true });
    }
    return linliFont.ctx;
  },
  measure: function (s) {
    var ctx = linliFont.context();
    ctx.font = '100px ' + linliFont.stacks[s];
    var m = ctx.measureText('中Ag');
    var a = m.fontBoundingBoxAscent, d = m.fontBoundingBoxDescent;
    if (!(a + d > 0)) { a = m.actualBoundingBoxAscent; d = m.actualBoundingBoxDescent; }
    linliFont.k[s] = 100 / (a + d);
    linliFont.share[s] = a / (a + d);
  },
  // Where and how a character is drawn by the system's fonts to compare it with the
  // "missing" box: a cell for fill() or an image of glyphs.
  printCell: function (ch) {
    return { ch: ch, font: '28px ' + linliFont.stacks[0], w: 40, h: 40, x: 4, y: 30 };
  },
  // That drawing, in the canvas, as a string to compare.
  print: function (ch) {
    var F = linliFont, c = F.printCell(ch), a = F.fill(c.ch, c.font, c.w, c.h, c.x, c.y), h = 0;
    for (var i = 0; i < a.length; i++) h = (h * 31 + a[i]) | 0;
    F.ctx.font = c.font;
    return F.ctx.measureText(ch).width.toFixed(2) + ':' + h;
  },
  // Whether a source draws a character: the system's, by looking; Linli's, by its slices' lists.
  has: function (s, cp) {
    var F = linliFont;
    if (s === 1) {
      var i = F.sliceOf(cp);
      return i >= 0 && F.slices[i].state === 2;
    }
    if (cp < 0x80) return true;
    if (F.known.has(cp)) return F.known.get(cp);
    if (F.imaged(s)) {  // taken to be there, and checked with the glyphs' image
      if (F.unsure.indexOf(cp) < 0) F.unsure.push(cp);
      F.later();
      return true;
    }
    if (!F.missing) F.missing = F.print(String.fromCodePoint(0x10FFFD));
    var yes = F.print(String.fromCodePoint(cp)) !== F.missing;
    F.known.set(cp, yes);
    return yes;
  },
  // Whether source s's glyphs are drawn as an image now: the system's fonts, before the GPU is up.
  imaged: function (s) {
    return s === 0 && !linliGL.gpuUp && linliGlyphImages.usable();
  },
  // Glyph cp of source s at `px` device pixels: its box and advance, and its alpha in
  // F.pixels, or (`token` >= 0) in the image of glyphs drawn once the frame is done.
  glyph: function (s, cp, px, wantPixels) {
    var F = linliFont, ctx = F.context(), ch = String.fromCodePoint(cp);
    var font = px + 'px ' + F.stacks[s];
    ctx.font = font;
    var m = ctx.measureText(ch);
    var x0 = Math.floor(-m.actualBoundingBoxLeft) - 1, x1 = Math.ceil(m.actualBoundingBoxRight) + 1;
    var y0 = Math.floor(-m.actualBoundingBoxAscent) - 1, y1 = Math.ceil(m.actualBoundingBoxDescent) + 1;
    var w = x1 - x0, h = y1 - y0, token = -1;
    if (m.actualBoundingBoxRight + m.actualBoundingBoxLeft <= 0 || w <= 0 || h <= 0) w = h = 0;  // a space
    if (w > 0 && wantPixels) {
      if (F.imaged(s)) {
        token = F.tokens++;
        F.cells.push({ token: token, ch: ch, font: font, w: w, h: h, x: -x0, y: -y0 });
        F.later();
      } else {
        F.pixels = F.fill(ch, font, w, h, -x0, -y0);
      }
    }
    return { w: w, h: h, x0: x0, y0: y0, advance: m.width, token: token };
  },
  // A glyph's alpha (w x h), drawn in the canvas with the pen at (x, y).
  fill: function (ch, font, w, h, x, y) {
    var ctx = linliFont.context();
    if (ctx.canvas.width < w || ctx.canvas.height < h) { ctx.canvas.width = Math.max(w, 64); ctx.canvas.height = Math.max(h, 64); }
    ctx.clearRect(0, 0, w, h);
    ctx.font = font;
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = '#fff';
    ctx.fillText(ch, x, y);
    var rgba = ctx.getImageData(0, 0, w, h).data, a = new Uint8Array(w * h);
    for (var i = 0; i < a.length; i++) a[i] = rgba[i * 4 + 3];
    return a;
  },
  // The image is drawn once the frame asking for its glyphs is done.
  scheduled: false,
  later: function () {
    if (linliFont.scheduled) return;
    linliFont.scheduled = true;
    Promise.resolve().then(linliFont.drawImage);
  },
  // One image of the glyphs asked for and of the characters to check (each in its
  // printCell, beside the "missing" box); then the program takes the glyphs' pixels from it.
  drawImage: function () {
    var F = linliFont, cells = F.cells, unsure = F.unsure;
    F.scheduled = false;
    F.cells = [];
    F.unsure = [];
    var checks = unsure.map(function (cp) { return F.printCell(String.fromCodePoint(cp)); });
    if (checks.length) checks.push(F.printCell(String.fromCodePoint(0x10FFFD)));
    F.loading++;  // for tests: a character found lacking here fetches a slice next
    linliGlyphImages.draw(cells.concat(checks), function (bytes, stride) {
      var ptr = Module['_malloc'](bytes.length);
      HEAPU8.set(bytes, ptr);
      var ctx = F.context(), box = checks[checks.length - 1], lacking = 0;
      checks.slice(0, -1).forEach(function (c, i) {
        ctx.font = c.font;
        var same = ctx.measureText(c.ch).width === ctx.measureText(box.ch).width &&
          Module['_linli_font_same_pixels'](ptr, stride, c.left, c.top, box.left, box.top, c.w, c.h);
        F.known.set(unsure[i], !same);
        if (same) lacking = 1;
      });
      cells.forEach(function (c) { F.placed.set(c.token, c); });
      Module['_linli_font_images_arrived'](ptr, stride, lacking);
      F.placed.clear();
      Module['_free'](ptr);
      F.loading--;
      F.arrived++;
      if (window['linli']) window['linli']['wake']();
    });
  },
  sliceOf: function (cp) {
    var slices = linliFont.slices;
    for (var i = 0; slices && i < slices.length; i++) {
      var r = slices[i].ranges, lo = 0, hi = r.length / 2 - 1;
      while (lo <= hi) {  // the run whose first code point is the last one <= cp
        var mid = (lo + hi) >> 1;
        if (r[2 * mid] <= cp) lo = mid + 1; else hi = mid - 1;
      }
      if (hi >= 0 && cp <= r[2 * hi + 1]) return i;
    }
    return -1;
  },
  // The system lacks `cp`: fetch the slice of Linli's font that holds it, once; `loaded`
  // is called when one has arrived, so that glyphs drawn as missing are drawn again.
  want: function (cp, loaded) {
    var F = linliFont;
    if (typeof FontFace === 'undefined') return;
    if (F.manifest < 2) {
      F.waiting.push(cp);
      if (F.manifest === 0) F.fetchManifest(loaded);
      return;
    }
    var i = F.sliceOf(cp), slice = F.slices[i];
    if (i < 0) {  // no font here has it: it shows as a box (tests look for any)
      if (F.nowhere.indexOf(cp) < 0) F.nowhere.push(cp);
      return;
    }
    if (slice.state) return;  // already asked for
    slice.state = 1;
    F.keep('fonts/' + slice.file);
    F.loading++;
    new FontFace('LinliFallback' + i, 'url(fonts/' + slice.file + ')').load().then(function (face) {
      document.fonts.add(face);
      slice.state = 2;
      F.missing = null;  // with a face added, the canvas may draw the "missing" box otherwise
      F.stacks[1] = F.slices.map(function (s, j) { return s.state === 2 ? '"LinliFallback' + j + '"' : ''; })
                             .filter(Boolean).join(',');
      F.measure(1);
      F.loading--;
      F.arrived++;
      loaded();
    }, function (e) {
      slice.state = 0;  // asked for again by the next character that needs it
      F.loading--;
      console.error('[linli] a slice of the fallback font did not load: ' + e);
    });
  },
  // Offline later, the font must come from the service worker's cache, which keeps what
  // passes through the worker. On a first visit the fonts are fetched before it controls
  // the page: they are asked for again, through it, once it does.
  keep: function (url) {
    var F = linliFont, sw = navigator.serviceWorker;
    if (!sw || sw.controller) return;
    if (!F.early.length) {
      sw.addEventListener('controllerchange', function () {
        F.early.forEach(function (u) { fetch(u).catch(function () { /* kept next time */ }); });
      });
    }
    F.early.push(url);
  },
  // The manifest lists each slice's code points as runs: [gap from the last run's end, length - 1, ...].
  fetchManifest: function (loaded) {
    var F = linliFont;
    F.manifest = 1;
    F.keep('fonts/linli-cjk.json');
    F.loading++;
    fetch('fonts/linli-cjk.json').then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (m) {
      F.slices = m['slices'].map(function (s) {
        var runs = s['runs'], ranges = [], end = 0;
        for (var j = 0; j < runs.length; j += 2) {
          var first = end + runs[j];
          end = first + runs[j + 1];
          ranges.push(first, end);
        }
        return { file: s['file'], ranges: ranges, state: 0 };
      });
      F.manifest = 2;
      var waiting = F.waiting;
      F.waiting = [];
      waiting.forEach(function (cp) { F.want(cp, loaded); });
      F.loading--;  // after the slices it asked for were counted
      F.arrived++;
    }, function (e) {
      F.manifest = 0;
      F.loading--;
      console.error('[linli] the fallback font\'s list did not load: ' + e);
    });
  },
};
