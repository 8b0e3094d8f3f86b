/**
 * `resdiff show`: the JSON contract (DESIGN §3), the text outline, references and exit codes.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, spawnCli } from '../support/cli.js';
import { RES_56_2, text56_2 } from '../support/paths.js';

describe('resdiff show --format json', () => {
  it('prints the contract object for 56/2', async () => {
    const r = await runCli(['show', '56/2', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j).slice(0, 6)).toEqual(['symbol', 'title', 'body', 'session', 'adopted', 'agendaItem']);
    expect(j).toMatchObject({
      symbol: 'A/HRC/RES/56/2',
      title: 'Enhancement of international cooperation in the field of human rights',
      body: 'Human Rights Council',
      session: 56,
      adopted: '2024-07-10',
      agendaItem: '3',
      warnings: [],
      constructed: false,
    });
    expect(j.clauses).toHaveLength(70);
    expect(j.clauses[0]).toMatchObject({ id: 'PP1', kind: 'PP', opening: 'Reaffirming', footnotes: [] });
    expect(j.clauses[0].text.startsWith('Reaffirming its commitment')).toBe(true);
    expect(j.clauses[2].footnotes).toEqual([1]);
    expect(j.footnotes['1']).toBe('See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.');
    expect(j.vote).toMatchObject({ adoptedWithoutVote: false, counts: { inFavour: 31, against: 14, abstaining: 2 } });
    expect(j.vote.inFavour).toHaveLength(31);
  });

  it('gives the same clauses for every way of naming 56/2', async () => {
    const outs = await Promise.all(['56/2', 'A/HRC/RES/56/2', 'a/hrc/res/56/2', 'A-HRC-RES-56-2', RES_56_2].map((ref) => runCli(['show', ref, '--format', 'json'])));
    const clauses = outs.map((o) => JSON.stringify(JSON.parse(o.stdout).clauses));
    expect(new Set(clauses).size).toBe(1);
  });
});

describe('resdiff show (text)', () => {
  it('prints an outline with ids, openings, footnotes and the vote', async () => {
    const r = await runCli(['show', '56/2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^A\/HRC\/RES\/56\/2 {2}Enhancement of international cooperation/);
    expect(r.stdout).toContain('33 preambular, 37 operative paragraphs');
    expect(r.stdout).toMatch(/\nPP17 {2}Recognizing also that the promotion/);
    expect(r.stdout).toMatch(/\nOP37 {2}Decides to continue/);
    expect(r.stdout).toContain('31 in favour, 14 against, 2 abstaining');
    expect(r.stdout).toContain('5. A/HRC/56/40.');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('emphasises openings on a terminal, and not with NO_COLOR', async () => {
    const tty = await runCli(['show', '56/2'], { isTTY: true });
    expect(tty.stdout).toContain('\u001b[3m\u001b[1mRecalling also\u001b[22m\u001b[23m');
    const no = await runCli(['show', '56/2'], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(no.stdout).not.toContain('\u001b[');
  });
});

describe('errors and exit codes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'resdiff-show-'));

  it('exit 1 and one line naming the file for a missing file', async () => {
    const r = await runCli(['show', 'missing.md'], { cwd: dir });
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: 'resdiff: missing.md: no such file\n' });
  });

  it('exit 1 for an unknown reference, listing known ones', async () => {
    const r = await runCli(['show', '99/9']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('resdiff: 99/9: no such file, and no corpus version matches this reference (known: 56/2, EXAMPLE/HRC/2022)\n');
  });

  it('exit 1 for an empty file and for a file with no clauses', async () => {
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'notes.txt'), 'Shopping list: bread, milk.\n');
    expect(await runCli(['show', 'empty.md'], { cwd: dir })).toMatchObject({ code: 1, stderr: 'resdiff: empty.md: the file is empty\n' });
    expect((await runCli(['show', 'notes.txt'], { cwd: dir })).stderr).toBe(
      'resdiff: notes.txt: no preambular or operative paragraphs found; is this a resolution?\n',
    );
  });

  it('exit 1 for a bad option value', async () => {
    const r = await runCli(['show', '56/2', '--format', 'xml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("argument 'xml' is invalid");
  });

  it('a real process: exit codes, no stack trace, warnings in the JSON', () => {
    writeFileSync(join(dir, 'skip.md'), text56_2().replace('\n12. *Considers*', '\n13. *Considers*'));
    const ok = spawnCli(['show', 'skip.md', '--format', 'json'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).warnings).toEqual([
      expect.objectContaining({ rule: 'op-number-skip', file: 'skip.md' }),
      expect.objectContaining({ rule: 'op-number-repeat', file: 'skip.md' }),
    ]);
    const bad = spawnCli(['show', 'nothing-here.pdf'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('resdiff: nothing-here.pdf: no such file\n');
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/);
    const help = spawnCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('show [options] <file>');
  });
});
