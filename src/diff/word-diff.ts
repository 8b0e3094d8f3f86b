/**
 * Word-level diff of one aligned pair of clause texts, on jsdiff's array diff over our tokens.
 *
 * Clause pairs are diffed one at a time, never whole documents: whole-document diffs are slow
 * and wander across paragraphs (DESIGN §6). A timeout falls back to "whole clause replaced".
 */
import { diffArrays } from 'diff';
import type { DiffPart } from './types.js';
import { isTechnical, tokenize, type Token } from '../model/tokens.js';

/** How long one clause pair may take before we show it as replaced whole (ms). */
export const DIFF_TIMEOUT_MS = 200;

/**
 * Equal runs this short (in tokens) between two changes are folded into the change, so a
 * rewritten passage reads as one deletion and one insertion rather than confetti around
 * every "the" and comma the two versions happen to share.
 */
const SHORT_EQUALITY = 2;

type Op = DiffPart['op'];
interface TokOp {
  op: Op;
  tok: Token;
  /** For equal ops whose white space differs: the old side's white space. */
  oldWs?: string;
}

/** The diff of two texts. */
export interface WordDiff {
  parts: DiffPart[];
  timedOut: boolean;
}

/**
 * Diff two clause texts word by word.
 *
 * Joining the `equal` and `delete` parts gives `oldText` exactly; `equal` and `insert` give `newText`.
 *
 * @param oldText the old clause text
 * @param newText the new clause text
 * @param timeoutMs give up after this long and return the whole clause replaced
 */
export function diffWords(oldText: string, newText: string, timeoutMs = DIFF_TIMEOUT_MS): WordDiff {
  if (oldText === newText) return { parts: oldText ? [{ op: 'equal', text: oldText }] : [], timedOut: false };
  const a = tokenize(oldText) as Token[];
  const b = tokenize(newText) as Token[];
  const changes = diffArrays(a, b, { comparator: (x: Token, y: Token) => x.text === y.text, timeout: timeoutMs });
  if (!changes) {
    const parts: DiffPart[] = [];
    if (oldText) parts.push({ op: 'delete', text: oldText, technical: false });
    if (newText) parts.push({ op: 'insert', text: newText, technical: false });
    return { parts, timedOut: true };
  }
  const ops: TokOp[] = [];
  let i = 0;
  let j = 0;
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    for (let k = 0; k < n; k++) {
      if (c.removed) ops.push({ op: 'delete', tok: a[i++] });
      else if (c.added) ops.push({ op: 'insert', tok: b[j++] });
      else {
        const o = a[i++];
        const nw = b[j++];
        ops.push(o.ws === nw.ws ? { op: 'equal', tok: nw } : { op: 'equal', tok: nw, oldWs: o.ws });
      }
    }
  }
  const grouped = foldShortEqualities(ops);
  return { parts: toParts(grouped, technicalFlags(grouped)), timedOut: false };
}

/** Reference classes a rolled-forward citation is made of ("77/213", "A/HRC/54/36"). */
const REFERENCE: ReadonlySet<Token['cls']> = new Set(['resolution', 'symbol']);

/**
 * Which changed tokens are routine updates. A token of a technical class (date, number,
 * symbol, resolution, session ordinal, year) is; so is the word "of" that ties a reference to
 * its date inside the same change ("76/159" → "77/213 of 15 December 2022"): the roll-forward
 * cites the later resolution with its adoption date, and counting that "of" as new language
 * would make every such citation substantive. Any other word keeps the change substantive.
 */
function technicalFlags(ops: TokOp[]): boolean[] {
  return ops.map((o, k) => {
    if (o.op === 'equal') return false;
    if (isTechnical(o.tok)) return true;
    if (o.tok.cls !== 'word' || o.tok.text !== 'of') return false;
    const prev = ops[k - 1];
    const next = ops[k + 1];
    return !!prev && !!next && prev.op === o.op && next.op === o.op && REFERENCE.has(prev.tok.cls) && next.tok.cls === 'date';
  });
}

/** Turn short equal runs sandwiched between changes into delete + insert. */
function foldShortEqualities(ops: TokOp[]): TokOp[] {
  const out: TokOp[] = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k].op !== 'equal') {
      out.push(ops[k++]);
      continue;
    }
    let end = k;
    while (end < ops.length && ops[end].op === 'equal') end++;
    const run = ops.slice(k, end);
    const changedBefore = k > 0 && ops[k - 1].op !== 'equal';
    const changedAfter = end < ops.length && ops[end].op !== 'equal';
    const words = run.filter((r) => r.tok.cls !== 'punct').length;
    if (changedBefore && changedAfter && words <= SHORT_EQUALITY && changeSize(ops, k - 1, -1) + changeSize(ops, end, 1) > 2 * run.length + 2) {
      for (const r of run) out.push({ op: 'delete', tok: { ...r.tok, ws: r.oldWs ?? r.tok.ws } });
      for (const r of run) out.push({ op: 'insert', tok: r.tok });
    } else out.push(...run);
    k = end;
  }
  // Regroup so each change region reads deletions first, then insertions.
  const grouped: TokOp[] = [];
  let del: TokOp[] = [];
  let ins: TokOp[] = [];
  const flush = () => {
    grouped.push(...del, ...ins);
    del = [];
    ins = [];
  };
  for (const o of out) {
    if (o.op === 'delete') del.push(o);
    else if (o.op === 'insert') ins.push(o);
    else {
      flush();
      grouped.push(o);
    }
  }
  flush();
  return grouped;
}

/** Number of non-equal ops in the change region starting at `from`, walking in `dir`. */
function changeSize(ops: TokOp[], from: number, dir: 1 | -1): number {
  let n = 0;
  for (let k = from; k >= 0 && k < ops.length && ops[k].op !== 'equal'; k += dir) n++;
  return n;
}

/** Merge token ops into parts; white-space differences around equal tokens stay exact. */
function toParts(ops: TokOp[], technical: boolean[]): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (op: Op, text: string, technical: boolean | undefined) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    const blank = text.trim() === '';
    if (last && last.op === op) {
      last.text += text;
      if (op !== 'equal' && !blank) last.technical = (last.technical ?? true) && !!technical;
      return;
    }
    const part: DiffPart = { op, text };
    if (op !== 'equal') part.technical = blank ? true : !!technical;
    parts.push(part);
  };
  for (const [k, o] of ops.entries()) {
    if (o.op === 'equal' && o.oldWs !== undefined) {
      push('delete', o.oldWs, true);
      push('insert', o.tok.ws, true);
      push('equal', o.tok.text, undefined);
    } else push(o.op, o.tok.ws + o.tok.text, o.op === 'equal' ? undefined : technical[k]);
  }
  return parts;
}

/** Rebuild the old text from a diff. */
export function oldTextOf(parts: DiffPart[]): string {
  return parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('');
}

/** Rebuild the new text from a diff. */
export function newTextOf(parts: DiffPart[]): string {
  return parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('');
}
