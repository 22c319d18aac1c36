// Steps of polls that several browser tests take, as a person would: open a poll, turn
// the committee's tools on, type into a field, vote with a household code.
import { readFileSync } from 'node:fs';
import { tap, waitState, reveal, nextFrames } from './harness.mjs';

export async function typeInto(page, id, text) {
  const w = await reveal(page, id);
  await page.mouse.click(w.x + 12, w.y + w.h / 2);
  await nextFrames(page);  // the field is active before keys arrive (a busy machine may lag a frame)
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await nextFrames(page);
}

export async function openPoll(page, title) {
  await tap(page, '投票', { touch: true });
  await waitState(page, (s) => s.screen === 'polls');
  await tap(page, title, { touch: true });
  return waitState(page, (s) => s.screen === 'poll');
}

export async function enableTools(page) {
  await tap(page, '数据');
  await waitState(page, (s) => s.screen === 'data');
  await tap(page, '在本设备上显示工具');
  await waitState(page, (s) => s.tools);
}

// The committee builds a major-matter decision for one building in the editor and opens
// it; returns the poll's page state (with its id in open_poll) or the editor's refusal.
export async function buildDecision(page, title, building) {
  await tap(page, '投票');
  await tap(page, '+ 新建投票问卷');
  await waitState(page, (s) => s.screen === 'edit_poll');
  await typeInto(page, 'zh-title', title);
  await tap(page, 'pollkind.decision');
  await tap(page, 'matter.major');
  await tap(page, 'scope');
  await tap(page, `${building} 号楼`);
  await tap(page, '保存并开放');
  return waitState(page, (s) => s.screen === 'poll' || s.editor_error !== '');
}

// Reads the household codes from the printable slips the committee downloads.
export function codesFromSlips(file) {
  const html = readFileSync(file, 'utf8');
  return [...html.matchAll(/class="home">([^<]+)<\/div><div class="code">([A-Z0-9]{5}-[A-Z0-9]{5})</g)]
    .map((m) => ({ home: m[1], code: m[2] }));
}

export async function vote(page, code, choice) {
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


// What the screen shows in words: the screen-reader mirror's text.
export async function screenText(page) {
  await nextFrames(page);
  return page.evaluate(() => document.getElementById('a11y').textContent);
}

// The ids and labels of every widget on the screen, scrolling it down to its end and back,
// the way a person would look over a whole form.
export async function everyWidget(page, steps = 10) {
  const seen = new Set();
  const vp = page.viewportSize();
  for (const dir of [1, -1]) {
    for (let i = 0; i < steps; i++) {
      await nextFrames(page);
      for (const w of await page.evaluate(() => window.linli.widgets())) seen.add(w.id || w.label);
      await page.mouse.move(vp.width / 2, vp.height / 2);
      await page.mouse.wheel(0, dir * vp.height / 2);
      await page.waitForTimeout(80);
    }
  }
  return seen;
}
