/**
 * Properties of the word diff and the comparison (fast-check), on random edits of the real
 * clause texts of 56/2. The edited versions are constructed in the test.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffWords, newTextOf, oldTextOf } from '../../src/diff/word-diff.js';
import { compare } from '../../src/diff/compare.js';
import type { Comparison, Pair } from '../../src/diff/types.js';
import { addCounts, countsPhrase, countWords } from '../../src/diff/counts.js';
import { summaryLine } from '../../src/render/labels.js';
import { copy, editable56_2, parseVariant, type Editable } from '../support/variants.js';
import { fuzz } from '../support/fuzz.js';

const base = editable56_2();
const clauseTexts = [...base.pps, ...base.ops].map((p) => p.replace(/\*/g, ''));
const vocabulary = ['international', 'cooperation', 'Kampala', 'fifty-ninth', 'sixty-second', '78/197', 'A/HRC/56/40', '10 July 2024', 'and', 'the', ',', ';', 'States', '(COVID-19)', 'non-selectivity', '“Transforming”'];

/** A random word-level edit of a text. */
const editedText = (text: string) =>
  fc
    .array(fc.record({ at: fc.nat(), kind: fc.constantFrom('delete', 'insert', 'replace'), word: fc.constantFrom(...vocabulary) }), { maxLength: 8 })
    .map((edits) => {
      const words = text.split(' ');
      for (const e of edits) {
        const i = words.length ? e.at % words.length : 0;
        if (e.kind === 'delete' && words.length > 1) words.splice(i, 1);
        else if (e.kind === 'insert') words.splice(i, 0, e.word);
        else words[i] = e.word;
      }
      return words.join(' ');
    });

describe('word diff', () => {
  it('rebuilds both texts exactly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...clauseTexts).chain((t) => fc.tuple(editedText(t), editedText(t))),
        ([a, b]) => {
          const { parts } = diffWords(a, b);
          expect(oldTextOf(parts)).toBe(a);
          expect(newTextOf(parts)).toBe(b);
          for (const p of parts) expect(p.text.length).toBeGreaterThan(0);
        },
      ),
      fuzz(300),
    );
  });

  it('keeps symbols, resolution numbers and dates whole', () => {
    const { parts } = diffWords('resolution 78/197 of 19 December 2023 and A/HRC/56/40', 'resolution 79/197 of 19 December 2024 and A/HRC/59/40');
    expect(parts.filter((p) => p.op !== 'equal').map((p) => [p.op, p.text.trim(), p.technical])).toEqual([
      ['delete', '78/197', true],
      ['insert', '79/197', true],
      ['delete', '19 December 2023', true],
      ['insert', '19 December 2024', true],
      ['delete', 'A/HRC/56/40', true],
      ['insert', 'A/HRC/59/40', true],
    ]);
  });

  it('falls back to "whole clause replaced" on timeout', () => {
    const { parts, timedOut } = diffWords('a b c', 'c b a', -1);
    expect(timedOut).toBe(true);
    expect(parts).toEqual([
      { op: 'delete', text: 'a b c', technical: false },
      { op: 'insert', text: 'c b a', technical: false },
    ]);
  });
});

/** A random structural edit of the whole resolution (no duplicates: they make ties). */
const editedVersion = fc
  .array(
    fc.record({ kind: fc.constantFrom('drop', 'move', 'edit', 'add'), list: fc.constantFrom('pps', 'ops') as fc.Arbitrary<'pps' | 'ops'>, i: fc.nat(), j: fc.nat(), seed: fc.nat(1000) }),
    { maxLength: 6 },
  )
  .map((edits) => {
    const e: Editable = copy(base);
    for (const x of edits) {
      const l = e[x.list];
      const i = x.i % l.length;
      if (x.kind === 'drop' && l.length > 3) l.splice(i, 1);
      else if (x.kind === 'move') l.splice(x.j % l.length, 0, l.splice(i, 1)[0]);
      else if (x.kind === 'edit') l[i] = l[i].replace(/ the /, ` the ${vocabulary[x.seed % vocabulary.length]} `);
      else l.splice(i, 0, `${x.list === 'pps' ? '*Noting*' : '*Notes*'} the constructed paragraph number ${x.seed} about ${vocabulary[x.seed % vocabulary.length]} and tea${x.list === 'pps' ? ',' : ';'}`);
    }
    return e;
  });

