// Records, storage and merge in the browser (headless Chromium), with the same C++
// workloads as the native store_bench, plus a 100,000-response import compared in the
// same run with a plain-JavaScript baseline doing the same merge (JSON.parse + a Map).
import path from 'node:path';
import { startServer } from '../../scripts/lib/static_server.mjs';
import { ROOT, openApp, importFile, waitSaved, state, tap } from '../browser/harness.mjs';
import { bigBundle } from './big_bundle.mjs';
import { BENCH_DIR, benchRunner, freshPhone, median } from './measure.mjs';

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

const bigText = JSON.stringify(bigBundle(100000));
const runner = await benchRunner({ 'big.json': bigText });
try {
  const page = runner.page;

  const merge = await page.evaluate(() => JSON.parse(UTF8ToString(Module._bench_merge(100, 1000))));
  console.log('\nMerge of 100 bundles x 1,000 responses (browser, wasm)');
  console.log('| step | ms |\n| --- | ---: |');
  console.log(`| parse and check 100 bundles | ${merge.parse_ms.toFixed(0)} |\n| merge into one dataset | ${merge.merge_ms.toFixed(0)} |\n| records after merge | ${merge.records} |`);

  console.log('\nSaving one response in the browser: the store\'s write plus the sync to IndexedDB (median of 50)');
  console.log('| responses stored | write ms | write + IndexedDB sync ms |\n| ---: | ---: | ---: |');
  const rows = [];
  for (const n of [1000, 100000]) {
    const r = await page.evaluate(async (n) => {
      const sync = (populate) => new Promise((res, rej) => FS.syncfs(populate, (e) => (e ? rej(e) : res())));
      const dir = '/bench' + n;
      FS.mkdir(dir);
      FS.mount(IDBFS, {}, dir);
      await sync(true);
      if (Module.ccall('bench_store_open', 'number', ['string', 'number'], [dir, n]) !== 0) throw new Error('open failed');
      await sync(false);
      const write = [], total = [];
      for (let i = 0; i < 50; i++) {
        const t0 = performance.now();
        write.push(Module._bench_save_one());
        await sync(false);
        total.push(performance.now() - t0);
      }
      return { write, total, heap: Module._bench_heap() };
    }, n);
    rows.push({ n, write: median(r.write), total: median(r.total), heap: r.heap });
    console.log(`| ${n} | ${median(r.write).toFixed(3)} | ${median(r.total).toFixed(2)} |`);
  }
  console.log(`| ratio 100,000 / 1,000 | ${(rows[1].write / rows[0].write).toFixed(2)} | ${(rows[1].total / rows[0].total).toFixed(2)} |`);

  const imp = await page.evaluate(async () => {
    const buf = new Uint8Array(await (await fetch('big.json')).arrayBuffer());
    const text = new TextDecoder().decode(buf);
    const runs = [];
    for (let k = 0; k < 3; k++) {
      // wasm: parse + check + merge, as an import does.
      const p = Module._malloc(buf.length);
      HEAPU8.set(buf, p);
      const w = JSON.parse(UTF8ToString(Module._bench_parse_merge(p, buf.length)));
      Module._free(p);
      // Plain JavaScript: JSON.parse and a Map keyed by id, last writer wins.
      const t0 = performance.now();
      const doc = JSON.parse(text);
      const map = new Map();
      for (const r of doc.records) {
        const old = map.get(r.id);
        if (!old || old.rev < r.rev) map.set(r.id, r);
      }
      const js = performance.now() - t0;
      runs.push({ wasm: w.parse_ms + w.merge_ms, parse: w.parse_ms, merge: w.merge_ms, js, size: map.size, heap: w.heap });
    }
    return { runs, bytes: buf.length };
  });
  const wasmMs = median(imp.runs.map((r) => r.wasm)), jsMs = median(imp.runs.map((r) => r.js));
  console.log(`\nImport of a bundle of 100,000 responses x 10 answers (${(imp.bytes / 1048576).toFixed(1)} MB), parse + merge, median of 3`);
  console.log('| | ms |\n| --- | ---: |');
  console.log(`| Linli (wasm): parse and check | ${median(imp.runs.map((r) => r.parse)).toFixed(0)} |`);
  console.log(`| Linli (wasm): merge | ${median(imp.runs.map((r) => r.merge)).toFixed(0)} |`);
  console.log(`| Linli (wasm): total | ${wasmMs.toFixed(0)} |`);
  console.log(`| plain JavaScript: JSON.parse + Map by id | ${jsMs.toFixed(0)} |`);
  console.log(`| ratio Linli / JavaScript | ${(wasmMs / jsMs).toFixed(2)} |`);
  console.log(`\nwasm heap in use holding the store with 100,000 responses: ${(rows[1].heap / 1048576).toFixed(1)} MB`);
} finally {
  await runner.close();
}

// The same import end to end in the app: pick the file (read, parse, preview), then confirm
// (merge, write to the store, sync to IndexedDB).
{
  const app = await startServer({ root: path.join(ROOT, 'build/web'), port: 0 });
  const b2 = await freshPhone();
  try {
    const page = b2.page;
    await openApp(page, app.url);
    await waitSaved(page);
    const t0 = Date.now();
    const s = await importFile(page, path.join(BENCH_DIR, 'big.json'), { confirm: false });
    const t1 = Date.now();
    if (s.import.stage !== 'preview') throw new Error('import refused: ' + s.import.message);
    await tap(page, '确认导入');
    await page.waitForFunction(() => window.linli.state().import.stage === 'done', null, { timeout: 120000 });
    const t2 = Date.now();
    await waitSaved(page, 120000);
    const t3 = Date.now();
    const after = await state(page);
    const memory = await page.evaluate(() => window.linli.memory());
    console.log('\nThe same 100,000-response import in the app, end to end');
    console.log('| step | ms |\n| --- | ---: |');
    console.log(`| choose file to preview shown (read, parse, check, preview) | ${t1 - t0} |`);
    console.log(`| confirm to done (merge, write segments) | ${t2 - t1} |`);
    console.log(`| done to "Saved" (sync to IndexedDB) | ${t3 - t2} |`);
    console.log(`| responses held | ${after.counts.response} |`);
    console.log(`| wasm heap in use (app, after import) | ${(memory.heap_in_use / 1048576).toFixed(1)} MB |`);
    console.log(`| wasm memory reserved (app, after import) | ${(memory.wasm_memory / 1048576).toFixed(1)} MB |`);
  } finally {
    await b2.close();
    await app.close();
  }
}
