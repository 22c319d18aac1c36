// What the browser benchmarks share: the conditions a phone is put under (DevTools
// protocol), a fresh phone-sized page in its own browser, and how figures are summarised.
import { launch, PHONE } from '../browser/harness.mjs';

// DevTools' "Fast 3G": 1.6 Mbps down, 750 kbps up, 150 ms round trip.
export const FAST_3G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const kb = (n) => (n / 1024).toFixed(1);

// Runs `fn(page)` on a phone-sized page of a freshly started browser (an empty profile),
// its CPU slowed `cpuRate` times and its network under `network` (or not, when null);
// `env`: the browser's environment, if not this process's; `args`: its extra flags.
export async function onFreshPhone(cpuRate, network, fn, { env, args } = {}) {
  const browser = await launch({ env, args });
  try {
    const page = await browser.newPage(PHONE);
    const cdp = await page.context().newCDPSession(page);
    if (cpuRate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
    }
    return await fn(page);
  } finally {
    await browser.close();
  }
}
