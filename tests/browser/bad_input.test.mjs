// Bad and hostile files in a real browser: each import is refused with a message in the
// person's language, and the saved data in IndexedDB is byte for byte what it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, closeSync, openSync, ftruncateSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, launchDevice, openApp, state, digest, importFile, waitSaved, savedBytesDigest, tap, waitState, setLang } from './harness.mjs';
import { bundle, response, responses, text, SAMPLE } from './bundles.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'linli-bad-'));
let server, context, page;
before(async () => {
  server = await serve();
  ({ context } = await launchDevice());
  page = await context.newPage();
  await openApp(page, server.url);
  await waitSaved(page);
});
after(async () => { await context?.close(); await server?.close(); rmSync(work, { recursive: true, force: true }); });

const sampleText = JSON.stringify(SAMPLE);
function file(name, content) {
  const p = path.join(work, name);
  writeFileSync(p, content);
  return p;
}

const cases = [
  ['empty.json', '', /空|empty/i],
  ['truncated.json', sampleText.slice(0, sampleText.length / 2), /格式有误|not valid JSON/],
  ['invalid-utf8.json', Buffer.concat([Buffer.from(sampleText.slice(0, 200)), Buffer.from([0xff, 0xfe]), Buffer.from(sampleText.slice(200))]), /UTF-8/],
  ['deep.json', '['.repeat(100000) + ']'.repeat(100000), /不是邻里|not a Linli/],
  ['huge-string.json', sampleText.replace('"泾淞苑"', '"' + 'x'.repeat(50 << 20) + '"'), /太长|too long/],
  ['number.json', sampleText.replace('"floors":18', '"floors":1e400'), /数字太大|too large/],
  ['wrong-type.json', sampleText.replace('"floors":18', '"floors":"18"'), /类型不对|Wrong type/],
  ['unknown-kind.json', sampleText.replace('"kind":"facility"', '"kind":"ufo"'), /类型|kind/],
  ['newer.json', sampleText.replace('"version":1', '"version":7'), /更新版本|newer/],
  ['duplicate.json', text(bundle([response(1), response(1, { variant: 1 })])), /两条不同|twice/],
  ['dangling.json', text(bundle([{ ...response(2), poll: 'f'.repeat(32) }])), /不在文件中|neither in the file/],
  ['other-compound.json', text({ ...bundle(responses(0, 2)), community: { id: '7'.repeat(32), name: { zh: '别的小区' } } }), /别的小区/],
];

for (const [name, content, message] of cases) {
  test(`refused: ${name}`, async () => {
    const before = await savedBytesDigest(page);
    const held = await digest(page);
    const s = await importFile(page, file(name, content));
    assert.equal(s.import.stage, 'refused');
    assert.match(s.import.message, message);
    assert.equal(await digest(page), held);
    assert.deepEqual(await savedBytesDigest(page), before);
  });
}

test('a 200 MB file is refused by its size before it is read', async () => {
  const big = path.join(work, 'big.json');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 200 << 20);
  closeSync(fd);
  const before = await savedBytesDigest(page);
  const s = await importFile(page, big);
  assert.equal(s.import.stage, 'refused');
  assert.match(s.import.message, /200 MB/);
  assert.deepEqual(await savedBytesDigest(page), before);
});

test('a sample of JSONTestSuite files is refused, nothing changes', async () => {
  const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '../../../shared/corpora/JSONTestSuite/test_parsing');
  const names = readdirSync(dir).sort().filter((_, i) => i % 27 === 0);  // 12 of 318, every kind
  const before = await savedBytesDigest(page);
  for (const n of names) {
    const s = await importFile(page, path.join(dir, n));
    assert.equal(s.import.stage, 'refused', n);
    assert.ok(s.import.message.length > 5, n);
  }
  assert.deepEqual(await savedBytesDigest(page), before);
});

test('refusals are in English too', async () => {
  await setLang(page, 'en');
  const s = await importFile(page, file('newer-en.json', sampleText.replace('"version":1', '"version":7')));
  assert.equal(s.import.stage, 'refused');
  assert.match(s.import.message, /comes from a newer Linli/);
  await setLang(page, 'zh-CN');
});

test('a UTF-8 BOM is ignored and the preview says so', async () => {
  const s = await importFile(page, file('bom.json', '\ufeff' + text(bundle(responses(500, 503)))), { confirm: false });
  assert.equal(s.import.stage, 'preview');
  assert.match(s.import.message, /新增 3 份回答/);
  await tap(page, '取消');
});
