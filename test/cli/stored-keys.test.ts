/**
 * A parse read back from the parse cache carries its clauses' similarity keys (src/corpus/cache.ts
 * StoredParse), and a fresh process aligns with them instead of tokenizing. The comparison must be
 * byte for byte the one a process without any cache makes: for every pair of consecutive years of
 * the series fixtures (CONSTRUCTED texts), a pair six years apart and the bundled corpus pair;
 * also when the stored keys are damaged or come from another aligner (then they are not used).
 * Damaged means what a hand-edited or half-written entry can hold (missing, mistyped or
 * out-of-range parts); an entry rewritten consistently is trusted, as the parse beside it is.
 * Each run is its own process (the bundled CLI), so nothing is shared in memory between them.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, CORPUS, FIXTURES, ROOT } from '../support/paths.js';

function cli(args: string[], cache: string | undefined) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', RESDIFF_DEBUG: '', RESDIFF_COMPARISON_CACHE: '0', ...(cache ? { RESDIFF_CACHE: '1', RESDIFF_CACHE_DIR: cache } : { RESDIFF_CACHE: '0' }) },
    maxBuffer: 64 * 2 ** 20,
    timeout: 60_000,
  });
  expect(r.status, r.stderr.toString()).toBe(0);
  return r.stdout.toString('utf8');
}

/** The parse-cache entries (not the comparison cache, not the file records). */
function parseEntries(cache: string): string[] {
  return readdirSync(cache, { recursive: true })
    .map(String)
    .filter((n) => /^[0-9a-f]{2}[\\/][0-9a-f]{64}-[a-z]+-.*\.json$/.test(n))
    .map((n) => join(cache, n));
}

const series = join(FIXTURES, 'series');
const years = readdirSync(series)
  .filter((f) => /^test-series-\d{4}\.md$/.test(f))
  .sort()
  .map((f) => join(series, f));
const pairs: Array<[string, string]> = [
  ...years.slice(1).map((f, i) => [years[i]!, f] as [string, string]),
  [years[0]!, years[years.length - 1]!],
  [join(CORPUS, 'example-2022.md'), join(CORPUS, 'A-HRC-RES-56-2.md')],
];

describe('stored similarity keys', () => {
  it('compare the same as no cache, for every pair, read back from the parse cache', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(7);
    const cache = mkdtempSync(join(tmpdir(), 'resdiff-keys-'));
    for (const [a, b] of pairs) {
      const args = ['compare', a, b, '--format', 'json'];
      const fresh = cli(args, undefined);
      expect(cli(args, cache), `${a} ${b}, first run`).toBe(fresh);
      expect(cli(args, cache), `${a} ${b}, read back`).toBe(fresh);
    }
    const entries = parseEntries(cache);
    expect(entries.length).toBeGreaterThanOrEqual(years.length);
    const stored = JSON.parse(readFileSync(entries[0]!, 'utf8')) as { resolution: { clauses: unknown[] }; keys: { vocab: string[]; texts: number[][] } };
    expect(stored.keys.texts).toHaveLength(stored.resolution.clauses.length);
    expect(stored.keys.vocab.length).toBeGreaterThan(50);
  }, 120_000);

  it('are not used when damaged or written by another aligner', () => {
    const [a, b] = pairs[0]!;
    const args = ['compare', a, b, '--format', 'json'];
    const fresh = cli(args, undefined);
    const damage: Array<(k: { aligner: string; vocab: unknown[]; texts: unknown[][] }) => void> = [
      (k) => (k.aligner = 'another aligner'),
      (k) => k.texts.pop(),
      (k) => (k.texts[0] = [0, 1, 99999]),
      (k) => (k.texts[1] = ['a', 'b', 'c']),
      (k) => (k.vocab[0] = 7),
      (k) => (k.vocab = k.vocab.slice(0, 3)),
    ];
    for (const [n, hurt] of damage.entries()) {
      const cache = mkdtempSync(join(tmpdir(), 'resdiff-keys-'));
      cli(args, cache);
      for (const file of parseEntries(cache)) {
        const entry = JSON.parse(readFileSync(file, 'utf8'));
        hurt(entry.keys);
        writeFileSync(file, JSON.stringify(entry));
      }
      expect(cli(args, cache), `damage ${n}`).toBe(fresh);
    }
  }, 120_000);
});
