/**
 * The aligner's shared word and trigram tables are bounded: past SHARED_TERM_LIMIT entries they are
 * emptied before the next alignment, so a long-running server does not grow without end, and a
 * comparison after the reset is the same as before it. An alignment that brings its own idf
 * (history: one idf for the whole series) never resets them under it. The filler texts are made-up
 * words, generated for the test.
 */
import { describe, expect, it } from 'vitest';
import { align } from '../../src/align/align.js';
import { idfOf, profile, sharedTermCount, SHARED_TERM_LIMIT } from '../../src/align/similarity.js';
import { compare } from '../../src/diff/compare.js';
import { loadResolution } from '../../src/corpus/load.js';

/** Profile random texts until the shared tables pass the limit. */
function fill() {
  let n = 0;
  const word = () => `x${(n++).toString(36)}`; // a new word every time
  while (sharedTermCount() <= SHARED_TERM_LIMIT) profile(Array.from({ length: 400 }, word).join(' '));
}

describe('the shared term tables', () => {
  it('are emptied past the limit before the next alignment, which gives the same comparison', async () => {
    const a = await loadResolution('example-2022', { cache: false });
    const b = await loadResolution('56/2', { cache: false });
    const before = JSON.stringify(compare(a, b));
    fill();
    const full = sharedTermCount();
    expect(full).toBeGreaterThan(SHARED_TERM_LIMIT);
    // With an idf of the caller's own, nothing is emptied under it.
    const idf = idfOf([...a.clauses, ...b.clauses].map((c) => profile(c.text)));
    align(a, b, { idf });
    expect(sharedTermCount()).toBeGreaterThanOrEqual(full);
    const after = JSON.stringify(compare(a, b));
    expect(sharedTermCount()).toBeLessThan(50_000);
    expect(after).toBe(before);
  }, 60_000);
});
