/**
 * Property: a missing final punctuation mark never moves a clause boundary. Deleting the final
 * comma, semicolon or full stop of any clause of 56/2 — or of every clause — leaves the clause
 * count and the ids as they were; each deletion is reported as a warning instead. Markdown here;
 * plain text (no italics, so paragraph starts come from the reader's measurements) below.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseResolution } from '../../src/model/parse.js';
import { ingest } from '../../src/ingest/index.js';
import { text56_2 } from '../support/paths.js';
import type { Resolution } from '../../src/model/types.js';
import { asCopiedText } from '../support/text-renditions.js';
import { fuzz } from '../support/fuzz.js';

async function parse(text: string, name: string): Promise<Resolution> {
  return parseResolution(await ingest(Buffer.from(text), name));
}

const ids = (r: Resolution) => r.clauses.map((c) => `${c.id}:${c.number ?? ''}`);

const source = text56_2();
const lines = source.split('\n');
const bodyStart = lines.indexOf('*The Human Rights Council,*');
const bodyEnd = lines.indexOf('*34th meeting*');
/** Lines of the body that end a clause or subparagraph with punctuation (footnote texts excluded). */
const FINAL = /[,;.](?=(?:<sup>\d+<\/sup>)?$)/;
const ends = lines.map((l, i) => ({ l, i })).filter(({ l, i }) => i > bodyStart && i < bodyEnd && !l.startsWith('<sup>') && FINAL.test(l)).map(({ i }) => i);

function withoutFinal(which: number[]): string {
  const out = [...lines];
  for (const i of which) out[i] = out[i].replace(FINAL, '');
  return out.join('\n');
}

describe('a missing final punctuation mark', async () => {
  const base = await parse(source, 'punct.md');

  it('finds every clause end of 56/2 to delete', () => {
    // 70 clauses, PP17's end on the far side of its page break included.
    expect(ends).toHaveLength(70);
  });

  it('never changes the clause count or ids (Markdown, any subset of clauses)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(ends, { minLength: 1 }), async (which) => {
        const r = await parse(withoutFinal(which), 'punct.md');
        expect(ids(r)).toEqual(ids(base));
        // Each deletion but the last clause's (which ends at the meeting line) is a warning.
        const warned = r.warnings.filter((w) => w.rule === 'punctuation-missing').length;
        expect(warned).toBe(which.filter((i) => i !== ends[ends.length - 1]).length);
      }),
      fuzz(40),
    );
  });

  it('never changes the clause count or ids (Markdown, every clause)', async () => {
    const r = await parse(withoutFinal(ends), 'punct.md');
    expect(ids(r)).toEqual(ids(base));
    expect(r.clauses.map((c) => c.opening)).toEqual(base.clauses.map((c) => c.opening));
  });

  it('never changes the clause count or ids (plain text as a viewer copies it)', async () => {
    const baseTxt = await parse(asCopiedText(source, 90, false), 'punct.txt');
    expect(ids(baseTxt)).toEqual(ids(base));
    await fc.assert(
      fc.asyncProperty(fc.subarray(ends, { minLength: 1 }), fc.integer({ min: 60, max: 140 }), fc.boolean(), async (which, width, blank) => {
        const r = await parse(asCopiedText(withoutFinal(which), width, blank), 'punct.txt');
        expect(ids(r)).toEqual(ids(base));
      }),
      fuzz(40),
    );
    const r = await parse(asCopiedText(withoutFinal(ends), 80, false), 'punct.txt');
    expect(ids(r)).toEqual(ids(base));
  });
});
