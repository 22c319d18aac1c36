// Owners' decisions that cannot be bent after the vote, as a committee meets them on a
// laptop: once voting has begun the rules are not offered for change, a later closing time
// is an extension written into the audit, closing and publishing are asked for in words,
// an open vote never says "passed", and a bundle that carries the poll with other rules
// shows its ballots as given under other rules, never re-judged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ROOT, serve, launchDevice, openApp, state, tap, waitState, widgets, importFile, exportFile, waitSaved, screenshot,
  watch, nextFrames,
} from './harness.mjs';
import {
  typeInto, openPoll, enableTools, codesFromSlips, vote, screenText, everyWidget, buildDecision,
} from './poll_steps.mjs';

const TITLE = '13 号楼加装电梯表决';
let server, committee, c, errors, pollId, slips;
const work = mkdtempSync(path.join(tmpdir(), 'linli-decisions-'));

const shown = async (label) => (await widgets(c)).some((w) => w.label === label || w.id === label);
const day = 86400000;

before(async () => {
  server = await serve();
  committee = await launchDevice();
  c = await committee.context.newPage();
  errors = watch(c);
  await openApp(c, server.url);
  await enableTools(c);
  await importFile(c, path.join(ROOT, 'assets/sample/sample-households.json'));
  const s = await buildDecision(c, TITLE, 13);
  assert.equal(s.screen, 'poll', s.editor_error);
  pollId = s.open_poll;
  await tap(c, '生成户码');
  await waitState(c, (s) => s.codes.total > 0 && s.codes.done === s.codes.total && s.notice !== '', null, 60000);
  const [dl] = await Promise.all([c.waitForEvent('download'), tap(c, '下载户码通知单（可打印）')]);
  const f = path.join(work, dl.suggestedFilename());
  await dl.saveAs(f);
  slips = codesFromSlips(f);
});
after(async () => {
  await committee?.context.close().catch(() => {});
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

test('once voting has begun the rules are not offered for change; a later closing time is an extension, in the audit', async () => {
  // A ballot given on the committee's own device: the household list is here, so the
  // resident sees the very home the code is for.
  let s = await vote(c, slips[0].code, '同意');
  assert.equal(s.answer.stage, 'thanks');
  assert.equal(s.answer.home.replace(/ /g, ''), slips[0].home.replace(/ /g, ''));
  s = await state(c);
  assert.equal(s.notice, '', 'the message about making codes is not the current one any more');
  const closes0 = s.poll_closes_ms;

  await tap(c, '修改');
  await waitState(c, (s) => s.screen === 'edit_poll');
  const offered = await everyWidget(c);
  assert.ok(offered.has('closes') && offered.has('zh-title'), 'the wording and the closing time are offered');
  for (const rule of ['pollkind.decision', 'pollkind.survey', 'matter.major', 'matter.ordinary', 'scope', 'opens', 'zh-dq'])
    assert.equal(offered.has(rule), false, `${rule} is not offered once voting has begun`);
  let text = await screenText(c);
  assert.match(text, /已经开始投票：类型、事项、范围、问题和选项都不能再改/);
  assert.match(text, /重大事项（四分之三）/);  // the rules are shown, as they are
  assert.ok(!/^类型$/m.test(text), 'no empty "kind" heading');

  // An earlier closing time is refused, and says why; a later one is an extension.
  const fmt = (ms) => new Date(ms + 8 * 3600000).toISOString().slice(0, 16).replace('T', ' ');
  await typeInto(c, 'closes', fmt(closes0 - day));
  await tap(c, '保存修改');
  s = await waitState(c, (s) => s.editor_error !== '');
  assert.match(s.editor_error, /截止时间只能延后/);
  await typeInto(c, 'closes', fmt(closes0 + day));
  await tap(c, '保存修改');
  s = await waitState(c, (s) => s.screen === 'poll');
  assert.equal(s.poll_status, 'open', 'an edit never moves a poll back to draft');
  assert.deepEqual(s.poll_log.map((e) => e.action), ['open', 'extend']);
  assert.equal(s.poll_log[1].closes_ms, closes0 + day);

  // From the poll's page, with a reason.
  await tap(c, '延长截止时间');
  await waitState(c, (s) => s.confirm && s.confirm.kind === 'extend');
  await typeInto(c, 'step-closes', fmt(closes0 + 3 * day));
  await typeInto(c, 'step-reason', '两户业主在外地');
  await tap(c, '确认延长');
  s = await waitState(c, (s) => !s.confirm && s.poll_log.length === 3);
  assert.equal(s.poll_log[2].reason, '两户业主在外地');
  assert.equal(s.poll_closes_ms, closes0 + 3 * day);

  await tap(c, '审计：每一份答卷');
  await waitState(c, (s) => s.screen === 'audit');
  text = await screenText(c);
  assert.match(text, /投票记录/);
  assert.match(text, new RegExp(`截止时间延长到 ${fmt(closes0 + 3 * day)}：两户业主在外地`));
  await screenshot(c, 'decision-audit-log');
  await tap(c, '‹ 返回');
  await waitState(c, (s) => s.screen === 'poll');
});

test('an open vote never says passed, in either language; closing early and publishing are asked for in words', async () => {
  await tap(c, '查看实时统计');
  let s = await waitState(c, (s) => s.screen === 'results' && s.verdict);
  assert.equal(s.verdict.final, false);
  assert.equal(s.verdict.passed, undefined);
  let text = await screenText(c);
  assert.doesNotMatch(text, /表决通过|表决未通过/);
  assert.match(text, /投票进行中，还没有结果/);
  await tap(c, 'EN');
  await waitState(c, (s) => s.lang === 'en');
  text = await screenText(c);
  assert.doesNotMatch(text, /passed/i);
  assert.match(text, /If it closed now/);
  await tap(c, '中文');
  await waitState(c, (s) => s.lang === 'zh-CN');
  await tap(c, '‹ 返回');
  await waitState(c, (s) => s.screen === 'poll');

  // Closing before the deadline: the confirmation says it is early; cancelling changes nothing.
  await tap(c, '关闭投票');
  await waitState(c, (s) => s.confirm && s.confirm.kind === 'close');
  assert.match(await screenText(c), /还没到：这是提前关闭/);
  await tap(c, '取消');
  s = await waitState(c, (s) => !s.confirm);
  assert.equal(s.poll_status, 'open');
  await tap(c, '关闭投票');
  await tap(c, '确认关闭');
  s = await waitState(c, (s) => s.poll_status === 'closed');
  await tap(c, '查看结果');
  s = await waitState(c, (s) => s.screen === 'results' && s.verdict);
  assert.equal(s.verdict.final, true);
  assert.equal(s.verdict.passed, false);  // 1 of the building's households took part
  assert.match(await screenText(c), /表决未通过/);
  await tap(c, '‹ 返回');
  await waitState(c, (s) => s.screen === 'poll');

  // Reopening needs a reason, which the log keeps.
  await tap(c, '重新开放（需写明理由）');
  await waitState(c, (s) => s.confirm && s.confirm.kind === 'reopen');
  await tap(c, '确认重新开放');
  s = await waitState(c, (s) => s.confirm && s.confirm.error !== '');
  assert.match(s.confirm.error, /请写明理由/);
  await typeInto(c, 'step-reason', '3 单元的通知单没有发到');
  await tap(c, '确认重新开放');
  s = await waitState(c, (s) => !s.confirm && s.poll_status === 'open');
  assert.deepEqual(s.poll_log.map((e) => e.action), ['open', 'extend', 'extend', 'close', 'reopen']);
  assert.equal(s.poll_log[4].reason, '3 单元的通知单没有发到');

  // The CSV in English: its status column and totals in words of that language.
  await tap(c, 'EN');
  await waitState(c, (s) => s.lang === 'en');
  const [dl] = await Promise.all([c.waitForEvent('download'), tap(c, 'Export a spreadsheet (CSV, opens in Excel)')]);
  const csv = path.join(work, 'en.csv');
  await dl.saveAs(csv);
  const rows = readFileSync(csv, 'utf8').split('\r\n');
  assert.match(rows[0], /^\uFEFFreceipt,submitted,household,status,/);
  assert.match(rows[1], /,counted,/);
  assert.ok(rows.some((r) => r.startsWith(',households taking part (at least two thirds),1 / ')));
  assert.ok(rows.some((r) => /^,verdict,"Voting is still open; if it closed now, it would not pass"$/.test(r)));
  await tap(c, '中文');
  await waitState(c, (s) => s.lang === 'zh-CN');
  assert.deepEqual(errors, []);
});

test('withdrawing keeps a poll and its ballots, marked; a draft can be deleted; a copy starts a new poll', async () => {
  // A copy of the decision, with its rules open again, saved as a draft and then deleted.
  await tap(c, '复制为新的投票（草稿）');
  await waitState(c, (s) => s.screen === 'edit_poll');
  assert.ok((await everyWidget(c)).has('matter.major'), 'a copy is a new poll: its rules can be set');
  await typeInto(c, 'zh-title', '13 号楼加装电梯表决（第二轮）');
  await tap(c, '保存为草稿');
  let s = await waitState(c, (s) => s.screen === 'poll' && s.poll_status === 'draft');
  const draft = s.open_poll;
  assert.notEqual(draft, pollId);
  await tap(c, '删除草稿');
  await waitState(c, (s) => s.confirm && s.confirm.kind === 'remove');
  await tap(c, '确认删除');
  s = await waitState(c, (s) => s.screen === 'polls');
  assert.ok(!s.polls.some((p) => p.id === draft));

  // The sample's needs list is withdrawn with a reason: kept, marked, no longer answered.
  await openPoll(c, '居民点单：明年最该解决的问题');
  await tap(c, '撤回投票');
  await waitState(c, (s) => s.confirm && s.confirm.kind === 'withdraw');
  assert.match(await screenText(c), /它和已收到的答卷都会保留/);
  await typeInto(c, 'step-reason', '与街道的调查重复');
  await tap(c, '确认撤回');
  s = await waitState(c, (s) => s.poll_status === 'withdrawn');
  const text = await screenText(c);
  assert.match(text, /居委会已撤回这个投票：与街道的调查重复/);
  assert.equal(await shown('开始回答'), false);
  await tap(c, '投票');
  s = await waitState(c, (s) => s.screen === 'polls');
  assert.equal(s.polls.at(-1).status, 'withdrawn', 'withdrawn polls come last');
  assert.deepEqual(errors, []);
});

test('a bundle carrying the poll with other rules after ballots: its ballots show as given under other rules, never re-judged', async () => {
  await waitSaved(c);
  const { file } = await exportFile(c, work);
  const b = JSON.parse(readFileSync(file, 'utf8'));
  const poll = b.records.find((r) => r.id === pollId);
  const [ms, n, dev] = poll.rev.split('-');
  // Another committee device, out of date, saved the matter as ordinary, later.
  const changed = { ...poll, matter: 'ordinary', rev: `${Number(ms) + 60000}-${n}-${dev}` };
  delete changed.matter;  // "ordinary" is the default, written as absent
  const forged = { ...b, device: 'oldlaptop', records: [changed] };
  writeFileSync(path.join(work, 'changed.json'), JSON.stringify(forged));
  const r = await importFile(c, path.join(work, 'changed.json'));
  assert.equal(r.import.stage, 'done', r.import.message);

  await openPoll(c, TITLE);
  await tap(c, '查看实时统计');
  let s = await waitState(c, (s) => s.screen === 'results' && s.verdict);
  assert.equal(s.verdict.trustworthy, false);
  assert.equal(s.tally.counted, 0);
  assert.equal(s.tally.rules_changed, 1);
  assert.match(await screenText(c), /规则被改过：1 份答卷是按原来的规则投的，没有计入/);
  await screenshot(c, 'decision-rules-changed');
  await tap(c, '审计：每一份答卷');
  s = await waitState(c, (s) => s.screen === 'audit');
  assert.deepEqual(s.tally.not_counted.map((x) => x.status), ['rules_changed']);
  assert.match(await screenText(c), /规则已改/);
  assert.deepEqual(errors, []);
});
