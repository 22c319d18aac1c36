// A damaged disk does not lock the user out: the stored files are damaged through the
// page's own storage (IndexedDB's '/data' database, Emscripten's IDBFS, as a failing disk
// or a crash would leave them), the page reloads, and the app starts, shows what it
// recovered, and keeps what was damaged aside.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  serve, launchDevice, openApp, state, tap, waitState, importFile, waitSaved, watch,
} from './harness.mjs';
import { bundle, responses, text, SAMPLE, SURVEY } from './bundles.mjs';

const NEEDS = SAMPLE.records.find((r) => r.kind === 'poll' && r.type === 'needs');

let server;
const work = mkdtempSync(path.join(tmpdir(), 'linli-recovery-'));
const opened = [];
before(async () => { server = await serve(); });
after(async () => {
  for (const c of opened) await c.close().catch(() => {});
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

async function device() {
  const d = await launchDevice();
  opened.push(d.context);
  const page = await d.context.newPage();
  return { page, errors: watch(page) };
}

function file(name, content) {
  const p = path.join(work, name);
  writeFileSync(p, content);
  return p;
}

// Every file IDBFS holds for /data: path -> its text (directories left out).
async function storedFiles(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('/data');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result, out = {};
      const cur = db.transaction('FILE_DATA').objectStore('FILE_DATA').openCursor();
      cur.onerror = () => reject(cur.error);
      cur.onsuccess = () => {
        const c = cur.result;
        if (!c) { db.close(); resolve(out); return; }
        if (c.value.contents) out[String(c.key)] = new TextDecoder().decode(c.value.contents);
        c.continue();
      };
    };
  }));
}

