/**
 * The one vocabulary for counting what happened between two versions (DESIGN.md §3).
 *
 * Every view — CLI text, JSON summary, HTML, PDF, Word cover, web page, Series view — counts
 * with these words and these rules, so one comparison never shows two numbers under one word:
 *
 * | word      | a pair counts here when                                              |
 * |-----------|----------------------------------------------------------------------|
 * | new       | status `added`                                                        |
 * | dropped   | status `removed`                                                      |
 * | changed   | status `modified`, `split` or `merged`, and not `technical`           |
 * | technical | status `modified` and `technical` (only rolled-over references)       |
 * | moved     | `moved` (counted besides its status)                                  |
 * | unchanged | status `unchanged` and not moved                                      |
 *
 * `split` and `merged` are extensions that count the changed pairs of those shapes.
 */
import type { ClauseKind } from '../model/types.js';
import type { Pair } from './types.js';

/** The words of the vocabulary, in the order views list them. */
export const COUNT_WORDS = ['new', 'dropped', 'changed', 'technical', 'moved', 'unchanged'] as const;
export type CountWord = (typeof COUNT_WORDS)[number];

/** What each word means, for legends, filter labels and help text. */
export const COUNT_MEANINGS: Record<CountWord, string> = {
  new: 'paragraphs added in the later text',
  dropped: 'paragraphs of the earlier text left out of the later one',
  changed: 'paragraphs with new or deleted language (modified, split or merged; technical updates excluded)',
  technical: 'paragraphs where only routine references changed (dates, resolution and session numbers, document symbols)',
  moved: 'paragraphs that changed place relative to their neighbours (also counted under their other word)',
  unchanged: 'paragraphs with the same wording in the same place',
};

/** Counts under the vocabulary; `split` and `merged` are the changed pairs of those shapes. */
export type Counts = Record<CountWord, number> & { split: number; merged: number };

/** A zeroed set of counts. */
export function emptyCounts(): Counts {
  return { new: 0, dropped: 0, changed: 0, technical: 0, moved: 0, unchanged: 0, split: 0, merged: 0 };
}

/**
 * The one status word a pair counts under, besides `moved` (see {@link isMoved}): null for a
 * pair that only moved (status unchanged, moved), which counts under `moved` alone.
 */
export function statusWord(p: Pick<Pair, 'status' | 'technical' | 'moved'>): Exclude<CountWord, 'moved'> | null {
  switch (p.status) {
    case 'added':
      return 'new';
    case 'removed':
      return 'dropped';
    case 'modified':
      return p.technical ? 'technical' : 'changed';
    case 'split':
    case 'merged':
      return 'changed';
    case 'unchanged':
      return p.moved ? null : 'unchanged';
  }
}

/** Every word a pair counts under: its status word and, when it moved, `moved`. */
export function countWords(p: Pick<Pair, 'status' | 'technical' | 'moved'>): CountWord[] {
  const w = statusWord(p);
  const words: CountWord[] = w ? [w] : [];
  if (p.moved) words.push('moved');
  return words;
}

/** Count pairs under the vocabulary, optionally only those of one kind (PP or OP). */
export function countPairs(pairs: readonly Pick<Pair, 'status' | 'technical' | 'moved' | 'kind'>[], kind?: ClauseKind): Counts {
  const c = emptyCounts();
  for (const p of pairs) {
    if (kind && p.kind !== kind) continue;
    for (const w of countWords(p)) c[w]++;
    if (p.status === 'split') c.split++;
    if (p.status === 'merged') c.merged++;
  }
  return c;
}

/** Add two sets of counts (PP + OP for a whole document). */
export function addCounts(a: Counts, b: Counts): Counts {
  const c = emptyCounts();
  for (const k of Object.keys(c) as (keyof Counts)[]) c[k] = a[k] + b[k];
  return c;
}

/**
 * "2 new, 1 dropped, 1 changed, 3 technical, 1 moved, 29 unchanged" (every word, zeros included,
 * so lines can be compared across views), with "(1 split, 1 merged)" after "changed" when any.
 */
export function countsPhrase(c: Counts): string {
  return COUNT_WORDS.map((w) => {
    const shapes = w === 'changed' && (c.split || c.merged) ? ` (${[c.split ? `${c.split} split` : '', c.merged ? `${c.merged} merged` : ''].filter(Boolean).join(', ')})` : '';
    return `${c[w]} ${w}${shapes}`;
  }).join(', ');
}
