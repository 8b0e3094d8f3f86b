/**
 * Words the vote renderers share (text, HTML).
 */
import type { CountryRow, VoteTable, VoteTableVersion, VoteValue } from '../align/votes.js';
import { CONSTRUCTED_LABEL } from './labels.js';

/** How each vote is written in a cell. */
export const VOTE_WORD: Record<VoteValue, string> = { yes: 'yes', no: 'no', abstain: 'abstain', 'not-recorded': '·' };

/** A column head: the resolution's year (or symbol end), "*" when constructed. */
export function voteColumn(v: VoteTableVersion): string {
  const name = v.adopted ? v.adopted.slice(0, 4) : (v.symbol || v.file).split('/').slice(-2).join('/');
  return `${name}${v.constructed ? '*' : ''}`;
}

/** "A/HRC/RES/56/2 (2024-07-10)": recorded vote 31–14–2 / adopted without a vote / no vote found. */
export function voteVersionLine(v: VoteTableVersion): string {
  const name = `${v.symbol || v.file || '(unnamed)'}${v.adopted ? ` (${v.adopted})` : ''}`;
  const what = v.adoptedWithoutVote
    ? 'adopted without a vote'
    : v.recorded
      ? `recorded vote ${v.totals.yes}–${v.totals.no}–${v.totals.abstain}${mismatch(v)}`
      : 'no vote found in the text';
  return `${name}: ${what}${v.constructed ? ` [${CONSTRUCTED_LABEL}; its vote is invented]` : ''}`;
}

function mismatch(v: VoteTableVersion): string {
  const s = v.statedCounts;
  if (!s || (s.yes === v.totals.yes && s.no === v.totals.no && s.abstain === v.totals.abstain)) return '';
  return ` (the text states ${s.yes}–${s.no}–${s.abstain})`;
}

/** "Chile: no (2018) → abstain (2022) → yes (2024)". */
export function changeLine(row: CountryRow, t: VoteTable): string {
  const steps = [row.changes[0].from, ...row.changes.map((c) => c.to)];
  return `${row.name}: ${steps.map((k) => `${row.votes[k]} (${voteColumn(t.versions[k])})`).join(' → ')}`;
}

/** Rows whose name was spelled differently across versions: "Türkiye (also: Turkey)". */
export function variantLine(row: CountryRow): string {
  return `${row.name} (also: ${row.names.filter((n) => n !== row.name).join('; ')})`;
}
