/**
 * The comparison cache (src/corpus/cache.ts, beside the parse cache): comparing the same two
 * files again gives exactly what a fresh comparison gives, under the names of this run (labels
 * and warnings), in every text format; an edited file, a damaged entry or the cache turned off
 * all mean a fresh comparison; a comparison whose word diff gave up is never kept. The files are
 * CONSTRUCTED copies of the bundled texts (one with a skipped OP number, for a warning).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { CORPUS } from '../support/paths.js';
import { comparisonKey, readCachedComparison, writeCachedComparison } from '../../src/corpus/cache.js';
import { compare } from '../../src/diff/compare.js';
import { loadResolution } from '../../src/corpus/load.js';

function comparisons(cache: string): string[] {
  try {
    return readdirSync(join(cache, 'compare'), { recursive: true }).map(String).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
}

/** Run with the cache in `cache` (RESDIFF_CACHE_DIR is read from the process environment). */
async function withCache<T>(cache: string | undefined, fn: () => Promise<T>): Promise<T> {
  const prev = { dir: process.env.RESDIFF_CACHE_DIR, on: process.env.RESDIFF_CACHE };
  if (cache) process.env.RESDIFF_CACHE_DIR = cache;
  else process.env.RESDIFF_CACHE = '0';
  try {
    return await fn();
  } finally {
    for (const [k, v] of [['RESDIFF_CACHE_DIR', prev.dir], ['RESDIFF_CACHE', prev.on]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('comparison cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'resdiff-ccache-files-'));
  const newText = readFileSync(join(CORPUS, 'A-HRC-RES-56-2.md'), 'utf8');
  writeFileSync(join(dir, 'old.md'), readFileSync(join(CORPUS, 'example-2022.md'), 'utf8').replace('\n2. *', '\n3. *'));
  writeFileSync(join(dir, 'new.md'), newText);
  writeFileSync(join(dir, 'again.md'), readFileSync(join(dir, 'old.md')));

  it('gives what a fresh comparison gives, under this run’s names, in every text format', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'resdiff-ccache-'));
    for (const format of ['json', 'text', 'unified', 'html']) {
      const fresh = await withCache(undefined, () => runCli(['compare', 'old.md', 'new.md', '--format', format], { cwd: dir }));
      const first = await withCache(cache, () => runCli(['compare', 'old.md', 'new.md', '--format', format], { cwd: dir }));
      const second = await withCache(cache, () => runCli(['compare', 'old.md', 'new.md', '--format', format], { cwd: dir }));
      expect(fresh.code).toBe(0);
      expect(second).toEqual(fresh);
      expect(first).toEqual(fresh);
    }
    expect(comparisons(cache)).toHaveLength(1);
    // The same bytes under another name: a hit, and the output names again.md, with its warning.
    const renamed = await withCache(cache, () => runCli(['compare', 'again.md', 'new.md', '--format', 'json'], { cwd: dir }));
    const fresh = await withCache(undefined, () => runCli(['compare', 'again.md', 'new.md', '--format', 'json'], { cwd: dir }));
    expect(renamed).toEqual(fresh);
    const json = JSON.parse(renamed.stdout) as { old: { file: string }; warnings?: Array<{ file: string }> };
    expect(json.old.file).toBe('again.md');
    expect(json.warnings?.some((w) => w.file === 'again.md')).toBe(true);
    expect(json.warnings?.some((w) => w.file === 'old.md')).toBe(false);
    expect(comparisons(cache)).toHaveLength(1);
  }, 60_000);

  it('compares afresh after an edit, and ignores a damaged entry', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'resdiff-ccache-'));
    await withCache(cache, () => runCli(['compare', 'old.md', 'new.md', '--format', 'json'], { cwd: dir }));
    const [entry] = comparisons(cache);
    writeFileSync(join(cache, 'compare', entry!), '{"pairs": [tru');
    const damaged = await withCache(cache, () => runCli(['compare', 'old.md', 'new.md', '--format', 'json'], { cwd: dir }));
    const fresh = await withCache(undefined, () => runCli(['compare', 'old.md', 'new.md', '--format', 'json'], { cwd: dir }));
    expect(damaged).toEqual(fresh);
    writeFileSync(join(dir, 'edited.md'), newText.replace('Kampala Declaration', 'Kampala declaration'));
    const edited = await withCache(cache, () => runCli(['compare', 'old.md', 'edited.md', '--format', 'json'], { cwd: dir }));
    expect(edited.stdout).not.toEqual(fresh.stdout);
    expect(edited.stdout).toContain('Kampala declaration');
  }, 60_000);

  it('is off alone with RESDIFF_COMPARISON_CACHE=0 (the parse cache still works)', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'resdiff-ccache-'));
    const off = { env: { RESDIFF_COMPARISON_CACHE: '0' }, cwd: dir };
    const first = await withCache(cache, () => runCli(['compare', 'old.md', 'new.md', '--format', 'json'], off));
    expect(first.code).toBe(0);
    expect(comparisons(cache)).toHaveLength(0);
    expect(readdirSync(cache).filter((d) => d !== 'compare').length).toBeGreaterThan(0); // parse cache entries
    // An entry written earlier is not read either: a damaged one would otherwise fail the parse.
    await withCache(cache, () => runCli(['compare', 'old.md', 'new.md', '--format', 'json'], { cwd: dir }));
    const [entry] = comparisons(cache);
    writeFileSync(join(cache, 'compare', entry!), JSON.stringify({ pairs: [], summary: {} }));
    const second = await withCache(cache, () => runCli(['compare', 'old.md', 'new.md', '--format', 'json'], off));
    expect(second).toEqual(first);
  }, 60_000);

  it('never keeps a comparison whose word diff gave up on a pair', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'resdiff-ccache-'));
    const c = compare(await loadResolution('example-2022'), await loadResolution('56/2'));
    const key = comparisonKey('a', 'b');
    writeCachedComparison(key, { ...c, pairs: c.pairs.map((p, i) => (i === 0 ? { ...p, diffTimedOut: true } : p)) }, cache);
    expect(readCachedComparison(key, cache)).toBeUndefined();
    writeCachedComparison(key, c, cache);
    expect(readCachedComparison(key, cache)).toEqual(JSON.parse(JSON.stringify(c)));
  });
});
