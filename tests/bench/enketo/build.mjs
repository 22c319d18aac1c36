// Builds the Enketo page that tests/bench/poll_link.bench.mjs measures beside Linli:
// build/enketo/site/{index.html, enketo.js, enketo.css, enketo.print.css, form.json} and a
// gzip -9 copy (.gz) of each, as Enketo is served (gzipped, no Brotli).
//
//   node tests/bench/enketo/build.mjs          (from the project root; steps already done are skipped)
//
// 1. npm ci into build/enketo from package.json + package-lock.json beside this file:
//    enketo-core 9.0.1 with its dependencies at the ranges its package.json states, except
//    two that npm cannot give as stated: leaflet-draw (a GitHub commit of Enketo's fork) is
//    the npm release leaflet-draw 1.0.4, and openrosa-xpath-evaluator 3.2.0 (never published
//    to npm) is 3.1.0, whose only difference is the Node versions it declares. Both through
//    "overrides". Also enketo-transformer 4.2.0, esbuild 0.28.2, sass 1.108.2.
// 2. form.xml → form.json ({form, model}, as Express's transform API gives them) with
//    enketo-transformer's web build, in headless Chromium (its native XSLTProcessor).
// 3. main.js → enketo.js with esbuild, set up as Express's config/build.js (ESM, minified,
//    the same browser targets, enketo-core's "browser" map as aliases).
// 4. enketo-core's formhub theme (Express's default "kobo" theme is formhub with other
//    colours) → enketo.css, and its print sheet → enketo.print.css, with sass.
// 5. index.html copied; .gz written beside each file (scripts/lib/precompress.py).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');
const OUT = path.join(ROOT, 'build/enketo');
const MODULES = path.join(OUT, 'node_modules');
const SITE = path.join(OUT, 'site');
const CORE = path.join(MODULES, 'enketo-core');

const mtime = (p) => { try { return statSync(p).mtimeMs; } catch { return -1; } };
// Whether `out` exists and is at least as new as every one of `inputs`.
const fresh = (out, inputs) => mtime(out) >= 0 && inputs.every((i) => mtime(i) <= mtime(out));
const step = (what) => console.log(`enketo: ${what}`);

