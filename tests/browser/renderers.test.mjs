// The two ways a frame reaches the screen: drawn on the CPU into a 2D canvas (a first
// visit's first frames, before the GPU process is up; and every frame where there is no
// WebGL2), and drawn with WebGL2. Both must show the same picture, and the app must work
// on either.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { launch, PHONE, openApp, pixelVariance, screenshot, serve, tap, waitState, watch } from './harness.mjs';

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
    // With WebGL2: once the GPU is up, its frames replace the CPU's canvas, which goes.
    const page = await withGL.newPage(PHONE);
    const errors = watch(page);
    await openApp(page, server.url, POLL);
    await page.waitForFunction(() => window.linli.drawnAt && !document.getElementById('first'), null, { timeout: 20000 });
    const gl = await settledShot(page, 'renderer-webgl2');
    assert.deepEqual(errors, []);

    // Without: every frame on the CPU, and the console says why.
    const cpuPage = await noGL.newPage(PHONE);
    const cpuErrors = watch(cpuPage);
    await openApp(cpuPage, server.url, POLL);
    const cpu = await settledShot(cpuPage, 'renderer-cpu');
    assert.equal(await cpuPage.evaluate(() => document.getElementById('first').width), 390 * 3, 'the CPU canvas has the frame at full resolution');
    assert.deepEqual(cpuErrors, ['[linli] WebGL2 is not available: drawing on the CPU']);
    assert.ok((await cpuPage.evaluate(() => window.linli.cpuFrameMs)).length >= 1, 'the frames were drawn on the CPU');

    // The same picture: text, cards and bars where WebGL2 puts them (glyph edges may
    // differ by a shade: WebGL2 filters the atlas, the CPU takes the nearest texel).
    assert.ok(pixelVariance(cpu) > 100, 'the CPU frame is not blank');
    const share = differing(gl, cpu);
    assert.ok(share < 0.005, `${(share * 100).toFixed(2)}% of the pixels differ`);

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
