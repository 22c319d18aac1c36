// Nothing a person entered is lost: saved to IndexedDB at once, there after a reload and
// after the browser is killed; and bundles from many devices merge to one state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  serve, launchDevice, openApp, state, tap, waitState, importFile, exportFile, waitSaved,
  watch, digest, CHROMIUM_ARGS,
} from './harness.mjs';
import { bundle, responses, response, editedNotice, text, SAMPLE } from './bundles.mjs';

let server;
const work = mkdtempSync(path.join(tmpdir(), 'linli-storage-'));
before(async () => { server = await serve(); });
after(async () => { await server?.close(); rmSync(work, { recursive: true, force: true }); });

function file(name, content) {
  const p = path.join(work, name);
  writeFileSync(p, content);
  return p;
}

test('imported data is saved at once and is all there after a reload', async () => {
  const { context } = await launchDevice();
  const page = await context.newPage();
  const errors = watch(page);
  await openApp(page, server.url);
  await waitSaved(page);
  const s0 = await state(page);
  assert.equal(s0.counts.response, 0);

  const s1 = await importFile(page, file('reload.json', text(bundle(responses(0, 25)))));
  assert.equal(s1.import.stage, 'done');
  assert.match(s1.import.message, /新增 25 份回答/);
  const saved = await waitSaved(page);
  assert.equal(saved.counts.response, 25);
  const held = await digest(page);

  await page.reload();
  await page.waitForFunction(() => window.linli && window.linli.ready);
  const s2 = await state(page);
  assert.equal(s2.counts.response, 25);
  assert.equal(await digest(page), held);
  assert.deepEqual(errors, []);
  await context.close();
});

// Chromium started by hand, so the test can kill its process outright.
async function startChromium(profile) {
  const proc = spawn('/usr/bin/chromium', [...CHROMIUM_ARGS, '--headless', `--user-data-dir=${profile}`,
    '--remote-debugging-port=0', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const ws = await new Promise((resolve, reject) => {
    let err = '';
    proc.stderr.on('data', (d) => {
      err += d;
      const m = err.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    proc.on('exit', () => reject(new Error('chromium exited: ' + err)));
  });
  const browser = await chromium.connectOverCDP(ws);
  return { proc, browser, context: browser.contexts()[0] };
}

test('after "Saved", killing the browser loses nothing', async (t) => {
  const profile = mkdtempSync(path.join(tmpdir(), 'linli-kill-'));
  let { proc, browser, context } = await startChromium(profile);
  t.after(() => { try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* already gone */ } });
  let page = await context.newPage();
  await openApp(page, server.url);
  await importFile(page, file('kill.json', text(bundle([...responses(100, 140), editedNotice(1795500000000, '停车公约（修订）')]))));
  const saved = await waitSaved(page);
  assert.equal(saved.counts.response, 40);
  const held = await digest(page);
  process.kill(-proc.pid, 'SIGKILL');  // the browser and every process it started
  await new Promise((r) => proc.once('exit', r));
  await browser.close().catch(() => {});

  ({ proc, browser, context } = await startChromium(profile));
  page = await context.newPage();
  await openApp(page, server.url);
  const back = await state(page);
  assert.equal(back.counts.response, 40);
  assert.equal(await digest(page), held);
  await tap(page, '公告');
  const board = await waitState(page, (s) => s.screen === 'notices');
  assert.ok(board.notices.some((n) => n.title === '停车公约（修订）'));
  await browser.close();
  process.kill(-proc.pid, 'SIGKILL');
  await new Promise((r) => proc.once('exit', r));
  rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
});

test('three devices export, a fourth imports them in two orders, twice: one state, nothing lost', async () => {
  // Overlapping data on three devices: shared responses, one notice edited twice, and one
  // response id written with different contents on two devices (a conflict to keep).
  const X = file('x.json', text(bundle([...responses(0, 40), editedNotice(1795500000000, '停车公约 v2')], { device: 'devx' })));
  const Y = file('y.json', text(bundle(responses(30, 70), { device: 'devy' })));
  const Z = file('z.json', text(bundle([...responses(60, 100), editedNotice(1795600000000, '停车公约 v3')], { device: 'devz' })));
  const W = file('w.json', text(bundle([response(5, { variant: 1, device: 'devw' }), ...responses(100, 110)], { device: 'devw' })));

  const exports = [];
  for (const [name, files] of [['a', [X, Y]], ['b', [Y, Z]], ['c', [Z, W]]]) {
    const { context } = await launchDevice();
    const page = await context.newPage();
    await openApp(page, server.url);
    for (const f of files) assert.equal((await importFile(page, f)).import.stage, 'done');
    await waitSaved(page);
    const dir = mkdtempSync(path.join(work, name));
    exports.push((await exportFile(page, dir)).file);
    await context.close();
  }
  assert.match(path.basename(exports[0]), /^linli-jingsong-garden-committee-\d{4}-\d\d-\d\d\.json$/);

  const results = [];
  for (const order of [[0, 1, 2], [2, 0, 1]]) {
    const { context } = await launchDevice();
    const page = await context.newPage();
    await openApp(page, server.url);
    const digests = [];
    for (let round = 0; round < 2; round++) {
      for (const i of order) assert.equal((await importFile(page, exports[i])).import.stage, 'done');
      await waitSaved(page);
      digests.push(await digest(page));
    }
    assert.equal(digests[0], digests[1], 'importing everything again changes nothing');
    const s = await state(page);
    await tap(page, '公告');
    const board = await waitState(page, (s) => s.screen === 'notices');
    results.push({ s, board, digest: digests[1] });
    await context.close();
  }
  const [one, two] = results;
  assert.equal(one.digest, two.digest, 'both orders give the same state');
  assert.equal(one.s.counts.response, 110, 'every response, once');
  assert.equal(one.s.conflicts, 1, 'the two versions of response 5 are both kept');
  assert.ok(one.board.notices.some((n) => n.title === '停车公约 v3'), 'the latest edit wins');
  assert.ok(!one.board.notices.some((n) => n.title === '停车公约 v2'));
});

test('with IndexedDB unavailable (as in some private modes) the app says so and keeps working in memory', async () => {
  const { context } = await launchDevice();
  await context.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { value: undefined }); });
  const page = await context.newPage();
  await openApp(page, server.url);
  const s = await state(page);
  assert.equal(s.save, 'memory_only');
  assert.notEqual(s.save_error, '');
  const done = await importFile(page, file('mem.json', text(bundle(responses(0, 3)))));
  assert.equal(done.counts.response, 3);
  assert.equal((await state(page)).save, 'memory_only');
  await context.close();
});

test('when storage is full the app says so and what to do, and keeps the data in memory', async () => {
  const { context } = await launchDevice();
  const page = await context.newPage();
  await openApp(page, server.url);
  await waitSaved(page);
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  const done = await importFile(page, file('full.json', text(bundle(responses(0, 5)))));
  assert.equal(done.counts.response, 5);
  const s = await waitState(page, (s) => s.save === 'failed');
  assert.match(s.save_error, /quota/i);
  await context.close();
});
