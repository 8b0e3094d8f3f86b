/**
 * Build step after `tsc`: bundle each entry point into one CommonJS file under dist/bundle/ with
 * esbuild, then warm V8's code cache for it (see bin/resdiff.cjs), so a cold `resdiff compare`
 * compiles no JavaScript and resolves no module files before it starts working.
 *
 * Why CommonJS: V8's code cache (`vm.Script` `cachedData`) is available for scripts on every
 * Node we support; ES modules get one only from Node 22's `module.enableCompileCache()`.
 *
 * What is bundled: our src/ and the libraries every short run needs (each entry's `bundled`
 * below). Every other package imported from src/ stays external and is loaded from node_modules
 * at run time, only on the path that needs it: yaml, pdfjs-dist, playwright, docx, jszip, saxes,
 * hono, diff2html, better-sqlite3 (native), unified/rehype and whatever is added later. A new
 * dependency therefore needs no change here unless it is on the path of every `compare`.
 * remark (Markdown outside the direct reader's shape) is an entry of its own, loaded on demand.
 *
 * Paths: `import.meta.url` in a bundled module is replaced by the URL of that module's tsc
 * output in dist/src/, so files found relative to a module (the corpus, web/, worker scripts,
 * the parse-cache fingerprint) are found exactly as in the unbundled build.
 *
 * Writes dist/bundle/<entry>.cjs, its source map (pointing at src/), <entry>.meta.json (the
 * bundle's SHA-256, the key of its code cache) and <entry>-<sha>-<node>-<arch>.v8cache.
 *
 *   node scripts/bundle.mjs [--no-cache]
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// Without esbuild (a tree not yet re-installed after it was added) the build goes on without a
// bundle: bin/resdiff.cjs then runs the unbundled dist/src/cli/main.js.
let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  console.warn('bundle: esbuild is not installed (run npm ci); resdiff will run unbundled, without the fast start');
  // A bundle left from an earlier build would run old code.
  rmSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bundle'), { recursive: true, force: true });
  process.exit(0);
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'bundle');

/**
 * The entry points, listed once. `contents` is the entry module (CommonJS has no top-level
 * await, so the CLI's main.ts is restated as a promise chain). A worker script or a new
 * executable that must start fast gets a line here; until then it runs from dist/src/.
 */
const ENTRIES = {
  cli: {
    contents: `import { processIo } from './src/cli/io.ts';
import { run } from './src/cli/run.ts';
run(process.argv.slice(2), processIo()).then((code) => { process.exitCode = code; });`,
    /**
     * Runs that warm the code cache: the paths a short command takes. OLD and NEW are copies of
     * the corpus texts with a byte added, so they are parsed (parse cache off, and no shipped
     * parsed form matches them). An object runs with options: `cache` gives the run a cache
     * folder of the build's own (shared by the runs that ask for one), `env` adds variables.
     */
    training: [
      ['compare', 'OLD', 'NEW', '--format', 'json'],
      ['compare', 'OLD', 'NEW', '--format', 'text'],
      ['show', 'NEW', '--format', 'json'],
      // The cached paths (parse cache, shipped corpus, comparison cache) are a warm run's own code:
      // the first run fills a throwaway cache folder, the next ones read from it.
      { args: ['compare', 'OLD', 'NEW', '--format', 'json'], cache: true },
      { args: ['compare', 'OLD', 'NEW', '--format', 'json'], cache: true, env: { RESDIFF_COMPARISON_CACHE: '0' } },
      { args: ['compare', 'OLD', 'NEW', '--format', 'json'], cache: true },
      { args: ['compare', 'example-2022', '56/2', '--format', 'json'], cache: true },
    ],
    apart: { './remark.js': { entry: 'remark', exports: ['parseMarkdownTree'] } },
    bundled: ['commander', 'diff'],
  },
  /**
   * remark (unified, remark-parse, micromark): only for Markdown outside the direct reader's
   * shape (src/model/markdown-direct.ts), so the CLI loads it from here on first use instead of
   * evaluating it on every run. It holds libraries only, no class of ours, so nothing is
   * duplicated between the two files that `instanceof` could trip on.
   */
  remark: {
    contents: `export { parseMarkdownTree } from './src/model/remark.ts';`,
    training: [],
    bundled: ['unified', 'remark-parse', 'remark-frontmatter', 'mdast'],
  },
};