const mirror: Record<string, string> = { added: 'removed', removed: 'added', split: 'merged', merged: 'split', modified: 'modified', unchanged: 'unchanged' };
const links = (c: Comparison, swap = false) =>
  c.pairs
    .map((p) => (swap ? `${mirror[p.status]} ${p.new.join('+')}>${p.old.join('+')}` : `${p.status} ${p.old.join('+')}>${p.new.join('+')}`))
    .sort();

describe('comparison', () => {
  it('every clause of each version appears in exactly one pair; diffs rebuild the clauses', async () => {
    await fc.assert(
      fc.asyncProperty(editedVersion, editedVersion, async (ea, eb) => {
        const [a, b] = await Promise.all([parseVariant(ea, 'a'), parseVariant(eb, 'b')]);
        const c = compare(a, b);
        expect(c.pairs.flatMap((p) => p.old).sort()).toEqual(a.clauses.map((x) => x.id).sort());
        expect(c.pairs.flatMap((p) => p.new).sort()).toEqual(b.clauses.map((x) => x.id).sort());
        const byId = (r: typeof a) => new Map(r.clauses.map((x) => [x.id, x.text]));
        const ta = byId(a);
        const tb = byId(b);
        for (const p of c.pairs) {
          expect(oldTextOf(p.diff)).toBe(p.old.map((i) => ta.get(i)).join(' '));
          expect(newTextOf(p.diff)).toBe(p.new.map((i) => tb.get(i)).join(' '));
        }
      }),
      fuzz(25),
    );
  });

  it('a text compared with itself is all unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(editedVersion, async (e) => {
        const a = await parseVariant(e, 'a');
        const c = compare(a, a);
        expect(c.pairs.every((p) => p.status === 'unchanged' && !p.moved && p.old.join() === p.new.join())).toBe(true);
      }),
      fuzz(20),
    );
  });

  it('swapping OLD and NEW swaps added/removed and split/merged', async () => {
    await fc.assert(
      fc.asyncProperty(editedVersion, async (e) => {
        const [a, b] = await Promise.all([parseVariant(base, 'a'), parseVariant(e, 'b')]);
        expect(links(compare(b, a), true)).toEqual(links(compare(a, b)));
      }),
      fuzz(25),
    );
  });
});

describe('count vocabulary (DESIGN.md §3)', () => {
  it('every pair counts under exactly one status word or only as moved; PP + OP counts add up to the pairs', async () => {
    await fc.assert(
      fc.asyncProperty(editedVersion, editedVersion, async (ea, eb) => {
        const [a, b] = await Promise.all([parseVariant(ea, 'a'), parseVariant(eb, 'b')]);
        const c = compare(a, b);
        const all = addCounts(c.summary.PP.counts, c.summary.OP.counts);
        const onlyMoved = c.pairs.filter((p) => p.status === 'unchanged' && p.moved).length;
        expect(all.new + all.dropped + all.changed + all.technical + all.unchanged + onlyMoved).toBe(c.pairs.length);
        expect(all.moved).toBe(c.pairs.filter((p) => p.moved).length);
        for (const kind of ['PP', 'OP'] as const) {
          const s = c.summary[kind];
          // The contract's own fields relate to the vocabulary exactly so.
          expect(s.counts.new).toBe(s.added);
          expect(s.counts.dropped).toBe(s.removed);
          expect(s.counts.technical).toBe(s.technical);
          expect(s.counts.changed).toBe(s.modified - s.technical + s.split + s.merged);
          expect(summaryLine(c, kind)).toBe(`${kind}: ${countsPhrase(s.counts)}`);
        }
      }),
      fuzz(25),
    );
  });

  it('classifies each status as the table says', () => {
    const p = (status: Pair['status'], technical = false, moved = false) => countWords({ status, technical, moved });
    expect(p('added')).toEqual(['new']);
    expect(p('removed', false, true)).toEqual(['dropped', 'moved']);
    expect(p('modified')).toEqual(['changed']);
    expect(p('modified', true)).toEqual(['technical']);
    expect(p('split')).toEqual(['changed']);
    expect(p('merged', false, true)).toEqual(['changed', 'moved']);
    expect(p('unchanged')).toEqual(['unchanged']);
    expect(p('unchanged', false, true)).toEqual(['moved']);
    expect(countsPhrase({ new: 2, dropped: 1, changed: 3, technical: 3, moved: 1, unchanged: 29, split: 1, merged: 0 })).toBe(
      '2 new, 1 dropped, 3 changed (1 split), 3 technical, 1 moved, 29 unchanged',
    );
  });
});
