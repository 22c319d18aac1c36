// What the browser benchmarks share: the conditions a phone is put under (DevTools
// protocol), a fresh phone-sized page in its own browser, and how figures are summarised.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PHONE, launchDevice } from '../browser/harness.mjs';

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
