// Links a resident is sent: #/poll/<id> opens that poll's first question at once (on a
// first visit, in a fresh browser), a tap answers it; a link to a poll this device does
// not hold says so in both languages; following another link while open moves there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, serve, launch, openApp, state, tap, waitState, findWidget, watch, setLang } from './harness.mjs';
import { SURVEY } from './bundles.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a poll link opens its first question on a first visit, and a tap answers it', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = watch(page);
  await openApp(page, server.url, '#/poll/' + SURVEY.id);
  const s = await state(page);
  assert.equal(s.screen, 'answer', 'the very first frame with data is the question');
  assert.equal(s.open_poll, SURVEY.id);
  assert.equal(s.answer.stage, 'question');
  assert.equal(s.answer.step, 0);
  const q1 = SURVEY.questions[0];
  await tap(page, q1.options[0].text.zh, { touch: true });
  await waitState(page, (st, a) => st.answer.answers.some((x) => x.question === a.q && x.choices[0] === a.o),
    { q: q1.id, o: q1.options[0].id });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link to a poll this device does not hold says so, in Chinese and in English', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await openApp(page, server.url, '#/poll/0123456789abcdef0123456789abcdef');
  let s = await state(page);
  assert.equal(s.screen, 'polls');
  assert.match(s.message, /不在本设备上/);
  await page.waitForFunction(() => document.getElementById('a11y').textContent.includes('不在本设备上'));
  s = await setLang(page, 'en');
  assert.match(s.message, /not on this device/);
  // A tap on a tab goes on from there; the message has done its work.
  await tap(page, 'Notices');
  s = await waitState(page, (st) => st.screen === 'notices');
  assert.equal(s.message, '');
  await context.close();
});

test('following another link while the app is open goes there', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await openApp(page, server.url);
  assert.equal((await state(page)).screen, 'notices');
  await page.evaluate((id) => { location.hash = '#/poll/' + id; }, SURVEY.id);
  await waitState(page, (st, id) => st.screen === 'answer' && st.open_poll === id, SURVEY.id);
  await page.evaluate(() => { location.hash = '#/map'; });
  await waitState(page, (st) => st.screen === 'map');
  await findWidget(page, '地图');
  await context.close();
});
