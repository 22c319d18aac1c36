// The hall screen (#/hall) on a landscape 1920×1080 display, at a fixed clock that the test
// moves on itself (Playwright's fake timers: the app's own timers and display refreshes run
// only when the test advances the clock): notices take turns of the period the committee
// set; no frame is drawn between turns; every text is at least 32 CSS px tall; an urgent
// notice scheduled for 10:01:10 interrupts at 10:01:10; today's duty and the open polls
// are beside the notices; nothing of the committee's data (households, the reception log)
// shows, though this device holds it with the tools on; and the heap does not grow turn
// after turn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, serve, launchDevice, openApp, tap, waitState, importFile, waitSaved, watch } from './harness.mjs';
import { SAMPLE, bundle, id, text } from './bundles.mjs';
import { enableTools } from './poll_steps.mjs';

const HALL = { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 };
const at = (hms) => new Date(`2026-12-08T${hms}+08:00`).getTime();
const URGENT = SAMPLE.records.find((r) => r.kind === 'notice' && r.urgent);
// A water cut, urgent, that the committee scheduled to show from 10:01:10.
const WATER = {
  id: id(1, 'c'), kind: 'notice', rev: '1795400000000-0-committee', topic: 'works', urgent: true,
  title: { zh: '今天 14:00 起 8 号楼停水两小时', en: 'Building 8: no water from 14:00 today' },
  body: { zh: '水泵检修，请提前储水。', en: 'Pump repairs: please keep some water.' },
  published_ms: 1795400000000, starts_ms: at('10:01:10'),
};
const HOUSEHOLDS = JSON.parse(readFileSync(path.join(ROOT, 'assets/sample/sample-households.json'), 'utf8'));
const RECEPTION_WORDS = HOUSEHOLDS.records.filter((r) => r.kind === 'reception')
  .flatMap((r) => [r.resident, r.concern, r.action, r.follow_up]).filter(Boolean);

let server;
const contexts = [];
const dir = mkdtempSync(path.join(tmpdir(), 'linli-hall-'));
before(async () => { server = await serve(); });
after(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await server?.close();
});
async function device(profile) {
  const { context } = await launchDevice(profile, HALL);
  contexts.push(context);
  return { context, page: context.pages()[0] || await context.newPage() };
}

// Moves the page's clock on, a display refresh at a time, until `done` holds.
async function advanceUntil(page, done, { step = 50, limit = 30000 } = {}) {
  for (let t = 0; t < limit; t += step) {
    if (await page.evaluate(done).catch(() => false)) return;  // (false while the page is still loading)
    await page.clock.runFor(step);
  }
  throw new Error('not reached: ' + done);
}
const hall = async (page) => (await page.evaluate(() => window.linli.state())).hall;
const framesNow = (page) => page.evaluate(() => window.linli.frames);
const texts = (page) => page.evaluate(() => window.linli.texts());
const now = (page) => page.evaluate(() => Date.now());
async function runTo(page, time) { await page.clock.runFor(time - await now(page)); }

