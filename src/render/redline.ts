/**
 * What the redline renderers (HTML, PDF, Word) share: pair headings, the two sides of a pair's
 * diff, the italic opening phrase cut out of the diff parts, and the summary figures.
 *
 * Pure: no I/O, no markup. Each renderer turns these pieces into its own format.
 */
import { addCounts, countPairs, statusWord, type Counts } from '../diff/counts.js';
import type { Comparison, DiffPart, Pair, VersionInfo } from '../diff/types.js';

/** One piece of a pair's diff, cut so that it lies wholly inside or outside the opening phrase. */
export interface RedlineSegment {
  op: DiffPart['op'];
  text: string;
  /** Inside the italic opening phrase of its side. */
  italic: boolean;
  /** A routine update (date, number, symbol) rather than new language; insert/delete only. */
  technical: boolean;
  /**
   * On equal text whose italics differ between the sides (an opening on one side only, as when
   * "Recalling" opened a clause that was merged into another): the old side's italics.
   */
  italicOld?: boolean;
}

/** The old clause text of a pair: its equal and delete parts joined. */
export function oldText(p: Pair): string {
  return p.diff.filter((d) => d.op !== 'insert').map((d) => d.text).join('');
}

/** The new clause text of a pair: its equal and insert parts joined. */
export function newText(p: Pair): string {
  return p.diff.filter((d) => d.op !== 'delete').map((d) => d.text).join('');
}

/**
 * Cut a pair's diff into segments, marking which characters belong to the opening phrase
 * ("*Recalling also*", "*Requests*") on each side, so renderers can keep the italics of the
 * printed text. An opening is only used when the side's text really starts with it.
 *
 * @param p the pair
 * @param only keep only the segments of one side ('old': equal+delete, 'new': equal+insert)
 */
export function segments(p: Pair, only?: 'old' | 'new'): RedlineSegment[] {
  return placedSegments(p, only).map(({ seg }) => seg);
}

/** A segment with where it starts in the old and the new joined text. */
interface Placed {
  seg: RedlineSegment;
  oldPos: number;
  newPos: number;
}

/** `segments`, each with its start offsets in the old and new texts. */
function placedSegments(p: Pair, only?: 'old' | 'new'): Placed[] {
  const oldItalic = openingRanges(oldText(p), p.oldBreaks, p.oldOpenings ?? [p.oldOpening ?? '']);
  const newItalic = openingRanges(newText(p), p.newBreaks, p.newOpenings ?? [p.newOpening ?? '']);
  const out: Placed[] = [];
  let oldPos = 0;
  let newPos = 0;
  for (const part of p.diff) {
    if (part.text === '') continue;
    const onOld = part.op !== 'insert';
    const onNew = part.op !== 'delete';
    const skip = (only === 'old' && !onOld) || (only === 'new' && !onNew);
    if (!skip) {
      const technical = part.op !== 'equal' && (part.technical ?? p.technical);
      // Cut the part wherever an opening phrase starts or ends on either of its sides.
      const cuts = new Set<number>([0, part.text.length]);
      const addCuts = (ranges: Array<[number, number]>, at: number) => {
        for (const [a, b] of ranges) for (const x of [a - at, b - at]) if (x > 0 && x < part.text.length) cuts.add(x);
      };
      if (onOld) addCuts(oldItalic, oldPos);
      if (onNew) addCuts(newItalic, newPos);
      const points = [...cuts].sort((x, y) => x - y);
      for (let k = 0; k + 1 < points.length; k++) {
        const a = points[k]!;
        const text = part.text.slice(a, points[k + 1]);
        const o = onOld ? oldPos + a : oldPos;
        const n = onNew ? newPos + a : newPos;
        const italicOld = onOld && inRanges(oldItalic, o);
        const italicNew = onNew && inRanges(newItalic, n);
        // The side that decides italics: the old side's for deletions (and for equal text when
        // showing only the old side), the new side's otherwise.
        const useOld = part.op === 'delete' || (part.op === 'equal' && only === 'old');
        const seg: RedlineSegment = { op: part.op, text, italic: useOld ? italicOld : italicNew, technical };
        if (part.op === 'equal' && italicOld !== italicNew) seg.italicOld = italicOld;
        out.push({ seg, oldPos: o, newPos: n });
      }
    }
    if (onOld) oldPos += part.text.length;
    if (onNew) newPos += part.text.length;
  }
  return out;
}

/**
 * Where the opening phrases lie in a side's joined text: one range per clause whose text (from
 * its break) really starts with its opening.
 */
