#!/usr/bin/env node
/**
 * The `resdiff` executable. Runs the bundled CLI (dist/bundle/cli.cjs, built by
 * scripts/bundle.mjs) from V8's code cache, so a cold run neither resolves dozens of module files
 * nor compiles the Markdown parser and the aligner before doing any work.
 *
 * The code cache is looked for (1) beside the bundle, made by `npm run build` with this Node, and
 * (2) in the cache folder (RESDIFF_CACHE_DIR, $XDG_CACHE_HOME/resdiff or ~/.cache/resdiff, under
 * v8/), made by an earlier run. Both are keyed by the bundle's SHA-256, the Node version and the
 * architecture; V8 also checks its own version and flags and rejects a cache that does not fit,
 * and then the bundle is compiled as usual and (unless RESDIFF_CACHE=0) a fresh cache is written
 * to the cache folder at exit. On Node 22+ module.enableCompileCache() also caches the external
 * libraries loaded on demand (pdfjs-dist, playwright, …).
 *
 * RESDIFF_CODE_CACHE=0 runs the bundle without any code cache; RESDIFF_DEBUG=1 runs it through
 * Node's own loader with source maps on, so stack traces name src/ files. Without a bundle (only
 * `tsc` was run) the unbundled dist/src/cli/main.js runs.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const BUNDLE_DIR = path.join(__dirname, '..', 'dist', 'bundle');
const BUNDLE = path.join(BUNDLE_DIR, 'cli.cjs');

/** The user's cache folder, as src/corpus/cache.ts finds it, or undefined when caching is off. */
function cacheFolder(env) {
  if (env.RESDIFF_CACHE === '0' || env.RESDIFF_CACHE === 'off') return undefined;
  if (env.RESDIFF_CACHE_DIR) return env.RESDIFF_CACHE_DIR;
  return path.join(env.XDG_CACHE_HOME || path.join(require('node:os').homedir(), '.cache'), 'resdiff');
}

/** Write a file atomically, ignoring failures (a cache is an optimisation). */
function writeQuietly(file, data) {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch {
    // read-only install or cache folder: run without
  }
}

function readOrUndefined(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Run the bundle as a plain CommonJS module (source maps honoured). */
function requireBundle(sourceMaps) {
  if (sourceMaps) process.setSourceMapsEnabled(true);
  require(BUNDLE);
}

function main() {
  const env = process.env;
  let source;
  try {
    source = fs.readFileSync(BUNDLE, 'utf8');
  } catch {
    // Not bundled (only tsc was run): the unbundled CLI.
    import('../dist/src/cli/main.js').catch((e) => {
      process.stderr.write(`resdiff: cannot start: ${e && e.message}\n`);
      process.exitCode = 2;
    });
    return;
  }
  const folder = cacheFolder(env);
  if (folder && typeof Module.enableCompileCache === 'function' && env.RESDIFF_CODE_CACHE !== '0') {
    try {
      Module.enableCompileCache(path.join(folder, 'v8'));
    } catch {
      // not fatal
    }
  }
  // The bundle's import() of external ES modules (pdfjs-dist, …) comes here: a script compiled
  // from a code cache has no dynamic-import callback of its own in Node 20.
  globalThis.__resdiffImport = (spec) => import(spec);
  if (env.RESDIFF_DEBUG || env.RESDIFF_CODE_CACHE === '0') return requireBundle(!!env.RESDIFF_DEBUG);

  let meta;
  try {
    meta = JSON.parse(fs.readFileSync(path.join(BUNDLE_DIR, 'cli.meta.json'), 'utf8'));
  } catch {
    return requireBundle(false);
  }
  const key = `cli-${meta.sha256.slice(0, 16)}-${process.version}-${process.arch}.v8cache`;
  const building = env.RESDIFF_CODE_CACHE_BUILD === '1';
  const shipped = path.join(BUNDLE_DIR, key);
  const user = folder ? path.join(folder, 'v8', key) : undefined;
  // The folder's copy exists only where the shipped one was missing or rejected: it wins.
  let cachedData = !building && user ? readOrUndefined(user) : undefined;
  let from = cachedData ? user : undefined;
  if (!cachedData) {
    cachedData = readOrUndefined(shipped);
    if (cachedData) from = shipped;
  }
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  // Write a cache at exit when there was none or V8 rejected it (another Node build, other
  // flags), or when `npm run build` asks for the shipped one (after the run, so that the
  // functions the run compiled are in it, not only the top level).
  const target = building ? shipped : !from || script.cachedDataRejected ? user : undefined;
  if (target) process.once('exit', () => writeQuietly(target, script.createCachedData()));
  const wrapper = script.runInThisContext();
  const mod = { exports: {}, filename: BUNDLE, id: BUNDLE, loaded: false };
  wrapper.call(mod.exports, mod.exports, Module.createRequire(BUNDLE), mod, BUNDLE, BUNDLE_DIR);
}

main();
