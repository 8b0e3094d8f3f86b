/**
 * Words every renderer uses for a pair and a version, so text, HTML, PDF and Word say the same.
 */
import { countsPhrase } from '../diff/counts.js';
import type { Comparison, Pair, VersionInfo } from '../diff/types.js';

/** The label constructed examples carry in every output. */
export const CONSTRUCTED_LABEL = 'constructed example (written by the resdiff team; not a UN document)';

/** "A/HRC/RES/56/2 (10 July 2024)" or with the constructed label. */
export function versionLabel(v: VersionInfo): string {
  const name = v.symbol || v.file || '(unnamed)';
  const date = v.adopted ? ` (${v.adopted})` : '';
  return `${name}${date}${v.constructed ? ` [${CONSTRUCTED_LABEL}]` : ''}`;
}

/** "OP12 → OP13", "new OP5", "dropped OP7", "PP3 → PP3 + PP4". */
export function pairIds(p: Pair): string {
  if (p.status === 'added') return `new ${p.new.join(' + ')}`;
  if (p.status === 'removed') return `dropped ${p.old.join(' + ')}`;
  const o = p.old.join(' + ');
  const n = p.new.join(' + ');
  return o === n ? o : `${o} → ${n}`;
}

/** A short description of what happened to the pair: "modified, moved, technical update only". */
export function pairNote(p: Pair): string {
  const bits: string[] = [];
  if (p.status === 'split') bits.push(`split into ${p.new.length}`);
  else if (p.status === 'merged') bits.push(`${p.old.length} merged into one`);
  else bits.push(p.status);
  if (p.moved) bits.push(p.crossKind ? (p.kind === 'OP' ? 'moved from the preamble' : 'moved from the operative part') : `moved (was ${p.old.join(' + ')})`);
  if (p.technical) bits.push('technical update only');
  if (p.openingChanged && p.oldOpening !== undefined && p.newOpening !== undefined) bits.push(`opening “${p.oldOpening}” → “${p.newOpening}”`);
  return bits.join(', ');
}

/** Is this pair worth showing when unchanged clauses are folded? */
export function isChanged(p: Pair): boolean {
  return p.status !== 'unchanged' || p.moved;
}

/** One-line summary in the count vocabulary: "OP: 2 new, 1 dropped, 1 changed (1 split), 3 technical, 1 moved, 29 unchanged". */
export function summaryLine(c: Comparison, kind: 'PP' | 'OP'): string {
  return `${kind}: ${countsPhrase(c.summary[kind].counts)}`;
}
