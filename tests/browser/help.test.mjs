// The help inside the app: reached from the header of any screen, fetched only when first
// opened, searchable, and every page, in both languages, opened by its link renders with
// no character missing and nothing wider than a 390 px phone — here on a system with no
// Chinese font at all, so every Chinese character comes from Linli's own font.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/lib/static_server.mjs';
import {
  ROOT, SITE, launchDevice, openApp, state, tap, waitState, nextFrames, screenshot, watch, withoutChineseFonts,
} from './harness.mjs';
import { typeInto, screenText } from './poll_steps.mjs';

const pages = (file) => [...readFileSync(path.join(ROOT, 'assets/help', file), 'utf8').matchAll(/^## (\S+) (.+)$/gm)]
  .map((m) => ({ id: m[1], title: m[2] }));
const ZH = pages('zh-CN.txt'), EN = pages('en.txt');

let server;
const sent = [];  // {path, at}: what the server sent, and when (ms since 1970)
const work = mkdtempSync(path.join(tmpdir(), 'linli-help-'));
before(async () => { server = await startServer({ root: SITE, port: 0, onResponse: (r) => sent.push(r) }); });
after(async () => { await server?.close(); rmSync(work, { recursive: true, force: true }); });

// Until no more of Linli's font is on its way, and the frames after it are drawn.
async function settled(page) {
  for (let before = await page.evaluate(() => window.linli.fontsArrived); ;) {
    await page.waitForFunction(() => window.linli.fontsLoading === 0, null, { timeout: 20000 });
    await nextFrames(page, 3);
    const now = await page.evaluate(() => window.linli.fontsArrived);
    if (now === before) return;
    before = now;
  }
}

test('help is one tap from any screen, fetched only then, and searchable', async () => {
  const { context } = await launchDevice();
  const page = await context.newPage();
  const errors = watch(page);
  await openApp(page, server.url);
  await tap(page, '投票', { touch: true });
  await waitState(page, (s) => s.screen === 'polls');
  // Nothing of the help is fetched before the first frame: only the service worker
  // fetches it afterwards, to keep it for offline, as it keeps English.
  const usable = await page.evaluate(() => performance.timeOrigin + window.linli.readyAt);
  const help = sent.filter((r) => r.path.includes('/assets/help-'));
  assert.ok(help.every((r) => r.at > usable), 'the help waits until the first visit is usable');
  await tap(page, '帮助', { touch: true });
  let s = await waitState(page, (s) => s.screen === 'help' && s.help.loaded);
  assert.ok(sent.some((r) => r.path.endsWith('/assets/help-zh-CN.txt')));
  assert.deepEqual(s.help.pages, ZH.map((p) => p.id));

  await typeInto(page, 'help-search', '户码');
  s = await waitState(page, (s) => s.help.query === '户码');
  assert.ok(s.help.pages.includes('household-code') && s.help.pages.includes('codes'));
  assert.ok(!s.help.pages.includes('text-size'));
  await tap(page, ZH.find((p) => p.id === 'household-code').title, { touch: true });
  s = await waitState(page, (s) => s.help.page === 'household-code');
  assert.match(await screenText(page), /截止前可以改投/);
  await tap(page, '‹ 返回', { touch: true });  // the page's own: back to the list
  await waitState(page, (s) => s.help.page === '');
  await tap(page, '关闭帮助', { touch: true });
  await waitState(page, (s) => s.screen === 'polls');  // where help was opened from
  assert.deepEqual(errors, []);
  await context.close();
});

test('every help page, in Chinese and English, opened by its link: no character missing, nothing wider than the phone', async () => {
  const { context } = await launchDevice(undefined, undefined, { env: withoutChineseFonts(work) });
  const page = await context.newPage();
  const errors = watch(page);
  await openApp(page, server.url);
  for (const [lang, list] of [['zh-CN', ZH], ['en', EN]]) {
    if ((await state(page)).lang !== lang) {
      await page.evaluate(() => { location.hash = '#/notices'; });
      await waitState(page, (s) => s.screen === 'notices');
      await tap(page, lang === 'en' ? 'EN' : '中文', { touch: true });
      await waitState(page, (s, l) => s.lang === l, lang);
    }
    for (const p of list) {
      await page.evaluate((id) => { location.hash = '#/help/' + id; }, p.id);
      const s = await waitState(page, (s, id) => s.screen === 'help' && s.help.loaded && s.help.page === id, p.id, 10000);
      await settled(page);
      assert.equal(s.overflow_x, false, `${lang} ${p.id}: wider than the screen`);
      assert.equal((await state(page)).overflow_x, false, `${lang} ${p.id}: wider than the screen`);
      assert.deepEqual(await page.evaluate(() => window.linli.glyphsMissing), [], `${lang} ${p.id}: characters missing`);
      assert.ok((await screenText(page)).includes(p.title), `${lang} ${p.id}: its title`);
    }
    await screenshot(page, `help-${lang}-last-page`);
  }
  // A link to a page that does not exist says so and shows the list.
  await page.evaluate(() => { location.hash = '#/help/nowhere'; });
  const s = await waitState(page, (s) => s.screen === 'help' && s.help.page === '' && s.message !== '');
  assert.match(s.message, /help page in this link does not exist/);
  assert.deepEqual(errors, []);
  await context.close();
});
