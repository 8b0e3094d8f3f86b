/**
 * Plain text, as a user gets it by copying out of a PDF viewer: no emphasis, no blank lines,
 * lines wrapped, footnote markers gone. Derived here from the real 56/2 text.
 */
import { describe, expect, it } from 'vitest';
import { parseResolution } from '../../src/model/parse.js';
import { ingest } from '../../src/ingest/index.js';
import { text56_2 } from '../support/paths.js';
import { asCopiedText } from '../support/text-renditions.js';

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