/**
 * Libraries bundled into an entry (`bundled`): for the CLI, the ones on the path of every short
 * command (argument parsing, the word diff) and, through them, their own dependencies; remark
 * and unified go to their own file (ENTRIES.remark). Anything else imported from src/ is
 * external and loaded from node_modules when its path runs: `yaml` (the direct front matter
 * reader, src/model/front-matter-direct.ts, reads the usual front matter), rehype for HTML input,
 * pdfjs, playwright and the rest.
 */
/** The package name of a bare import ("@scope/name/sub" -> "@scope/name"). */
function packageOf(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Keep every package imported from our own code external, except those the entry bundles. */
function externals(bundled) {
  const keep = new Set(bundled);
  return {
    name: 'resdiff-externals',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        const fromOurs = !args.importer.split(sep).includes('node_modules');
        if (fromOurs && !keep.has(packageOf(args.path))) return { path: args.path, external: true };
        return undefined;
      });
    },
  };
}

/**
 * `import('pdfjs-dist/…')` and the like. V8 code cache and dynamic import do not mix in Node 20
 * (a script compiled from a cache has no import callback), so these calls go through
 * `__resdiffImport`, which the launcher provides from its own, normally compiled, code; bare
 * specifiers resolve from the package root either way.
 */
const DYNAMIC_EXTERNAL = /\bimport\(("[^".][^"]*")\)/g;

/** `import.meta.url` of src/x/y.ts -> the URL of dist/src/x/y.js, computed next to the bundle. */
const metaUrl = {
  name: 'resdiff-import-meta',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta')) return undefined;
      const rel = relative(join(ROOT, 'src'), args.path).split(sep).join('/').replace(/\.ts$/, '.js');
      const url = `__resdiffModuleUrl(${JSON.stringify(rel)})`;
      return {
        contents: text
          .replace(/\bimport\.meta\.url\b/g, url)
          .replace(/\bimport\.meta\.filename\b/g, `require('node:url').fileURLToPath(${url})`)
          .replace(/\bimport\.meta\.dirname\b/g, `require('node:path').dirname(require('node:url').fileURLToPath(${url}))`),
        loader: 'ts',
      };
    });
  },
};

/**
 * Modules an entry loads from another bundle file on first use (`apart`: import path -> the
 * entry and the functions it exports): the import is replaced by a module whose functions
 * require() dist/bundle/<entry>.cjs when one of them is first called.
 */
