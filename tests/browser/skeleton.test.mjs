// The app skeleton in a real browser: it loads, draws, and answers taps on its tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, PHONE, watch, openApp, state, tap, waitState, waitSaved, findWidget, screenshot, pixelVariance, setLang } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a phone opens the app and sees the sample compound\'s notices in Chinese', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = watch(page);
  await openApp(page, server.url);

  const s = await state(page);
  assert.equal(s.screen, 'notices');
  assert.equal(s.lang, 'zh-CN');
  assert.equal(s.community, '泾淞苑');
  assert.ok(s.notices.length >= 5, 'the sample notices are listed');
  assert.ok(s.notices[0].urgent, 'the urgent notice comes first');
  assert.match(s.notices[0].title, /防火/);
  assert.ok(s.notices[1].pinned, 'then the pinned one');
  assert.match(s.notices[1].title, /停车/);

  // The canvas backs every CSS pixel with devicePixelRatio device pixels: crisp on a phone.
  const backing = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight, dpr: devicePixelRatio };
  });
  assert.equal(backing.dpr, 3);
  assert.equal(backing.w, backing.cssW * 3);
  assert.equal(backing.h, backing.cssH * 3);

  const png = await screenshot(page, 'skeleton-notices-zh');
  assert.ok(pixelVariance(png) > 100, 'the canvas is not blank');

  // A notice card is a tap target the size of a finger, at least 48 CSS px tall.
  const first = await findWidget(page, s.notices[0].title);
  assert.ok(first.h >= 48);
  assert.deepEqual(errors, []);
  await context.close();
});

test('tabs answer real touch and mouse taps, found by their labels', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = watch(page);
  await openApp(page, server.url);

  await tap(page, '投票', { touch: true });
  let s = await waitState(page, (s) => s.screen === 'polls');
  assert.ok(s.polls.length >= 2, 'the sample polls are listed');

  await tap(page, '地图', { touch: true });
  s = await waitState(page, (s) => s.screen === 'map');

  await tap(page, '公告');
  s = await waitState(page, (s) => s.screen === 'notices');

  // Opening a notice and going back.
  const title = s.notices[1].title;
  await tap(page, title, { touch: true });
  s = await waitState(page, (s, t) => s.open_notice !== '', title);
  await tap(page, '‹ 返回', { touch: true });
  await waitState(page, (s) => s.open_notice === '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the language switch turns every label to English and back', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const english = [];  // English is a file of its own, fetched only when asked for
  page.on('request', (r) => { if (r.url().includes('strings-en')) english.push(r.url()); });
  await openApp(page, server.url);
  assert.deepEqual(english, [], 'no English fetched before it is asked for');

  let s = await setLang(page, 'en');
  assert.equal(s.community, 'Jingsong Garden');
  assert.match(s.notices[0].title, /fire safety/i);
  assert.match(s.notices[1].title, /parking/i);
  await findWidget(page, 'Notices');
  await tap(page, 'Polls', { touch: true });
  s = await waitState(page, (s) => s.screen === 'polls');
  await tap(page, 'Map');
  await waitState(page, (s) => s.screen === 'map');
  await screenshot(page, 'skeleton-map-en');
  assert.equal(english.length, 1, 'English fetched once');

  // Remembered: the next start is in English from its first frame.
  await waitSaved(page);
  await page.reload();
  await page.waitForFunction(() => window.linli && window.linli.ready);
  assert.equal((await state(page)).lang, 'en');
  await findWidget(page, 'Notices');

  s = await setLang(page, 'zh-CN');
  await findWidget(page, '地图');
  await context.close();
});
