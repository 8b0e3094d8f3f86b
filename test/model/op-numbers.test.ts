/**
 * Operative paragraphs numbered 1000 and on are paragraphs, in plain text and in Markdown (they
 * were appended to OP999); a four-digit number that does not continue the numbering is a year.
 * Constructed texts, not UN documents.
 */
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { parseResolution } from '../../src/model/parse.js';

const ops = (sep: string) =>
  `The Human Rights Council,\n\nRecalling its resolutions,\n\n${Array.from({ length: 1002 }, (_, i) => `${i + 1}. Decides to act on matter ${i + 1};`).join(sep)}\n`;

async function parse(text: string, name: string) {
  return parseResolution(await ingest(Buffer.from(text), name));
}

describe('OP numbers of four digits', () => {
  for (const [name, sep] of [['constructed.txt', '\n'], ['constructed.md', '\n\n']] as const) {
    it(`${name}: OP1000, OP1001 and OP1002 are paragraphs of their own`, async () => {
      const r = await parse(ops(sep), name);
      const op = r.clauses.filter((c) => c.kind === 'OP');
      expect(op).toHaveLength(1002);
      expect(op.slice(998).map((c) => [c.number, c.text])).toEqual([
        [999, 'Decides to act on matter 999;'],
        [1000, 'Decides to act on matter 1000;'],
        [1001, 'Decides to act on matter 1001;'],
        [1002, 'Decides to act on matter 1002;'],
      ]);
    });
  }

  it('a year at the start of a line is still text', async () => {
    const r = await parse('The Human Rights Council,\n\nRecalling its resolutions adopted in\n2015. Recalling also its decisions,\n\n1. Decides to act;\n', 'constructed.txt');
    expect(r.clauses.filter((c) => c.kind === 'OP').map((c) => c.number)).toEqual([1]);
    expect(r.clauses.some((c) => c.number === 2015)).toBe(false);
  });
});
