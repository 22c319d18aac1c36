// Polls at scale in the browser: the tally of 100,000 responses x 10 questions (the same
// C++ as the app, in the bench runner), and the frame CPU time of the app's results
// screen showing that poll.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/lib/static_server.mjs';
import { ROOT, openApp, importFile, waitSaved, waitState, tap, state } from '../browser/harness.mjs';
import { bigBundle } from './big_bundle.mjs';
import { benchRunner, freshPhone, median } from './measure.mjs';

const runner = await benchRunner();
try {
  const page = runner.page;
  const t = await page.evaluate(() => JSON.parse(UTF8ToString(Module._bench_tally(100000))));
  console.log('\nTally of 100,000 responses x 10 questions (browser, wasm, best of 3)');
  console.log(`| tally | ${t.best_ms.toFixed(0)} ms (mean ${t.mean_ms.toFixed(0)} ms) |`);
} finally {
  await runner.close();
}

const work = mkdtempSync(path.join(tmpdir(), 'linli-bench-'));
const big = path.join(work, 'ten-questions.json');
writeFileSync(big, JSON.stringify(bigBundle(100000)));
const app = await startServer({ root: path.join(ROOT, 'build/web'), port: 0 });
const b2 = await freshPhone();
try {
  const page = b2.page;
  await openApp(page, app.url);
  await tap(page, '数据');
  await tap(page, '在本设备上显示工具');
  await waitState(page, (s) => s.tools);
  await importFile(page, big);
  await waitSaved(page, 120000);
  await tap(page, '投票');
  await tap(page, '十题问卷');
  await waitState(page, (s) => s.screen === 'poll');
  // Frame times on the poll screen first (no tally), then on the results screen.
  const sample = (n) => page.evaluate((n) => new Promise((resolve) => {
    const out = [];
    const step = () => {
      out.push([window.linli.uiMs, window.linli.frameMs]);
      if (out.length < n) requestAnimationFrame(step); else resolve(out);
    };
    requestAnimationFrame(step);
  }), n);
  const pollFrames = await sample(60);
  // Record every frame from the tap on, to catch the one that computes the tally.
  await page.evaluate(() => {
    window.benchFrames = [];
    const step = () => {
      window.benchFrames.push([window.linli.uiMs, window.linli.frameMs]);
      if (window.benchFrames.length < 1000) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  await tap(page, '查看实时统计');
  // No state() calls here: they would compute the tally outside a frame.
  await page.waitForFunction(() => window.benchFrames.length >= 60, null, { timeout: 120000 });
  const steady = await sample(120);
  const during = await page.evaluate(() => window.benchFrames);
  const first = [during.reduce((a, b) => (b[0] > a[0] ? b : a), [0, 0])];
  const s = await state(page);
  console.log('\nThe results screen of a poll with 100,000 responses x 10 questions (app, phone-sized page, tools on)');
  const ui = (xs) => xs.map((x) => x[0]), all = (xs) => xs.map((x) => x[1]);
  console.log('| | UI ms (input, ImGui, screens) | whole frame ms (with SwiftShader GL) |\n| --- | ---: | ---: |');
  console.log(`| poll screen, median of 60 frames | ${median(ui(pollFrames)).toFixed(2)} | ${median(all(pollFrames)).toFixed(1)} |`);
  console.log(`| results screen, the frame that computes the tally | ${ui(first)[0].toFixed(0)} | ${all(first)[0].toFixed(0)} |`);
  console.log(`| results screen, median of 120 frames (tally cached) | ${median(ui(steady)).toFixed(2)} | ${median(all(steady)).toFixed(1)} |`);
  console.log(`| results screen, slowest of those 120 | ${Math.max(...ui(steady)).toFixed(2)} | ${Math.max(...all(steady)).toFixed(1)} |`);
  console.log(`| counted | ${s.tally.counted} |`);
} finally {
  await b2.close();
  await app.close();
}
