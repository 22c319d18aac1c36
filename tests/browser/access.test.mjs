// Elders and screen readers: the screen-reader mirror is a complete copy of the screen
// (every card of a long list, options as radio buttons and checkboxes with their state,
// tabs marked, text fields as named text boxes that typing reaches); text and control
// edges meet their contrast targets in the rendered pixels; at extra-large text every
// option of a question can be reached, with a cue while more is below.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import {
  serve, phones, state, tap, waitState, findWidget, reveal, nextFrames, importFile, waitSaved,
} from './harness.mjs';
import { bundle, id, SURVEY, NOTICE } from './bundles.mjs';
import { openPoll } from './poll_steps.mjs';

let server;
const devices = phones();
const work = mkdtempSync(path.join(tmpdir(), 'linli-access-'));
const phone = () => devices.open(server.url);
before(async () => { server = await serve(); });
after(async () => {
  await devices.closeAll();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

// The mirror's elements as a screen reader meets them.
const mirror = (page) => page.evaluate(() => [...document.querySelectorAll('#a11y *')].map((e) => ({
  tag: e.tagName.toLowerCase(), role: e.getAttribute('role') || '', text: e.tagName === 'TEXTAREA' ? '' : e.textContent,
  label: e.getAttribute('aria-label') || '', checked: e.getAttribute('aria-checked'),
  selected: e.getAttribute('aria-selected'), value: e.value ?? null, parent: e.parentElement.getAttribute('role') || '',
})));
// What a screen reader does to press a control: a click on the element itself, once the
// mirror shows it.
async function press(page, role, text) {
  const find = ([r, t]) => [...document.querySelectorAll('#a11y button')]
    .find((b) => (b.getAttribute('role') || 'button') === r && b.textContent === t);
  await page.waitForFunction(find, [role, text], { timeout: 5000 });
  await page.evaluate(([r, t]) => [...document.querySelectorAll('#a11y button')]
    .find((b) => (b.getAttribute('role') || 'button') === r && b.textContent === t).click(), [role, text]);
}

test('the mirror lists every notice of a 50-notice board, and one far down the list opens from it', async () => {
  const { page, errors } = await phone();
  const notices = Array.from({ length: 50 }, (_, n) => ({
    ...NOTICE, id: id(n, 'c'), rev: `${1795400000000 + n}-0-editor`, pinned: false,
    title: { zh: `第 ${n + 1} 号通知：楼道灯维修`, en: `Notice ${n + 1}` }, published_ms: 1795300000000 - n * 60000,
  }));
  const file = path.join(work, 'fifty.json');
  writeFileSync(file, JSON.stringify(bundle(notices)));
  assert.equal((await importFile(page, file)).import.stage, 'done');
  await tap(page, '公告', { touch: true });
  await waitState(page, (s) => s.screen === 'notices');
  await page.waitForFunction(() => document.querySelectorAll('#a11y button').length > 50);
  const buttons = (await mirror(page)).filter((e) => e.tag === 'button').map((e) => e.text);
  for (const n of notices) assert.ok(buttons.includes(n.title.zh), `${n.title.zh} is in the mirror`);
  const onScreen = (await page.evaluate(() => window.linli.widgets())).filter((w) => w.label.includes('楼道灯维修'));
  assert.ok(onScreen.length < 10, 'most of them are scrolled out of view');
  await press(page, 'button', notices[49].title.zh);
  await waitState(page, (s, nid) => s.open_notice === nid, notices[49].id);
  assert.deepEqual(errors, []);
});

test('options are radio buttons and checkboxes with their state, the current tab is marked, and headings come in order', async () => {
  const { page, errors } = await phone();
  await page.evaluate((pid) => { location.hash = '#/poll/' + pid; }, SURVEY.id);
  await waitState(page, (s) => s.screen === 'answer' && s.answer.stage === 'question');
  let m = await mirror(page);
  const radios = m.filter((e) => e.role === 'radio');
  assert.deepEqual(radios.map((r) => r.text), SURVEY.questions[0].options.map((o) => o.text.zh));
  assert.ok(radios.every((r) => r.checked === 'false' && r.parent === 'radiogroup'));
  const tabs = m.filter((e) => e.role === 'tab');
  assert.deepEqual(tabs.map((t) => [t.text, t.selected]), [['公告', 'false'], ['投票', 'true'], ['地图', 'false']]);
  assert.ok(tabs.every((t) => t.parent === 'tablist'));
  const headings = m.filter((e) => /^h\d$/.test(e.tag));
  assert.equal(headings[0].tag, 'h1');  // the compound's name
  assert.ok(headings.some((h) => h.text === SURVEY.questions[0].text.zh && h.tag === 'h2'));
  // The header's save state is a status (a live region); the first visit's data may still
  // be on its way to storage as the question shows: wait for "已保存".
  await page.waitForFunction(() => [...document.querySelectorAll('#a11y [role=status]')].some((e) => e.textContent === '已保存'));

  // A tap on the canvas: the mirror says which is chosen.
  await tap(page, '60—79 岁', { touch: true });
  await page.waitForFunction(() => [...document.querySelectorAll('#a11y [role=radio]')]
    .some((b) => b.textContent === '60—79 岁' && b.getAttribute('aria-checked') === 'true'));
  m = await mirror(page);
  assert.deepEqual(m.filter((e) => e.role === 'radio' && e.checked === 'true').map((e) => e.text), ['60—79 岁']);

  // From the mirror alone: the next question, then checkboxes for a multiple choice.
  await press(page, 'button', '下一题 ›');
  await waitState(page, (s) => s.answer.step === 1);
  await press(page, 'button', '4');
  await nextFrames(page, 3);
  await press(page, 'button', '下一题 ›');
  await waitState(page, (s) => s.answer.step === 2);
  await press(page, 'checkbox', '活动室');
  await page.waitForFunction(() => [...document.querySelectorAll('#a11y [role=checkbox]')]
    .some((b) => b.textContent === '活动室' && b.getAttribute('aria-checked') === 'true'));
  const s = await state(page);
  assert.deepEqual(s.answer.answers.find((a) => a.question === 'q3').choices, ['hall']);
  assert.deepEqual(errors, []);
});

test('a text field is a text box named by its question, and typing in it reaches the answer', async () => {
  const { page, errors } = await phone();
  await openPoll(page, '客厅留言板：您想改善什么？想发起什么活动？');
  await tap(page, '开始回答', { touch: true });
  await waitState(page, (s) => s.screen === 'answer' && s.answer.stage === 'question');
  await page.waitForSelector('#a11y textarea[aria-label="请写下您的建议"]', { state: 'attached' });
  assert.equal(await page.evaluate(() => document.querySelectorAll('#a11y button[aria-label]').length), 0,
    'no text field is a button');
  await page.focus('#a11y textarea[aria-label="请写下您的建议"]');
  await page.keyboard.type('楼道装灯');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('感应灯');
  let s = await waitState(page, (s) => (s.answer.answers[0] || { text: '' }).text === '楼道装感应灯');
  await page.waitForFunction(() => document.querySelector('#a11y textarea').value === '楼道装感应灯');
  // Submitted from the mirror too.
  await press(page, 'button', '提交');
  s = await waitState(page, (s) => s.answer.stage === 'thanks');
  await waitSaved(page);
  assert.deepEqual(errors, []);
});

// ---------------------------------------------------------------- contrast, from pixels

const lin = (c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
const lum = ([r, g, b]) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

async function pixels(page) {
  const png = PNG.sync.read(await page.screenshot());
  const dpr = await page.evaluate(() => devicePixelRatio);
  return { at: (x, y) => { const i = 4 * (Math.round(y * dpr) * png.width + Math.round(x * dpr)); return [png.data[i], png.data[i + 1], png.data[i + 2]]; }, png, dpr };
}

// Text against its background in a rectangle (CSS px): the background is the commonest
// colour, the text the one that stands out most from it (glyph stems reach it).
async function textContrast(page, r) {
  const { png, dpr } = await pixels(page);
  const count = new Map();
  const seen = [];
  for (let y = Math.round(r.y * dpr); y < Math.round((r.y + r.h) * dpr); y++)
    for (let x = Math.round(r.x * dpr); x < Math.round((r.x + r.w) * dpr); x++) {
      const i = 4 * (y * png.width + x), c = [png.data[i], png.data[i + 1], png.data[i + 2]];
      const k = c.join(); count.set(k, (count.get(k) || 0) + 1); seen.push(c);
    }
  const bg = [...count.entries()].sort((a, b) => b[1] - a[1])[0][0].split(',').map(Number);
  let best = 1;
  for (const c of seen) best = Math.max(best, ratio(c, bg));
  return best;
}

// A control's edge against what is outside it: along a row through its middle, from a few
// px outside its left edge to a few inside, the page's colour and the edge's darkest.
async function edgeContrast(page, w) {
  const { at } = await pixels(page);
  const y = w.y + w.h / 2, outside = at(w.x - 4, y);
  let best = 1;
  for (let dx = -2; dx <= 4; dx += 0.34) best = Math.max(best, ratio(at(w.x + dx, y), outside));
  return best;
}

test('text meets 7:1 and control edges 3:1 against what they are drawn on, in the rendered pixels', async () => {
  const { page, errors } = await phone();
  const texts = () => page.evaluate(() => window.linli.texts());
  const checks = [];
  const text = async (what, r) => checks.push([what, await textContrast(page, r), 7]);
  const edge = async (what, w) => checks.push([what, await edgeContrast(page, w), 3]);

  await findWidget(page, '投票');
  const saved = (await texts()).find((t) => t.kind === 'status');
  await text('"已保存" in the header', { ...saved, w: 60 });
  await openPoll(page, SURVEY.title.zh);
  await text('the selected tab', await findWidget(page, '投票'));
  await edge('a tab', await findWidget(page, '公告'));
  await text('"开始回答"', await findWidget(page, '开始回答'));
  const tag = (await texts()).find((t) => t.label.startsWith('问卷'));
  await text('a teal tag', { ...tag, w: 80 });
  await tap(page, '开始回答', { touch: true });
  await waitState(page, (s) => s.screen === 'answer');
  await edge('an option card', await findWidget(page, '40 岁以下'));
  const hint = (await texts()).find((t) => t.label.startsWith('单选'));
  await text('a grey hint', { ...hint, w: 100 });
  await tap(page, '下一题 ›', { touch: true });
  await waitState(page, (s) => s.answer.error !== '');
  await nextFrames(page, 2);
  const alert = (await texts()).find((t) => t.kind === 'alert');
  await text('a warning in red', { ...alert, w: 120 });
  await tap(page, '数据', { touch: true });
  await waitState(page, (s) => s.screen === 'data');
  const tools = await reveal(page, '在本设备上显示工具');
  await edge('the tools checkbox', tools);
  for (const [what, got, want] of checks) assert.ok(got >= want, `${what}: ${got.toFixed(2)}:1, want ${want}:1`);
  assert.deepEqual(errors, []);
});

test('at extra-large text every option of each sample question can be reached, with a cue while more is below', async () => {
  const { page, errors } = await phone();
  await tap(page, '数据', { touch: true });
  await waitState(page, (s) => s.screen === 'data');
  await tap(page, 'size.xlarge', { touch: true });
  await waitState(page, (s) => s.text_scale > 1.4);
  await page.evaluate((pid) => { location.hash = '#/poll/' + pid; }, SURVEY.id);
  let s = await waitState(page, (s) => s.screen === 'answer' && s.answer.stage === 'question');
  const answers = { score: '3' };
  let cues = 0;
  for (const q of SURVEY.questions.slice(0, 3)) {
    s = await waitState(page, (s, qid) => s.answer.step === ['q1', 'q2', 'q3'].indexOf(qid), q.id);
    await nextFrames(page, 3);
    if ((await state(page)).answer.more_below) {
      cues++;
      assert.ok((await page.evaluate(() => window.linli.texts())).some((t) => t.label.startsWith('▼')), 'the cue shows');
    }
    // Scroll the question as a finger would, and see each option come into view.
    for (const o of q.options || []) {
      let w = null;
      for (let i = 0; i < 8 && !w; i++) {
        w = (await page.evaluate(() => window.linli.widgets())).find((x) => x.label === o.text.zh);
        if (!w) { await page.mouse.move(195, 400); await page.mouse.wheel(0, 200); await nextFrames(page, 2); }
      }
      assert.ok(w, `${q.id}: ${o.text.zh} can be reached`);
    }
    for (let i = 0; i < 6 && (await state(page)).answer.more_below; i++) {
      await page.mouse.move(195, 400);
      await page.mouse.wheel(0, 200);
      await nextFrames(page, 2);
    }
    assert.equal((await state(page)).answer.more_below, false, `${q.id}: no cue once at the end`);
    // Scrolled to the end: its last option is in view.
    await tap(page, q.type === 'score' ? answers.score : q.options.at(-1).text.zh, { touch: true });
    await tap(page, '下一题 ›', { touch: true });
  }
  assert.ok(cues >= 1, 'at extra-large text some question does not fit, and says so');
  assert.deepEqual(errors, []);
});
