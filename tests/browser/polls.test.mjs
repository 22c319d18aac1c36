// Polls end to end: a resident answers a survey with taps only (and a closed tab keeps
// the answers); the committee builds an owners' decision, makes household codes, two
// devices vote (one household votes again on the same device and on the other), a third
// merges them: tally, audit, art. 278 standing while open, verdicts once closed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ROOT, serve, launchDevice, openApp, state, tap, waitState, findWidget, reveal, importFile, exportFile, waitSaved,
  screenshot, watch, nextFrames,
} from './harness.mjs';
import { bundle, SAMPLE, SURVEY } from './bundles.mjs';
import { openPoll, enableTools, codesFromSlips, vote, buildDecision, screenText } from './poll_steps.mjs';

let server;
const work = mkdtempSync(path.join(tmpdir(), 'linli-polls-'));
const opened = [];  // every device, closed at the end even when a test fails
async function device() {
  const d = await launchDevice();
  opened.push(d.context);
  return d;
}
before(async () => { server = await serve(); });
after(async () => {
  for (const c of opened) await c.close().catch(() => {});
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

test('a resident answers the 5-question survey with taps only; a closed tab keeps the answers', async () => {
  const { context } = await device();
  let page = await context.newPage();
  const errors = watch(page);
  await openApp(page, server.url);
  await openPoll(page, SURVEY.title.zh);
  await tap(page, '开始回答', { touch: true });
  await waitState(page, (s) => s.screen === 'answer' && s.answer.stage === 'question');

  // Next without an answer: the required question says so, in words.
  await tap(page, '下一题 ›', { touch: true });
  let s = await waitState(page, (s) => s.answer.error !== '');
  assert.match(s.answer.error, /必须回答/);
  await tap(page, '60—79 岁', { touch: true });
  await tap(page, '下一题 ›', { touch: true });
  await waitState(page, (s) => s.answer.step === 1);
  await tap(page, 'score', { touch: true });  // the first score button: 1
  await tap(page, '4', { touch: true });
  await tap(page, '下一题 ›', { touch: true });
  await waitState(page, (s) => s.answer.step === 2);
  await waitSaved(page);

  // The tab closes half-way; the answers are there when it opens again.
  await page.close();
  page = await context.newPage();
  await openApp(page, server.url);
  await openPoll(page, SURVEY.title.zh);
  await tap(page, '继续回答（已答 2 题）', { touch: true });
  s = await waitState(page, (s) => s.screen === 'answer' && s.answer.step === 2);

  await tap(page, '活动室', { touch: true });
  await tap(page, '充电车棚', { touch: true });
  await tap(page, '健身步道', { touch: true });  // a third of at most 3 is fine
  await tap(page, '下一题 ›', { touch: true });
  await waitState(page, (s) => s.answer.step === 3);
  await tap(page, '是', { touch: true });  // shows the follow-up question
  await tap(page, '下一题 ›', { touch: true });
  s = await waitState(page, (s) => s.answer.step === 4);
  await screenshot(page, 'survey-last-question');
  await tap(page, '提交', { touch: true });
  s = await waitState(page, (s) => s.answer.stage === 'thanks');
  assert.match(s.answer.receipt, /^[0-9A-F]{4}-[0-9A-F]{4}$/);
  assert.equal(s.counts.response, 1);
  await screenshot(page, 'survey-thanks');

  await tap(page, '‹ 返回', { touch: true });
  await waitState(page, (s) => s.screen === 'poll');
  await findWidget(page, '投票');
  assert.equal((await findWidget(page, '投票')) !== null, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an owners\' decision: built, coded, voted on two devices (a household votes again on both), merged, tallied and audited', async () => {
  const TITLE = 'Elevator for building 12';
  // The committee's device: tools on, the household list, a decision built in the editor.
  const committee = await device();
  const c = await committee.context.newPage();
  const errors = watch(c);
  await openApp(c, server.url);
  await enableTools(c);
  assert.equal((await importFile(c, path.join(ROOT, 'assets/sample/sample-households.json'))).counts.household, 1469);
  let s = await buildDecision(c, TITLE, 12);
  assert.equal(s.screen, 'poll', s.editor_error);
  const pollId = s.open_poll;

  await tap(c, '生成户码');
  s = await waitState(c, (s) => s.codes.total > 0 && s.codes.done === s.codes.total && s.notice !== '', null, 60000);
  assert.equal(s.codes.total, 42);  // building 12's households
  const slipsFile = await (async () => {
    const [dl] = await Promise.all([c.waitForEvent('download'), tap(c, '下载户码通知单（可打印）')]);
    const f = path.join(work, dl.suggestedFilename());
    await dl.saveAs(f);
    return f;
  })();
  const slips = codesFromSlips(slipsFile);
  assert.equal(slips.length, 42);
  // Each slip carries the poll's link, and says what the app does: the last vote counts.
  const slipsHtml = readFileSync(slipsFile, 'utf8');
  assert.equal(slipsHtml.split(`${server.url}#/poll/${pollId}`).length - 1, 42);
  assert.match(slipsHtml, /截止前可以改投（在任何设备上），以最后一次为准/);
  const publicExport = (await exportFile(c, work, { scope: 'public' })).file;
  const pub = readFileSync(publicExport, 'utf8');
  assert.ok(!pub.includes(slips[0].code.replace('-', '')), 'codes never leave the committee');
  assert.ok(!pub.includes('area_m2'), 'nor floor areas');
  assert.ok(!pub.includes('"kind":"household"'), 'nor the household list');

  // Two residents' devices get the public data and vote. Household 0 votes on device a,
  // changes its mind there, and votes once more on device b: its last vote counts.
  const devices = [];
  let receipts = {};
  for (const [votes, name] of [[[[0, '同意'], [1, '同意'], [0, '反对']], 'a'], [[[0, '同意'], [2, '同意']], 'b']]) {
    const d = await device();
    const p = await d.context.newPage();
    await openApp(p, server.url);
    await importFile(p, publicExport);
    assert.equal((await state(p)).counts.household, 0);
    await openPoll(p, TITLE);
    if (name === 'a') {
      s = await vote(p, 'AAAAA-AAAAA', '同意');
      assert.match(s.answer.error, /户码不对/);
      await tap(p, '‹ 返回');
    }
    for (const [i, choice] of votes) {
      s = await vote(p, slips[i].code, choice);
      assert.equal(s.answer.stage, 'thanks');
      assert.equal(s.answer.home, '12 号楼的一户');  // no household list here: the building only
      if (name === 'a' && i === 0 && receipts[0]) {
        assert.equal(s.answer.earlier, receipts[0], 'told before answering');
        assert.equal(s.answer.replaced, receipts[0], 'and after');
      } else {
        assert.equal(s.answer.replaced, '');
      }
      receipts[i] ??= s.answer.receipt;
    }
    assert.equal((await state(p)).counts.response, votes.length);
    await waitSaved(p);
    devices.push((await exportFile(p, mkdtempSync(path.join(work, name)))).file);
    await d.context.close();
  }

  // The committee merges both devices' exports.
  for (const f of devices) {
    const r = await importFile(c, f);
    assert.equal(r.import.stage, 'done', r.import.message);
  }
  await openPoll(c, TITLE);
  await tap(c, '查看实时统计');
  s = await waitState(c, (s) => s.screen === 'results' && s.tally);
  assert.equal(s.tally.responses, 5);
  assert.equal(s.tally.counted, 3);
  assert.deepEqual(s.tally.not_counted.map((b) => b.status), ['superseded', 'superseded']);
  const d278 = s.tally.civil_code_278;
  assert.equal(d278.total_households, 42);
  assert.equal(d278.voted_households, 3);
  assert.equal(d278.for_households, 3);  // household 0's last vote, on device b, is "for"
  assert.equal(s.verdict.final, false);
  assert.equal(s.verdict.participation_ok, false);
  assert.equal(s.verdict.would_pass_if_closed_now, false);
  await screenshot(c, 'decision-open-standing');
  await tap(c, '审计：每一份答卷');
  s = await waitState(c, (s) => s.screen === 'audit');
  await screenshot(c, 'decision-audit');

  // Volunteers went door to door: 30 more households of building 12 voted for, on a
  // tablet whose ballots carry the same rules as the others.
  const terms = JSON.parse(readFileSync(devices[0], 'utf8')).records.find((r) => r.kind === 'response').terms;
  assert.match(terms, /^[0-9a-f]{32}$/);
  const homes = JSON.parse(readFileSync(path.join(ROOT, 'assets/sample/sample-households.json'), 'utf8')).records
    .filter((h) => h.building === SAMPLE.records.find((r) => r.kind === 'building' && r.number === '12').id);
  const voted = new Set(slips.slice(0, 3).map((x) => x.home));
  const ballots = homes.filter((h) => !voted.has(`12 号楼 ${h.unit} 单元 ${h.room} 室`)).slice(0, 30).map((h, i) => ({
    id: (0xd000 + i).toString(16).padStart(32, '0'), kind: 'response', rev: `${Date.now() - 1000 + i}-0-volunteer`,
    poll: pollId, submitted_ms: Date.now() - 1000 + i, household: h.id, answers: [{ question: 'q1', choices: ['for'] }],
    terms,
  }));
  writeFileSync(path.join(work, 'volunteers.json'), JSON.stringify(bundle(ballots, { device: 'volunteer' })));
  await importFile(c, path.join(work, 'volunteers.json'));
  await openPoll(c, TITLE);
  await tap(c, '查看实时统计');
  s = await waitState(c, (s) => s.screen === 'results' && s.tally && s.tally.counted === 33);
  assert.equal(s.verdict.participation_ok, true);
  assert.equal(s.verdict.approved, true);
  assert.equal(s.verdict.final, false);  // still open: where it stands, not a result
  assert.equal(s.verdict.would_pass_if_closed_now, true);
  assert.equal(s.verdict.passed, undefined);
  await screenshot(c, 'decision-would-pass');

  // CSV for Excel, then close and publish: residents see the counts, never the ballots.
  await tap(c, '‹ 返回');
  const [csv] = await Promise.all([c.waitForEvent('download'), tap(c, '导出表格（CSV，可用 Excel 打开）')]);
  const csvFile = path.join(work, 'poll.csv');
  await csv.saveAs(csvFile);
  const csvText = readFileSync(csvFile);
  assert.deepEqual([...csvText.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = csvText.toString('utf8').split('\r\n');
  assert.equal(rows.indexOf(''), 1 + 35, 'a header and one row per ballot, then the totals');
  assert.match(csvText.toString('utf8'), /若现在截止，将达到通过条件/);
  await tap(c, '关闭投票');
  await waitState(c, (s) => s.confirm && s.confirm.kind === 'close');
  await tap(c, '确认关闭');
  await waitState(c, (s) => s.poll_status === 'closed');
  await tap(c, '公布结果');
  await waitState(c, (s) => s.confirm && s.confirm.kind === 'publish');
  assert.match(await screenText(c), /公布后，这个结果就是最终结果：不能撤销，不能重新计算/);
  await tap(c, '确认公布（不能撤销）');
  s = await waitState(c, (s) => s.poll_status === 'published');
  assert.deepEqual(s.poll_log.map((e) => e.action), ['open', 'close', 'publish']);
  const published = (await exportFile(c, work, { scope: 'public' })).file;
  assert.ok(!readFileSync(published, 'utf8').includes('"kind":"response"'));

  const r = await device();
  const rp = await r.context.newPage();
  await openApp(rp, server.url);
  const imported = await importFile(rp, published);
  assert.equal(imported.import.stage, 'done', imported.import.message);
  await openPoll(rp, TITLE);
  await tap(rp, '查看结果');
  s = await waitState(rp, (s) => s.screen === 'results' && s.tally);
  assert.equal(s.tally.counted, 33);
  assert.equal(s.verdict.final, true);
  assert.equal(s.verdict.passed, true);
  await screenshot(rp, 'decision-published');
  await r.context.close();
  assert.deepEqual(errors, []);
  await committee.context.close();
});
