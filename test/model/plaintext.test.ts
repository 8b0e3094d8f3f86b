/**
 * Plain text, as a user gets it by copying out of a PDF viewer: no emphasis, no blank lines,
 * lines wrapped, footnote markers gone. Derived here from the real 56/2 text.
 */
import { describe, expect, it } from 'vitest';
import { parseResolution } from '../../src/model/parse.js';
import { ingest } from '../../src/ingest/index.js';
import { text56_2 } from '../support/paths.js';

/** The 56/2 Markdown flattened to what a PDF viewer's copy gives. */
function asCopiedText(md: string, width: number, blankLines: boolean): string {
  const paras = md
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p && p !== '---' && !p.startsWith('<sup>'))
    .map((p) => p.replace(/^#+\s*/, '').replace(/<sup>\d+<\/sup>/g, '').replace(/\*+/g, '').replace(/\s+/g, ' '));
  // Rejoin PP17, which the page break cut (a viewer's copy has no page rules).
  const joined: string[] = [];
  for (const p of paras) {
    const prev = joined[joined.length - 1];
    if (prev && /^[a-z]/.test(p)) joined[joined.length - 1] = `${prev} ${p}`;
    else joined.push(p);
  }
  const wrapped = joined.map((p) => {
    const lines: string[] = [];
    let line = '';
    for (const w of p.split(' ')) {
      if (line && line.length + 1 + w.length > width) {
        lines.push(line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    lines.push(line);
    return lines.join('\n');
  });
  return wrapped.join(blankLines ? '\n\n' : '\n') + '\n';
}

describe('plain text', async () => {
  const md = parseResolution(await ingest(Buffer.from(text56_2()), '56-2.md'));

  for (const [label, width, blank] of [
    ['wrapped at 90 columns, no blank lines', 90, false],
    ['one paragraph per line', 100000, false],
    ['blank lines between paragraphs', 80, true],
  ] as const) {
    it(`reads 56/2 ${label} like the Markdown`, async () => {
      const txt = parseResolution(await ingest(Buffer.from(asCopiedText(text56_2(), width, blank)), '56-2.txt'));
      expect(txt.clauses.filter((c) => c.kind === 'PP')).toHaveLength(33);
      expect(txt.clauses.filter((c) => c.kind === 'OP')).toHaveLength(37);
      expect(txt.clauses.map((c) => [c.id, c.opening, c.text])).toEqual(md.clauses.map((c) => [c.id, c.opening, c.text]));
      expect(txt.symbol).toBe('A/HRC/RES/56/2');
      expect(txt.adopted).toBe('2024-07-10');
      expect(txt.vote?.counts).toEqual({ inFavour: 31, against: 14, abstaining: 2 });
    });
  }
});
