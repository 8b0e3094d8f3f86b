/**
 * `resdiff compare --pairs FILE`: a batch of comparisons in one process, in every format. Each
 * line's format is --format when given, else its OUTPUT's extension; each output is what a single
 * `compare` writes; a bad line names the batch file and the line.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { runCli, spawnCli } from '../support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'resdiff-pairs-'));

describe('compare --pairs', () => {
  it('writes every format in one process, each as a single compare writes it', async () => {
    const out = (name: string) => join(tmp, 'all', name);
    const lines = ['# old new output', `example-2022 56/2 ${out('a.json')}`, `example-2022 56/2 ${out('a.txt')}`, `56/2 example-2022 ${out('b.diff')}`, `example-2022 56/2 ${out('a.html')}`, `example-2022 56/2 ${out('a.docx')}`, `example-2022 56/2 ${out('a.pdf')}`];
    const pairs = join(tmp, 'all.txt');
    writeFileSync(pairs, `${lines.join('\n')}\n`);
    const r = spawnCli(['compare', '--pairs', pairs], { env: { RESDIFF_CACHE: '0' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('resdiff: wrote')).sort()).toEqual(
      ['a.json', 'a.txt', 'b.diff', 'a.html', 'a.docx', 'a.pdf'].map((n) => `resdiff: wrote ${out(n)}`).sort(),
    );
    const single = async (args: string[]) => (await runCli(['compare', ...args])).stdout;
    expect(readFileSync(out('a.json'), 'utf8')).toBe(await single(['example-2022', '56/2', '--format', 'json']));
    expect(readFileSync(out('a.txt'), 'utf8')).toBe(await single(['example-2022', '56/2']));
    expect(readFileSync(out('b.diff'), 'utf8')).toBe(await single(['56/2', 'example-2022', '--format', 'unified']));
    expect(readFileSync(out('a.html'), 'utf8')).toBe(await single(['example-2022', '56/2', '--format', 'html']));
    const docx = await JSZip.loadAsync(readFileSync(out('a.docx')));
    expect(await docx.file('word/document.xml')!.async('string')).toContain('<w:ins ');
    expect(readFileSync(out('a.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);

  it('uses --format for every line when it is given', async () => {
    const pairs = join(tmp, 'forced.txt');
    writeFileSync(pairs, `example-2022 56/2 ${join(tmp, 'forced', 'x.txt')}\n56/2 example-2022 ${join(tmp, 'forced', 'y.out')}\n`);
    const r = await runCli(['compare', '--pairs', pairs, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(tmp, 'forced', 'x.txt'), 'utf8')).new.symbol).toBe('A/HRC/RES/56/2');
    expect(JSON.parse(readFileSync(join(tmp, 'forced', 'y.out'), 'utf8')).new.symbol).toBe('EXAMPLE/HRC/2022');
  });

  it('names the batch file and the line of a version that cannot be read', async () => {
    const pairs = join(tmp, 'bad.txt');
    writeFileSync(pairs, `example-2022 56/2 ${join(tmp, 'bad', 'ok.json')}\n\nexample-2022 no-such-file.md ${join(tmp, 'bad', 'no.json')}\n`);
    const r = await runCli(['compare', '--pairs', pairs]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`resdiff: ${pairs}:3: no-such-file.md: no such file\n`);
    expect(existsSync(join(tmp, 'bad', 'no.json'))).toBe(false);
  });
});