function openingRanges(text: string, breaks: number[] | undefined, openings: string[]): Array<[number, number]> {
  const starts = breaks && breaks.length === openings.length ? breaks : [0];
  const out: Array<[number, number]> = [];
  starts.forEach((at, i) => {
    const o = openings[i];
    if (o && text.startsWith(o, at)) out.push([at, at + o.length]);
  });
  return out;
}

function inRanges(ranges: Array<[number, number]>, pos: number): boolean {
  return ranges.some(([a, b]) => pos >= a && pos < b);
}

/**
 * One clause's share of a pair's redline: a split pair's new side (or a merged pair's old side)
 * comes as one piece per clause, cut at the pair's `newBreaks` (`oldBreaks`).
 */
export interface RedlinePiece {
  /** The clause id on the side that was cut ("OP22"); the pair's first id when nothing was cut. */
  id: string;
  /** Which side `id` and `number` belong to. */
  side: 'old' | 'new';
  /** The printed number to show before the piece ("22."), "" for PPs. */
  number: string;
  /**
   * How the number fares as a change: 'equal' on a side of its own and for the first piece,
   * 'insert' for the later pieces of a split shown inline (the clause is new as a paragraph),
   * 'delete' for the later pieces of a merge shown inline (the old paragraph is gone).
   */
  numberOp: RedlineSegment['op'];
  segments: RedlineSegment[];
  /**
   * The space that joined this clause to the next in the joined text, and how it fared (an
   * equal space, or one inside an insertion or deletion). It is the paragraph boundary, so it
   * is not in `segments`; absent on the last piece.
   */
  joint?: RedlineSegment;
}

/**
 * A pair's redline as paragraphs, one per clause. A split pair is cut at `newBreaks` (walking
 * the new offset: equal and insert parts advance it), a merged pair at `oldBreaks` (equal and
 * delete parts); parts of the other side go with the clause at their offset. Other pairs, and
 * the side of a split or merge that is one clause, come as one piece with `printedNumber`.
 *
 * @param p the pair
 * @param only one side ('old' / 'new', as in `segments`), or both (inline)
 */
export function pieces(p: Pair, only?: 'old' | 'new'): RedlinePiece[] {
  const cut: 'old' | 'new' = only ?? (p.status === 'merged' ? 'old' : 'new');
  const breaks = (cut === 'old' ? p.oldBreaks : p.newBreaks) ?? [];
  const ids = cut === 'old' ? p.old : p.new;
  const placed = placedSegments(p, only);
  const sideOf = only ?? (p.status === 'removed' ? 'old' : 'new');
  if (breaks.length < 2 || ids.length !== breaks.length) {
    return [{ id: (sideOf === 'old' ? p.old : p.new)[0] ?? p.old[0] ?? '', side: sideOf, number: printedNumber(p, only), numberOp: 'equal', segments: placed.map(({ seg }) => seg) }];
  }
  const nums = cut === 'old' ? p.oldNumbers : p.newNumbers;
  const numbered = p.kind === 'OP' && !!nums && nums.length === ids.length;
  const out: RedlinePiece[] = ids.map((id, i) => {
    let number = numbered ? `${nums![i]}.` : '';
    let numberOp: RedlineSegment['op'] = 'equal';
    if (only === undefined && i > 0) numberOp = cut === 'new' ? 'insert' : 'delete';
    // Inline, a merge's first paragraph carries the new number, as every inline paragraph does.
    if (only === undefined && cut === 'old' && i === 0) number = printedNumber(p, 'new');
    return { id, side: cut, number, numberOp, segments: [] };
  });
  // Which piece holds offset `pos` of the cut side: the last clause starting at or before it.
  const pieceAt = (pos: number) => {
    let i = 0;
    while (i + 1 < breaks.length && breaks[i + 1]! <= pos) i++;
    return i;
  };
  for (const { seg, oldPos, newPos } of placed) {
    const onCut = cut === 'new' ? seg.op !== 'delete' : seg.op !== 'insert';
    const pos = cut === 'new' ? newPos : oldPos;
    if (!onCut) {
      out[pieceAt(pos)]!.segments.push(seg);
      continue;
    }
    let start = 0;
    for (let b = 1; b < breaks.length; b++) {
      const k = breaks[b]! - 1 - pos; // the joining space, inside this segment?
      if (k < start || k >= seg.text.length) continue;
      const ch = seg.text[k]!;
      if (!/\s/.test(ch)) continue; // not a space: leave the text whole rather than lose a character
      if (k > start) out[b - 1]!.segments.push({ ...seg, text: seg.text.slice(start, k) });
      out[b - 1]!.joint = { ...seg, text: ch };
      start = k + 1;
    }
    if (start < seg.text.length) out[pieceAt(pos + start)]!.segments.push(start === 0 ? seg : { ...seg, text: seg.text.slice(start) });
  }
  return out;
}

