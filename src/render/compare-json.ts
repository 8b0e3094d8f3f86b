/**
 * `resdiff compare --format json`: the comparison contract (DESIGN.md §3), contract fields first.
 */
import type { Comparison } from '../diff/types.js';

/** The comparison as a plain JSON object. */
export function comparisonToJson(c: Comparison): Record<string, unknown> {
  return {
    old: c.old,
    new: c.new,
    pairs: c.pairs.map(({ status, old, new: nw, moved, technical, openingChanged, similarity, diff, ...ext }) => ({
      status,
      old,
      new: nw,
      moved,
      technical,
      openingChanged,
      similarity,
      diff,
      ...ext,
    })),
    summary: c.summary,
    ...(c.warnings ? { warnings: c.warnings } : {}),
  };
}

/** Render the comparison JSON (pretty-printed, trailing newline). */
export function renderCompareJson(c: Comparison): string {
  return `${JSON.stringify(comparisonToJson(c), null, 2)}\n`;
}
