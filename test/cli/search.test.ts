/**
 * `resdiff search`, `resdiff index` and `compare --provenance` end to end (the built CLI as a
 * child process, and in-process for the error cases).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, spawnCli } from '../support/cli.js';
import { writePlantedCorpus } from '../corpus/search-fixture.js';

const tmp = mkdtempSync(join(tmpdir(), 'resdiff-search-cli-'));
const env = { RESDIFF_INDEX: join(tmp, 'bundled.sqlite'), RESDIFF_CACHE: '0' };
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('resdiff search', () => {
  it('finds the Kampala Declaration in 56/2 PP19, "first agreed in" first', () => {
    const r = spawnCli(['search', 'Kampala Declaration'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('first agreed in A/HRC/RES/56/2 PP19, 10 July 2024');
    expect(r.stdout).toContain('in its **Kampala Declaration** of 20 January 2024');
  });

  it('JSON: symbol, date, clause, marks; constructed texts labelled', () => {
    const r = spawnCli(['search', 'Non-Aligned Countries', '--format', 'json'], { env });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { mode: string; hits: Array<{ symbol: string; clause: string; adopted: string; constructed: boolean; text: string; marks: Array<[number, number]> }> };
    expect(j.mode).toBe('phrase');
    expect(j.hits.map((h) => h.adopted)).toEqual([...j.hits.map((h) => h.adopted)].sort());
    for (const h of j.hits) for (const [s, e] of h.marks) expect(h.text.slice(s, e).toLowerCase()).toBe('non-aligned countries');
    expect(j.hits.find((h) => h.constructed)).toBeDefined();
    const text = spawnCli(['search', 'Non-Aligned Countries'], { env }).stdout;
    expect(text).toMatch(/constructed example/);
  });

  it('--near --clause ranks by similarity; filters and limit', async () => {
    const r = await runCli(['search', '--near', '--clause', 'example-2022:PP9', '--format', 'json', '--limit', '3'], { env });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { mode: string; hits: Array<{ symbol: string; clause: string; similarity: number }> };
    expect(j.mode).toBe('near');
    expect(`${j.hits[0].symbol} ${j.hits[0].clause}`).toBe('A/HRC/RES/56/2 PP9');
    const since = await runCli(['search', 'human rights', '--since', '2024', '--format', 'json'], { env });
    expect((JSON.parse(since.stdout) as { hits: Array<{ adopted: string }> }).hits.every((h) => h.adopted >= '2024')).toBe(true);
    const series = await runCli(['search', 'human rights', '--series', 'no-such-series', '--format', 'json'], { env });
    expect(JSON.parse(series.stdout)).toMatchObject({ hits: [] });
  });

  it('bad input is one line and exit 1', async () => {
    for (const args of [['search'], ['search', '--limit', 'x', 'a'], ['search', '--since', '20', 'a'], ['search', '--clause', '56/2'], ['search', '--clause', '56/2:OP99'], ['search', '...']]) {
      const r = await runCli(args, { env });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});

describe('resdiff index and compare --provenance', () => {
  it('rebuilds the index of a corpus folder and says what it holds', async () => {
    const dir = writePlantedCorpus();
    try {
      const r = await runCli(['index', '--corpus', dir], { env: { RESDIFF_CACHE: '0' } });
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/indexed 7 documents, \d+ clauses/);
      const c = spawnCli(['compare', 'plant-2023.md', 'plant-2024.md', '--corpus', dir, '--provenance'], { cwd: dir, env: { RESDIFF_CACHE: '0' } });
      expect(c.code).toBe(0);
      expect(c.stdout).toContain('agreed language: this wording is in PLANT/2012 OP2, 2012 (constructed example)');
      const j = spawnCli(['compare', 'plant-2023.md', 'plant-2024.md', '--corpus', dir, '--provenance', '--format', 'json'], { cwd: dir, env: { RESDIFF_CACHE: '0' } });
      const pairs = (JSON.parse(j.stdout) as { pairs: Array<{ provenance?: Array<{ symbol: string; clause: string; adopted: string; words: number; exact: boolean }> }> }).pairs;
      expect(pairs.flatMap((p) => p.provenance ?? []).filter((s) => s.exact).map((s) => s.symbol).sort()).toEqual(['PLANT/2012', 'PLANT/2013', 'PLANT/2014']);
      // Without the flag, compare does not touch the index.
      const plain = spawnCli(['compare', 'plant-2023.md', 'plant-2024.md', '--format', 'json'], { cwd: dir, env: { RESDIFF_CACHE: '0' } });
      expect(plain.stdout).not.toContain('"provenance": [');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
