// A resident answering on a phone: a notice leads to its survey, "none of these" stands
// alone, the thank-you says where the answer is now, the poll list marks what this phone
// answered, and a text is counted as people count it — the 301st character of a
// 300-character answer is refused with a message, never silently cut.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serve, phones, state, tap, waitState, reveal, nextFrames, waitSaved, screenshot, setLang,
} from './harness.mjs';
import { SAMPLE, SURVEY } from './bundles.mjs';
import { openPoll, screenText } from './poll_steps.mjs';

let server;
const devices = phones();
const phone = () => devices.open(server.url);
before(async () => { server = await serve(); });
after(async () => {
  await devices.closeAll();
  await server?.close();
});

// (Predicates given to waitState run in the page: they cannot call this.)
const choicesOf = (s, q) => (s.answer.answers.find((a) => a.question === q) || { choices: [] }).choices;

test('a notice leads to its survey; "none of these" stands alone; the thank-you says where the answer is', async () => {
  const { page, errors } = await phone();
  const notice = SAMPLE.records.find((r) => r.kind === 'notice' && r.poll === SURVEY.id);
  assert.ok(notice, 'the sample\'s survey notice links its survey');
  await tap(page, notice.title.zh, { touch: true });
  await waitState(page, (s, id) => s.open_notice === id, notice.id);
  await tap(page, '参与调查', { touch: true });
  let s = await waitState(page, (s) => s.screen === 'answer' && s.answer.stage === 'question');
  assert.equal(s.open_poll, SURVEY.id);

  await tap(page, '60—79 岁', { touch: true });
  await tap(page, '下一题 ›', { touch: true });
  await waitState(page, (s) => s.answer.step === 1);
  await tap(page, '4', { touch: true });
  await tap(page, '下一题 ›', { touch: true });
  await waitState(page, (s) => s.answer.step === 2);
  await tap(page, '活动室', { touch: true });
  await tap(page, '充电车棚', { touch: true });
  s = await waitState(page, (s) => s.answer.answers.some((a) => a.question === 'q3' && a.choices.length === 2));
  await tap(page, '都不常用', { touch: true });  // clears the others
  s = await waitState(page, (s) => (s.answer.answers.find((a) => a.question === 'q3') || { choices: [] }).choices.includes('none'));
  assert.deepEqual(choicesOf(s, 'q3'), ['none']);
  await tap(page, '健身步道', { touch: true });  // ...and is cleared by another
  s = await waitState(page, (s) => !(s.answer.answers.find((a) => a.question === 'q3') || { choices: [] }).choices.includes('none'));
  assert.deepEqual(choicesOf(s, 'q3'), ['path']);
  await tap(page, '都不常用', { touch: true });
  await waitState(page, (s) => (s.answer.answers.find((a) => a.question === 'q3') || { choices: [] }).choices.join() === 'none');
  await tap(page, '下一题 ›', { touch: true });
  await waitState(page, (s) => s.answer.step === 3);
  await tap(page, '否', { touch: true });
  await tap(page, '提交', { touch: true });
  s = await waitState(page, (s) => s.answer.stage === 'thanks');
  const text = await screenText(page);
  assert.match(text, /您的答卷现在只保存在这台手机上，还没有交给居委会/);
  assert.match(text, /导出全部数据（交居委会）/);
  await screenshot(page, 'survey-thanks-where');

  await tap(page, '‹ 返回', { touch: true });
  await waitState(page, (s) => s.screen === 'poll');
  assert.match(await screenText(page), /共 4—5 题/);  // one question appears only after some answers
  await tap(page, '投票', { touch: true });
  s = await waitState(page, (s) => s.screen === 'polls' && s.polls.length > 0);
  assert.equal(s.polls.find((p) => p.id === SURVEY.id).answered_here, true);
  assert.equal(s.polls.filter((p) => p.answered_here).length, 1);
  assert.match(await screenText(page), /✓ 本设备已回答/);
  assert.deepEqual(errors, []);
});

test('a 300-character answer: counted as people count it, and the 301st character refused with a message', async () => {
  const { page, errors } = await phone();
  const TITLE = '客厅留言板：您想改善什么？想发起什么活动？';
  await openPoll(page, TITLE);
  assert.match(await screenText(page), /共 1 题/);
  await tap(page, '开始回答', { touch: true });
  await waitState(page, (s) => s.screen === 'answer' && s.answer.stage === 'question');
  const field = await reveal(page, 'text');
  await page.touchscreen.tap(field.x + 20, field.y + field.h / 2);
  await nextFrames(page);

  // 290 characters, 𠮷 among them (one character, two UTF-16 units, four bytes).
  const base = '希望楼道装上感应灯𠮷'.repeat(29);
  assert.equal([...base].length, 290);
  await page.keyboard.insertText(base);
  let s = await waitState(page, (s) => s.answer.answers.some((a) => [...a.text].length === 290));
  assert.match(await screenText(page), /290\/300/);

  // Eleven more would make 301: refused whole, and said so; nothing already typed is lost.
  await page.keyboard.insertText('还希望加装扶手和座椅');
  assert.equal([...'还希望加装扶手和座椅'].length, 10);
  s = await waitState(page, (s) => s.answer.answers.some((a) => [...a.text].length === 300));
  await page.keyboard.insertText('！');
  await nextFrames(page, 3);
  let text = await screenText(page);
  assert.match(text, /最多 300 字：刚才输入的内容会使总数达到 301 字，所以没有加入/);
  assert.match(text, /300\/300/);
  s = await state(page);
  const answer = s.answer.answers.find((a) => a.question === 'q1').text;
  assert.equal([...answer].length, 300);
  assert.ok(answer.endsWith('座椅'));
  await screenshot(page, 'answer-over-limit');

  // Deleting one makes room again, and the message goes with the next accepted edit.
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('。');
  s = await waitState(page, (s) => s.answer.answers.some((a) => a.text.endsWith('座。')));
  text = await screenText(page);
  assert.doesNotMatch(text, /所以没有加入/);
  await tap(page, '提交', { touch: true });
  s = await waitState(page, (s) => s.answer.stage === 'thanks');
  await waitSaved(page);

  // The same screen in English: "1 question", not "1 questions".
  await tap(page, '‹ 返回', { touch: true });
  await waitState(page, (s) => s.screen === 'poll');
  await setLang(page, 'en');
  text = await screenText(page);
  assert.match(text, /1 question(?!s)/);
  assert.doesNotMatch(text, /1 questions/);
  assert.deepEqual(errors, []);
});
