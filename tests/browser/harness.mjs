// What every browser test shares: the served site, Debian's Chromium, and ways to act
// as a person would (tap a widget found by its label) and to look at what was drawn.
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/lib/static_server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SITE = path.join(ROOT, 'build/web');
export const ARTIFACTS = path.join(ROOT, 'build/test-artifacts');

// Flags measured to render WebGL2 headless here (../shared/TOOLCHAIN.md).
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

export async function serve() {
  return startServer({ root: SITE, port: 0 });
}

// `env`: the browser's environment, if not this process's (e.g. another FONTCONFIG_FILE);
// `args`: flags beyond CHROMIUM_ARGS (e.g. --disable-3d-apis: no WebGL).
export async function launch({ env, args = [] } = {}) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...args], ...(env ? { env } : {}) });
}

// The environment of a browser on a system with no Chinese font at all: fontconfig
// limited to DejaVu (its cache kept in `dir`).
export function withoutChineseFonts(dir) {
  const conf = path.join(dir, 'fonts.conf');
  writeFileSync(conf, `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>${path.join(dir, 'fc-cache')}</cachedir>
  <include ignore_missing="yes">/etc/fonts/conf.d</include>
</fontconfig>\n`);
  return { ...process.env, FONTCONFIG_FILE: conf };
}

// A browser with its own profile on disk: a "device" whose storage survives restarts.
// `env`: the browser's environment, if not this process's; `args`: flags beyond CHROMIUM_ARGS.
export async function launchDevice(profileDir = mkdtempSync(path.join(tmpdir(), 'linli-profile-')), options = PHONE,
  { env, args = [] } = {}) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...args], ...options, ...(env ? { env } : {}),
  });
  return { context, profileDir };
}

// Collects page errors so a test can assert there were none.
export function watch(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

export async function openApp(page, url, hash = '') {
  await page.goto(url + hash);
  await page.waitForFunction(() => window.linli && window.linli.ready, null, { timeout: 30000 });
}

export const state = (page) => page.evaluate(() => window.linli.state());
export const widgets = (page) => page.evaluate(() => window.linli.widgets());
export const frames = (page) => page.evaluate(() => window.linli.frames);
export const digest = (page) => page.evaluate(() => window.linli.digest());

// The widgets are those of the last frame drawn: wait for frames drawn after now, so
// that what was just tapped or changed is on screen.
export async function nextFrames(page, n = 2) {
  const f0 = await page.evaluate(() => { window.linli.wake(); return window.linli.frames; });
  await page.waitForFunction(([f, k]) => window.linli.frames >= f + k, [f0, n], { timeout: 5000 });
}

// Waits until a widget with this label is drawn, and returns it.
export async function findWidget(page, label, { timeout = 5000 } = {}) {
  await nextFrames(page);
  const handle = await page.waitForFunction(
    (l) => window.linli.widgets().find((w) => w.label === l || w.id === l) || null, label, { timeout });
  return handle.jsonValue();
}

// Finds a widget, scrolling the content (mouse wheel over the middle of the page) down,
// then up, until it is drawn, the way a person would look for it.
export async function reveal(page, label, { steps = 12 } = {}) {
  await nextFrames(page);
  const find = () => page.evaluate((l) => window.linli.widgets().find((w) => w.label === l || w.id === l) || null, label);
  // A screen that just appeared may still be settling (auto-sized cards): wait until the
  // widget stands still for a frame, as a finger would.
  const has = async () => {
    for (let i = 0; i < 10; i++) {
      const a = await find();
      if (!a) return null;
      await nextFrames(page, 1);
      const b = await find();
      if (b && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h) return b;
    }
    return find();
  };
  let w = await has();
  const vp = page.viewportSize() || await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  // Down first (most things are further down a screen), then back up.
  for (const dir of [1, -1])
    for (let i = 0; !w && i < steps; i++) {
      // At the page's right edge, beside the fields: a wheel over a multi-line field
      // would scroll the field's own text instead.
      await page.mouse.move(vp.width - 6, vp.height / 2);
      await page.mouse.wheel(0, dir * vp.height / 2);
      await page.waitForTimeout(120);
      w = await has();
    }
  return w || findWidget(page, label);
}

// Taps the middle of a widget found by label, by touch or by mouse, through the canvas.
export async function tap(page, label, { touch = false } = {}) {
  const w = await reveal(page, label);
  const x = w.x + w.w / 2, y = w.y + w.h / 2;
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
  return w;
}

// Waits until window.linli.state() satisfies a predicate (given as a function source).
export async function waitState(page, predicate, arg, timeout = 5000) {
  await page.waitForFunction(
    ([src, a]) => (new Function('s', 'a', 'return (' + src + ')(s, a)'))(window.linli.state(), a),
    [predicate.toString(), arg], { timeout });
  return state(page);
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const png = await page.screenshot();
  writeFileSync(path.join(ARTIFACTS, name + '.png'), png);
  return png;
}

// Luminance variance of a PNG: near zero for a blank (single-colour) canvas.
export function pixelVariance(pngBuffer) {
  const img = PNG.sync.read(pngBuffer);
  let n = 0, sum = 0, sum2 = 0;
  for (let i = 0; i < img.data.length; i += 4 * 7) {
    const l = 0.299 * img.data[i] + 0.587 * img.data[i + 1] + 0.114 * img.data[i + 2];
    n++; sum += l; sum2 += l * l;
  }
  const mean = sum / n;
  return sum2 / n - mean * mean;
}

// Everything the app has saved in IndexedDB (Emscripten's IDBFS database for /data),
// as one SHA-256: equal before and after exactly when not a byte has changed.
export async function savedBytesDigest(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('/data');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const entries = [];
      const cur = db.transaction('FILE_DATA').objectStore('FILE_DATA').openCursor();
      cur.onerror = () => reject(cur.error);
      cur.onsuccess = async () => {
        const c = cur.result;
        if (c) {
          const v = c.value;
          entries.push([String(c.key), v.mode, v.timestamp && v.timestamp.getTime(), v.contents ? Array.from(new Uint8Array(v.contents.buffer || v.contents)) : null]);
          c.continue();
          return;
        }
        db.close();
        entries.sort((a, b) => (a[0] < b[0] ? -1 : 1));
        const bytes = new TextEncoder().encode(JSON.stringify(entries));
        const h = await crypto.subtle.digest('SHA-256', bytes);
        resolve({ files: entries.length, sha256: Array.from(new Uint8Array(h)).map((x) => x.toString(16).padStart(2, '0')).join('') });
      };
    };
  }));
}

