// Glyphs from the browser's own fonts, for src/platform/web/canvas_font.cpp (through
// web/linli_library.js). Source 0 is the system's font stack; source 1 is Linli's own
// font, cut into slices (scripts/lib/font_slices.py) of which a device without Chinese
// fonts fetches, as web fonts, only those holding characters it has had to draw.
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
  loading: 0,           // the list and slices on their way
  arrived: 0,           // ...and those that have come (for tests: to draw again after)
  ctx: null,
  pixels: null,
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
  // A character's drawing by the system's fonts at a fixed size, to compare with the "missing" box.
  print: function (ch) {
    var ctx = linliFont.context();
    ctx.canvas.width = 40; ctx.canvas.height = 40;
    ctx.font = '28px ' + linliFont.stacks[0];
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = '#fff';
    ctx.fillText(ch, 4, 30);
    var a = ctx.getImageData(0, 0, 40, 40).data, h = 0;
    for (var i = 3; i < a.length; i += 4) h = (h * 31 + a[i]) | 0;
    return ctx.measureText(ch).width.toFixed(2) + ':' + h;
  },
  // Whether a source draws a character: the system's, by looking; Linli's, by its slices' lists.
  has: function (s, cp) {
    var F = linliFont;
    if (s === 1) {
      var i = F.sliceOf(cp);
      return i >= 0 && F.slices[i].state === 2;
    }
    if (F.known.has(cp)) return F.known.get(cp);
    if (!F.missing) F.missing = F.print(String.fromCodePoint(0x10FFFD));
    var yes = cp < 0x80 || F.print(String.fromCodePoint(cp)) !== F.missing;
    F.known.set(cp, yes);
    return yes;
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
    if (i < 0 || slice.state) return;  // in no slice (no font here has it), or already asked for
    slice.state = 1;
    F.keep('fonts/' + slice.file);
    F.loading++;
    new FontFace('LinliFallback' + i, 'url(fonts/' + slice.file + ')').load().then(function (face) {
      document.fonts.add(face);
      slice.state = 2;
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
