// Phones first, in Playwright's mobile emulation (touch, DPR 3, 390x844): the soft
// keyboard and Chinese input, finger scrolling, crisp resizing, text size, no frames
// while idle, offline after the first visit, and the screen-reader mirror.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ROOT, SITE, serve, launch, launchDevice, PHONE, openApp, state, tap, waitState, findWidget, reveal, frames,
  nextFrames, widgets, importFile, waitSaved, digest, watch,
} from './harness.mjs';
import { startServer } from '../../scripts/lib/static_server.mjs';
import { SURVEY, bundle, responses, text } from './bundles.mjs';

let server, browser;
const work = mkdtempSync(path.join(tmpdir(), 'linli-phones-'));
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); rmSync(work, { recursive: true, force: true }); });

async function phone() {
  const context = await browser.newContext({ ...PHONE, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp };
}

// A tap held like a real finger (Playwright's own taps are instant).
async function heldTap(cdp, x, y, ms = 250) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await new Promise((r) => setTimeout(r, ms));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function toSuggestionBox(page) {
  await tap(page, '投票', { touch: true });
  await tap(page, '客厅留言板：您想改善什么？想发起什么活动？', { touch: true });
  await tap(page, '开始回答', { touch: true });
  await waitState(page, (s) => s.screen === 'answer');
  return findWidget(page, 'text');
}

const focused = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);
const answerText = async (page) => ((await state(page)).answer.answers.find((a) => a.question === 'q1') || { text: '' }).text;

// Two kinds of field: long text is typed in the page's own box laid over the field
// (src/ui/long_text.h: the suggestion box); a one-line field through the hidden textarea
// at ImGui's caret (a poll's household code would do; the board's search is one tap away).
const FIELDS = [
  { kind: 'a long-text field (the suggestion box)', box: 'linli-box', multiline: true,
    open: toSuggestionBox, read: answerText },
  { kind: 'a one-line field (the board\'s search)', box: 'linli-text', multiline: false,
    open: async (page) => findWidget(page, 'notice-search'),
    read: async (page) => (await state(page)).board.query },
];

for (const F of FIELDS) {
  test(`a tap on ${F.kind} opens the keyboard; typing, pinyin, soft deletes and the clipboard reach it`, async () => {
    const { context, page, cdp } = await phone();
    const errors = watch(page);
    await openApp(page, server.url);
    const field = await F.open(page);
    assert.notEqual(await focused(page), F.box);

    // A held tap on the field focuses the text box inside the gesture.
    await heldTap(cdp, field.x + field.w / 2, field.y + field.h / 2);
    await nextFrames(page);
    assert.equal(await focused(page), F.box);
    const reads = async (want) => {
      for (let i = 0; i < 100 && await F.read(page) !== want; i++) await nextFrames(page, 1);
      assert.equal(await F.read(page), want);
    };

    await page.keyboard.type('Bus stop ');
    await reads('Bus stop ');

    // Pinyin: the letters being composed never land; the committed characters do.
    await page.keyboard.press('Backspace');
    await reads('Bus stop');
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', windowsVirtualKeyCode: 229 });
    await cdp.send('Input.imeSetComposition', { text: 'zhong', selectionStart: 5, selectionEnd: 5 });
    await nextFrames(page);
    assert.equal(await F.read(page), 'Bus stop');
    await cdp.send('Input.imeSetComposition', { text: 'zhongwen', selectionStart: 8, selectionEnd: 8 });
    await cdp.send('Input.insertText', { text: '增设车站' });
    await reads('Bus stop增设车站');

    // A soft keyboard's delete and newline come without a keydown the page can read.
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Unidentified', windowsVirtualKeyCode: 229, commands: ['deleteBackward'] });
    await reads('Bus stop增设车');
    let want = 'Bus stop增设车';
    if (F.multiline) {
      await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Unidentified', windowsVirtualKeyCode: 229, commands: ['insertNewline'] });
      want += '\n';
      await reads(want);
    }

    // Copy out, paste in: the system clipboard both ways.
    await page.keyboard.press('Control+A');
    await nextFrames(page);
    await page.keyboard.press('Control+C');
    await nextFrames(page);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), want);
    await page.evaluate(() => navigator.clipboard.writeText('，谢谢'));
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Control+V');
    await nextFrames(page, 4);
    await reads(want + '，谢谢');

    // Tapping elsewhere lets go of the field: the keyboard closes.
    const back = await findWidget(page, F.multiline ? '‹ 返回' : '数据');
    await heldTap(cdp, F.multiline ? back.x + back.w / 2 + 200 : 20, F.multiline ? back.y + back.h / 2 : 300, 80);
    await nextFrames(page, 4);
    assert.notEqual(await focused(page), F.box);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('keys sent in a burst all reach the field: none is left waiting for the next input', async () => {
  const { context, page } = await phone();
  await openApp(page, server.url);
  const field = await toSuggestionBox(page);
  // The tap's own touch events, then at once select all, delete and a word, as a fast
  // typist or a keyboard's suggestion sends them, and then nothing more that would wake the app.
  await page.touchscreen.tap(field.x + field.w / 2, field.y + field.h / 2);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'linli-box');
  const words = ['彭浦', '淞泾路', 'stop', '居民', '一二三', 'AED', '车棚', '九点', '集合', '谢谢',
                 '王堃', '李玥', '堰浜', '圩埭', '闵行', '充电', '电梯', '停车', '志愿者', '完'];
  for (const word of [...words, ...words]) {
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.insertText(word);
    await page.waitForFunction((w) => window.linli.state().answer.answers.some((a) => a.text === w), word,
      { timeout: 3000 });
  }
  await context.close();
});

