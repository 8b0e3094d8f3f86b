/**
 * The parts of a resolution around its clauses, compared line by line for the redlines: the
 * head block (body, session, agenda item, adoption line, number and title), the chapeau
 * ("The Human Rights Council,"), the footnotes of each pair of clauses, and the closing block
 * (meeting, date, vote). Each line comes as word-diff parts, so every redline (HTML, PDF, Word)
 * marks changes there as it marks them in the clauses.
 *
 * Pure: the two Resolutions in, diff parts out.
 */
import { diffWords } from '../diff/word-diff.js';
import type { DiffPart, Pair } from '../diff/types.js';
import type { Resolution } from '../model/types.js';
import { longDate } from './redline.js';

/** The two versions a comparison was made from, for the parts a Comparison does not carry. */
export interface RedlineDocs {
  old: Resolution;
  new: Resolution;
}

/** One line of the head or closing block. */
export interface PartLine {
  /** What the line is: body, session, agenda, agendaTitle, adopted, title, chapeau, meeting, date, vote, voteHead, voteList. */
  role: string;
  parts: DiffPart[];
  /** Printed in italics (meeting, date, the vote's list heads, the chapeau) or bold (the title). */
  italic?: boolean;
  bold?: boolean;
}

/** The diff of two lines: equal, wholly inserted, wholly deleted, or word by word. */
export function diffLine(a: string, b: string): DiffPart[] {
  if (a === b) return a ? [{ op: 'equal', text: a }] : [];
  if (!a) return [{ op: 'insert', text: b, technical: false }];
  if (!b) return [{ op: 'delete', text: a, technical: false }];
  return diffWords(a, b).parts;
}

const UNITS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEENS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const TENS = ['', '', 'twent', 'thirt', 'fort', 'fift', 'sixt', 'sevent', 'eight', 'ninet'];

