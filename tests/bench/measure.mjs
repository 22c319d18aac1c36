// What the browser benchmarks share: the conditions a phone is put under (DevTools
// protocol), a fresh phone-sized page in its own browser, and how figures are summarised.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PHONE, ROOT, launchDevice } from '../browser/harness.mjs';
import { startServer } from '../../scripts/lib/static_server.mjs';

// DevTools' "Fast 3G": 1.6 Mbps down, 750 kbps up, 150 ms round trip.
export const FAST_3G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const kb = (n) => (n / 1024).toFixed(1);

// A freshly started browser with a new, empty profile on disk, as a phone's browser has:
// an incognito context would keep IndexedDB in memory and time a save that never happens.
// `options`: the page's (a phone's by default); `env`, `args`: the browser's environment
// and extra flags. Gives {page, context, close}.
export async function freshPhone({ env, args = [], options = PHONE } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'linli-bench-profile-'));
  const { context } = await launchDevice(dir, options, { env, args });
  const page = context.pages()[0] || await context.newPage();
  const close = async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { page, context, close };
}

// Runs `fn(page)` on a phone-sized page of a freshly started browser (an empty profile),
// its CPU slowed `cpuRate` times and its network under `network` (or not, when null);
// `env`: the browser's environment, if not this process's; `args`: its extra flags.
export async function onFreshPhone(cpuRate, network, fn, { env, args } = {}) {
  const phone = await freshPhone({ env, args });
  try {
    const page = phone.page;
    const cdp = await page.context().newCDPSession(page);
    if (cpuRate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
    }
    return await fn(page);
  } finally {
    await phone.close();
  }
}

// The bench runner (tests/bench/bench_web.cpp: the app's C++ workloads built to wasm) in a
// fresh browser, served from its build directory with `files` ({name: text}) beside it.
// Gives {page, close} once its functions can be called.
export const BENCH_DIR = path.join(ROOT, 'build/web-cmake/bench-web');
export async function benchRunner(files = {}) {
  mkdirSync(BENCH_DIR, { recursive: true });
  writeFileSync(path.join(BENCH_DIR, 'index.html'),
    '<!doctype html><script>var Module={};</script><script src="bench_web.js"></script>');
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(BENCH_DIR, name), text);
  const server = await startServer({ root: BENCH_DIR, port: 0 });
  const browser = await freshPhone({ options: {} });
  await browser.page.goto(server.url);
  await browser.page.waitForFunction(() => typeof Module._bench_heap === 'function' && Module.calledRun);
  return { page: browser.page, close: async () => { await browser.close(); await server.close(); } };
}
