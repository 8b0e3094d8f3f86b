/**
 * `resdiff history` and `resdiff votes` in-process: formats, --series, errors and exit codes.
 * The versions are the constructed test series (CONSTRUCTED FOR TESTS) and the bundled corpus.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { FIXTURES } from '../support/paths.js';

const DIR = join(FIXTURES, 'series');
const files = [2018, 2019, 2020, 2021, 2022, 2023, 2024].map((y) => join(DIR, `test-series-${y}.md`));

describe('resdiff history', () => {
  it('prints the JSON contract', async () => {
    const r = await runCli(['history', ...files, '--format', 'json']);
    expect(r.code).toBe(0);
    const h = JSON.parse(r.stdout);
    expect(h.versions.map((v: { symbol: string }) => v.symbol)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024].map((y) => `TEST/SERIES/${y}`));
    expect(h.versions[0]).toMatchObject({ file: files[0], adopted: '2018-07-05', constructed: true });
    for (const t of h.threads) {
      expect(t.ids).toHaveLength(7);
      expect(Object.keys(t)).toEqual(expect.arrayContaining(['ids', 'firstSeen', 'lastSeen', 'changes']));
      for (const c of t.changes) expect(Object.keys(c)).toEqual(expect.arrayContaining(['from', 'to', 'status', 'technical', 'moved']));
    }
    expect(h.threads.filter((t: { reintroduced?: number[] }) => t.reintroduced)).toHaveLength(1);
    expect(h.texts).toBeUndefined();
  });

  it('takes a series from the corpus, ordered by adoption date', async () => {
    const r = await runCli(['history', '--series', 'test-constructed-series', '--corpus', DIR, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).versions.map((v: { adopted: string }) => v.adopted.slice(0, 4))).toEqual(['2018', '2019', '2020', '2021', '2022', '2023', '2024']);
    const bundled = await runCli(['history', '--series', 'intl-cooperation-human-rights']);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toContain('A/HRC/RES/56/2 (2024-07-10)');
    expect(bundled.stdout).toMatch(/^\s*HRC\/2022\s+56\/2$/m);
  });

  it('writes the HTML page to a file', async () => {
    const r = await runCli(['history', 'example-2022', '56/2', '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout).toContain('class="panel"');
  });

  it('says clearly what is wrong', async () => {
    const one = await runCli(['history', '56/2']);
    expect([one.code, one.stderr]).toEqual([1, 'resdiff: history needs at least two versions\n']);
    const none = await runCli(['history']);
    expect(none.code).toBe(1);
    const unknown = await runCli(['history', '--series', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no series "nope" in the corpus \(known: intl-cooperation-human-rights\)/);
    const both = await runCli(['history', '56/2', '--series', 'intl-cooperation-human-rights']);
    expect(both.stderr).toContain('give the versions or --series, not both');
    const missing = await runCli(['history', '56/2', 'nowhere.md']);
    expect([missing.code, missing.stderr]).toEqual([1, 'resdiff: nowhere.md: no such file\n']);
    const bad = await runCli(['history', ...files, '--look-back', '-1']);
    expect(bad.code).toBe(1);
  });
});

describe('resdiff votes', () => {
  it('lines up the votes of the bundled series, with Netherlands matched across spellings', async () => {
    const r = await runCli(['votes', '--series', 'intl-cooperation-human-rights']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Netherlands \(Kingdom of the\)\s+yes\s+no!$/m);
    expect(r.stdout).toMatch(/^Türkiye\s+abstain\s+·$/m);
    expect(r.stdout).toContain('its vote is invented');
  });

  it('prints JSON and HTML, and takes a single version', async () => {
    const j = await runCli(['votes', '56/2', '--format', 'json']);
    expect(j.code).toBe(0);
    const t = JSON.parse(j.stdout);
    expect(t.versions[0]).toMatchObject({ symbol: 'A/HRC/RES/56/2', recorded: true, constructed: false, totals: { yes: 31, no: 14, abstain: 2 } });
    expect(t.countries).toHaveLength(47);
    const h = await runCli(['votes', ...files, '--format', 'html']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('<table class="vote-table">');
    const none = await runCli(['votes']);
    expect([none.code, none.stderr]).toEqual([1, 'resdiff: votes needs at least one version (or --series ID)\n']);
  });
});
