/**
 * What the redline renderers (HTML, PDF, Word) share: pair headings, the two sides of a pair's
 * diff, the italic opening phrase cut out of the diff parts, and the summary figures.
 *
 * Pure: no I/O, no markup. Each renderer turns these pieces into its own format.
 */
import type { Comparison, DiffPart, Pair, VersionInfo } from '../diff/types.js';

/** One piece of a pair's diff, cut so that it lies wholly inside or outside the opening phrase. */
export interface RedlineSegment {
  op: DiffPart['op'];
  text: string;
  /** Inside the italic opening phrase of its side. */
  italic: boolean;
  /** A routine update (date, number, symbol) rather than new language; insert/delete only. */
  technical: boolean;
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
  const oldOpen = openingLength(oldText(p), p.oldOpening);
  const newOpen = openingLength(newText(p), p.newOpening);
  const out: Placed[] = [];
  let oldPos = 0;
  let newPos = 0;
  for (const part of p.diff) {
    if (part.text === '') continue;
    const onOld = part.op !== 'insert';
    const onNew = part.op !== 'delete';
    if ((only === 'old' && !onOld) || (only === 'new' && !onNew)) {
      // Still advance the side the part belongs to, so offsets stay true.
      if (onOld) oldPos += part.text.length;
      if (onNew) newPos += part.text.length;
      continue;
    }
    // The position that decides italics: the new side's for equal and insert, the old side's for
    // delete (and for equal parts when showing only the old side).
    const useOld = part.op === 'delete' || (part.op === 'equal' && only === 'old');
    const pos = useOld ? oldPos : newPos;
    const limit = useOld ? oldOpen : newOpen;
    const technical = part.op !== 'equal' && (part.technical ?? p.technical);
    const cut = Math.max(0, Math.min(part.text.length, limit - pos));
    if (cut > 0) out.push({ seg: { op: part.op, text: part.text.slice(0, cut), italic: true, technical }, oldPos, newPos });
    if (cut < part.text.length) {
      out.push({
        seg: { op: part.op, text: part.text.slice(cut), italic: false, technical },
        oldPos: onOld ? oldPos + cut : oldPos,
        newPos: onNew ? newPos + cut : newPos,
      });
    }
    if (onOld) oldPos += part.text.length;
    if (onNew) newPos += part.text.length;
  }
  return out;
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

/** Length of the opening phrase at the start of `text`, or 0 when the text does not start with it. */
function openingLength(text: string, opening: string | undefined): number {
  if (!opening) return 0;
  return text.startsWith(opening) ? opening.length : 0;
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

/** Figures for the summary block. */
export interface RedlineSummary {
  /** New-side ids of added OPs / PPs, old-side ids of dropped ones. */
  newOPs: string[];
  droppedOPs: string[];
  newPPs: string[];
  droppedPPs: string[];
  /** Pairs whose changes are only routine updates. */
  technical: number;
  /** Pairs with new language (modified, split or merged and not technical), added and removed clauses. */
  substantive: number;
  /** Pairs without any change. */
  unchanged: number;
  /** Pairs whose clause changed place. */
  moved: number;
}

/** Summary figures from a comparison (ids from `summary`, counts from the pairs). */
export function summarize(c: Comparison): RedlineSummary {
  let technical = 0;
  let substantive = 0;
  let unchanged = 0;
  let moved = 0;
  for (const p of c.pairs) {
    if (p.moved) moved++;
    if (p.status === 'unchanged') unchanged++;
    else if (p.technical && p.status !== 'added' && p.status !== 'removed') technical++;
    else substantive++;
  }
  return {
    newOPs: c.summary.OP.addedIds ?? [],
    droppedOPs: c.summary.OP.removedIds ?? [],
    newPPs: c.summary.PP.addedIds ?? [],
    droppedPPs: c.summary.PP.removedIds ?? [],
    technical,
    substantive,
    unchanged,
    moved,
  };
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
