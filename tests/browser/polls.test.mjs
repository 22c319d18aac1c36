// Polls end to end: a resident answers a survey with taps only (and a closed tab keeps
// the answers); the committee builds an owners' decision, makes household codes, two
// devices vote (one code on both), a third merges them: tally, audit, art. 278 verdicts.
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

async function typeInto(page, id, text) {
  const w = await reveal(page, id);
  await page.mouse.click(w.x + 12, w.y + w.h / 2);
  await nextFrames(page);  // the field is active before keys arrive (a busy machine may lag a frame)
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await nextFrames(page);
}

async function openPoll(page, title) {
  await tap(page, '投票', { touch: true });
  await waitState(page, (s) => s.screen === 'polls');
  await tap(page, title, { touch: true });
  return waitState(page, (s) => s.screen === 'poll');
}

async function enableTools(page) {
  await tap(page, '数据');
  await waitState(page, (s) => s.screen === 'data');
  await tap(page, '在本设备上显示工具');
  await waitState(page, (s) => s.tools);
}

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

// Reads the household codes from the printable slips the committee downloads.
function codesFromSlips(file) {
  const html = readFileSync(file, 'utf8');
  return [...html.matchAll(/class="home">([^<]+)<\/div><div class="code">([A-Z0-9]{5}-[A-Z0-9]{5})</g)]
    .map((m) => ({ home: m[1], code: m[2] }));
}

async function vote(page, code, choice) {
  await tap(page, '开始回答', { touch: true });
  await waitState(page, (s) => s.screen === 'answer' && s.answer.stage === 'code');
  await typeInto(page, 'code', code);
  await tap(page, '确认户码', { touch: true });
  const s = await waitState(page, (s) => s.answer.stage === 'question' || s.answer.error !== '');
  if (s.answer.stage !== 'question') return s;
  await tap(page, choice, { touch: true });
  await tap(page, '提交', { touch: true });
  const done = await waitState(page, (s) => s.answer.stage === 'thanks');
  await tap(page, '‹ 返回', { touch: true });
  await waitState(page, (s) => s.screen === 'poll');
  return done;
}

