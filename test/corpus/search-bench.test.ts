/**
 * A small run of the search benchmark (test/bench/search-bench.ts): 60 generated documents, so
 * that the bench keeps working; it checks what the numbers are about (every sampled phrase is
 * found, near search finds the paragraphs it was varied from, provenance runs), not how fast.
 */
import { describe, expect, it } from 'vitest';
import { runSearchBench } from '../bench/search-bench.js';

describe('search benchmark, smoke run', () => {
  it('builds, queries and runs provenance on a small generated corpus', async () => {
    const r = await runSearchBench(60, [30], 20);
    expect(r.documents).toBe(60);
    expect(r.clauses).toBe(60 * 70);
    expect(r.bytes).toBeGreaterThan(0);
    expect(r.phrase.withHits).toBe(20); // phrases are taken from the corpus: each is found
    expect(r.near.withHits).toBeGreaterThanOrEqual(18); // a varied paragraph finds where it came from
    expect(r.checkpoints.map((c) => c.documents)).toEqual([30]);
    expect(r.provenancePairs).toBeGreaterThan(0);
  }, 120_000);
});
