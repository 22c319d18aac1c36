// A resident opens a poll link (#/poll/<id>) on a first visit: the bytes that cross the
// network (counted by the server, headers and body, as scripts/serve serves: precompressed,
// ETags) and the time until the first question is drawn and answers taps. Each load in a
// freshly started browser (an empty profile), median of 5, unthrottled and at 4x CPU +
// "fast 3G" through the DevTools protocol. Beside it, in the same runs (each Linli load
// followed by one of Enketo's), Enketo 9.0.1 showing the same 5 questions as an ODK form
// (tests/bench/enketo/, built by its build.mjs), served gzipped; and the figures the issue
// measured for Enketo.
// "Usable" is when the first question's frame has been handed to the browser (drawn on the
// CPU and handed over as an ImageBitmap, or with WebGL2) and taps are taken (window.linli.readyAt); "drawn"
// when the GPU has finished drawing WebGL2's first frame (drawnAt), which here, with a
// software GPU, comes long after. Then a tap on an option at once, and how long until it
// is answered.
// Then the same unthrottled on a system with no Chinese font: what Linli's font costs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/lib/static_server.mjs';
import { ROOT, SITE, withoutChineseFonts } from '../browser/harness.mjs';
import { FAST_3G, kb, median, onFreshPhone } from './measure.mjs';

const RUNS = Number(process.env.LINLI_BENCH_RUNS || 5);
const POLL = '670c1cd355555e3184be37c1dfe6c55b';  // the sample's 5-question survey, in Chinese

let sent = [];
const server = await startServer({ root: SITE, port: 0, onResponse: (r) => sent.push(r) });
const total = () => sent.reduce((a, r) => a + r.bytes, 0);
const enketoServer = await startServer({ root: path.join(ROOT, 'build/enketo/site'), port: 0, onResponse: (r) => sent.push(r) });

async function visit(cpuRate, network, env) {
  sent = [];
  return onFreshPhone(cpuRate, network, async (page) => {
    await page.goto(server.url + '#/poll/' + POLL);
    await page.waitForFunction(() => window.linli && window.linli.ready, null, { timeout: 120000, polling: 20 });
    const [usableMs, origin] = await page.evaluate(() => [window.linli.readyAt, performance.timeOrigin]);
    const drawnMs = await page.waitForFunction(() => window.linli.drawnAt, null, { timeout: 60000, polling: 10 })
      .then((h) => h.jsonValue());
    const usableAt = origin + usableMs;
    const atUsable = sent.filter((r) => r.at <= usableAt).reduce((a, r) => a + r.bytes, 0);
    // Usable means: the first question is on the screen, and a tap on an option answers it.
    const s = await page.evaluate(() => window.linli.state());
    if (s.screen !== 'answer') throw new Error(`the link opened "${s.screen}", not the question`);
    const option = await page.evaluate(() => window.linli.widgets().find((w) => w.label === '40 岁以下'));
    if (!option) throw new Error('no option of the first question is drawn');
    const tapAt = await page.evaluate(() => performance.now());
    await page.touchscreen.tap(option.x + option.w / 2, option.y + option.h / 2);
    await page.waitForFunction(() => (window.linli.state().answer.answers || []).length > 0, null, { timeout: 30000, polling: 5 });
    const tapMs = await page.evaluate((t) => performance.now() - t, tapAt);
    // The rest of the first visit: the service worker keeping the app for offline use.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForTimeout(1500);
    const files = Object.fromEntries(sent.filter((r) => r.status === 200).map((r) => [r.path, r.encoding]));
    const fonts = sent.filter((r) => r.path.startsWith('/fonts/'));
    return {
      usableMs, drawnMs, atUsable, tapMs, visit: total(), requests: sent.length, files,
      fonts: fonts.map((r) => r.path.slice('/fonts/'.length)), fontBytes: fonts.reduce((a, r) => a + r.bytes, 0),
      fontsMs: Math.max(0, ...fonts.map((r) => r.at - origin)),
    };
  }, { env });
}

// Enketo's first visit of the same questions: usable when its form is initialised and the
// first question is on the page (tests/bench/enketo/main.js), then a tap on an option checks it.
async function enketoVisit(cpuRate, network) {
  sent = [];
  return onFreshPhone(cpuRate, network, async (page) => {
    await page.goto(enketoServer.url);
    await page.waitForFunction(() => window.enketo && window.enketo.ready, null, { timeout: 120000, polling: 20 });
    const [usableMs, origin] = await page.evaluate(() => [window.enketo.readyAt, performance.timeOrigin]);
    const atUsable = sent.filter((r) => r.at <= origin + usableMs).reduce((a, r) => a + r.bytes, 0);
    const drawnMs = await page.waitForFunction(() => window.enketo.drawnAt, null, { timeout: 60000, polling: 10 })
      .then((h) => h.jsonValue());
    // Tapped as Linli's option is: where the page drew it, found before the clock starts.
    const box = await page.getByText('40 岁以下', { exact: true }).boundingBox();
    const tapAt = await page.evaluate(() => performance.now());
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => document.querySelector('input[name="/data/q1"][value="a1"]').checked, null, { timeout: 30000, polling: 5 })
      .catch(() => { throw new Error('Enketo did not take the tap'); });
    const tapMs = await page.evaluate((t) => performance.now() - t, tapAt);
    return { usableMs, drawnMs, atUsable, tapMs };
  });
}

