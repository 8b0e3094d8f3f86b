/**
 * Technical updates (DESIGN.md §3): a change is routine when only rolled-forward references
 * changed — a resolution cited with its date, a report symbol, a session ordinal, a year. A
 * change that adds words beyond a reference stays substantive. Checked on the bundled example
 * against the real 56/2 and on constructed sentences (marked as such; not UN text).
 */
import { describe, expect, it } from 'vitest';
import { compare, toPair } from '../../src/diff/compare.js';
import { diffWords } from '../../src/diff/word-diff.js';
import { loadResolution } from '../../src/corpus/load.js';
import type { Clause } from '../../src/model/types.js';

/** A constructed one-clause pair, classified as compare classifies it. */
function classify(oldText: string, newText: string) {
  const clause = (id: string, text: string): Clause => ({ id, kind: 'PP', opening: text.split(' ')[0], text, footnotes: [] });
  const p = toPair({ old: [0], new: [0], moved: false, crossKind: false, similarity: 0.9 }, [clause('PP1', oldText)], [clause('PP1', newText)]);
  return p;
}

describe('technical classification', () => {
  it('PP4 and OP30 of example-2022 → 56/2 are technical; PP9 (new words besides an ordinal) is not', async () => {
    const c = compare(await loadResolution('example-2022'), await loadResolution('56/2'));
    const by = (id: string) => c.pairs.find((p) => p.new.includes(id))!;
    const pp4 = by('PP4');
    expect(pp4.diff.filter((d) => d.op !== 'equal').map((d) => [d.op, d.text.trim(), d.technical])).toEqual([
      ['delete', '76/159', true],
      ['insert', '77/213 of 15 December 2022', true],
      ['delete', '47/9', true],
      ['insert', '50/4 of 7 July 2022', true],
    ]);
    expect([pp4.status, pp4.technical]).toEqual(['modified', true]);
    expect([by('OP31').old, by('OP31').technical]).toEqual([['OP30'], true]);
    expect(by('PP9').technical).toBe(false);
    expect(c.summary.PP.counts).toMatchObject({ technical: 1, changed: 2 });
  });

  it('a reference rolled forward with its date, a report symbol, a session ordinal or a year is technical', () => {
    // Constructed sentences.
    expect(classify('Recalling its resolution 47/9, and General Assembly resolution 76/159,', 'Recalling its resolution 50/4 of 7 July 2022, and General Assembly resolution 77/213 of 15 December 2022,').technical).toBe(true);
    expect(classify('Taking note of the report of the Secretary-General (A/HRC/54/36),', 'Taking note of the report of the Secretary-General (A/HRC/57/21),').technical).toBe(true);
    expect(classify('Decides to continue its consideration of the matter at its fifty-third session;', 'Decides to continue its consideration of the matter at its fifty-ninth session;').technical).toBe(true);
    expect(classify('Requests a report in 2023;', 'Requests a report in 2025;').technical).toBe(true);
    expect(classify('Recalling resolution 47/9 of 11 October 2021,', 'Recalling resolution 50/4 of 7 July 2022,').technical).toBe(true);
  });

  it('a change that adds words beyond a reference stays substantive', () => {
    // Constructed sentences.
    expect(classify('Recalling resolution 76/159,', 'Recalling resolution 77/213 on the right to development,').technical).toBe(false);
    expect(classify('Recalling resolution 76/159,', 'Recalling resolution 77/213 of 15 December 2022 and its commitments,').technical).toBe(false);
    expect(classify('Recalling resolution 76/159,', 'Recalling resolutions 76/159 and 77/213 of 15 December 2022,').technical).toBe(false);
    // "of" alone, not tying a reference to a date, is a word like any other.
    const d = diffWords('the report 54/36', 'the report of 2024');
    expect(d.parts.filter((p) => p.op === 'insert').every((p) => p.technical)).toBe(false);
  });
});
