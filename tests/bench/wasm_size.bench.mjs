// What each library contributes to the shipped index.wasm: the size of every function
// (from the code section) by its name (from the symbol map the build writes beside it,
// demangled with c++filt), grouped by library, and the data section (strings, tables).
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';
import { ROOT, SITE } from '../browser/harness.mjs';
import { kb } from './measure.mjs';

const wasm = readFileSync(path.join(SITE, 'index.wasm'));
const names = new Map(readFileSync(path.join(ROOT, 'build/web-cmake/index.wasm.symbols'), 'utf8')
  .split('\n').filter(Boolean).map((l) => { const i = l.indexOf(':'); return [Number(l.slice(0, i)), l.slice(i + 1)]; }));

function leb(b, i) {
  let r = 0, s = 0, x;
  do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
  return [r, i];
}
const skipLimits = (b, j) => { const f = b[j++]; [, j] = leb(b, j); if (f & 1) [, j] = leb(b, j); return j; };

let imports = 0, dataBytes = 0;
const bodies = [];  // [size, start, end]
for (let i = 8; i < wasm.length;) {
  const id = wasm[i];
  let n; [n, i] = leb(wasm, i + 1);
  const end = i + n;
  if (id === 2) {  // imports: count the functions, which come first in the index space
    let [c, j] = leb(wasm, i);
    for (; c > 0; c--) {
      let l; [l, j] = leb(wasm, j); j += l; [l, j] = leb(wasm, j); j += l;
      const kind = wasm[j++];
      if (kind === 0) { [, j] = leb(wasm, j); imports++; }
      else if (kind === 1) j = skipLimits(wasm, j + 1);
      else if (kind === 2) j = skipLimits(wasm, j);
      else j += 2;
    }
  } else if (id === 10) {
    let [c, j] = leb(wasm, i);
    for (; c > 0; c--) { let l; [l, j] = leb(wasm, j); bodies.push([l, j, j + l]); j += l; }
  } else if (id === 11) dataBytes = n;
  i = end;
}

const mangled = bodies.map((_, k) => names.get(imports + k) || '?');
const demangled = execFileSync('c++filt', { input: mangled.join('\n'), maxBuffer: 64 << 20 }).toString().split('\n');
const LIBS = [
  ['Dear ImGui', /^(ImGui|Im[A-Z]|ImGuiFreeType|stb)/],
  ['SDL2 (and its Emscripten driver)', /^(SDL_|Emscripten_|Blit|SDL2?_|SDL_EGL|EGL)/],
  ['libsodium (Argon2id)', /^(sodium|crypto_|blake2b|argon2|fill_|randombytes|escrypt|_crypto)/],
  ['RapidJSON', /rapidjson::/],
  ['cereal', /cereal::/],
  ['Linli', /(^|[^:])linli::|^main$|main::\$/],
  ['C++ iostream and locale', /std::__2::(basic_(i|o)?stream|basic_ios|basic_streambuf|basic_stringbuf|locale|ctype|codecvt|num_get|num_put|money|time_get|time_put|moneypunct|numpunct|collate|messages|__num|__money|__time|ios_base)/],
  ['C++ standard library (other)', /std::|^operator|__cxa|__cxx|^void std|^bool std/],
];
const sums = new Map(LIBS.map(([n]) => [n, { raw: 0, parts: [] }]));
sums.set('C library and runtime', { raw: 0, parts: [] });
demangled.forEach((d, k) => {
  const lib = (LIBS.find(([, re]) => re.test(d)) || ['C library and runtime'])[0];
  const s = sums.get(lib);
  s.raw += bodies[k][0];
  s.parts.push(wasm.subarray(bodies[k][1], bodies[k][2]));
});
// Brotli of each group on its own: what it adds to the download, roughly (shared context is lost).
const br = (bufs) => brotliCompressSync(Buffer.concat(bufs), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(`\nWhat is in index.wasm (${kb(wasm.length)} KB; ${bodies.length} functions, by the build's symbol map)`);
console.log('| part | code KB | brotli KB, alone | share of code |\n| --- | ---: | ---: | ---: |');
const code = bodies.reduce((a, b) => a + b[0], 0);
for (const [name, s] of [...sums].sort((a, b) => b[1].raw - a[1].raw))
  console.log(`| ${name} | ${kb(s.raw)} | ${kb(br(s.parts))} | ${(100 * s.raw / code).toFixed(0)}% |`);
console.log(`| data section (the Chinese string table, SDL's strings, GL names; tables) | ${kb(dataBytes)} | | |`);
