// The WebGL2 half of Linli's renderer: src/platform/web/webgl_renderer.cpp hands it
// ImGui's textures and draw lists through web/linli_library.js.
//
// Making a WebGL context and its shader program each waits until the browser's GPU
// process is up (250-500 ms into a first visit on this project's machines) and behind
// whatever the GPU was asked to draw before (a frame of the page: 30-150 ms each): see
// probe below for when it is made. Drawing after that asks the GPU nothing back: every
// later call only queues work.
var linliGL = {
  gl: null,
  textures: [null],  // by ImGui texture id (0 is none)
  error: '',         // why nothing can be drawn, for the console
  boundTexture: 0,
  frames: 0,         // drawn with WebGL2 so far

  // Position, UV and colour come from ImDrawVert (20 bytes); Proj (x/y scale, x/y offset
  // into clip space) is one value a frame, given with vertexAttrib4f: a uniform would have
  // to be looked up, and that lookup waits for the GPU.
  vertexShader: '#version 300 es\n' +
    'layout(location = 0) in vec2 Position;\n' +
    'layout(location = 1) in vec2 UV;\n' +
    'layout(location = 2) in vec4 Color;\n' +
    'layout(location = 3) in vec4 Proj;\n' +
    'out vec2 Frag_UV;\n' +
    'out vec4 Frag_Color;\n' +
    'void main() {\n' +
    '  Frag_UV = UV;\n' +
    '  Frag_Color = Color;\n' +
    '  gl_Position = vec4(Position * Proj.xy + Proj.zw, 0.0, 1.0);\n' +
    '}\n',
  // The sampler stays at texture unit 0, its default.
  fragmentShader: '#version 300 es\n' +
    'precision mediump float;\n' +
    'uniform sampler2D Texture;\n' +
    'in vec2 Frag_UV;\n' +
    'in vec4 Frag_Color;\n' +
    'layout(location = 0) out vec4 Out_Color;\n' +
    'void main() { Out_Color = Frag_Color * texture(Texture, Frag_UV); }\n',

  start: function () {
    var G = linliGL, canvas = document.getElementById('canvas');
    if (!canvas) { G.error = 'no canvas'; return; }
    // The backing store at the size SDL gives it (CSS pixels x devicePixelRatio, rounded
    // down) before the context exists: resizing a context's canvas waits for the GPU.
    var r = canvas.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.floor(r.width * dpr));
    canvas.height = Math.max(1, Math.floor(r.height * dpr));
    var gl = canvas.getContext('webgl2', { alpha: false, depth: false, stencil: false, antialias: false });
    if (!gl) { G.error = 'WebGL2 is not available'; return; }

    var program = gl.createProgram();
    [[gl.VERTEX_SHADER, G.vertexShader], [gl.FRAGMENT_SHADER, G.fragmentShader]].forEach(function (s) {
      var shader = gl.createShader(s[0]);
      gl.shaderSource(shader, s[1]);
      gl.compileShader(shader);
      gl.attachShader(program, shader);
    });
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {  // the one answer waited for
      G.error = 'shaders: ' + gl.getProgramInfoLog(program) +
        gl.getAttachedShaders(program).map(function (s) { return gl.getShaderInfoLog(s); }).join(' ');
      return;
    }
    gl.useProgram(program);
    gl.bindVertexArray(gl.createVertexArray());
    gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, gl.createBuffer());
    for (var i = 0; i < 3; i++) gl.enableVertexAttribArray(i);
    gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 20, 0);
    gl.vertexAttribPointer(1, 2, gl.FLOAT, false, 20, 8);
    gl.vertexAttribPointer(2, 4, gl.UNSIGNED_BYTE, true, 20, 16);
    gl.enable(gl.BLEND);
    gl.blendEquation(gl.FUNC_ADD);
    gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    G.gl = gl;
  },

  // Making a context waits, on the page's thread, until the GPU process is up and has
  // drawn all it was given before, which early in a first visit can be hundreds of ms:
  // the page would take no taps meanwhile. So a worker makes a throwaway context as the
  // page loads and waits that wait; until it has, frames are drawn on the CPU
  // (web/linli_2d.js), and the first frame after it makes the page's own. On a slow
  // network the GPU is up before the program, and every frame is WebGL2's. Where there is
  // no worker with WebGL2, the page waits itself, once the first frame is on the screen.
  gpuUp: false,
  probing: false,
  probe: function () {
    var G = linliGL;
    var code = 'var gl = new OffscreenCanvas(1, 1).getContext("webgl2");' +
      'if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));' +
      'postMessage(0);';
    try {
      if (typeof OffscreenCanvas === 'undefined') return;
      var url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      var w = new Worker(url);
      G.probing = true;
      w.onmessage = w.onerror = function () {
        w.terminate();
        URL.revokeObjectURL(url);
        G.up();
      };
    } catch (e) {
      G.probing = false;
    }
  },
  up: function () {
    linliGL.gpuUp = true;
    if (Module['_linli_wake']) Module['_linli_wake']();
  },
  // Whether this frame is drawn with WebGL2: the context is made here once the GPU is up.
  ready: function () {
    var G = linliGL;
    if (!G.gl && !G.error && G.gpuUp) {
      G.start();
      if (G.error) console.error('[linli] ' + G.error + ': drawing on the CPU');
    }
    return !!G.gl;
  },
  // The first frame is shown (drawn on the CPU, or not).
  shown: function () {
    if (!linliGL.probing) requestAnimationFrame(function () { setTimeout(linliGL.up, 0); });
  },

  // Texture `id` (w x h, RGBA) gets the rectangle (x, y, rw, rh) of `pixels`, the whole
  // texture's bytes in the wasm heap; made first if it is new.
  texture: function (id, w, h, x, y, rw, rh, pixels) {
    var G = linliGL, gl = G.gl;
    var t = G.textures[id];
    gl.bindTexture(gl.TEXTURE_2D, t || (G.textures[id] = gl.createTexture()));
    G.boundTexture = id;
    gl.pixelStorei(gl.UNPACK_ROW_LENGTH, w);
    if (!t) {
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, w, h, 0, gl.RGBA, gl.UNSIGNED_BYTE, HEAPU8, pixels);
    } else {
      gl.texSubImage2D(gl.TEXTURE_2D, 0, x, y, rw, rh, gl.RGBA, gl.UNSIGNED_BYTE, HEAPU8, pixels + (y * w + x) * 4);
    }
    gl.pixelStorei(gl.UNPACK_ROW_LENGTH, 0);
  },

  // Calls `done` once the GPU has carried out all that was asked of it so far (polled:
  // waiting for the answer would stall the page).
  whenDrawn: function (done) {
    var gl = linliGL.gl;
    if (!gl) return;
    var fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    gl.flush();
    (function poll() {
      if (gl.getSyncParameter(fence, gl.SYNC_STATUS) !== gl.SIGNALED) return setTimeout(poll, 2);
      gl.deleteSync(fence);
      done();
    })();
  },

  freeTexture: function (id) {
    var G = linliGL;
    if (G.textures[id]) G.gl.deleteTexture(G.textures[id]);
    G.textures[id] = null;
  },

  // A frame: the whole framebuffer cleared to the page's colour (r, g, b), then the lists
  // drawn with `proj` (see the vertex shader).
  begin: function (w, h, sx, sy, ox, oy, r, g, b) {
    var gl = linliGL.gl;
    gl.viewport(0, 0, w, h);
    gl.disable(gl.SCISSOR_TEST);
    gl.clearColor(r, g, b, 1.0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.enable(gl.SCISSOR_TEST);
    gl.vertexAttrib4f(3, sx, sy, ox, oy);
  },

  // A frame drawn: the first one replaces the CPU's once the GPU has drawn it.
  end: function () {
    if (linliGL.frames++ > 0) return;
    linliGL.whenDrawn(function () {
      Module['linliDrawnAt'] = performance.now();
      linli2D.remove();
    });
  },

  list: function (vtx, vtxBytes, idx, idxBytes) {
    var gl = linliGL.gl;
    gl.bufferData(gl.ARRAY_BUFFER, HEAPU8, gl.STREAM_DRAW, vtx, vtxBytes);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, HEAPU8, gl.STREAM_DRAW, idx, idxBytes);
  },

  draw: function (texture, x, y, w, h, count, offset) {
    var G = linliGL, gl = G.gl;
    gl.scissor(x, y, w, h);
    if (texture !== G.boundTexture) {
      gl.bindTexture(gl.TEXTURE_2D, G.textures[texture] || null);
      G.boundTexture = texture;
    }
    gl.drawElements(gl.TRIANGLES, count, gl.UNSIGNED_SHORT, offset);
  },
};
// The text the first screen shows needs the system's font loaded: measuring does that and
// needs no GPU, so it is done while the wasm compiles.
linliFont.measure(0);
linliGL.probe();
