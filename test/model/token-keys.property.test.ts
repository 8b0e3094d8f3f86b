/**
 * tokenKeys (src/model/tokens.ts) reads the similarity keys off the token texts, without making
 * tokens. It must say exactly what classifying the tokenizer's tokens says: over every clause of
 * the corpus and the series fixtures, and over generated texts (CONSTRUCTED for this test) made
 * of the pieces the tokenizer tells apart — symbols, resolution numbers, decisions ("1/CP.21"),
 * dates in their forms, numbers and years, ordinal words, hyphens and apostrophes, letters with
 * marks, digits next to letters, lone slashes and punctuation.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isTechnical, tokenKeys, tokenRegex, tokenizeUncached } from '../../src/model/tokens.js';
import { parseResolution } from '../../src/model/parse.js';
import { ingest } from '../../src/ingest/index.js';
import { CORPUS, FIXTURES } from '../support/paths.js';

/** The keys as the tokenizer's classes give them. */
const viaTokens = (text: string) => tokenizeUncached(text).filter((t) => t.cls !== 'punct').map((t) => (isTechnical(t) ? `#${t.cls}` : t.text.toLowerCase()));

describe('tokenKeys', () => {
  it('gives the tokenizer’s keys for every clause of the corpus and the series fixtures', async () => {
    const files = [...readdirSync(CORPUS).map((f) => join(CORPUS, f)), ...readdirSync(join(FIXTURES, 'series')).map((f) => join(FIXTURES, 'series', f))].filter((f) => f.endsWith('.md'));
    let clauses = 0;
    for (const f of files) {
      const r = parseResolution(await ingest(readFileSync(f), f));
      for (const c of r.clauses) {
        expect(tokenKeys(c.text), `${f} ${c.id}`).toEqual(viaTokens(c.text));
        clauses++;
      }
    }
    expect(clauses).toBeGreaterThan(500);
  });

  it('gives the tokenizer’s keys for generated texts', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        'A/HRC/56/40', 'FCCC/CP/2015/10/Add.1', 'E/CN.4/Sub.2/2000/46', 'A/HRC/56/L.5', '1/CP.21', '78/197', '2000/22', '6/17', '1/2/3', '12345/6', 'A/', '/B', 'a/b', 'A.', 'A/HRC/',
        '10 July 2024', '19 and 20 January 2024', 'July 2024', '1 July', 'July 24', '10 july 2024', '2024', '1999', '2100', '56', '56th', '1,000', '3.5', '1.', '0', '07',
        'fifty-sixth', 'Fifty-Sixth', 'tenth', 'first', 'firsts', 'second-hand', 'Twentieth', 'third’s', 'fourth.', 'ninety-ninth',
        'States’', "States'", 'non-selectivity', 'co-operation', 'x-', '-x', 'Côte', 'd’Ivoire', 'e\u0301', '\u0301a', 'naïve', 'ÉTATS', 'İstanbul', 'ß',
        '“', '”', '(', ')', ',', ';', '.', '–', '—', '/', '…', '§', '%', '&', '*', '“Kampala”', '(A/HRC/56/2)', 'a2', '2a', 'x1y',
      ),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    );
    const sep = fc.constantFrom(' ', ' ', ' ', '', '  ', '\n', ', ');
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, sep), { maxLength: 14 }), (parts) => {
        const text = parts.map(([p, s]) => p + s).join('');
        expect(tokenKeys(text)).toEqual(viaTokens(text));
      }),
      { numRuns: process.env.RESDIFF_FUZZ_LONG === '1' ? 50_000 : 3000, seed: 17 },
    );
  });

  it('reads a text of Latin letters and General Punctuation alike with the Latin and the Unicode regex', () => {
    // Any character the Latin regex may see (below U+0250, or U+2000–U+206F), between the pieces
    // the tokenizer tells apart; and any character at all, where the Unicode regex must be chosen.
    const latinChar = fc.oneof(fc.integer({ min: 0, max: 0x24f }), fc.integer({ min: 0x2000, max: 0x206f })).map((c) => String.fromCharCode(c));
    const anyChar = fc.oneof(latinChar, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), fc.constantFrom('\u0301', 'є', 'ب', '中', '€', '\ufeff', '😀'));
    const piece = fc.oneof(
      fc.constantFrom('A/HRC/56/40', '78/197', '10 July 2024', 'fifty-sixth', 'co-operation', 'x-', '-ÿ', 'Côte', 'd’Ivoire', 'ª', 'µ', 'º', '×', '÷', 'ǅ', 'ɏ', 'naïve', '1,000', '56th', '“', '—', '…'),
      fc.array(latinChar, { maxLength: 5 }).map((cs) => cs.join('')),
    );
    const text = (char: fc.Arbitrary<string>) => fc.array(fc.oneof(piece, char), { maxLength: 16 }).map((ps) => ps.join(''));
    fc.assert(
      fc.property(text(latinChar), (t) => {
        expect(tokenRegex(t)).toBe(tokenRegex('a', 'latin'));
        expect(tokenizeUncached(t, 'latin')).toEqual(tokenizeUncached(t, 'unicode'));
        expect(tokenKeys(t, 'latin')).toEqual(tokenKeys(t, 'unicode'));
      }),
      { numRuns: process.env.RESDIFF_FUZZ_LONG === '1' ? 50_000 : 3000, seed: 23 },
    );
    fc.assert(
      fc.property(text(anyChar), (t) => {
        expect(tokenizeUncached(t)).toEqual(tokenizeUncached(t, 'unicode'));
        expect(tokenKeys(t)).toEqual(tokenKeys(t, 'unicode'));
      }),
      { numRuns: process.env.RESDIFF_FUZZ_LONG === '1' ? 50_000 : 3000, seed: 29 },
    );
  });
});
