// Glyphs from the browser's own fonts, for src/platform/web/canvas_font.cpp (through
// web/linli_library.js). Source 0 is the system's font stack; source 1 is Linli's own
// font subset, loaded as a web font only when the system lacks a character.
// (No "this" in the methods: Closure flattens this object into plain functions.)
var linliFont = {
  stacks: ['"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC",' +
           '"Microsoft YaHei","WenQuanYi Micro Hei","Droid Sans Fallback",sans-serif', '"LinliFallback"'],
  k: [1, 1],            // CSS px per ImGui px, so that ascent + descent = ImGui's size
  share: [0.8, 0.8],    // ascent / (ascent + descent)
  ready: [true, false],
  loading: false,
  known: [new Map(), new Map()],  // code point -> whether the source draws it
  missing: [null, null],          // how the source draws a character it lacks
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
  // A character's drawing at a fixed size, to compare with the "missing" box.
  print: function (s, ch) {
    var ctx = linliFont.context();
    ctx.canvas.width = 40; ctx.canvas.height = 40;
    ctx.font = '28px ' + linliFont.stacks[s];
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = '#fff';
    ctx.fillText(ch, 4, 30);
    var a = ctx.getImageData(0, 0, 40, 40).data, h = 0;
    for (var i = 3; i < a.length; i += 4) h = (h * 31 + a[i]) | 0;
    return ctx.measureText(ch).width.toFixed(2) + ':' + h;
  },
  has: function (s, cp) {
    if (!linliFont.ready[s]) return false;
    var known = linliFont.known[s];
    if (known.has(cp)) return known.get(cp);
    if (!linliFont.missing[s]) linliFont.missing[s] = linliFont.print(s, String.fromCodePoint(0x10FFFD));
    var yes = cp < 0x80 || linliFont.print(s, String.fromCodePoint(cp)) !== linliFont.missing[s];
    known.set(cp, yes);
    return yes;
  },
};