test('the hall screen: turns at a fixed clock, 32 px text, no frames between turns, an urgent notice interrupts, no committee data', async () => {
  // The committee sets up the hall's display: its tools on, the households and the
  // reception log on it too, a notice scheduled, turns of 30 seconds.
  const profile = mkdtempSync(path.join(dir, 'profile-'));
  let { context, page } = await device(profile);
  await openApp(page, server.url);
  await enableTools(page);
  await importFile(page, path.join(ROOT, 'assets/sample/sample-households.json'));
  const file = path.join(dir, 'water.json');
  writeFileSync(file, text(bundle([WATER])));
  assert.equal((await importFile(page, file)).import.stage, 'done');
  await tap(page, '30 秒');
  await waitState(page, (s) => s.hall.seconds === 30);
  await waitSaved(page);
  await context.close();

  ({ context, page } = await device(profile));
  const errors = watch(page);
  await page.clock.install({ time: at('10:00:05') });
  page.goto(server.url + '#/hall').catch(() => {});
  await advanceUntil(page, () => window.linli && window.linli.ready);
  await page.clock.runFor(3000);  // start-up's own work (saving, the GPU's first answer) settles
  // The first glyphs come from the browser in real time; the frame that draws them is not
  // one of the turns' frames counted below.
  for (let i = 0; i < 200 && await page.evaluate(() => window.linli.fontsLoading) > 0; i++) {
    await page.waitForTimeout(50);
    await page.clock.runFor(50);
  }
  await page.clock.runFor(100);
  let h = await hall(page);
  assert.equal((await page.evaluate(() => window.linli.state())).screen, 'hall');
  assert.equal(h.seconds, 30);
  assert.equal(h.showing, URGENT.id, 'the urgent notice on the board comes first');

  // What it shows: all of it at least 32 CSS px tall, readable from a few metres.
  let shown = await texts(page);
  const small = shown.filter((t) => t.h < 32);
  assert.deepEqual(small.map((t) => `${t.label} (${t.h} px)`), [], 'no text under 32 px at 1920×1080');
  const words = shown.map((t) => t.label).join('\n');
  assert.ok(words.includes('紧急：' + URGENT.title.zh), 'the urgent band');
  assert.ok(words.includes('正在值班：09:00–12:00 陈阿姨'), 'who is on duty now');
  assert.ok(words.includes('• 我心中的社区生活'), 'an open poll');
  assert.ok(words.includes('参与方法'), 'and how to take part');
  for (const w of RECEPTION_WORDS) assert.ok(!words.includes(w), `no reception on the hall screen: ${w}`);
  assert.ok(!/m²|㎡|平方米|户码：|\d+\.\d\d/.test(words), 'no household areas or codes');

  // No frame between turns; a turn ends on the clock's round half-minute.
  assert.equal(h.next_ms, at('10:00:30'));
  const f0 = await framesNow(page);
  await runTo(page, at('10:00:29.900'));
  assert.equal(await framesNow(page), f0, 'nothing drawn between turns');
  await page.clock.runFor(200);
  h = await hall(page);
  assert.notEqual(h.showing, URGENT.id, 'the next notice');
  // A few frames settle a turn (more when its characters were never drawn before at this
  // size: they are drawn by the browser, and the frame waits for them).
  const perTurn = await framesNow(page) - f0;
  assert.ok(perTurn >= 1 && perTurn <= 8, `frames for one turn: ${perTurn}`);

  // The water cut comes on at 10:01:10, mid-turn, and is shown at once.
  await runTo(page, at('10:01:09.900'));
  assert.notEqual((await hall(page)).showing, WATER.id);
  await page.clock.runFor(200);
  assert.equal((await hall(page)).showing, WATER.id, 'the urgent notice interrupts');
  shown = (await texts(page)).map((t) => t.label);
  assert.ok(shown.includes('紧急：' + WATER.title.zh), 'and joins the red band');

  // An idle minute: a turn at :00 and :30 (the minute's change with the first).
  await runTo(page, at('10:02:00.500'));
  const m0 = await framesNow(page);
  await runTo(page, at('10:03:00.500'));
  const perMinute = await framesNow(page) - m0;
  assert.ok(perMinute >= 2 && perMinute <= 16, `frames in an idle minute: ${perMinute}`);

  // Turn after turn, the heap stays as it was (after a round of turns to warm up). It moves
  // by a few bytes from one notice to the next (by 2.4 KB once in several runs); a leak of
  // 24 bytes a turn would be 4.8 KB.
  await page.clock.runFor(30000 * 12);
  const turns0 = (await hall(page)).turns;
  const heap0 = await page.evaluate(() => window.linli.memory());
  await page.clock.runFor(30000 * 200);
  const turns1 = (await hall(page)).turns;
  const heap1 = await page.evaluate(() => window.linli.memory());
  assert.ok(turns1 - turns0 >= 199, `turns: ${turns1 - turns0}`);
  assert.equal(heap1.wasm_memory, heap0.wasm_memory, 'the wasm memory did not grow');
  assert.ok(heap1.heap_in_use - heap0.heap_in_use < 4096, `heap in use grew by ${heap1.heap_in_use - heap0.heap_in_use} bytes`);
  assert.deepEqual(errors, []);
  await context.close();
});
