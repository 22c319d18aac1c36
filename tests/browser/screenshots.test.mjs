// The README's pictures, made from real screens on every test run, so they never go stale:
// a phone's notice board, a poll's first question, and the result of an owners' decision.
// Each is taken only once the screen shows what it is meant to show; if a screen breaks or
// a label moves, this fails. They land in assets/screenshots/ (commit them when they change).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, serve, launchDevice, openApp, tap, waitState, findWidget, nextFrames, importFile, watch } from './harness.mjs';
import { bundle, SAMPLE, SURVEY } from './bundles.mjs';
import { enableTools, openPoll, screenText } from './poll_steps.mjs';

const OUT = path.join(ROOT, 'assets/screenshots');
const LINLI = path.join(ROOT, 'build/native/src/cli/linli');
// A phone's page at one CSS pixel a pixel: small files, still legible.
const SMALL_PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
let server;
const work = mkdtempSync(path.join(tmpdir(), 'linli-shots-'));
before(async () => { server = await serve(); mkdirSync(OUT, { recursive: true }); });
after(async () => { await server?.close(); rmSync(work, { recursive: true, force: true }); });

async function shot(page, name) {
  await nextFrames(page, 3);
  const png = await page.screenshot();
  writeFileSync(path.join(OUT, name), png);
  assert.ok(png.length < 150 * 1024, `${name} stays small (${png.length} bytes)`);
}

test('the notice board and a poll question on a phone', async () => {
  const { context } = await launchDevice(undefined, SMALL_PHONE);
  const page = await context.newPage();
  const errors = watch(page);
  await openApp(page, server.url);
  const pinned = SAMPLE.records.filter((r) => r.kind === 'notice' && r.pinned);
  for (const n of pinned) await findWidget(page, n.title.zh);
  await shot(page, 'notices.png');

  await page.evaluate((id) => { location.hash = '#/poll/' + id; }, SURVEY.id);
  await waitState(page, (s) => s.screen === 'answer' && s.answer.stage === 'question');
  for (const o of SURVEY.questions[0].options) await findWidget(page, o.text.zh);
  await findWidget(page, '下一题 ›');
  await shot(page, 'question.png');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the result of an owners\' decision, closed, on the committee\'s device', async () => {
  // Building 12's owners decide on an elevator: 36 of its 42 homes voted, most for.
  const homes = JSON.parse(readFileSync(path.join(ROOT, 'assets/sample/sample-households.json'), 'utf8')).records
    .filter((h) => h.building === SAMPLE.records.find((r) => r.kind === 'building' && r.number === '12').id);
  const opens = Date.parse('2026-11-23T01:00:00Z'), closes = Date.parse('2026-11-30T10:00:00Z');
  const poll = {
    id: 'de000000000000000000000000000012', kind: 'poll', rev: `${closes + 60000}-0-committee`,
    title: { zh: '12 号楼加装电梯表决', en: 'Building 12: elevator retro-fit' }, type: 'decision', eligibility: 'household',
    matter: 'major', building: homes[0].building, opens_ms: opens, closes_ms: closes, status: 'closed',
    questions: [{ id: 'q1', type: 'single', required: true, text: { zh: '您是否同意加装电梯？', en: 'Do you agree?' },
      options: [{ id: 'for', text: { zh: '同意', en: 'For' } }, { id: 'against', text: { zh: '反对', en: 'Against' } },
        { id: 'abstain', text: { zh: '弃权', en: 'Abstain' } }] }],
  };
  const pollFile = path.join(work, 'poll.json');
  writeFileSync(pollFile, JSON.stringify(bundle([poll], { device: 'committee' })));
  const terms = execFileSync(LINLI, ['terms', pollFile, poll.id], { encoding: 'utf8' }).trim();
  const ballots = homes.slice(0, 36).map((h, i) => ({
    id: (0xb000 + i).toString(16).padStart(32, '0'), kind: 'response', rev: `${opens + 3600000 * (i + 1)}-0-volunteer`,
    poll: poll.id, submitted_ms: opens + 3600000 * (i + 1), household: h.id, terms,
    answers: [{ question: 'q1', choices: [i % 12 === 5 ? 'against' : i === 7 ? 'abstain' : 'for'] }],
  }));
  const votes = path.join(work, 'votes.json');
  writeFileSync(votes, JSON.stringify(bundle([poll, ...ballots], { device: 'committee' })));

  const { context } = await launchDevice(undefined, SMALL_PHONE);
  const page = await context.newPage();
  const errors = watch(page);
  await openApp(page, server.url);
  await enableTools(page);
  await importFile(page, path.join(ROOT, 'assets/sample/sample-households.json'));
  const r = await importFile(page, votes);
  assert.equal(r.import.stage, 'done', r.import.message);
  await openPoll(page, poll.title.zh);
  await tap(page, '查看结果');
  const s = await waitState(page, (s) => s.screen === 'results' && s.verdict);
  assert.equal(s.verdict.final, true);
  assert.equal(s.verdict.passed, true);
  assert.match(await screenText(page), /表决通过/);
  await shot(page, 'decision.png');
  assert.deepEqual(errors, []);
  await context.close();
});