// Changes one stored file's bytes as damage would: only its contents, its timestamp kept
// (so a sync from the page, which compares timestamps, never writes over the damage).
// `edit(text, arg)` runs in the page.
async function damage(page, filePath, edit, arg) {
  await page.evaluate(([filePath, editSrc, arg]) => new Promise((resolve, reject) => {
    const edit = new Function('text', 'arg', 'return (' + editSrc + ')(text, arg)');
    const req = indexedDB.open('/data');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('FILE_DATA', 'readwrite');
      const files = tx.objectStore('FILE_DATA');
      const get = files.get(filePath);
      get.onsuccess = () => {
        const entry = get.result;
        if (!entry) return reject(new Error('no stored file ' + filePath));
        entry.contents = new TextEncoder().encode(edit(new TextDecoder().decode(entry.contents), arg));
        files.put(entry, filePath);
      };
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), [filePath, edit.toString(), arg]);
}

// The banner over the screen says what was found; a tap opens the data screen, which
// shows it. Then, once saved: the damaged `file` is kept aside in IndexedDB exactly as
// `damaged`. Returns every stored file.
async function toNotesThenStored(page, file, damaged) {
  await tap(page, '数据有需要注意的情况，点此查看');
  await waitState(page, (s) => s.screen === 'data');
  await waitSaved(page);
  const stored = await storedFiles(page);
  const kept = Object.keys(stored).filter((k) => k.startsWith(file + '.damaged-'));
  assert.equal(kept.length, 1);
  assert.equal(stored[kept[0]], damaged);
  return stored;
}

async function reload(page) {
  await page.reload();
  await page.waitForFunction(() => window.linli && window.linli.ready, null, { timeout: 30000 });
  return state(page);
}

// A device holding the sample (its first visit) and five answers imported later the same
// day: that import's first change kept a snapshot of the sample; the answers are in the
// journal.
async function deviceWithAnswers(name) {
  const d = await device();
  await openApp(d.page, server.url);
  await waitSaved(d.page);
  const s = await importFile(d.page, file(name, text(bundle(responses(0, 5)))));
  assert.equal(s.import.stage, 'done');
  const saved = await waitSaved(d.page);
  assert.equal(saved.counts.response, 5);
  assert.equal(saved.snapshots.length, 1);
  return d;
}

test('ten bytes cut off the data file: the app starts from the snapshot and the journal, and says so', async () => {
  const { page, errors } = await deviceWithAnswers('cut.json');
  const before = await state(page);
  await damage(page, '/data/editable.json', (t) => t.slice(0, -10));
  const cut = (await storedFiles(page))['/data/editable.json'];

  const s = await reload(page);
  assert.equal(s.counts.response, 5, 'the answers, from the journal');
  assert.equal(s.counts.notice, before.counts.notice, 'notices and polls, from the snapshot');
  assert.equal(s.counts.poll, before.counts.poll);
  assert.equal(s.device, before.device, 'the same device');
  assert.equal(s.store_notes.length, 2, JSON.stringify(s.store_notes));
  assert.match(s.store_notes[0], /^editable\.json 已损坏，无法读取；原文件已原样保留为 editable\.json\.damaged-\d{8}T\d{4}。$/);
  assert.match(s.store_notes[1], /本机数据已从 \d{4}-\d\d-\d\d 的快照（\d+ 条记录）和保存的回答中恢复/);

  // The damaged file is kept as it was, beside a new data file, in IndexedDB.
  const stored = await toNotesThenStored(page, '/data/editable.json', cut);
  assert.ok(JSON.parse(stored['/data/editable.json']).records.length > 0);

  // Started again, all is well and nothing more is said.
  const again = await reload(page);
  assert.deepEqual(again.store_notes, []);
  assert.equal(again.counts.response, 5);
  assert.deepEqual(errors, []);
});

test('one changed hex digit in a saved answer: that entry is left out and said; the rest load', async () => {
  const { page, errors } = await deviceWithAnswers('digit.json');
  await damage(page, '/data/responses/tail.ndjson', (t, poll) => {
    const lines = t.split('\n');
    const at = lines[2].indexOf(poll) + 5;  // a hex digit of the poll the third answer is for
    lines[2] = lines[2].slice(0, at) + (lines[2][at] === 'a' ? 'b' : 'a') + lines[2].slice(at + 1);
    return lines.join('\n');
  }, SURVEY.id);
  const changed = (await storedFiles(page))['/data/responses/tail.ndjson'];

  const s = await reload(page);
  assert.equal(s.counts.response, 4);
  assert.equal(s.store_notes.length, 1, JSON.stringify(s.store_notes));
  assert.match(s.store_notes[0], /^1 条保存的记录（回答）已损坏（校验和不符），未读入；原文件已原样保留为 responses\/tail\.ndjson\.damaged-/);
  const stored = await toNotesThenStored(page, '/data/responses/tail.ndjson', changed);
  assert.equal(stored['/data/responses/tail.ndjson'].trim().split('\n').length, 4);
  assert.deepEqual(errors, []);
});

test('a rev whose counter is full in the stored data: the next ballot still saves', async () => {
  const { page, errors } = await device();
  await openApp(page, server.url);
  await waitSaved(page);
  // As a kiosk's bundle may leave it: a rev an hour ahead, its counter at 999,999,999.
  const ahead = `${Date.now() + 3600000}-999999999-kiosk`;
  await damage(page, '/data/editable.json', (t, rev) => t.replace(/"rev":"[^"]+"/, `"rev":"${rev}"`), ahead);
  const s0 = await reload(page);
  assert.deepEqual(s0.store_notes, []);

  await page.evaluate((id) => { location.hash = '#/poll/' + id; }, NEEDS.id);
  await waitState(page, (s) => s.screen === 'answer' && s.answer.stage === 'question');
  await tap(page, '停车位不够', { touch: true });
  await tap(page, '提交', { touch: true });
  const done = await waitState(page, (s) => s.answer.stage === 'thanks' || s.answer.error !== '');
  assert.equal(done.answer.error, '');
  assert.equal(done.answer.stage, 'thanks');
  const saved = await waitSaved(page);
  assert.equal(saved.counts.response, 1);
  assert.equal(saved.save_error, '');
  const again = await reload(page);
  assert.equal(again.counts.response, 1, 'the ballot is there after a restart');
  assert.deepEqual(errors, []);
});
