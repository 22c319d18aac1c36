// First visit: the files of build/web/ (raw, gzip -9, and the brotli copy served beside
// each), which of them a first visit fetches (the fallback font's slices only on a device
// that lacks Chinese fonts), and the time from navigation to the first frame drawn with data,
// median of 5 loads, each in a freshly started browser, unthrottled and at 4x CPU slowdown.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { SITE, serve } from '../browser/harness.mjs';
import { FAST_3G, kb, median, onFreshPhone } from './measure.mjs';

const RUNS = Number(process.env.LINLI_BENCH_RUNS || 5);

function filesUnder(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}


export async function firstLoadBytes() {
  const rows = filesUnder(SITE)
    .filter((f) => !/\.(gz|br)$/.test(f))
    .map((f) => {
      const raw = readFileSync(f);
      const br = existsSync(f + '.br') ? statSync(f + '.br').size : raw.length;
      const file = path.relative(SITE, f);
      return { file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length, br, first: !/^(fonts\/|icons\/icon-(180|512|maskable))/.test(file) };
    });
  // Linli's font beyond its first two slices as one row: a device fetches these one by one,
  // only for characters beyond GB2312 (names, Hangul, ...).
  const later = rows.filter((r) => /^fonts\/linli-cjk-([2-9]|\d\d)\.woff2$/.test(r.file));
  const rest = later.reduce((a, r) => ({ ...a, raw: a.raw + r.raw, gzip: a.gzip + r.gzip, br: a.br + r.br }),
    { file: `fonts/linli-cjk-2…${later.length + 1}.woff2 (${later.length} slices)`, raw: 0, gzip: 0, br: 0, first: false });
  return [...rows.filter((r) => !later.includes(r)), ...(later.length ? [rest] : [])];
}

const timeToFirstFrame = (url, cpuRate, network) => onFreshPhone(cpuRate, network, async (page) => {
  await page.goto(url);
  await page.waitForFunction(() => window.linli && window.linli.ready, null, { timeout: 60000 });
  return page.evaluate(() => window.linli.readyAt);
});

// Fetched by the service worker once the first frame is up, never before: the English
// strings and the help's pages (the app fetches them itself when first opened).
const afterFirstFrame = (file) => /^assets\/(strings-en\.json|help-.*\.txt)$/.test(file);

const rows = await firstLoadBytes();
console.log('\nBytes of build/web/');
console.log('| file | raw KB | gzip -9 KB | brotli KB (served) | on a first visit |\n| --- | ---: | ---: | ---: | --- |');
for (const r of rows) console.log(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.br)} | ${!r.first ? (r.file.startsWith('fonts/') ? 'only if the system lacks a character it holds' : 'when installed') : afterFirstFrame(r.file) ? 'after the first frame, kept for offline' : 'yes'} |`);
const sum = (rs) => rs.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip, br: a.br + r.br }), { raw: 0, gzip: 0, br: 0 });
const first = sum(rows.filter((r) => r.first && !afterFirstFrame(r.file))), all = sum(rows);
console.log(`| **first visit** | ${kb(first.raw)} | ${kb(first.gzip)} | ${kb(first.br)} | |`);
console.log(`| all files | ${kb(all.raw)} | ${kb(all.gzip)} | ${kb(all.br)} | |`);

const server = await serve();
try {
  console.log(`\nNavigation to first frame with data (headless Chromium, fresh browser each load, median of ${RUNS})`);
  console.log('| conditions | median ms | all runs ms |\n| --- | ---: | --- |');
  for (const [name, rate, network] of [['unthrottled', 1, null], ['4x CPU', 4, null], ['4x CPU + fast 3G', 4, FAST_3G]]) {
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await timeToFirstFrame(server.url, rate, network));
    console.log(`| ${name} | ${median(times).toFixed(0)} | ${times.map((t) => t.toFixed(0)).join(', ')} |`);
  }

  // Power: frames drawn while nothing happens, on a phone-sized page.
  const idle = await onFreshPhone(1, null, async (page) => {
    await page.goto(server.url);
    await page.waitForFunction(() => window.linli && window.linli.ready, null, { timeout: 60000 });
    await page.waitForTimeout(1500);
    const f0 = await page.evaluate(() => window.linli.frames);
    await page.waitForTimeout(10000);
    return (await page.evaluate(() => window.linli.frames)) - f0;
  });
  console.log(`\nFrames drawn in 10 idle seconds: ${idle}`);
} finally {
  await server.close();
}