test('a finger drags the notice list and it coasts; a drag is not a tap', async () => {
  const { context, page, cdp } = await phone();
  await openApp(page, server.url);
  const s = await state(page);
  // The second card: the first may stay partly in view, its rectangle cut at the list's top.
  const second = async () => (await widgets(page)).find((w) => w.id === s.notices[1].id);
  await findWidget(page, s.notices[1].title);
  const before = await second();
  for (let i = 0; i <= 10; i++) {
    const y = 700 - i * 40;
    await cdp.send('Input.dispatchTouchEvent', { type: i === 0 ? 'touchStart' : 'touchMove', touchPoints: [{ x: 200, y }] });
    await new Promise((r) => setTimeout(r, 16));
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await nextFrames(page, 20);
  const after = await second();
  assert.ok(!after || after.y < before.y - 300, `the list moved up with the finger: ${before.y} → ${after?.y}`);
  assert.equal((await state(page)).open_notice, '', 'no notice opened');
  await context.close();
});

test('crisp at any size: the keyboard shrinking the view, landscape, another pixel ratio', async () => {
  const { context, page, cdp } = await phone();
  await openApp(page, server.url);
  const dims = () => page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, dpr: devicePixelRatio };
  });
  // The page takes the new size first; the app, once the browser has sent its resize
  // event (with the display's next refresh; frames before it may still be the old size).
  const check = async (cw, ch, dpr) => {
    await page.waitForFunction(([cw, ch, dpr]) => {
      const c = document.getElementById('canvas');
      return c.clientWidth === cw && c.clientHeight === ch && c.width === cw * dpr && c.height === ch * dpr;
    }, [cw, ch, dpr], { timeout: 5000 });
    await nextFrames(page);
    const d = await dims();
    assert.deepEqual(d, { w: cw * dpr, h: ch * dpr, cw, ch, dpr });
  };
  await check(390, 844, 3);
  await page.setViewportSize({ width: 390, height: 500 });  // the keyboard is up
  await check(390, 500, 3);
  await page.setViewportSize({ width: 844, height: 390 });  // landscape
  await check(844, 390, 3);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 390, height: 844, deviceScaleFactor: 2, mobile: true });
  await check(390, 844, 2);
  // Still drawn, and still answering taps, after all that.
  await tap(page, '投票', { touch: true });
  await waitState(page, (s) => s.screen === 'polls');
  await context.close();
});

test('large text scales text and targets together, and is remembered', async () => {
  const { context } = await launchDevice();
  const page = await context.newPage();
  await openApp(page, server.url);
  const tabBefore = await findWidget(page, '投票');
  await tap(page, '数据', { touch: true });
  await tap(page, '特大', { touch: true });
  await waitState(page, (s) => s.text_scale === 1.5);
  await waitSaved(page);
  const tabAfter = await findWidget(page, '投票');
  assert.ok(tabAfter.h >= tabBefore.h * 1.4, `tab ${tabBefore.h} -> ${tabAfter.h}`);
  await page.reload();
  await page.waitForFunction(() => window.linli && window.linli.ready);
  assert.equal((await state(page)).text_scale, 1.5);
  await context.close();
});

