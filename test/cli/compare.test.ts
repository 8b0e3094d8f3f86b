/**
 * `resdiff compare` end to end: the JSON contract, the terminal redline, the unified patch.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseDiff } from 'diff2html';
import { runCli, spawnCli } from '../support/cli.js';

describe('resdiff compare --format json', async () => {
  const r = await runCli(['compare', 'example-2022', '56/2', '--format', 'json']);
  const j = JSON.parse(r.stdout);

  it('prints the contract object', () => {
    expect(r.code).toBe(0);
    expect(Object.keys(j)).toEqual(['old', 'new', 'pairs', 'summary', 'warnings'].filter((k) => k !== 'warnings' || j.warnings));
    expect(j.old).toMatchObject({ file: 'example-2022', symbol: 'EXAMPLE/HRC/2022', adopted: '2022-07-07', counts: { PP: 33, OP: 35 }, constructed: true });
    expect(j.new).toMatchObject({ file: '56/2', symbol: 'A/HRC/RES/56/2', title: 'Enhancement of international cooperation in the field of human rights', adopted: '2024-07-10', counts: { PP: 33, OP: 37 }, constructed: false });
    for (const p of j.pairs) {
      expect(Object.keys(p).slice(0, 8)).toEqual(['status', 'old', 'new', 'moved', 'technical', 'openingChanged', 'similarity', 'diff']);
      expect(['unchanged', 'modified', 'added', 'removed', 'split', 'merged']).toContain(p.status);
      expect(p.similarity).toBeGreaterThanOrEqual(0);
      expect(p.similarity).toBeLessThanOrEqual(1);
      for (const d of p.diff) expect(['equal', 'insert', 'delete']).toContain(d.op);
    }
    for (const k of ['PP', 'OP']) {
      expect(Object.keys(j.summary[k])).toEqual(expect.arrayContaining(['added', 'removed', 'modified', 'unchanged', 'moved', 'technical']));
    }
  });

  it('lists every clause of each version in exactly one pair', () => {
    const olds = j.pairs.flatMap((p: { old: string[] }) => p.old);
    const news = j.pairs.flatMap((p: { new: string[] }) => p.new);
    expect(new Set(olds).size).toBe(olds.length);
    expect(olds).toHaveLength(68);
    expect(new Set(news).size).toBe(news.length);
    expect(news).toHaveLength(70);
  });
});

describe('resdiff compare (text)', () => {
  it('puts the summary first: new and dropped OPs, counts; folds unchanged clauses', async () => {
    const r = await runCli(['compare', 'example-2022', '56/2']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toContain('old: EXAMPLE/HRC/2022 (2022-07-07) [constructed example');
    expect(lines[1]).toBe('new: A/HRC/RES/56/2 (2024-07-10)');
    expect(r.stdout).toContain('New operative paragraphs: OP26, OP34\nDropped operative paragraphs (old numbering): OP26\n');
    expect(r.stdout).toContain('\nOP22 → OP21 + OP22  (split into 2)\n');
    expect(r.stdout).toContain('\nOP21 → OP23  (unchanged, moved (was OP21))\n');
    expect(r.stdout).toContain('[-Baku-] {+Kampala+}');
    expect(r.stdout).toMatch(/\n56 unchanged clauses not shown \(--all shows them\)\n$/);
    expect(r.stdout.indexOf('New operative paragraphs')).toBeLessThan(r.stdout.indexOf('\nPP4'));
    const all = await runCli(['compare', 'example-2022', '56/2', '--all']);
    expect(all.stdout).toContain('\nOP1  (unchanged)\n');
  });

  it('colours insertions and deletions on a terminal', async () => {
    const r = await runCli(['compare', 'example-2022', '56/2'], { isTTY: true });
    expect(r.stdout).toContain('\u001b[31m\u001b[9mBaku\u001b[29m\u001b[39m');
    expect(r.stdout).toContain('\u001b[34m\u001b[4mKampala\u001b[24m\u001b[39m');
  });

  it('warns about input oddities on stderr, keeps going', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resdiff-cmp-'));
    const src = readFileSync(join(__dirname, '..', '..', 'corpus', 'A-HRC-RES-56-2.md'), 'utf8').replace('\n5. *Reaffirms*', '\n6. *Reaffirms*');
    writeFileSync(join(dir, 'skip.md'), src);
    const r = await runCli(['compare', '56/2', 'skip.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^resdiff: skip\.md:\d+: warning: paragraph numbering skips from 4 to 6 \(OP5\)\n/);
  });

  it('exit 1 naming the file when one side is missing, nothing on stdout', () => {
    const r = spawnCli(['compare', 'example-2022', 'nope.md']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('resdiff: nope.md: no such file\n');
  });

  it('--output writes the file atomically and reports it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resdiff-out-'));
    const r = await runCli(['compare', 'example-2022', '56/2', '--format', 'json', '--output', 'out/cmp.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'cmp.json'), 'utf8')).pairs.length).toBeGreaterThan(60);
    const bad = await runCli(['compare', 'example-2022', 'missing.md', '--format', 'json', '--output', 'bad.json'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(existsSync(join(dir, 'bad.json'))).toBe(false);
  });
});

describe('resdiff compare --format unified', async () => {
  const r = await runCli(['compare', 'example-2022', '56/2', '--format', 'unified']);

  it('is a git-style patch with one paragraph per line and clause ids in hunk headers', () => {
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('diff --git a/EXAMPLE/HRC/2022 b/A/HRC/RES/56/2\n--- a/EXAMPLE/HRC/2022\n+++ b/A/HRC/RES/56/2\n@@ ')).toBe(true);
    expect(r.stdout).toMatch(/\n@@ -\d+,\d+ \+\d+,\d+ @@ [^\n]*new PP19[^\n]*\n/);
    expect(r.stdout).toContain('\n+Recognizing that the Movement of Non-Aligned Countries, in its Kampala Declaration of 20 January 2024,');
  });

  it('is accepted by diff2html with the right counts', () => {
    const [file] = parseDiff(r.stdout);
    const added = file.blocks.flatMap((b) => b.lines).filter((l) => l.type === 'insert').length;
    const deleted = file.blocks.flatMap((b) => b.lines).filter((l) => l.type === 'delete').length;
    // One line per clause: 3 added, 1 removed, 6 modified, a split (1 old line, 2 new), a merge
    // (2 old, 1 new), and 2 moved clauses (removed at their old place, added at the new).
    expect(file.addedLines).toBe(added);
    expect(file.deletedLines).toBe(deleted);
    expect(added).toBe(3 + 6 + 2 + 1 + 2);
    expect(deleted).toBe(1 + 6 + 1 + 2 + 2);
  });

  it('is accepted by git apply', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resdiff-git-'));
    writeFileSync(join(dir, 'p.diff'), r.stdout);
    const stat = execFileSync('git', ['apply', '--numstat', 'p.diff'], { cwd: dir }).toString();
    expect(stat).toMatch(/^14\t12\t/);
  });
});

describe('warnings on stderr', () => {
  it('prints at most eight per file, then counts the rest', async () => {
    const { printWarnings } = await import('../../src/cli/io.js');
    let err = '';
    const io = { stdout: () => undefined, stderr: (s: string) => void (err += s), cwd: '.', env: {}, isTTY: false };
    const ws = Array.from({ length: 11 }, (_, i) => ({ rule: 'x', message: `oddity ${i}`, file: 'a.md', line: i + 1 }));
    printWarnings(io, [...ws, { rule: 'y', message: 'other', file: 'b.md' }]);
    const lines = err.trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('resdiff: a.md:1: warning: oddity 0');
    expect(lines[8]).toBe('resdiff: b.md: warning: other');
    expect(lines[9]).toBe('resdiff: a.md: … and 3 more warnings (`resdiff show a.md --format json` lists them all)');
  });
});
