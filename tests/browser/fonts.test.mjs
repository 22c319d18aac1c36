// Every character renders, checked from the pixels drawn: with the system's Chinese fonts
// (and then Linli's own font is never fetched), and on a system with no Chinese font at
// all (fontconfig limited to DejaVu), through the slices of Linli's fallback font that
// hold the characters drawn, fetched on demand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { startServer } from '../../scripts/lib/static_server.mjs';
import {
  PHONE, SITE, launch, launchDevice, openApp, findWidget, nextFrames, screenshot, watch, withoutChineseFonts,
} from './harness.mjs';

// Place names, and (beyond GB2312, as in many people's names) 堃 镕 喆 玥.
const RARE = ['淞', '泾', '彭', '浦', '闵', '堰', '浜', '圩', '埭', '堃', '镕', '喆', '玥'];
const PARAGRAPH = '彭浦新村的居民：周六上午九点在淞泾路口集合，一起清理闵行堰浜两岸。联系人：王堃、李玥。';
const LINES_UP = 'H 中 H';
// What ImGui draws for a character that no font has (U+10FFFD, say): its fallback, U+FFFD.
const NOWHERE = '\ufffd';

let server;
const sent = [];  // what the server sent: {path, status}
const work = mkdtempSync(path.join(tmpdir(), 'linli-fonts-'));
before(async () => { server = await startServer({ root: SITE, port: 0, onResponse: (r) => sent.push(r) }); });
after(async () => { await server?.close(); rmSync(work, { recursive: true, force: true }); });

// The field holds `text`, so it has been drawn once; then, until nothing more of Linli's
// font arrives, frames drawn with what did.
async function settle(page, text) {
  await page.waitForFunction((t) => window.linli.state().board.query === t, text);
  for (let before = await page.evaluate(() => window.linli.fontsArrived); ;) {
    await page.waitForFunction(() => window.linli.fontsLoading === 0, null, { timeout: 20000 });
    const now = await page.evaluate(() => window.linli.fontsArrived);
    if (now === before) return nextFrames(page, 2);
    before = now;
    await nextFrames(page, 3);
  }
}

// Types `text` into the (focused) field in place of what it held, and returns the
// field's pixels as drawn, with a test for ink (a dark pixel).
async function drawIn(page, field, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.insertText(text);
  await settle(page, text);
  const png = PNG.sync.read(await page.screenshot({ clip: { x: field.x, y: field.y, width: field.w, height: field.h } }));
  const dark = (x, y) => {
    const i = 4 * (y * png.width + x);
    return 0.299 * png.data[i] + 0.587 * png.data[i + 1] + 0.114 * png.data[i + 2] < 110;
  };
  return { png, dark };
}

// Which pixels of the field are ink: a string of 0/1, to compare drawings.
async function ink(page, field, text) {
  const { png, dark } = await drawIn(page, field, text);
  let bits = '', count = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const on = dark(x, y);
      bits += on ? '1' : '0';
      count += on;
    }
  }
  return { bits, dark: count };
}
const differ = (a, b) => [...a.bits].filter((c, i) => c !== b.bits[i]).length;

// The glyphs of a line as boxes of ink (device pixels), left to right; the caret (thin) is left out.
async function glyphBoxes(page, field, text) {
  const { png, dark } = await drawIn(page, field, text);
  const boxes = [];
  let box = null;
  for (let x = 0; x < png.width; x++) {
    let top = -1, bottom = -1;
    for (let y = 0; y < png.height; y++) if (dark(x, y)) { if (top < 0) top = y; bottom = y; }
    if (top >= 0) {
      if (!box) boxes.push(box = { left: x, right: x, top, bottom });
      box.right = x; box.top = Math.min(box.top, top); box.bottom = Math.max(box.bottom, bottom);
    } else box = null;
  }
  return boxes.filter((b) => b.right - b.left > 6);
}

// Mixed Chinese and Latin text lines up: the Latin capitals stand on one baseline, and the
// ideograph sits on it too (its foot a little below, as ideographs are drawn), about as tall.
async function checkLinesUp(page, field, label) {
  const [h1, zhong, h2] = await glyphBoxes(page, field, LINES_UP);
  assert.ok(h1 && zhong && h2, `${label}: three glyphs drawn`);
  assert.equal(h1.bottom, h2.bottom, `${label}: the Latin letters share a baseline`);
  const em = zhong.bottom - zhong.top;
  const capital = h1.bottom - h1.top;
  assert.ok(zhong.bottom >= h1.bottom - 2 && zhong.bottom - h1.bottom <= 0.25 * em,
    `${label}: 中 stands on the baseline (its foot ${zhong.bottom - h1.bottom} px from the H's, em ${em} px)`);
  assert.ok(em > 0.9 * capital && em < 1.6 * capital, `${label}: 中 (${em} px) is sized with the H (${capital} px)`);
}

