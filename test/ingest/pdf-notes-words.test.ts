/**
 * Two measurements of the PDF and DOCX readers on constructed input: the endnote section taken by
 * its structure (numbers that match the markers, after the text), and words rebuilt from the gaps
 * of a line written glyph by glyph (letter gaps vs word gaps measured on the line itself).
 * The texts are constructed for the tests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { takeEndnotes } from '../../src/ingest/notes.js';
import type { Para } from '../../src/ingest/pdf/emit.js';
import { glyphWords, type Item } from '../../src/ingest/pdf/layout.js';
import type { Explain } from '../../src/ingest/explain.js';
import { fuzz } from '../support/fuzz.js';

const para = (...parts: (string | number)[]): Para => parts.map((p) => (typeof p === 'number' ? { text: String(p), note: true } : { text: p }));
const texts = (ps: Para[]) => ps.map((p) => p.map((s) => (s.note ? `^${s.text}` : s.text)).join(''));

describe('takeEndnotes', () => {
  const body = (): Para[] => [para('Recalling the Paris Agreement,', 1), para('1. Decides to act;', 2), para('2. Decides to stay seized.'), para('[Adopted without a vote.]')];

  it('moves numbered paragraphs after the text into the footnotes, by marker number', () => {
    const paras = [...body(), para('Notes'), para('1. See FCCC/CP/2015/10/Add.1.'), para('2 A/HRC/55/78.')];
    const notes = new Map<number, Para>();
    const trace: Explain = [];
    expect(takeEndnotes(paras, notes, trace)).toBe(2);
    expect(texts(paras)).toEqual(texts(body()));
    expect(texts([notes.get(1)!, notes.get(2)!])).toEqual(['See FCCC/CP/2015/10/Add.1.', 'A/HRC/55/78.']);
    expect(trace.map((s) => s.action)).toEqual(['footnote', 'footnote']);
  });

  it('reads a raised number opening a note, and a note text that runs over two paragraphs', () => {
    const paras = [...body(), para(1, 'See decision 1/CP.21,'), para('annex.'), para(2, 'A/HRC/55/78.')];
    const notes = new Map<number, Para>();
    takeEndnotes(paras, notes);
    expect(texts([notes.get(1)!])).toEqual(['See decision 1/CP.21, annex.']);
  });

  it('leaves numbered operative paragraphs alone when their numbers are not the missing markers', () => {
    const paras = [para('Recalling the Paris Agreement,', 1), para('1. Decides to act;'), para('2. Decides to stay seized.')];
    expect(takeEndnotes(paras, new Map())).toBe(0);
    expect(paras).toHaveLength(3);
  });

  it('takes nothing when the footnotes are already known, or the numbers skip', () => {
    const known = new Map<number, Para>([[1, para('x')], [2, para('y')]]);
    const a = [...body(), para('1. See A.'), para('2. See B.')];
    expect(takeEndnotes(a, known)).toBe(0);
    const b = [...body(), para('1. See A.'), para('3. See B.')];
    expect(takeEndnotes(b, new Map())).toBe(0);
    expect(b).toHaveLength(6);
  });
});

/** A line set glyph by glyph: each character its own run, letter gaps `track`, word gaps `space` (pt). */
function setLine(words: string[], size: number, track: number, spaces: number[], x0 = 72): Item[] {
  const items: Item[] = [];
  let x = x0;
  words.forEach((w, i) => {
    for (const ch of w) {
      const width = size * 0.5;
      items.push({ str: ch, x, y: 700, width, size, italic: false, bold: false, sup: false });
      x += width + track;
    }
    x += spaces[i] ?? 0;
  });
  return items;
}

describe('glyphWords', () => {
  it('rebuilds the words of a glyph-by-glyph line from its gaps, letter-spaced or squeezed', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 3, maxLength: 12 }),
        fc.double({ min: 6, max: 14, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.double({ min: 0.15, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        (words, size, trackEm, spaceEm, jitterEm) => {
          fc.pre(words.join('').length >= 8);
          // Justified lines stretch each word gap a little differently (jitter), never below the space.
          const spaces = words.map((_, i) => (spaceEm + jitterEm * ((i * 7) % 3)) * size);
          const got = glyphWords(setLine(words, size, trackEm * size, spaces)).map((i) => i.str).join('');
          expect(got).toBe(words.join(' '));
        },
      ),
      fuzz(300, 20000),
    );
  });

  it('reads a line of very short words, where word gaps outnumber letter gaps (found by the property above)', () => {
    const words = ['a', 'AA', 'aa', 'aa', 'a'];
    const got = glyphWords(setLine(words, 6, 0, words.map(() => 0.15 * 6))).map((i) => i.str).join('');
    expect(got).toBe('a AA aa aa a');
  });

  it('keeps a kerned pair inside its word: a gap below the others is kerning, not a word break', () => {
    // "AVAILABLE AGAIN" glyph by glyph, A-V kerned by Times's 0.135 em, with and without tracking.
    for (const track of [0, 0.1]) {
      const kern = (line: Item[]) => line.map((g, k) => (k >= 1 ? { ...g, x: g.x - 1.35 } : g));
      const items = kern(setLine(['AVAILABLE', 'AGAIN'], 10, track * 10, [0.25 * 10, 0]));
      expect(glyphWords(items).map((i) => i.str).join('')).toBe('AVAILABLE AGAIN');
      const one = kern(setLine(['AVAILABLE'], 10, track * 10, [0]));
      expect(glyphWords(one).map((i) => i.str).join('')).toBe('AVAILABLE');
    }
  });

  it('leaves lines of whole words as the producer wrote them', () => {
    const items: Item[] = [
      { str: 'Recalling', x: 72, y: 700, width: 40, size: 10, italic: true, bold: false, sup: false },
      { str: ' its commitment', x: 112, y: 700, width: 70, size: 10, italic: false, bold: false, sup: false },
    ];
    expect(glyphWords(items)).toBe(items);
  });
});