// The floor for any WebGL page on this machine: a page (delivered by the bench, nothing to
// download) that only makes a WebGL2 context, clears it and reads a pixel back, which
// waits for the GPU process (here SwiftShader, Chromium's software GPU) to have done it.
const FLOOR_PAGE = `<!doctype html><canvas id="c" style="width:100vw;height:100vh"></canvas><script>
  const c = document.getElementById('c');
  c.width = innerWidth * devicePixelRatio; c.height = innerHeight * devicePixelRatio;
  const gl = c.getContext('webgl2', { alpha: false, depth: false, stencil: false, antialias: false });
  gl.clearColor(0.04, 0.4, 0.38, 1); gl.clear(gl.COLOR_BUFFER_BIT);
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  window.drawnAt = performance.now();
</script>`;
const webglFloor = (cpuRate) => onFreshPhone(cpuRate, null, async (page) => {
  await page.route('**/webgl-floor.html', (route) => route.fulfill({ contentType: 'text/html', body: FLOOR_PAGE }));
  await page.goto(server.url + 'webgl-floor.html');
  return page.waitForFunction(() => window.drawnAt).then((h) => h.jsonValue());
});

try {
  console.log(`\nPoll link, first visit (#/poll/${POLL}): fresh browser each load, median of ${RUNS}`);
  console.log('| conditions | transferred until usable KB | whole first visit KB | usable after ms | all runs ms | drawn by the GPU ms |');
  console.log('| --- | ---: | ---: | ---: | --- | ---: |');
  let encodings = null;
  const taps = [];
  for (const [name, rate, network] of [['unthrottled', 1, null], ['4x CPU + fast 3G', 4, FAST_3G]]) {
    const runs = [], enketo = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await visit(rate, network));
      enketo.push(await enketoVisit(rate, network));
    }
    encodings = runs[0].files;
    console.log(`| Linli, ${name} | ${kb(median(runs.map((r) => r.atUsable)))} | ${kb(median(runs.map((r) => r.visit)))} | ` +
      `${median(runs.map((r) => r.usableMs)).toFixed(0)} | ${runs.map((r) => r.usableMs.toFixed(0)).join(', ')} | ` +
      `${median(runs.map((r) => r.drawnMs)).toFixed(0)} |`);
    console.log(`| Enketo 9.0.1, the same runs, ${name} | ${kb(median(enketo.map((r) => r.atUsable)))} | | ` +
      `${median(enketo.map((r) => r.usableMs)).toFixed(0)} | ${enketo.map((r) => r.usableMs.toFixed(0)).join(', ')} | ` +
      `${median(enketo.map((r) => r.drawnMs)).toFixed(0)} (first option painted) |`);
    taps.push(`${name}: Linli ${median(runs.map((r) => r.tapMs)).toFixed(0)} ms, Enketo ${median(enketo.map((r) => r.tapMs)).toFixed(0)} ms`);
  }

  console.log('| Enketo 9.0.1, 5-question Chinese form (the issue\'s figures) | 297 (gzip) | | 400–490 / 2,400 (4x CPU + fast 3G) | | |');
  for (const [name, rate] of [['unthrottled', 1], ['4x CPU', 4]]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await webglFloor(rate));
    console.log(`| floor: a WebGL2 context cleared once, nothing downloaded (${name}) | 0 | 0 | ` +
      `${median(runs).toFixed(0)} | ${runs.map((t) => t.toFixed(0)).join(', ')} | the same (its pixel read back) |`);
  }
  console.log('\nA tap on the first option as soon as the page is usable, until it is answered (median; from the ' +
    `harness's tap at the option's middle to the answer showing in window.linli.state() or the radio button): ${taps.join('; ')}`);
  console.log('\nFiles sent in full on a first visit, with their encoding: ' +
    Object.entries(encodings).map(([p, e]) => `${p} (${e || 'identity'})`).join(', '));

  // A device without Chinese fonts: the first frame has boxes for the Chinese characters,
  // and draws them again once the slices of Linli's font holding them have arrived.
  const work = mkdtempSync(path.join(tmpdir(), 'linli-bench-fonts-'));
  try {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await visit(1, null, withoutChineseFonts(work)));
    console.log('\nThe same link on a system with no Chinese font (fontconfig limited to DejaVu), unthrottled');
    console.log('| whole first visit KB | of which Linli\'s font KB | font files | first frame ms | last font file sent ms |');
    console.log('| ---: | ---: | --- | ---: | ---: |');
    console.log(`| ${kb(median(runs.map((r) => r.visit)))} | ${kb(median(runs.map((r) => r.fontBytes)))} | ` +
      `${runs[0].fonts.join(', ')} | ${median(runs.map((r) => r.usableMs)).toFixed(0)} | ${median(runs.map((r) => r.fontsMs)).toFixed(0)} |`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
} finally {
  await server.close();
  await enketoServer.close();
}
