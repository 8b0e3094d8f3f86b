/**
 * `resdiff show FILE --explain`: how a file was read, end to end through the CLI, on 56/2 as a
 * viewer's copy of text (constructed from the corpus text in the test: running head, job number
 * and page number inserted where a page ends, a footnote at the page foot, a marker glued to a
 * comma).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { text56_2 } from '../support/paths.js';
import { asCopiedText } from '../support/text-renditions.js';

function pagedCopy(): string {
  const lines = asCopiedText(text56_2(), 86, false).split('\n');
  // After PP3 ("…the Paris Agreement,"): its marker glued, then the page's foot and the next page's head.
  const i = lines.findIndex((l) => l.endsWith('recalling further the Paris Agreement,'));
  lines[i] += '1';
  const k = lines.findIndex((l, j) => j > i + 4 && /^[a-z]/.test(l));
  lines.splice(k, 0, '1 See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.', 'GE.24-12826(E)', '\f2', 'A/HRC/RES/56/2');
  return lines.join('\n');
}

describe('resdiff show --explain', () => {
  it('tells what was dropped, what became a footnote and where, what was joined across the page break, and why each clause starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resdiff-explain-'));
    writeFileSync(join(dir, 'copied.txt'), pagedCopy());
    const r = await runCli(['show', 'copied.txt', '--explain', '--no-color'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^How copied\.txt was read \(\d+ steps\)/);
    expect(out).toMatch(/dropped\s+job number \(Geneva\)\s+“GE\.24-12826\(E\)”/);
    expect(out).toMatch(/dropped\s+running head .*“A\/HRC\/RES\/56\/2”/);
    expect(out).toMatch(/footnote\s+footnote 1's text \(at the foot of the page\)\s+“See FCCC/);
    expect(out).toMatch(/marker\s+footnote marker 1: digits glued to the word before\s+“.*Paris Agreement,1”/);
    expect(out).toMatch(/joined\s+continues the paragraph across a page break \(starts in lower case\)/);
    expect(out).toMatch(/clause\s+PP3: opening phrase "Recalling also"/);
    expect(out).toMatch(/clause\s+OP1: printed number 1/);
    expect(out).toMatch(/marker\s+footnote 1 attached to PP3/);
    expect(out).toContain('33 preambular, 37 operative paragraphs; footnotes 1; vote 31–14–2');

    const j = JSON.parse((await runCli(['show', 'copied.txt', '--explain', '--format', 'json'], { cwd: dir })).stdout);
    expect(j.clauses).toHaveLength(70);
    expect(j.footnotes).toEqual({ 1: 'See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.' });
    expect(j.explain.find((s: { action: string }) => s.action === 'dropped')).toMatchObject({ stage: 'text', page: 1, reason: 'job number (Geneva)' });
  });
});