/** "Fifty-sixth" for 56 (1–99); the number itself beyond. */
export function ordinalWord(n: number): string {
  let w: string;
  if (n >= 1 && n < 10) w = UNITS[n]!;
  else if (n >= 10 && n < 20) w = TEENS[n - 10]!;
  else if (n >= 20 && n < 100) w = n % 10 === 0 ? `${TENS[Math.floor(n / 10)]}ieth` : `${TENS[Math.floor(n / 10)]}y-${UNITS[n % 10]}`;
  else return `${n}th`;
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** The head block of one version, as printed lines ("" where the version does not say). */
function headOf(r: Resolution | undefined): Record<string, string> {
  if (!r) return {};
  return {
    body: r.body,
    session: r.session ? `${ordinalWord(r.session)} session` : '',
    agenda: r.agendaItem ? `Agenda item ${r.agendaItem}` : '',
    agendaTitle: r.agendaTitle ?? '',
    adopted: r.body && r.adopted ? `Resolution adopted by the ${r.body} on ${longDate(r.adopted)}` : '',
    title: [r.number ? `${r.number}.` : '', r.title].filter(Boolean).join(' '),
  };
}

const HEAD_ROLES = ['body', 'session', 'agenda', 'agendaTitle', 'adopted', 'title'] as const;

/** The head block, line by line, old → new; lines empty on both sides are left out. */
export function headLines(docs: RedlineDocs): PartLine[] {
  const a = headOf(docs.old);
  const b = headOf(docs.new);
  const out: PartLine[] = [];
  for (const role of HEAD_ROLES) {
    const parts = diffLine(a[role] ?? '', b[role] ?? '');
    if (parts.length) out.push({ role, parts, bold: role === 'title' || role === 'agendaTitle' });
  }
  return out;
}

/** "The Human Rights Council," for each side's body (the later body when only one is known). */
export function chapeauLine(oldBody: string | undefined, newBody: string | undefined): PartLine | undefined {
  const say = (b: string | undefined) => (b ? `The ${b},` : '');
  const parts = diffLine(say(oldBody || newBody), say(newBody || oldBody));
  return parts.length ? { role: 'chapeau', parts, italic: true } : undefined;
}

/** The closing block of one version: meeting, date, the vote sentence and its lists. */
function closingOf(r: Resolution): Array<[string, string, boolean]> {
  const out: Array<[string, string, boolean]> = [];
  if (r.meeting) out.push(['meeting', r.meeting, true]);
  if (r.adopted) out.push(['date', longDate(r.adopted), true]);
  const v = r.vote;
  if (!v) return out;
  if (v.adoptedWithoutVote) {
    out.push(['vote', '[Adopted without a vote.]', false]);
    return out;
  }
  const n = v.statedCounts ?? v.counts;
  const abst = n.abstaining ? `, with ${n.abstaining} abstention${n.abstaining === 1 ? '' : 's'}` : '';
  out.push(['vote', `[Adopted by a recorded vote of ${n.inFavour} to ${n.against}${abst}. The voting was as follows:`, false]);
  const lists: Array<[string, string[]]> = [
    ['In favour:', v.inFavour],
    ['Against:', v.against],
    ['Abstaining:', v.abstaining],
  ];
  const shown = lists.filter(([, l]) => l.length > 0);
  shown.forEach(([head, list], i) => {
    out.push([`voteHead ${head}`, head, true]);
    out.push([`voteList ${head}`, list.join(', ') + (i === shown.length - 1 ? ']' : ''), false]);
  });
  return out;
}

/**
 * The closing block, old → new: lines of the same role are compared (the "In favour:" list with
 * the "In favour:" list); a role on one side only is wholly inserted or deleted.
 */
export function closingLines(docs: RedlineDocs): PartLine[] {
  const a = closingOf(docs.old);
  const b = closingOf(docs.new);
  const roles: string[] = [];
  for (const [r] of [...a, ...b]) if (!roles.includes(r)) roles.push(r);
  // Keep the printed order: meeting, date, vote, then each list head before its list.
  const order = (r: string) => ['meeting', 'date', 'vote', 'voteHead In favour:', 'voteList In favour:', 'voteHead Against:', 'voteList Against:', 'voteHead Abstaining:', 'voteList Abstaining:'].indexOf(r);
  roles.sort((x, y) => order(x) - order(y));
  return roles.map((role) => {
    const oa = a.find(([r]) => r === role);
    const ob = b.find(([r]) => r === role);
    return { role: role.split(' ')[0]!, parts: diffLine(oa?.[1] ?? '', ob?.[1] ?? ''), italic: (ob ?? oa)![2] };
  });
}

/** One footnote of a pair: its number on each side (absent when new or dropped) and its text's diff. */
export interface FootnoteLink {
  old?: number;
  new?: number;
  parts: DiffPart[];
}

/**
 * The footnotes of a pair's clauses, old ↔ new: the same text first, then the rest in order of
 * appearance; what is left on one side is a footnote added or dropped.
 */
export function pairFootnotes(p: Pair, docs: RedlineDocs): FootnoteLink[] {
  const ids = (r: Resolution, list: string[]) => list.flatMap((id) => r.clauses.find((c) => c.id === id)?.footnotes ?? []);
  const olds = ids(docs.old, p.old);
  const news = ids(docs.new, p.new);
  const textOld = (n: number) => docs.old.footnotes[String(n)] ?? '';
  const textNew = (n: number) => docs.new.footnotes[String(n)] ?? '';
  const match = new Map<number, number>(); // new → old
  const used = new Set<number>();
  for (const n of news) {
    const o = olds.find((x) => !used.has(x) && textOld(x) === textNew(n));
    if (o !== undefined) {
      match.set(n, o);
      used.add(o);
    }
  }
  for (const n of news) {
    if (match.has(n)) continue;
    const o = olds.find((x) => !used.has(x));
    if (o !== undefined) {
      match.set(n, o);
      used.add(o);
    }
  }
  const out: FootnoteLink[] = [];
  // Dropped footnotes go where they stood among the old ones: before the first kept footnote that followed them.
  const dropped = olds.filter((o) => !used.has(o));
  for (const n of news) {
    const o = match.get(n);
    while (dropped.length && o !== undefined && olds.indexOf(dropped[0]!) < olds.indexOf(o)) {
      const d = dropped.shift()!;
      out.push({ old: d, parts: diffLine(textOld(d), '') });
    }
    out.push(o === undefined ? { new: n, parts: diffLine('', textNew(n)) } : { old: o, new: n, parts: diffLine(textOld(o), textNew(n)) });
  }
  for (const d of dropped) out.push({ old: d, parts: diffLine(textOld(d), '') });
  return out;
}
