/**
 * `resdiff votes` for the terminal: one row per country, one column per version, changes marked,
 * totals per version; then who changed their vote and which names were matched across spellings.
 */
import { changedAt, type VoteTable } from '../align/votes.js';
import { makeStyle } from './ansi.js';
import { CONSTRUCTED_LABEL } from './labels.js';
import { changeLine, variantLine, VOTE_WORD, voteColumn, voteVersionLine } from './votes-labels.js';

/** Render a vote table as text. */
export function renderVotesText(t: VoteTable, opts: { color?: boolean } = {}): string {
  const st = makeStyle(!!opts.color);
  const out: string[] = [st.bold(`Votes in ${t.versions.length} version${t.versions.length === 1 ? '' : 's'}`)];
  t.versions.forEach((v, k) => out.push(`  ${String(k + 1).padStart(2)}  ${voteVersionLine(v)}`));
  if (t.versions.some((v) => v.constructed)) out.push(st.yellow(`  * ${CONSTRUCTED_LABEL}; its vote is invented.`));
  out.push('');
  if (!t.countries.length) {
    out.push('No recorded votes in these versions.');
    return `${out.join('\n')}\n`;
  }
  const head = ['Country', ...t.versions.map(voteColumn)];
  const body = t.countries.map((row) => [row.name, ...row.votes.map((v, k) => `${VOTE_WORD[v]}${changedAt(row, k) ? '!' : ''}`)]);
  const totals = [
    ['In favour', ...t.versions.map((v) => (v.recorded ? String(v.totals.yes) : v.adoptedWithoutVote ? 'no vote' : '·'))],
    ['Against', ...t.versions.map((v) => (v.recorded ? String(v.totals.no) : '·'))],
    ['Abstaining', ...t.versions.map((v) => (v.recorded ? String(v.totals.abstain) : '·'))],
  ];
  const widths = head.map((_, c) => Math.max(...[head, ...body, ...totals].map((r) => r[c].length)));
  const fmt = (r: string[], paint?: (c: number, s: string) => string) => r.map((s, c) => (paint ? paint(c, s.padEnd(widths[c])) : s.padEnd(widths[c]))).join('  ').trimEnd();
  out.push(st.bold(fmt(head)), st.dim(fmt(widths.map((w) => '─'.repeat(w)))));
  t.countries.forEach((row, i) => out.push(fmt(body[i], (c, s) => (c > 0 && changedAt(row, c - 1) ? st.yellow(st.bold(s)) : s))));
  out.push(st.dim(fmt(widths.map((w) => '─'.repeat(w)))));
  for (const r of totals) out.push(st.bold(fmt(r)));
  out.push('', 'Legend: yes = in favour, no = against, abstain = abstaining, · = not recorded (not a member, absent, or no recorded vote); ! = changed from the country\'s previous recorded vote.');
  const changed = t.countries.filter((r) => r.changes.length);
  out.push('', st.bold(`Changed their vote:${changed.length ? '' : ' none'}`));
  for (const r of changed) out.push(`  ${changeLine(r, t)}`);
  const variants = t.countries.filter((r) => r.names.length > 1);
  if (variants.length) {
    out.push('', st.bold('Names matched across spellings (shown as in the newest version):'));
    for (const r of variants) out.push(`  ${variantLine(r)}`);
  }
  for (const w of t.warnings) out.push(st.yellow(`warning: ${w}`));
  return `${out.join('\n')}\n`;
}
