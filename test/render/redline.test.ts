/** The pieces the redline renderers share: headings, numbers, moved notes, opening italics. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DiffPart, Pair } from '../../src/diff/types.js';
import { movedNote, newText, oldText, pairHeading, pieces, printedNumber, segments } from '../../src/render/redline.js';
import { fuzz } from '../support/fuzz.js';

const base: Pair = { status: 'modified', old: ['OP12'], new: ['OP13'], kind: 'OP', moved: false, technical: false, openingChanged: false, similarity: 0.9, diff: [] };

describe('pair headings and numbers', () => {
  it('names ids as users speak them', () => {
    expect(pairHeading(base)).toBe('OP12 → OP13');
    expect(pairHeading({ ...base, status: 'added', old: [] })).toBe('OP13 (new)');
    expect(pairHeading({ ...base, status: 'removed', new: [] })).toBe('OP12 (dropped)');
    expect(pairHeading({ ...base, status: 'split', new: ['OP21', 'OP22'] })).toBe('OP12 → OP21 + OP22');
    expect(pairHeading({ ...base, status: 'merged', old: ['PP11', 'PP12'], new: ['PP11'], kind: 'PP' })).toBe('PP11 + PP12 → PP11');
  });

  it('prints the later numbers, the old one for dropped clauses, all of them for splits', () => {
    expect(printedNumber({ ...base, oldNumbers: [12], newNumbers: [13] })).toBe('13.');
    expect(printedNumber({ ...base, oldNumbers: [12], newNumbers: [13] }, 'old')).toBe('12.');
    expect(printedNumber({ ...base, status: 'removed', new: [], oldNumbers: [12], newNumbers: [] })).toBe('12.');
    expect(printedNumber({ ...base, status: 'split', oldNumbers: [22], newNumbers: [21, 22] })).toBe('21.–22.');
    expect(printedNumber({ ...base, status: 'split', oldNumbers: [22], newNumbers: [21, 24] })).toBe('21., 24.');
    expect(printedNumber({ ...base, kind: 'PP', oldNumbers: [1], newNumbers: [1] })).toBe('');
  });

  it('says where a moved clause came from', () => {
    expect(movedNote(base)).toBe('');
    expect(movedNote({ ...base, moved: true })).toBe('moved: was OP12');
    expect(movedNote({ ...base, moved: true, crossKind: true, old: ['PP5'] })).toBe('moved: was PP5, from the preamble');
  });
});

describe('segments', () => {
  it('cuts the opening phrase out as italic on each side', () => {
    const p: Pair = { ...base, oldOpening: 'Encourages', newOpening: 'Strongly urges', diff: [{ op: 'delete', text: 'Encourages' }, { op: 'insert', text: 'Strongly urges' }, { op: 'equal', text: ' all States;' }] };
    expect(segments(p).map((s) => [s.op, s.text, s.italic])).toEqual([
      ['delete', 'Encourages', true],
      ['insert', 'Strongly urges', true],
      ['equal', ' all States;', false],
    ]);
    const q: Pair = { ...base, oldOpening: 'Urges', newOpening: 'Urges also', diff: [{ op: 'equal', text: 'Urges' }, { op: 'insert', text: ' also' }, { op: 'equal', text: ' States;' }] };
    expect(segments(q).map((s) => [s.text, s.italic])).toEqual([['Urges', true], [' also', true], [' States;', false]]);
  });

  it('never loses or reorders text, on either side (property)', () => {
    const part = fc.record({ op: fc.constantFrom('equal', 'insert', 'delete') as fc.Arbitrary<DiffPart['op']>, text: fc.string({ maxLength: 12 }), technical: fc.boolean() });
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), fc.nat(20), fc.nat(20), (diff, a, b) => {
        const p: Pair = { ...base, diff };
        p.oldOpening = oldText(p).slice(0, a);
        p.newOpening = newText(p).slice(0, b);
        const all = segments(p);
        expect(all.map((s) => s.text).join('')).toBe(diff.map((d) => d.text).join(''));
        expect(segments(p, 'old').map((s) => s.text).join('')).toBe(oldText(p));
        expect(segments(p, 'new').map((s) => s.text).join('')).toBe(newText(p));
        // italics cover exactly the opening on the new side
        const italicNew = segments(p, 'new').filter((s) => s.italic).map((s) => s.text).join('');
        expect(italicNew).toBe(p.newOpening);
      }),
      fuzz(100),
    );
  });
});

describe('pieces', () => {
  const part = fc.record({
    op: fc.constantFrom('equal', 'insert', 'delete') as fc.Arbitrary<DiffPart['op']>,
    text: fc.array(fc.constantFrom('a', 'b', ' ', ';'), { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
  });

  for (const cut of ['new', 'old'] as const) {
    it(`cuts a ${cut === 'new' ? 'split' : 'merged'} pair at the clause starts, dropping only the joining spaces (property)`, () => {
      fc.assert(
        fc.property(fc.array(part, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(200), { maxLength: 3 }), (diff, picks) => {
          const p: Pair = { ...base, diff, status: cut === 'new' ? 'split' : 'merged' };
          const side = cut === 'new' ? newText(p) : oldText(p);
          const spaces = [...side].flatMap((ch, i) => (ch === ' ' ? [i + 1] : []));
          const breaks = [0, ...[...new Set(picks.filter(() => spaces.length > 0).map((n) => spaces[n % spaces.length]!))].sort((x, y) => x - y)];
          if (breaks.length < 2) return;
          const ids = breaks.map((_, i) => `OP${i + 1}`);
          if (cut === 'new') Object.assign(p, { new: ids, newBreaks: breaks, newNumbers: ids.map((_, i) => i + 1), oldNumbers: [1] });
          else Object.assign(p, { old: ids, oldBreaks: breaks, oldNumbers: ids.map((_, i) => i + 1), newNumbers: [1] });
          const clauses = breaks.map((b, i) => side.slice(b, i + 1 < breaks.length ? breaks[i + 1]! - 1 : undefined));
          const onCut = (op: DiffPart['op']) => (cut === 'new' ? op !== 'delete' : op !== 'insert');
          for (const only of [undefined, cut] as const) {
            const ps = pieces(p, only);
            expect(ps.map((x) => x.id)).toEqual(ids);
            expect(ps.map((x) => x.segments.filter((s) => onCut(s.op)).map((s) => s.text).join(''))).toEqual(clauses);
            expect(ps.map((x) => x.joint?.text)).toEqual([...breaks.slice(1).map(() => ' '), undefined]);
            // nothing lost or reordered: pieces and joints give back the whole diff (or the side)
            const all = ps.flatMap((x) => [...x.segments, ...(x.joint ? [x.joint] : [])]).map((s) => s.text).join('');
            expect(all).toBe(only ? side : diff.map((d) => d.text).join(''));
          }
          expect(pieces(p, cut).map((x) => [x.number, x.numberOp])).toEqual(ids.map((_, i) => [`${i + 1}.`, 'equal']));
          const other = cut === 'new' ? 'old' : 'new';
          expect(pieces(p, other)).toHaveLength(1);
        }),
        fuzz(100),
      );
    });
  }
});