/**
 * The printed paragraph number(s) to show before one side of a pair: "13.", "21.–22." for a
 * clause split in two (or merged from two), "" for PPs: all of a side's numbers in front of its
 * one text. Renderers that show a split or merge clause by clause use `pieces`, which numbers
 * each clause by itself.
 *
 * @param side 'new' (default; the old side for dropped clauses) or 'old'
 */
export function printedNumber(p: Pair, side?: 'old' | 'new'): string {
  const useOld = side === 'old' || (side === undefined && p.status === 'removed');
  const nums = useOld ? p.oldNumbers : p.newNumbers;
  if (p.kind !== 'OP' || !nums || nums.length === 0) return '';
  const consecutive = nums.every((n, i) => i === 0 || n === nums[i - 1]! + 1);
  if (nums.length > 1 && consecutive) return `${nums[0]}.–${nums[nums.length - 1]}.`;
  return nums.map((n) => `${n}.`).join(', ');
}

/**
 * The heading of a pair as users speak it: "OP12 → OP13", "OP20 (new)", "OP7 (dropped)",
 * "OP4 → OP4 + OP5" for a split, "PP3 + PP4 → PP3" for a merge.
 */
export function pairHeading(p: Pair): string {
  const o = p.old.join(' + ');
  const n = p.new.join(' + ');
  if (p.status === 'added') return `${n} (new)`;
  if (p.status === 'removed') return `${o} (dropped)`;
  return `${o} → ${n}`;
}

/** A short label for the pair's status, in the users' words. */
export function statusLabel(p: Pair): string {
  switch (p.status) {
    case 'unchanged':
      return 'unchanged';
    case 'modified':
      return p.technical ? 'technical update' : 'modified';
    case 'added':
      return 'new';
    case 'removed':
      return 'dropped';
    case 'split':
      return `split into ${p.new.length}`;
    case 'merged':
      return `merged from ${p.old.length}`;
  }
}

/** "moved: was OP12" (and "from the preamble" when it crossed parts), or "" when not moved. */
export function movedNote(p: Pair): string {
  if (!p.moved && !p.crossKind) return '';
  const was = p.old.length > 0 ? `was ${p.old.join(' + ')}` : '';
  const cross = p.crossKind ? (p.kind === 'OP' ? 'from the preamble' : 'from the operative part') : '';
  return ['moved', [was, cross].filter(Boolean).join(', ')].filter(Boolean).join(': ');
}

/** Figures for the summary block, in the one count vocabulary (src/diff/counts.ts). */
export interface RedlineSummary {
  /** New-side ids of added OPs / PPs, old-side ids of dropped ones. */
  newOPs: string[];
  droppedOPs: string[];
  newPPs: string[];
  droppedPPs: string[];
  /** The comparison's own counts (`summary.PP.counts`, `summary.OP.counts`) and their sum. */
  PP: Counts;
  OP: Counts;
  all: Counts;
}

/** Summary figures from a comparison: ids and the counts every view shows. */
export function summarize(c: Comparison): RedlineSummary {
  const PP = c.summary.PP.counts ?? countPairs(c.pairs, 'PP');
  const OP = c.summary.OP.counts ?? countPairs(c.pairs, 'OP');
  return {
    newOPs: c.summary.OP.addedIds ?? [],
    droppedOPs: c.summary.OP.removedIds ?? [],
    newPPs: c.summary.PP.addedIds ?? [],
    droppedPPs: c.summary.PP.removedIds ?? [],
    PP,
    OP,
    all: addCounts(PP, OP),
  };
}

/** One line of the list of changes. */
export interface ChangeEntry {
  pair: Pair;
  /** What happened, in the vocabulary: new, dropped, changed, technical, moved; split and merged by name. */
  kind: 'new' | 'dropped' | 'changed' | 'technical' | 'moved' | 'split' | 'merged';
  /** "moved" besides another kind (a clause that moved and changed). */
  alsoMoved: boolean;
  /** How to name the clauses so that no one reads a replacement: "new OP26", "old OP26 → new OP27". */
  ids: string;
  /** The anchor of the clause in the redline. */
  anchor: string;
}

/** The anchor of a clause in the HTML/PDF redline: "new-OP13" / "old-OP7". */
export function anchorFor(id: string, side: 'old' | 'new'): string {
  return `${side}-${id}`;
}

/** The anchor of a pair: its first new clause, else its first old one. */
export function pairAnchor(p: Pair): string {
  return p.new.length > 0 ? anchorFor(p.new[0]!, 'new') : anchorFor(p.old[0] ?? 'x', 'old');
}

