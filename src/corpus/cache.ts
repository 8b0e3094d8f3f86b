/**
 * A cache of parsed resolutions, so that comparing the same files again skips parsing. Keyed by
 * the SHA-256 of the file's bytes and a fingerprint of the parser modules, so an edited file or
 * a rebuilt parser never reads a stale entry. Entries are written atomically; any cache problem
 * is ignored (the cache is optional).
 *
 * Beside it, a cache of comparisons (under compare/): the same two files compared again — in
 * another output format, or after a provenance search — skip alignment and the word diff too.
 * Keyed by both files' keys and a fingerprint of the parser, aligner and diff modules.
 *
 * Location: RESDIFF_CACHE_DIR, else $XDG_CACHE_HOME/resdiff, else ~/.cache/resdiff.
 * RESDIFF_CACHE=0 turns it off.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Resolution } from '../model/types.js';
import type { Comparison } from '../diff/types.js';
import { seedKeys, storedKeys, type StoredKeys } from '../align/similarity.js';

/** Bump when the cached shape changes in a way the module fingerprint would not catch. */
const CACHE_FORMAT = 2;

/**
 * The fingerprints the bundle was built with (scripts/bundle.mjs computes them over dist/src, as
 * below, and defines this in the bundle's first lines): a bundled run then stats no module file.
 * Undeclared in an unbundled run.
 */
declare const __resdiffFingerprints: { parser: string; comparison: string } | undefined;
const built = typeof __resdiffFingerprints === 'undefined' ? undefined : __resdiffFingerprints;

let fingerprintMemo: string | undefined;

/** Changes whenever a parser module is rebuilt or edited. */
export function fingerprint(): string {
  return (fingerprintMemo ??= built?.parser ?? modulesFingerprint(['model', 'ingest', 'ingest/pdf', 'ingest/docx']));
}

let comparisonFingerprintMemo: string | undefined;

/** Changes whenever a module a comparison depends on (parser, aligner, diff) is rebuilt or edited. */
export function comparisonFingerprint(): string {
  return (comparisonFingerprintMemo ??= built?.comparison ?? `${fingerprint()}-${modulesFingerprint(['align', 'diff'])}`);
}

/** The newest modification time and the total size of the modules in these folders of src/. */
function modulesFingerprint(subs: string[]): string {
  const here = dirname(fileURLToPath(import.meta.url));
  let newest = 0;
  let count = 0;
  for (const sub of subs) {
    const dir = join(here, '..', sub);
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) {
      if (!/\.[jt]s$/.test(n)) continue;
      const st = statSync(join(dir, n));
      newest = Math.max(newest, st.mtimeMs);
      count += st.size;
    }
  }
  return `${CACHE_FORMAT}-${Math.round(newest)}-${count}`;
}

/** The cache folder, or undefined when caching is off. */
export function cacheDir(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.RESDIFF_CACHE === '0' || env.RESDIFF_CACHE === 'off') return undefined;
  if (env.RESDIFF_CACHE_DIR) return env.RESDIFF_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'resdiff');
}

function entryPath(dir: string, sha256: string): string {
  return join(dir, `${sha256.slice(0, 2)}`, `${sha256}-${fingerprint()}.json`);
}

/** A cache entry's value, or undefined when it is missing or unreadable. */
export function readEntry<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Write a cache entry atomically, best effort. */
export function writeEntry(path: string, value: unknown): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, path);
  } catch {
    // The cache is an optimisation: a read-only home or a full disk must not fail the command.
  }
}

/**
 * A parse as the parse cache and the shipped corpus keep it: the resolution without `file`, and
 * its clauses' similarity keys (align/similarity.ts StoredKeys), so that aligning a stored parse
 * tokenizes nothing. The keys carry the comparison fingerprint: they are what the aligner that
 * wrote them reads off the texts, and another aligner makes its own.
 */
export interface StoredParse {
  resolution: Omit<Resolution, 'file'>;
  keys?: StoredKeys & { aligner: string };
}

/** A parse in its stored form (the keys made now). */
export function toStored(r: Resolution): StoredParse {
  const { file: _file, ...resolution } = r;
  return { resolution, keys: { aligner: comparisonFingerprint(), ...storedKeys(r.clauses.map((c) => c.text)) } };
}

/** Make a stored parse's keys known to the aligner, when this aligner wrote them. */
export function seedStored(r: Pick<Resolution, 'clauses'>, keys: StoredParse['keys']): void {
  if (keys && keys.aligner === comparisonFingerprint()) seedKeys(r.clauses.map((c) => c.text), keys);
}

/** A cached parse of these bytes (key: SHA-256 plus how they are read), if any. */
export function readCached(sha256: string, dir = cacheDir()): StoredParse | undefined {
  const entry = dir ? readEntry<StoredParse>(entryPath(dir, sha256)) : undefined;
  return entry && typeof entry.resolution === 'object' && entry.resolution !== null ? entry : undefined;
}

/** Remember a parse (best effort). */
export function writeCached(sha256: string, stored: StoredParse, dir = cacheDir()): void {
  if (dir) writeEntry(entryPath(dir, sha256), stored);
}

function comparisonPath(dir: string, key: string): string {
  return join(dir, 'compare', key.slice(0, 2), `${key}-${comparisonFingerprint()}.json`);
}

/**
 * The key of a comparison of two files, from their own keys (see load.ts `loadVersion`). Only
 * what alignment and the word diff produce is cached: the callers put the versions' current
 * names and warnings back (see diff/compare.ts `withVersions`).
 */
export function comparisonKey(oldKey: string, newKey: string): string {
  return `${oldKey}_${newKey}`;
}

/** A cached comparison, if any. */
export function readCachedComparison(key: string, dir = cacheDir()): Comparison | undefined {
  return dir ? readEntry<Comparison>(comparisonPath(dir, key)) : undefined;
}

/** Remember a comparison (best effort); one whose word diff gave up on a pair is not kept. */
export function writeCachedComparison(key: string, c: Comparison, dir = cacheDir()): void {
  if (!dir || c.pairs.some((p) => p.diffTimedOut)) return;
  writeEntry(comparisonPath(dir, key), c);
}
