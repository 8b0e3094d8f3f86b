/** Word repairs for text rebuilt from PDFs: end-of-line hyphens and broken letter spacing. */
import { describe, expect, it } from 'vitest';
import { hyphenBreak, repairSpacing, Vocabulary } from '../../src/ingest/pdf/words.js';
import { isoDate, mastheadLine } from '../../src/ingest/pdf/emit.js';

const vocab = new Vocabulary([
  'the principles of universality, impartiality, objectivity and non-selectivity',
  'relevant United Nations agencies, international cooperation',
  'Fifty-sixth session',
]);

describe('hyphenBreak', () => {
  it('joins words the document prints whole', () => {
    expect(hyphenBreak('inter', 'national', vocab)).toBe('join');
    expect(hyphenBreak('rel', 'evant', vocab)).toBe('join');
    expect(hyphenBreak('coopera', 'tion', vocab)).toBe('join');
  });
  it('keeps real hyphens', () => {
    expect(hyphenBreak('non', 'selectivity', vocab)).toBe('keep'); // printed hyphenated elsewhere
    expect(hyphenBreak('South', 'South', vocab)).toBe('keep'); // capital after the hyphen
    expect(hyphenBreak('COVID', '19)', vocab)).toBe('keep');
    expect(hyphenBreak('fifty', 'ninth', vocab)).toBe('keep');
    expect(hyphenBreak('capacity', 'building', vocab)).toBe('keep');
    expect(hyphenBreak('above', 'mentioned', vocab)).toBe('keep');
  });
});

describe('repairSpacing', () => {
  it('repairs "Fift y- third" where unambiguous', () => {
    expect(repairSpacing('Fift y- third session', vocab)).toBe('Fifty-third session');
    expect(repairSpacing('at its sixt y- first session', vocab)).toBe('at its sixty-first session');
  });
  it('leaves ordinary text and suspended hyphens alone', () => {
    const s = 'pre- and post-natal care, as set out in annex I to the law of the sea, in a way';
    expect(repairSpacing(s, vocab)).toBe(s);
  });
});

describe('masthead lines', () => {
  it('reads symbol, distribution, date, language and job numbers', () => {
    const meta: Record<string, unknown> = {};
    expect(mastheadLine('United Nations', meta)).toBe('drop');
    expect(mastheadLine('A/RES/78/199', meta)).toBe('drop');
    expect(mastheadLine('Distr.: General', meta)).toBe('keep');
    expect(mastheadLine('21 December 2023', meta, 'Distr.: General')).toBe('keep');
    expect(mastheadLine('Original: English', meta)).toBe('keep');
    expect(mastheadLine('23-26080 (E) 211223', meta)).toBe('drop');
    expect(mastheadLine('*2326080*', meta)).toBe('drop');
    expect(mastheadLine('Human Rights Council', meta)).toBeUndefined();
    expect(meta).toEqual({ symbol: 'A/RES/78/199', distribution: 'General', issued: '2023-12-21', originalLanguage: 'English', jobNumber: '23-26080 (E) 211223' });
  });
  it('parses English dates', () => {
    expect(isoDate('11 July 2024')).toBe('2024-07-11');
    expect(isoDate('Fifty-sixth session')).toBeUndefined();
  });
});
