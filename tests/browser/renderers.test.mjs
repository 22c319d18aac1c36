// The two ways a frame reaches the screen: drawn on the CPU into a canvas of its own (a
// first visit's first frames, before the GPU process is up; and every frame where there
// is no WebGL2), and drawn with WebGL2; and the two ways glyphs are drawn: as an image
// until the GPU process is up, in a 2D canvas after. All must show the same picture, and
// the app must work on each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { launch, nextFrames, PHONE, openApp, pixelVariance, screenshot, serve, tap, waitState, watch } from './harness.mjs';

const POLL = '#/poll/670c1cd355555e3184be37c1dfe6c55b';  // the sample's survey: Chinese text, cards, a progress bar

// The share of pixels of two same-sized PNGs that differ by more than `tolerance` in a channel.
function differing(a, b, tolerance = 40) {
  const x = PNG.sync.read(a), y = PNG.sync.read(b);
  assert.equal(x.width, y.width);
  assert.equal(x.height, y.height);
  let n = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    if (Math.abs(x.data[i] - y.data[i]) > tolerance || Math.abs(x.data[i + 1] - y.data[i + 1]) > tolerance ||
        Math.abs(x.data[i + 2] - y.data[i + 2]) > tolerance) n++;
  }
  return n / (x.width * x.height);
}

// Linli counts the GPU as up once a worker has made a WebGL2 context (web/linli_gl.js):
// holding every worker's answer until window.releaseWorkers() keeps a page in its first
// frames' ways, the CPU's canvas and glyphs drawn as an image.
function holdWorkers() {
  const Real = window.Worker, held = [];
  window.releaseWorkers = () => held.splice(0).forEach((f) => f());
  window.Worker = class extends Real {
    set onmessage(f) { super.onmessage = (e) => held.push(() => f(e)); }
    set onerror(f) { super.onerror = (e) => held.push(() => f(e)); }
  };
}

async function settledShot(page, name) {
  await waitState(page, (s) => s.screen === 'answer' && s.save === 'saved', null, 20000);
  await page.waitForTimeout(500);
  return screenshot(page, name);
}

test('WebGL2 takes over from the first frames drawn on the CPU; without WebGL2 the CPU draws the same picture and taps still answer', async () => {
  const server = await serve();
  const withGL = await launch();
  const noGL = await launch({ args: ['--disable-3d-apis'] });
  try {
    // Until the GPU is up: frames on the CPU, glyphs drawn as an image (one at least: a
    // font file or an image of glyphs has come, and this system has Chinese fonts).
    const page = await withGL.newPage(PHONE);
    await page.addInitScript(holdWorkers);
    const errors = watch(page);
    await openApp(page, server.url, POLL);
    const held = await settledShot(page, 'renderer-cpu-glyph-images');
    assert.ok(await page.evaluate(() => document.getElementById('first') && window.linli.fontsArrived > 0),
      'the CPU\'s canvas is shown, with glyphs drawn as an image');

    // With WebGL2: once the GPU is up, its frames replace the CPU's canvas, which goes.
    await page.evaluate(() => { window.releaseWorkers(); window.linli.wake(); });
    await page.waitForFunction(() => window.linli.drawnAt && !document.getElementById('first'), null, { timeout: 20000 });
    const gl = await settledShot(page, 'renderer-webgl2');
    assert.deepEqual(errors, []);

    // Without: every frame on the CPU, and the console says why.
    const cpuPage = await noGL.newPage(PHONE);
    const cpuErrors = watch(cpuPage);
    await openApp(cpuPage, server.url, POLL);
    // Its first glyphs may have been drawn as an image too: all drawn again, by now in a canvas.
    await settledShot(cpuPage, 'renderer-cpu-first');
    const images = await cpuPage.evaluate(() => window.linli.fontsArrived);
    await cpuPage.evaluate(() => { Module._linli_font_fallback_ready(); window.linli.wake(); });
    await nextFrames(cpuPage, 3);
    const cpu = await settledShot(cpuPage, 'renderer-cpu');
    assert.equal(await cpuPage.evaluate(() => window.linli.fontsArrived), images, 'no image of glyphs was drawn for them');
    assert.equal(await cpuPage.evaluate(() => document.getElementById('first').width), 390 * 3, 'the CPU canvas has the frame at full resolution');
    assert.deepEqual(cpuErrors, ['[linli] WebGL2 is not available: drawing on the CPU']);
    assert.ok((await cpuPage.evaluate(() => window.linli.cpuFrameMs)).length >= 1, 'the frames were drawn on the CPU');

    // The same picture: text, cards and bars where WebGL2 puts them (glyph edges may
    // differ by a shade: WebGL2 filters the atlas, the CPU takes the nearest texel; so may
    // the anti-aliased fringe of 1-px control edges, now dark enough to be seen at 3:1:
    // 0.6% of this screen's pixels, all on those edges).
    assert.ok(pixelVariance(cpu) > 100, 'the CPU frame is not blank');
    const share = differing(gl, cpu);
    assert.ok(share < 0.01, `${(share * 100).toFixed(2)}% of the pixels differ`);
    // Glyphs drawn as an image are those a canvas draws.
    const glyphs = differing(held, cpu);
    assert.ok(glyphs < 0.005, `glyphs drawn as an image: ${(glyphs * 100).toFixed(2)}% of the pixels differ`);

    // And it answers taps: the first option, then the next question.
    await tap(cpuPage, '40 岁以下', { touch: true });
    let s = await waitState(cpuPage, (s) => (s.answer.answers || []).length > 0);
    await tap(cpuPage, '下一题 ›', { touch: true });
    s = await waitState(cpuPage, (s) => s.answer.step === 1);
    assert.equal(s.screen, 'answer');
    const next = await screenshot(cpuPage, 'renderer-cpu-next');
    assert.ok(differing(cpu, next) > 0.01, 'the next question is drawn');
  } finally {
    await withGL.close();
    await noGL.close();
    await server.close();
  }
});
