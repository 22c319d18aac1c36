// The duty roster and the reception log, at a fixed clock (Tuesday 8 December 2026,
// 10:00 in Shanghai), through the canvas: who is on duty now on the board; the committee
// adds a slot, and one that overlaps the volunteer's own is refused with the reason and
// saves nothing; a reception is written with the volunteer on duty filled in, corrected,
// exported as CSV (read back by Python's csv module, BOM and columns) and never found in a
// public export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PHONE, serve, launch, openApp, state, tap, waitState, digest, findWidget, watch, exportFile, importFile, waitSaved, nextFrames } from './harness.mjs';
import { enableTools, typeInto, screenText } from './poll_steps.mjs';
import { SAMPLE, bundle, id, text as json } from './bundles.mjs';

const NOW = new Date('2026-12-08T10:00:00+08:00');
let server, browser;
const dir = mkdtempSync(path.join(tmpdir(), 'linli-roster-'));
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function phoneAt(time) {
  const context = await browser.newContext({ ...PHONE, acceptDownloads: true });
  const page = await context.newPage();
  await page.clock.setFixedTime(time);
  return { context, page };
}

test('the board says who is on duty now; the committee adds a slot, an overlapping one is refused', async () => {
  const { context, page } = await phoneAt(NOW);
  const errors = watch(page);
  await openApp(page, server.url);
  let text = await screenText(page);
  // The sample's December roster: 陈阿姨 at the east gate from 9 to 12 on the 8th.
  assert.ok(text.includes('正在值班') && text.includes('09:00–12:00 陈阿姨 · 门岗接待 · 东门门岗'), text);
  await tap(page, '今天和本周的值班', { touch: true });
  text = await screenText(page);
  assert.ok(text.includes('12月13日 周日'), 'the week runs to Sunday');
  assert.ok(!text.includes('12月14日'), 'and no further');

  await enableTools(page);
  await tap(page, '公告');
  await tap(page, '值班表');
  await typeInto(page, 'slot-day', '2026-12-08');
  await typeInto(page, 'slot-from', '11:00');
  await typeInto(page, 'slot-to', '13:00');
  await typeInto(page, 'slot-volunteer', '陈阿姨');
  await waitSaved(page);
  const before = await digest(page);
  await tap(page, '添加到值班表');
  await nextFrames(page);
  text = await screenText(page);
  assert.ok(text.includes('陈阿姨 在 2026-12-08 09:00–12:00 已有值班'), text);
  assert.equal(await digest(page), before, 'a refused slot changes nothing');
  await typeInto(page, 'slot-volunteer', '周师傅');
  await tap(page, 'duty_role.patrol');
  await tap(page, '添加到值班表');
  await waitState(page, (s) => s.board.done === '已添加到值班表。');
  await tap(page, '公告');  // the tab: back to the board
  await findWidget(page, '收起本周值班');
  text = await screenText(page);
  assert.ok(text.includes('11:00–13:00 周师傅 · 巡逻'), 'in the week');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a roster of 1,000 slots: a month lays out only what is near the screen; a slot is changed in place, refused if it overlaps, and removed', async () => {
  // The clock runs from NOW: the browser's storage (Emscripten's IDBFS) writes out a file
  // only when its time stamp changed, and under a clock stopped at NOW nothing would be
  // written after the first save, and nothing would be there after the reload below.
  const context = await browser.newContext({ ...PHONE });
  const page = await context.newPage();
  await page.clock.setSystemTime(NOW);
  const errors = watch(page);
  await openApp(page, server.url);
  await enableTools(page);
  // 1,000 slots in December, about 32 a day: one volunteer each, an hour long.
  const at = (day, h, m = 0) => new Date(`2026-12-${String(day).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`).getTime();
  const slots = [];
  for (let n = 0; n < 1000; n++) {
    const day = n === 1 ? 1 : 1 + (n % 31), h = 6 + Math.floor(n / 31) % 16, m = n === 1 ? 30 : 0;
    slots.push({ id: id(n, 'd'), kind: 'duty', rev: `${1795400000000 + n}-0-testdevice`, starts_ms: at(day, h, m),
      ends_ms: at(day, h + 1, m), volunteer: `志愿者${n}`, role: 'patrol', place: { zh: '', en: '' } });
  }
  const file = path.join(dir, 'roster-1000.json');
  writeFileSync(file, json(bundle(slots)));
  assert.equal((await importFile(page, file)).import.stage, 'done');
  const dec = SAMPLE.records.filter((r) => r.kind === 'duty' && r.starts_ms < at(31, 24) + 1 && r.ends_ms > at(1, 0)).length;
  await tap(page, '‹ 返回');
  await tap(page, '公告');
  await tap(page, '值班表');
  let text = await screenText(page);
  assert.ok(text.includes(`这个月共 ${1000 + dec} 个值班`), text.slice(0, 400));
  let s = await state(page);
  assert.ok(s.board.slots_drawn > 0 && s.board.slots_drawn < 60, `cards laid out: ${s.board.slots_drawn}`);

  // The first of the month (06:00 on the 1st) opens in the form.
  await tap(page, id(0, 'd'));
  s = await waitState(page, (s, x) => s.board.slot_editing === x, id(0, 'd'));
  text = await screenText(page);
  assert.ok(text.includes('修改这个值班'), 'the form says it changes a slot');
  // Longer, into 志愿者1's own slot's time with 志愿者1 on it: refused, with the reason.
  await typeInto(page, 'slot-to', '09:00');
  await typeInto(page, 'slot-volunteer', '志愿者1');
  await waitSaved(page);
  const before = await digest(page);
  await tap(page, '保存修改');
  await nextFrames(page);
  text = await screenText(page);
  assert.ok(text.includes('志愿者1 在 2026-12-01 06:30–07:30 已有值班'), text.slice(0, 600));
  assert.equal(await digest(page), before, 'a refused change changes nothing');
  // Back to its own volunteer: saved, in place (the same slot, not a new one).
  await typeInto(page, 'slot-volunteer', '志愿者0');
  await tap(page, '保存修改');
  s = await waitState(page, (s) => s.board.done === '值班已修改。');
  assert.equal(s.board.slot_editing, '');
  text = await screenText(page);
  assert.ok(text.includes(`这个月共 ${1000 + dec} 个值班`) && text.includes('06:00–09:00 志愿者0 · 巡逻'), 'changed, not added');

  // Removed: one fewer, and after a reload too.
  await tap(page, id(0, 'd'));
  await waitState(page, (s, x) => s.board.slot_editing === x, id(0, 'd'));
  await tap(page, '从值班表删除');
  await waitState(page, (s) => s.board.done === '已从值班表删除。');
  await waitSaved(page);
  await page.reload();
  await openApp(page, server.url);
  await tap(page, '公告');
  await tap(page, '值班表');
  text = await screenText(page);
  assert.ok(text.includes(`这个月共 ${999 + dec} 个值班`) && !text.includes('志愿者0 '), text.slice(0, 400));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reception is written by the volunteer on duty, corrected, exported as CSV, and never public', async () => {
  const { context, page } = await phoneAt(NOW);
  await openApp(page, server.url);
  await enableTools(page);
  await tap(page, '公告');
  await tap(page, '接待记录');
  await tap(page, '新增接待记录');
  await typeInto(page, 'rec-resident', '7-201 邬女士');
  await typeInto(page, 'rec-concern', '楼下车棚的充电插座坏了，请帮忙报修, 谢谢');
  await tap(page, '保存记录');
  await waitState(page, (s) => s.board.done === '接待记录已保存。');
  let text = await screenText(page);
  assert.ok(text.includes('陈阿姨'), 'the volunteer on reception duty now is filled in');
  // A tap on it corrects it: a new record; the first is kept, marked.
  await tap(page, '7-201 邬女士');
  await typeInto(page, 'rec-action', '已报物业，周四修好');
  await tap(page, '保存记录');
  await waitState(page, (s) => s.board.done === '接待记录已保存。');
  text = await screenText(page);
  assert.ok(text.includes('共 1 条') && text.includes('更正了 1 条早先的记录'), text);
  await waitSaved(page);

  const [download] = await Promise.all([page.waitForEvent('download'), tap(page, '导出接待记录（CSV，可用 Excel 打开）')]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const bytes = readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM, so Excel reads Chinese');
  const rows = JSON.parse(execFileSync('/usr/bin/python3', ['-c',
    'import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(open(sys.argv[1], encoding="utf-8-sig").read(), newline="")))))',
    file], { encoding: 'utf8' }));
  assert.deepEqual(rows[0], ['时间', '来访居民', '反映的问题', '处理情况', '后续跟进', '接待志愿者', '记录编号', '更正的记录', '状态']);
  assert.equal(rows.length, 3);
  assert.equal(rows[1][2], '楼下车棚的充电插座坏了，请帮忙报修, 谢谢');
  assert.equal(rows[1][8], '已被更正');
  assert.equal(rows[2][7], rows[1][6]);
  assert.equal(rows[2][5], '陈阿姨');

  // Committee data: in the committee's export, never in the public one.
  const kinds = (text) => new Set(JSON.parse(text).records.map((r) => r.kind));
  const pub = readFileSync((await exportFile(page, dir, { scope: 'public' })).file, 'utf8');
  assert.ok(!pub.includes('邬女士') && !pub.includes('充电插座坏了') && !kinds(pub).has('reception'), 'the public export holds no reception');
  assert.ok(kinds(pub).has('duty'), 'the roster is public');
  const all = readFileSync((await exportFile(page, dir, { scope: 'committee' })).file, 'utf8');
  assert.ok(all.includes('邬女士') && kinds(all).has('reception'));
  // Without the tools the log is not on any screen.
  await tap(page, '在本设备上显示工具');
  await waitState(page, (s) => !s.tools);
  await tap(page, '‹ 返回');
  await nextFrames(page);
  text = await screenText(page);
  assert.ok(!text.includes('邬女士') && !text.includes('接待记录'), text);
  await context.close();
});
