// Notices at scale, and the hall screen left alone:
// - the board of a compound with 10,000 notices on a phone: the CPU time of frames while
//   the list is scrolled, and of the frame that searches all of them as a query is typed;
// - the hall screen at 1920×1080 (a fixed clock moved by Playwright's fake timers): frames
//   drawn in an idle minute, and the wasm heap over 10,000 turns.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/lib/static_server.mjs';
import { ROOT, openApp, importFile, waitSaved, waitState, tap, reveal, nextFrames } from '../browser/harness.mjs';
import { manyNotices } from './many_notices.mjs';
import { benchRunner, freshPhone, median } from './measure.mjs';

const N = 10000;

// Frame CPU times [UI ms, whole frame ms] of every frame drawn while `act` runs.
async function framesDuring(page, act) {
  await page.evaluate(() => {
    window.benchFrames = [];
    window.benchLast = window.linli.frames;
    window.benchOn = true;
    const step = () => {
      if (window.linli.frames !== window.benchLast) {
        window.benchLast = window.linli.frames;
        window.benchFrames.push([window.linli.uiMs, window.linli.frameMs]);
      }
      if (window.benchOn) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  await act();
  await nextFrames(page);
  return page.evaluate(() => { window.benchOn = false; return window.benchFrames; });
}

// LINLI_BENCH_PART=board or hall runs that part alone.
const part = process.env.LINLI_BENCH_PART || '';
const app = await startServer({ root: path.join(ROOT, 'build/web'), port: 0 });

// The search alone, in the bench runner (the same C++ as the app, built to wasm).
if (part !== 'hall') {
  const runner = await benchRunner();
  try {
    console.log(`\nSearch over ${N.toLocaleString('en')} notices as the board searches them (browser, wasm, best of 5)`);
    console.log('| query | ms | found |\n| --- | ---: | ---: |');
    for (const q of ['充电车棚', 'Notice 9999', '无此内容']) {
      const t = await runner.page.evaluate(([n, q]) => JSON.parse(Module.ccall('bench_search', 'string', ['number', 'string'], [n, q])), [N, q]);
      console.log(`| ${q} | ${t.best_ms.toFixed(1)} | ${t.found} |`);
    }
  } finally {
    await runner.close();
  }

  const work = mkdtempSync(path.join(tmpdir(), 'linli-bench-'));
  const file = path.join(work, 'notices.json');
  writeFileSync(file, JSON.stringify(manyNotices(N)));

  const phone = await freshPhone();
  try {
    const page = phone.page;
    await openApp(page, app.url);
    await importFile(page, file);
    await waitSaved(page, 120000);
    await tap(page, '公告');
    await waitState(page, (s) => s.screen === 'notices');
    await reveal(page, 'notice-search');
    await page.mouse.move(195, 600);
    const scrolling = await framesDuring(page, async () => {
      for (let i = 0; i < 60; i++) {
        await page.mouse.wheel(0, 400);
        await page.waitForTimeout(30);
      }
    });
    // Back to the top, then a query typed a character at a time (each one searches).
    for (let i = 0; i < 80; i++) await page.mouse.wheel(0, -4000);
    await nextFrames(page);
    const field = await reveal(page, 'notice-search');
    await page.mouse.click(field.x + 12, field.y + field.h / 2);
    await nextFrames(page);
    const typing = await framesDuring(page, async () => {
      await page.keyboard.type('充电');
      await page.keyboard.type('车棚');
    });
    const s = await waitState(page, (s) => s.board.query === '充电车棚');
    const ui = (xs) => xs.map((x) => x[0]), all = (xs) => xs.map((x) => x[1]);
    console.log(`\nThe notice board with ${N.toLocaleString('en')} notices (app, phone-sized page): frame CPU time`);
    console.log('| | frames | UI ms, median | UI ms, slowest | whole frame ms, median |\n| --- | ---: | ---: | ---: | ---: |');
    const row = (name, xs) => console.log(`| ${name} | ${xs.length} | ${median(ui(xs)).toFixed(2)} | ${Math.max(...ui(xs)).toFixed(2)} | ${median(all(xs)).toFixed(1)} |`);
    row('scrolling the board (60 wheel steps)', scrolling);
    row('typing 充电车棚 into the search (its frames search all of them)', typing);
    console.log(`| cards laid out in a frame | ${s.board.cards_drawn} of ${s.notices.length} found |`);
  } finally {
    await phone.close();
  }
}

// The hall screen left alone for a minute, then for 10,000 turns of 20 s (55 days of clock).
if (part !== 'board') {
  const hall = await freshPhone({ options: { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 } });
  try {
    const page = hall.page;
    const start = new Date('2026-12-08T10:00:05+08:00').getTime();
    await page.clock.install({ time: start });
    page.goto(app.url + '#/hall').catch(() => {});
    for (let t = 0; t < 30000; t += 50) {
      if (await page.evaluate(() => window.linli && window.linli.ready).catch(() => false)) break;
      await page.clock.runFor(50);
    }
    // Start-up settles, and every notice is drawn once: its glyphs come from the browser in
    // real time, and a frame waiting for them holds the turns back (fake time runs ahead).
    for (let round = 0; round < 200; round++) {
      await page.clock.runFor(20000);
      await page.waitForTimeout(50);
      const s = await page.evaluate(() => [window.linli.fontsLoading, window.linli.state().hall.turns]);
      if (s[0] === 0 && s[1] >= 12) break;
    }
    const minutes = 10;
    const f0 = await page.evaluate(() => window.linli.frames);
    await page.clock.runFor(minutes * 60000);
    const perMinute = (await page.evaluate(() => window.linli.frames) - f0) / minutes;
    console.log('\nThe hall screen, 1920×1080, the sample compound, 20 s turns (fake clock)');
    console.log(`frames drawn in an idle minute (mean of ${minutes}): ${perMinute.toFixed(1)}`);
    console.log('| turns run | wasm heap in use, bytes | wasm memory, MB | real time, s |\n| ---: | ---: | ---: | ---: |');
    const turns = async () => (await page.evaluate(() => window.linli.state())).hall.turns;
    const t0 = await turns();
    const wall = Date.now();
    for (let k = 0; k < 10; k++) {
      await page.clock.runFor(1000 * 20000);
      const m = await page.evaluate(() => window.linli.memory());
      console.log(`| ${(await turns() - t0).toLocaleString('en')} | ${m.heap_in_use} | ${(m.wasm_memory / 1048576).toFixed(1)} | ${((Date.now() - wall) / 1000).toFixed(0)} |`);
    }
  } finally {
    await hall.close();
  }
}
await app.close();
