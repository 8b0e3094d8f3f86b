// resdiff page: the one vocabulary for counts (DESIGN.md §3), as the library defines it in
// src/diff/counts.ts. The page reads the numbers from the compare JSON (summary.PP.counts,
// summary.OP.counts); it classifies single pairs (for filters, colours, the change map) by the
// same rule, and test/web/counts.e2e.test.ts holds the page's numbers against the library's.

/** The words, in the order views list them. */
export const COUNT_WORDS = ['new', 'dropped', 'changed', 'technical', 'moved', 'unchanged'];

/**
 * The one status word a pair counts under besides `moved`: null for a pair that only moved.
 * @param {{ status: string, technical?: boolean, moved?: boolean }} p
 */
export function countWord(p) {
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
    default:
      return p.moved ? null : 'unchanged';
  }
}

/** Count pairs (of one kind, when given) under the vocabulary. */
export function countPairs(pairs, kind) {
  const c = { new: 0, dropped: 0, changed: 0, technical: 0, moved: 0, unchanged: 0, split: 0, merged: 0 };
  for (const p of pairs) {
    if (kind && p.kind !== kind) continue;
    const w = countWord(p);
    if (w) c[w]++;
    if (p.moved) c.moved++;
    if (p.status === 'split') c.split++;
    if (p.status === 'merged') c.merged++;
  }
  return c;
}