// The data screen's import: pick the file, read the preview, confirm (or not).
export async function importFile(page, filePath, { confirm = true } = {}) {
  const s0 = await state(page);
  if (s0.screen !== 'data') {
    await tap(page, s0.lang === 'en' ? 'Data' : '数据');
    await waitState(page, (s) => s.screen === 'data');
  }
  const before = await state(page);
  const label = before.lang === 'en' ? 'Import a file…' : '导入文件…';
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, label)]);
  await chooser.setFiles(filePath);
  const s = await waitState(page, (s, seq) => s.import.seq > seq && (s.import.stage === 'preview' || s.import.stage === 'refused'),
                            before.import.seq, 60000);
  if (s.import.stage === 'preview' && confirm) {
    await tap(page, s.lang === 'en' ? 'Import' : '确认导入');
    return waitState(page, (s) => s.import.stage === 'done' || s.import.stage === 'refused', null, 60000);
  }
  return s;
}

export async function waitSaved(page, timeout = 10000) {
  return waitState(page, (s) => s.save === 'saved', null, timeout);
}

// Taps an export button and returns the downloaded file's path and name.
export async function exportFile(page, dir, { scope = 'committee' } = {}) {
  const s0 = await state(page);
  if (s0.screen !== 'data') {
    await tap(page, s0.lang === 'en' ? 'Data' : '数据');
    await waitState(page, (s) => s.screen === 'data');
  }
  const zh = s0.lang !== 'en';
  const label = scope === 'committee' ? (zh ? '导出全部数据（交居委会）' : 'Export all data (for the committee)')
                                      : (zh ? '导出公开版（给居民）' : 'Export public data (for residents)');
  const [download] = await Promise.all([page.waitForEvent('download'), tap(page, label)]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return { file, name: download.suggestedFilename() };
}

// Switches the app's language as a person does (under 数据 / Data), and comes back to the
// screen it was on.
export async function setLang(page, lang) {
  const s0 = await state(page);
  if (s0.lang === lang) return s0;
  const onData = s0.screen === 'data';
  if (!onData) {
    await tap(page, s0.lang === 'en' ? 'Data' : '数据');
    await waitState(page, (s) => s.screen === 'data');
  }
  await tap(page, lang === 'en' ? 'lang.en' : 'lang.zh');
  await waitState(page, (s, l) => s.lang === l, lang);
  if (onData) return state(page);
  await tap(page, lang === 'en' ? '‹ Back' : '‹ 返回');
  return waitState(page, (s, screen) => s.screen === screen, s0.screen);
}

// Phones a test file opens, each on its own profile with a page on the app at `url`;
// closeAll() closes them, also after a failed test.
export function phones() {
  const opened = [];
  return {
    async open(url) {
      const { context } = await launchDevice();
      opened.push(context);
      const page = await context.newPage();
      const errors = watch(page);
      await openApp(page, url);
      return { page, errors, context };
    },
    async closeAll() {
      for (const c of opened) await c.close().catch(() => {});
    },
  };
}
