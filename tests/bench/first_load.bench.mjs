// First visit: the files of build/web/ (raw, gzip -9, and the brotli copy served beside
// each), which of them a first visit fetches (the fallback font only on a device that
// lacks Chinese fonts), and the time from navigation to the first frame drawn with data,
// median of 5 loads, each in a freshly started browser, unthrottled and at 4x CPU slowdown.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { SITE, serve, launch } from '../browser/harness.mjs';

const RUNS = Number(process.env.LINLI_BENCH_RUNS || 5);

function filesUnder(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

const kb = (n) => (n / 1024).toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function firstLoadBytes() {
  const rows = filesUnder(SITE)
    .filter((f) => !/\.(gz|br)$/.test(f))
    .map((f) => {
      const raw = readFileSync(f);
      const br = existsSync(f + '.br') ? statSync(f + '.br').size : raw.length;
      const file = path.relative(SITE, f);
      return { file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length, br, first: !/^(fonts\/|icons\/icon-(180|512|maskable))/.test(file) };
    });
  return rows;
}

// DevTools' "Fast 3G": 1.6 Mbps down, 750 kbps up, 150 ms round trip.
const FAST_3G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

async function timeToFirstFrame(url, cpuRate, network) {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    const cdp = await page.context().newCDPSession(page);
    if (cpuRate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
    }
    await page.goto(url);
    await page.waitForFunction(() => window.linli && window.linli.ready, null, { timeout: 60000 });
    return await page.evaluate(() => window.linli.readyAt);
  } finally {
    await browser.close();
  }
}

const rows = await firstLoadBytes();
console.log('\nBytes of build/web/');
console.log('| file | raw KB | gzip -9 KB | brotli KB (served) | on a first visit |\n| --- | ---: | ---: | ---: | --- |');
for (const r of rows) console.log(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.br)} | ${!r.first ? (r.file.startsWith('fonts/') ? 'only if the system lacks a glyph' : 'when installed') : r.file.includes('strings-en') ? 'after the first frame, kept for offline' : 'yes'} |`);
const sum = (rs) => rs.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip, br: a.br + r.br }), { raw: 0, gzip: 0, br: 0 });
const first = sum(rows.filter((r) => r.first)), all = sum(rows);
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
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    await page.goto(server.url);
    await page.waitForFunction(() => window.linli && window.linli.ready, null, { timeout: 60000 });
    await page.waitForTimeout(1500);
    const f0 = await page.evaluate(() => window.linli.frames);
    await page.waitForTimeout(10000);
    const idle = (await page.evaluate(() => window.linli.frames)) - f0;
    console.log(`\nFrames drawn in 10 idle seconds: ${idle}`);
  } finally {
    await browser.close();
  }
} finally {
  await server.close();
}