async function checkEveryCharacter(page, label) {
  // A one-line field (the board's search): drawn by the app while typed in. (Long text is
  // typed in the page's own box: src/ui/long_text.h.)
  await openApp(page, server.url, '#/notices');
  const field = await findWidget(page, 'notice-search');
  await page.touchscreen.tap(field.x + field.w / 2, field.y + field.h / 2);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'linli-text');
  const empty = await ink(page, field, '');
  const missing = await ink(page, field, NOWHERE);
  const drawn = [];
  for (const ch of RARE) {
    const d = await ink(page, field, ch);
    assert.ok(d.dark - empty.dark > 20, `${label}: ${ch} leaves ink`);
    assert.ok(differ(d, missing) > 20, `${label}: ${ch} is not drawn as the "missing" box`);
    for (const [other, o] of drawn) assert.ok(differ(d, o) > 20, `${label}: ${ch} and ${other} are drawn differently`);
    drawn.push([ch, d]);
  }
  const boxes = await ink(page, field, NOWHERE.repeat([...PARAGRAPH].length));
  const para = await ink(page, field, PARAGRAPH);
  assert.ok(para.dark - empty.dark > 400, `${label}: the paragraph leaves ink`);
  assert.ok(differ(para, boxes) > 400, `${label}: the paragraph is not a row of "missing" boxes`);
  await screenshot(page, `fonts-${label}`);
  await checkLinesUp(page, field, label);
}

// The font files the server has sent in full since `from` (an index into `sent`).
const fontsSent = (from) => sent.slice(from).filter((r) => r.path.startsWith('/fonts/') && r.status === 200)
  .map((r) => r.path).sort();

test('with the system\'s Chinese fonts: rare place-name characters and a paragraph render; no font is downloaded', async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage(PHONE);
    const errors = watch(page);
    const from = sent.length;
    await checkEveryCharacter(page, 'system');
    assert.deepEqual(errors, []);
    assert.deepEqual(fontsSent(from), [], 'Linli\'s own font is not fetched');
  } finally {
    await browser.close();
  }
});

// The files of Linli's font a page should fetch to draw `text` (and the app's own texts,
// which are all in slice 0): its list, and the slices holding those characters.
function slicesFor(text) {
  const list = JSON.parse(readFileSync(path.join(SITE, 'fonts/linli-cjk.json'), 'utf8'));
  const files = new Set(['/fonts/linli-cjk.json', '/fonts/' + list.slices[0].file]);
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    for (const { file, runs } of list.slices) {
      let end = 0;
      for (let i = 0; i < runs.length; i += 2) {
        const first = end + runs[i];
        end = first + runs[i + 1];
        if (cp >= first && cp <= end) files.add('/fonts/' + file);
      }
    }
  }
  return { files: [...files].sort(), of: list.slices.length };
}

test('with no Chinese font on the system: the same characters render through the slices of Linli\'s font that hold them, kept for offline', async () => {
  const { context } = await launchDevice(undefined, PHONE, { env: withoutChineseFonts(work) });
  try {
    const page = await context.newPage();
    const errors = watch(page);
    const from = sent.length;
    await checkEveryCharacter(page, 'fallback');
    const expected = slicesFor(RARE.join('') + PARAGRAPH + LINES_UP);
    assert.deepEqual(fontsSent(from), expected.files, 'each slice with a character drawn, once; no other');
    assert.ok(expected.files.length - 1 < expected.of, `not all ${expected.of} slices`);

    // Fetched before the service worker controlled the page (a first visit), they are
    // kept by it all the same: offline, the same characters still render.
    const kept = () => page.evaluate(async (files) => {
      if (!navigator.serviceWorker.controller) return false;
      for (const f of files) if (!(await caches.match(f.slice(1)))) return false;
      return true;
    }, expected.files);
    for (const end = Date.now() + 30000; !(await kept());) {
      assert.ok(Date.now() < end, 'the font files are in the service worker\'s cache within 30 s');
      await new Promise((r) => setTimeout(r, 500));
    }
    await context.setOffline(true);
    await checkEveryCharacter(page, 'fallback-offline');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