function apartPlugin(apart) {
  return {
    name: 'resdiff-apart',
    setup(b) {
      const specs = Object.keys(apart ?? {});
      if (specs.length === 0) return;
      const filter = new RegExp(`^(?:${specs.map((x) => x.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
      b.onResolve({ filter }, (args) => (args.importer.includes(`${sep}src${sep}`) ? { path: args.path, namespace: 'apart' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'apart' }, (args) => {
        const { entry, exports } = apart[args.path];
        const file = `${entry}.cjs`;
        return {
          contents: `let loaded;
const load = () => (loaded ??= require(require('node:path').join(__dirname, ${JSON.stringify(file)})));
${exports.map((f) => `export function ${f}(...args) { return load().${f}(...args); }`).join('\n')}`,
          loader: 'js',
        };
      });
    },
  };
}

/**
 * commander requires node:child_process at load for executable subcommands ("git-style"), which
 * resdiff has none of; loading it (with net, dgram and the stream modules it pulls in) was a
 * fair part of every run's start. In the bundle it is required when first used instead. A
 * commander release that changes that line fails the build here rather than going unnoticed.
 */
const lazyChildProcess = {
  name: 'resdiff-lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const line = "const childProcess = require('node:child_process');";
      if (!text.includes(line)) throw new Error(`${args.path}: the child_process require to defer is not there; update scripts/bundle.mjs`);
      return {
        contents: text.replace(line, "let childProcessModule;\nconst childProcess = { spawn: (...a) => (childProcessModule ??= require('node:child_process')).spawn(...a) };"),
        loader: 'js',
      };
    });
  },
};

/**
 * The cache fingerprints of the modules just compiled by tsc (src/corpus/cache.ts), fixed in the
 * bundle so that a run does not stat every module file to compute them. tsc ran just before, so
 * they are the ones an unbundled run computes too (ship-corpus.mjs wrote the shipped corpus with them).
 */
const { fingerprint, comparisonFingerprint } = await import('../dist/src/corpus/cache.js');
const FINGERPRINTS = { parser: fingerprint(), comparison: comparisonFingerprint() };

/** The banner's lines come first in the output (the only place a real import() may stay). */
const BANNER = `"use strict";
var __resdiffImport = globalThis.__resdiffImport || ((spec) => import(spec));
var __resdiffFingerprints = ${JSON.stringify(FINGERPRINTS)};
var __resdiffModuleUrl = (rel) => require('node:url').pathToFileURL(require('node:path').join(__dirname, '..', 'src', rel)).href;`;
const BANNER_LINES = BANNER.split('\n').length;

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const [name, entry] of Object.entries(ENTRIES)) {
  const outfile = join(OUT, `${name}.cjs`);
  const result = await build({
    stdin: { contents: entry.contents, resolveDir: ROOT, sourcefile: `${name}-entry.ts`, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    sourcemap: 'linked',
    sourcesContent: false,
    banner: { js: BANNER },
    plugins: [externals(entry.bundled), metaUrl, apartPlugin(entry.apart), lazyChildProcess],
    logLevel: 'warning',
  });
  // An `import.meta` the plugin did not map (import.meta.resolve, …) would be {} in CommonJS.
  if (result.warnings.some((w) => w.text.includes('import.meta'))) {
    console.error('bundle: a module uses import.meta in a way scripts/bundle.mjs does not map; see the warning above');
    process.exit(1);
  }
  // Route external dynamic imports through __resdiffImport; one left over would fail when the
  // bundle runs from the code cache.
  const lines = readFileSync(outfile, 'utf8').split('\n');
  const body = lines.map((l, i) => (i < BANNER_LINES ? l : l.replace(DYNAMIC_EXTERNAL, '__resdiffImport($1)')));
  writeFileSync(outfile, body.join('\n'));
  const stray = body.filter((l, i) => i >= BANNER_LINES && /\bimport\(/.test(l));
  if (stray.length > 0) {
    console.error(`bundle: dynamic import() left in ${outfile} (route it through __resdiffImport):\n${stray.slice(0, 5).join('\n')}`);
    process.exit(1);
  }
  const sha256 = createHash('sha256').update(readFileSync(outfile)).digest('hex');
  writeFileSync(join(OUT, `${name}.meta.json`), `${JSON.stringify({ entry: name, sha256 })}\n`);
  if (process.argv.includes('--no-cache') || entry.training.length === 0) continue;
  // Warm the code cache: run the bundle through the launcher with RESDIFF_CODE_CACHE_BUILD set,
  // which makes the launcher write its cache beside the bundle at exit. Each run starts from the
  // previous run's cache, so the functions every training run compiled end up in it.
  const tmp = mkdtempSync(join(tmpdir(), 'resdiff-bundle-'));
  const copy = (name, as) => {
    writeFileSync(join(tmp, as), `${readFileSync(join(ROOT, 'corpus', name), 'utf8')}\n`);
    return join(tmp, as);
  };
  const files = { OLD: copy('example-2022.md', 'old.md'), NEW: copy('A-HRC-RES-56-2.md', 'new.md') };
  for (const training of entry.training) {
    const run = Array.isArray(training) ? { args: training } : training;
    const args = run.args.map((a) => files[a] ?? a);
    const cache = run.cache ? { RESDIFF_CACHE: '1', RESDIFF_CACHE_DIR: join(tmp, 'cache') } : { RESDIFF_CACHE: '0' };
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'resdiff.cjs'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...cache, ...run.env, RESDIFF_CODE_CACHE_BUILD: '1', RESDIFF_DEBUG: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (r.status !== 0) {
      console.error(`bundle: the training run "resdiff ${args.join(' ')}" failed (${r.status ?? r.signal}):\n${r.stderr}`);
      process.exit(1);
    }
  }
  rmSync(tmp, { recursive: true, force: true });
  const caches = readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.v8cache'));
  if (caches.length === 0) {
    console.error('bundle: no code cache was written (Node without vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER?)');
  }
}
