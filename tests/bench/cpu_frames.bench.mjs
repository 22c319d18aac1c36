// Frames drawn on the CPU (src/raster/ through src/platform/web/software_renderer.cpp):
// what the first frame of a poll link costs when it comes that way, and what later frames
// cost. In a browser without WebGL (--disable-3d-apis), so that every frame is the CPU's;
// fresh browser per load, median of 5, unthrottled and at 4x CPU.
import { startServer } from '../../scripts/lib/static_server.mjs';
import { SITE, tap, waitState } from '../browser/harness.mjs';
import { median, onFreshPhone } from './measure.mjs';

const RUNS = Number(process.env.LINLI_BENCH_RUNS || 5);
const POLL = '670c1cd355555e3184be37c1dfe6c55b';
const server = await startServer({ root: SITE, port: 0 });

const load = (rate) => onFreshPhone(rate, null, async (page) => {
  await page.goto(server.url + '#/poll/' + POLL);
  await page.waitForFunction(() => window.linli && window.linli.ready, null, { timeout: 120000, polling: 20 });
  const [first, ui] = await page.evaluate(() => [window.linli.cpuFrameMs, window.linli.firstUiMs]);
  if (first.length < 1) throw new Error('the first frame was not drawn on the CPU');
  // Later frames: an answer, then each next question (each a new picture).
  const before = first.length;
  await tap(page, '40 岁以下', { touch: true });
  await waitState(page, (s) => (s.answer.answers || []).length > 0);
  await tap(page, '下一题 ›', { touch: true });
  await waitState(page, (s) => s.answer.step === 1);
  await page.waitForTimeout(300);
  const later = (await page.evaluate(() => window.linli.cpuFrameMs)).slice(before);
  return { ui, first: first[0], later: median(later), laterCount: later.length };
}, { args: ['--disable-3d-apis'] });

try {
  console.log(`\nFrames drawn on the CPU, 1170x2532 (a phone at DPR 3), no WebGL: fresh browser each load, median of ${RUNS}`);
  console.log('| conditions | first frame: building its UI ms (its glyphs measured, and drawn by the browser, included) | ' +
    'first frame: drawing and copying it out ms | later frames: the same, ms (median) |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, rate] of [['unthrottled', 1], ['4x CPU', 4]]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await load(rate));
    console.log(`| ${name} | ${median(runs.map((r) => r.ui)).toFixed(1)} | ${median(runs.map((r) => r.first)).toFixed(1)} ` +
      `(${runs.map((r) => r.first.toFixed(0)).join(', ')}) | ${median(runs.map((r) => r.later)).toFixed(1)} (${median(runs.map((r) => r.laterCount))} frames a load) |`);
  }
} finally {
  await server.close();
}