test('an owners\' decision: built, coded, voted on two devices (one code on both), merged, tallied and audited', async () => {
  const TITLE = 'Elevator for building 12';
  // The committee's device: tools on, the household list, a decision built in the editor.
  const committee = await device();
  const c = await committee.context.newPage();
  const errors = watch(c);
  await openApp(c, server.url);
  await enableTools(c);
  assert.equal((await importFile(c, path.join(ROOT, 'assets/sample/sample-households.json'))).counts.household, 1469);
  await tap(c, '投票');
  await tap(c, '+ 新建投票问卷');
  await waitState(c, (s) => s.screen === 'edit_poll');
  await typeInto(c, 'zh-title', TITLE);
  await tap(c, 'pollkind.decision');
  await tap(c, 'matter.major');
  await tap(c, 'scope');
  await tap(c, '12 号楼');
  await tap(c, '保存并开放');
  let s = await waitState(c, (s) => s.screen === 'poll' || s.editor_error !== '');
  assert.equal(s.screen, 'poll', s.editor_error);
  const pollId = s.open_poll;

  await tap(c, '生成户码');
  s = await waitState(c, (s) => s.codes.total > 0 && s.codes.done === s.codes.total && s.notice !== '', null, 60000);
  assert.equal(s.codes.total, 42);  // building 12's households
  const slips = codesFromSlips((await (async () => {
    const [dl] = await Promise.all([c.waitForEvent('download'), tap(c, '下载户码通知单（可打印）')]);
    const f = path.join(work, dl.suggestedFilename());
    await dl.saveAs(f);
    return f;
  })()));
  assert.equal(slips.length, 42);
  const publicExport = (await exportFile(c, work, { scope: 'public' })).file;
  const pub = readFileSync(publicExport, 'utf8');
  assert.ok(!pub.includes(slips[0].code.replace('-', '')), 'codes never leave the committee');
  assert.ok(!pub.includes('area_m2'), 'nor floor areas');

  // Two residents' devices get the public data and vote; household 1 votes on both.
  const devices = [];
  for (const [votes, name] of [[[[0, '同意'], [1, '同意']], 'a'], [[[0, '反对'], [2, '同意']], 'b']]) {
    const d = await device();
    const p = await d.context.newPage();
    await openApp(p, server.url);
    await importFile(p, publicExport);
    await openPoll(p, TITLE);
    if (name === 'a') {
      s = await vote(p, 'AAAAA-AAAAA', '同意');
      assert.match(s.answer.error, /户码不对/);
      await tap(p, '‹ 返回');
    }
    for (const [i, choice] of votes) {
      s = await vote(p, slips[i].code, choice);
      assert.equal(s.answer.stage, 'thanks');
    }
    if (name === 'a') {  // the same household again on this device: refused, nothing stored
      s = await vote(p, slips[0].code, '反对');
      assert.match(s.answer.error, /已经在这台设备上投过票/);
      assert.equal(s.counts.response, 2);
      await tap(p, '‹ 返回');
    }
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
  assert.equal(s.tally.responses, 4);
  assert.equal(s.tally.counted, 3);
  const notCounted = s.tally.not_counted;
  assert.equal(notCounted.length, 1);
  assert.equal(notCounted[0].status, 'superseded');
  const d278 = s.tally.civil_code_278;
  assert.equal(d278.total_households, 42);
  assert.equal(d278.voted_households, 3);
  assert.equal(d278.for_households, 2);  // household 1's later "against" (device b) counts
  assert.equal(s.verdict.participation_ok, false);
  assert.equal(s.verdict.passed, false);
  await screenshot(c, 'decision-fails-participation');
  await tap(c, '审计：每一份答卷');
  s = await waitState(c, (s) => s.screen === 'audit');
  await screenshot(c, 'decision-audit');

  // Volunteers went door to door: 30 more households of building 12 voted for.
  const homes = JSON.parse(readFileSync(path.join(ROOT, 'assets/sample/sample-households.json'), 'utf8')).records
    .filter((h) => h.building === SAMPLE.records.find((r) => r.kind === 'building' && r.number === '12').id);
  const voted = new Set(slips.slice(0, 3).map((x) => x.home));
  const ballots = homes.filter((h) => !voted.has(`12 号楼 ${h.unit} 单元 ${h.room} 室`)).slice(0, 30).map((h, i) => ({
    id: (0xd000 + i).toString(16).padStart(32, '0'), kind: 'response', rev: `${Date.now() - 1000 + i}-0-volunteer`,
    poll: pollId, submitted_ms: Date.now() - 1000 + i, household: h.id, answers: [{ question: 'q1', choices: ['for'] }],
  }));
  writeFileSync(path.join(work, 'volunteers.json'), JSON.stringify(bundle(ballots, { device: 'volunteer' })));
  await importFile(c, path.join(work, 'volunteers.json'));
  await openPoll(c, TITLE);
  await tap(c, '查看实时统计');
  s = await waitState(c, (s) => s.screen === 'results' && s.tally && s.tally.counted === 33);
  assert.equal(s.verdict.participation_ok, true);
  assert.equal(s.verdict.approved, true);
  assert.equal(s.verdict.passed, true);
  await screenshot(c, 'decision-passes');

  // CSV for Excel, then close and publish: residents see the counts, never the ballots.
  await tap(c, '‹ 返回');
  const [csv] = await Promise.all([c.waitForEvent('download'), tap(c, '导出表格（CSV，可用 Excel 打开）')]);
  const csvFile = path.join(work, 'poll.csv');
  await csv.saveAs(csvFile);
  const csvText = readFileSync(csvFile);
  assert.deepEqual([...csvText.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(csvText.toString('utf8').trim().split('\r\n').length, 1 + 34);
  await tap(c, '关闭投票');
  await waitState(c, (s) => s.poll_status === 'closed');
  await tap(c, '公布结果');
  s = await waitState(c, (s) => s.poll_status === 'published');
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
  assert.equal(s.verdict.passed, true);
  await screenshot(rp, 'decision-published');
  await r.context.close();
  assert.deepEqual(errors, []);
  await committee.context.close();
});