/**
 * How a pair's clauses are named where a reader could mistake one numbering for the other:
 * "new OP26", "old OP26 (dropped; numbering of the earlier text)", "old OP30 → new OP31".
 */
export function pairIds(p: Pair): string {
  const o = p.old.join(' + ');
  const n = p.new.join(' + ');
  if (p.status === 'added') return `new ${n}`;
  if (p.status === 'removed') return `old ${o} (dropped; numbering of the earlier text)`;
  if (o === n && !p.moved) return n;
  return `old ${o} → new ${n}`;
}

/** Every pair that is not unchanged-in-place, in document order, for the list of changes. */
export function changeList(c: Comparison): ChangeEntry[] {
  const out: ChangeEntry[] = [];
  for (const p of c.pairs) {
    const word = statusWord(p);
    if (word === 'unchanged') continue;
    let kind: ChangeEntry['kind'] = word ?? 'moved';
    if (p.status === 'split' || p.status === 'merged') kind = p.status;
    out.push({ pair: p, kind, alsoMoved: word !== null && (p.moved || !!p.crossKind), ids: pairIds(p), anchor: pairAnchor(p) });
  }
  return out;
}

/** What each kind of change means, for the legend under the list. */
export const CHANGE_KIND_LABEL: Record<ChangeEntry['kind'], string> = {
  new: 'new',
  dropped: 'dropped',
  changed: 'changed',
  technical: 'technical update',
  moved: 'moved',
  split: 'split',
  merged: 'merged',
};

/** One entry of the document's sequence: a pair in place, or one side of a moved pair. */
export interface OrderEntry {
  pair: Pair;
  role: 'both' | 'from' | 'to';
}

/** Sort key of a clause id in its version's order: PPs before OPs, then by number. */
function idKey(id: string): number {
  return (id.startsWith('OP') ? 1_000_000 : 0) + Number(id.slice(2));
}

/**
 * The paragraphs' order: both texts' orders merged, so that dropping the earlier-only entries
 * gives the later order and dropping the later-only ones the earlier order. Pairs in place are
 * the common thread; a moved pair is two entries, one in each order. Pairs the aligner did not
 * mark moved but that would cross the thread (never expected) are treated as moves too.
 */
export function documentOrder(c: Comparison): OrderEntry[] {
  const fixed = c.pairs.filter((p) => p.old.length && p.new.length && !p.moved && !p.crossKind);
  // Keep the longest run of in-place pairs that is increasing in the old order too.
  const keep = new Set(longestIncreasing(fixed, (p) => idKey(p.old[0]!)));
  const entries = new Map<Pair, OrderEntry[]>();
  for (const p of c.pairs) {
    const both = p.old.length > 0 && p.new.length > 0;
    entries.set(p, both && !keep.has(p) ? [{ pair: p, role: 'from' }, { pair: p, role: 'to' }] : [{ pair: p, role: 'both' }]);
  }
  const all = [...entries.values()].flat();
  const onOld = all.filter((e) => e.role !== 'to' && e.pair.old.length).sort((x, y) => idKey(x.pair.old[0]!) - idKey(y.pair.old[0]!));
  const onNew = all.filter((e) => e.role !== 'from' && e.pair.new.length);
  // onNew in the comparison's order (the new text's order).
  const isCommon = (e: OrderEntry) => e.role === 'both' && e.pair.old.length > 0 && e.pair.new.length > 0;
  const out: OrderEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < onOld.length || j < onNew.length) {
    const a = onOld[i];
    const b = onNew[j];
    if (a && !isCommon(a)) {
      out.push(a);
      i++;
    } else if (b && !isCommon(b)) {
      out.push(b);
      j++;
    } else if (a && b && a === b) {
      out.push(a);
      i++;
      j++;
    } else throw new Error('documentOrder: the orders do not share their common pairs');
  }
  return out;
}

/** The items of a longest subsequence increasing in `key` (patience sorting). */
function longestIncreasing<T>(items: T[], key: (t: T) => number): T[] {
  const tails: number[] = [];
  const prev: number[] = new Array(items.length).fill(-1);
  items.forEach((it, k) => {
    const v = key(it);
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(items[tails[mid]!]!) < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const out: T[] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) out.unshift(items[k]!);
  return out;
}

/** "A/HRC/RES/56/2" or, without a symbol, the file name. */
export function versionName(v: VersionInfo): string {
  return v.symbol || v.file || 'untitled';
}

/** "10 July 2024" from "2024-07-10"; other strings as given. */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const month = months[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** True when either side is a text the project constructed (never an official document). */
export function anyConstructed(c: Comparison): boolean {
  return !!(c.old.constructed || c.new.constructed);
}