test('idle: no frames drawn while nothing changes; a tap wakes it', async () => {
  const { context, page } = await phone();
  await openApp(page, server.url);
  await page.waitForTimeout(1500);
  const f0 = await page.evaluate(() => window.linli.frames);
  await page.waitForTimeout(10000);
  const idle = (await page.evaluate(() => window.linli.frames)) - f0;
  console.log(`# frames drawn in 10 idle seconds: ${idle}`);
  assert.ok(idle <= 1, `${idle} frames while idle`);
  await tap(page, '地图', { touch: true });
  await waitState(page, (s) => s.screen === 'map');
  await context.close();
});

test('offline after the first visit; a new version is picked up on the next visit, data kept', async () => {
  // A copy of the site, so a "new version" can be published to it.
  const site = path.join(work, 'site');
  cpSync(SITE, site, { recursive: true });
  const own = await startServer({ root: site, port: 0 });
  const { context } = await launchDevice();
  try {
    const page = await context.newPage();
    await openApp(page, own.url);
    // The worker has kept every file once it controls the page (it claims it on activation).
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30000 });
    const f = path.join(work, 'data.json');
    writeFileSync(f, text(bundle(responses(0, 3))));
    await importFile(page, f);
    await waitSaved(page);
    const held = await digest(page);

    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => window.linli && window.linli.ready, null, { timeout: 30000 });
    const s = await state(page);
    assert.equal(s.counts.response, 3);
    assert.equal(await digest(page), held);
    await context.setOffline(false);

    // Publish a new version: the page says so in a meta tag; the worker lists a new hash.
    const index = path.join(site, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', '<head>\n<meta name="linli-build" content="next">'));
    execFileSync('/usr/bin/python3', [path.join(ROOT, 'scripts/lib/make_sw.py'), path.join(ROOT, 'web/sw.js'), site]);
    await page.reload();  // this visit still shows the old one; the new worker installs
    // Polled from here: waitForFunction takes the promise an async predicate returns as
    // truthy at once, which passed before the new worker had even installed.
    const installed = () => page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      await r.update();
      const hit = await caches.match('./');
      return !!r.active && !r.installing && !r.waiting && (await caches.keys()).length === 1 &&
        !!hit && (await hit.text()).includes('linli-build');
    });
    for (const end = Date.now() + 30000; !(await installed());) {
      assert.ok(Date.now() < end, 'the new version installs within 30 s');
      await new Promise((r) => setTimeout(r, 500));
    }
    await page.close();
    const next = await context.newPage();  // the next visit
    await openApp(next, own.url);
    assert.ok(await next.evaluate(() => !!document.querySelector('meta[name="linli-build"]')), 'the new version runs');
    assert.equal(await digest(next), held, 'and the data is all there');
  } finally {
    await context.close();
    await own.close();
  }
});

test('the screen-reader mirror has the screen\'s headings and text, and its buttons act', async () => {
  const { context, page } = await phone();
  await openApp(page, server.url);
  const s = await state(page);
  await page.waitForFunction((t) => [...document.querySelectorAll('#a11y h2')].some((h) => h.textContent === t),
    s.notices[0].title);
  assert.equal(await page.evaluate(() => document.getElementById('canvas').getAttribute('aria-hidden')), 'true');
  assert.equal(await page.evaluate(() => document.getElementById('a11y').getAttribute('lang')), 'zh-CN');

  // Answer the survey's first question with the mirror's buttons alone.
  // Screen readers press buttons with a click on the element itself (they are not "visible").
  const press = (label) => page.evaluate((l) => {
    const b = [...document.querySelectorAll('#a11y button')].find((x) => x.textContent === l);
    if (!b) throw new Error('no mirror button ' + l);
    b.click();
  }, label);
  await press('投票');
  await waitState(page, (s) => s.screen === 'polls');
  await page.waitForFunction((t) => [...document.querySelectorAll('#a11y button')].some((b) => b.textContent === t), SURVEY.title.zh);
  await press(SURVEY.title.zh);
  await waitState(page, (s) => s.screen === 'poll');
  await page.waitForFunction(() => [...document.querySelectorAll('#a11y button')].some((b) => b.textContent === '开始回答'));
  await press('开始回答');
  await waitState(page, (s) => s.screen === 'answer');
  await page.waitForFunction(() => [...document.querySelectorAll('#a11y h2')].some((h) => h.textContent === '您的年龄段'));
  await press('60—79 岁');
  await nextFrames(page, 3);
  await press('下一题 ›');
  const after = await waitState(page, (s) => s.answer.step === 1);
  assert.deepEqual(after.answer.answers.find((a) => a.question === 'q1').choices, ['a3']);
  await context.close();
});