// 1. The packages, exactly as locked.
function install() {
  const lock = path.join(HERE, 'package-lock.json');
  const installed = path.join(MODULES, '.package-lock.json');
  const want = readFileSync(lock, 'utf8');
  if (existsSync(installed) && existsSync(path.join(OUT, 'package-lock.json')) &&
      readFileSync(path.join(OUT, 'package-lock.json'), 'utf8') === want) return;
  step('npm ci (enketo-core 9.0.1, enketo-transformer 4.2.0, esbuild, sass)');
  mkdirSync(OUT, { recursive: true });
  copyFileSync(path.join(HERE, 'package.json'), path.join(OUT, 'package.json'));
  writeFileSync(path.join(OUT, 'package-lock.json'), want);
  // --legacy-peer-deps: enketo-transformer's peer libxslt (a native module for its Node
  // build) is not wanted, only its web build. No install scripts are needed: esbuild finds
  // its binary in @esbuild/linux-x64, sass is plain JS.
  const r = spawnSync('npm', ['ci', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund',
    '--loglevel=error'], { cwd: OUT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm ci failed (${r.status})`);
}

// 2. The form as Enketo Express hands it to the page.
async function transform() {
  const xform = path.join(HERE, 'form.xml');
  const out = path.join(SITE, 'form.json');
  const transformer = path.join(MODULES, 'enketo-transformer/dist/enketo-transformer/web/transformer.js');
  if (fresh(out, [xform, transformer])) return;
  step('form.xml → form.json (enketo-transformer 4.2.0, web build, in Chromium)');
  const { startServer } = await import('../../../scripts/lib/static_server.mjs');
  const { launch } = await import('../../browser/harness.mjs');
  const server = await startServer({ root: MODULES, port: 0 });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + 'enketo-transformer/package.json');
    const result = await page.evaluate(async ({ url, xform }) => {
      const { transform } = await import(url);
      const r = await transform({ xform });
      return { form: r.form, model: r.model, transformerVersion: r.transformerVersion, languageMap: r.languageMap };
    }, { url: server.url + 'enketo-transformer/dist/enketo-transformer/web/transformer.js',
      xform: readFileSync(xform, 'utf8') });
    if (!result.form || !result.model) throw new Error(`the transform gave no form or model ${errors.join('; ')}`);
    mkdirSync(SITE, { recursive: true });
    writeFileSync(out, JSON.stringify({ form: result.form, model: result.model }));
  } finally {
    await browser.close();
    await server.close();
  }
}

// 3. The engine and the page's script.
async function bundle() {
  const entry = path.join(HERE, 'main.js');
  const out = path.join(SITE, 'enketo.js');
  const lock = path.join(OUT, 'package-lock.json');
  if (fresh(out, [entry, lock, fileURLToPath(import.meta.url)])) return;
  step('main.js → enketo.js (esbuild 0.28.2)');
  const require = createRequire(path.join(OUT, 'package.json'));
  const esbuild = require('esbuild');
  const browserMap = JSON.parse(readFileSync(path.join(CORE, 'package.json'), 'utf8')).browser;
  const alias = Object.fromEntries(Object.entries(browserMap).map(([k, v]) =>
    [k, path.join(CORE, v.endsWith('.js') ? v : `${v}.js`)]));
  await esbuild.build({
    entryPoints: { enketo: entry },
    outdir: SITE,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    platform: 'browser',
    target: ['chrome100', 'edge100', 'firefox100', 'safari15'],
    alias,
    external: ['crypto', 'libxslt'],
    nodePaths: [MODULES],
    absWorkingDir: OUT,
    logLevel: 'warning',
  });
}

// 4. The theme.
async function styles() {
  const lock = path.join(OUT, 'package-lock.json');
  const sheets = [['formhub/formhub.scss', 'enketo.css'], ['formhub/formhub-print.scss', 'enketo.print.css']];
  if (sheets.every(([, css]) => fresh(path.join(SITE, css), [lock, fileURLToPath(import.meta.url)]))) return;
  step('enketo-core formhub theme → enketo.css, enketo.print.css (sass 1.108.2)');
  const require = createRequire(path.join(OUT, 'package.json'));
  const sass = require('sass');
  // enketo-core's sheets name some files by their path in Enketo's monorepo.
  const monorepo = {
    findFileUrl(url) {
      const prefix = '/packages/enketo-core/';
      if (!url.startsWith(prefix)) return null;
      const rest = url.slice(prefix.length);
      const file = rest.startsWith('node_modules/') ? path.join(OUT, rest) : path.join(CORE, rest);
      return pathToFileURL(file);
    },
  };
  mkdirSync(SITE, { recursive: true });
  for (const [scss, css] of sheets) {
    const r = sass.compile(path.join(CORE, 'src/sass', scss), {
      style: 'compressed', importers: [monorepo], loadPaths: [MODULES], quietDeps: true, logger: sass.Logger.silent,
    });
    writeFileSync(path.join(SITE, css), r.css);
  }
}

// 5. The page itself, and gzip -9 beside every file, as the app's site gets it (no Brotli).
function finish() {
  const html = readFileSync(path.join(HERE, 'index.html'));
  const target = path.join(SITE, 'index.html');
  if (!existsSync(target) || !readFileSync(target).equals(html)) writeFileSync(target, html);
  const r = spawnSync('/usr/bin/python3', [path.join(ROOT, 'scripts/lib/precompress.py'), SITE, '--gzip-only'],
    { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`precompress failed (${r.status})`);
}

install();
await transform();
await bundle();
await styles();
finish();
const sizes = ['index.html', 'enketo.js', 'enketo.css', 'enketo.print.css', 'form.json'].map((f) => {
  const p = path.join(SITE, f);
  return `${f} ${(statSync(p).size / 1024).toFixed(1)} KB (gzip ${(statSync(p + '.gz').size / 1024).toFixed(1)} KB)`;
});
console.log(`enketo: ${path.relative(ROOT, SITE)}/: ${sizes.join(', ')}`);
