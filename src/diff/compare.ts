/**
 * Compare two versions: align their clauses, diff each aligned group word by word, classify
 * the changes, and summarise. Produces the `compare` JSON contract (DESIGN.md §3).
 */
import { align, type AlignOptions, type Group } from '../align/align.js';
import { clauseCounts, type Clause, type ClauseKind, type Resolution } from '../model/types.js';
import { countPairs } from './counts.js';
import type { Comparison, DiffPart, KindSummary, Pair, PairStatus, VersionInfo } from './types.js';
import { diffWords, DIFF_TIMEOUT_MS } from './word-diff.js';

/** Options for a comparison. */
export interface CompareOptions extends AlignOptions {
  /** Per-pair diff timeout (ms). */
  timeoutMs?: number;
}

/**
 * Compare two resolutions.
 *
 * @param oldRes the earlier version
 * @param newRes the later version
 */
export function compare(oldRes: Resolution, newRes: Resolution, options: CompareOptions = {}): Comparison {
  const groups = align(oldRes, newRes, options);
  const pairs = orderPairs(groups, oldRes.clauses, newRes.clauses).map((g) => toPair(g, oldRes.clauses, newRes.clauses, options.timeoutMs ?? DIFF_TIMEOUT_MS));
  return withVersions({ old: versionInfo(oldRes), new: versionInfo(newRes), pairs, summary: { PP: summarise(pairs, 'PP'), OP: summarise(pairs, 'OP') } }, oldRes, newRes);
}

/**
 * A comparison's description of its two versions (names as the user gave them, warnings), from
 * the versions: what compare() sets, and what a comparison read from the cache gets back (the
 * same files may have been named differently the first time).
 */
export function withVersions(c: Comparison, oldRes: Resolution, newRes: Resolution): Comparison {
  const { warnings: _old, ...rest } = c;
  const out: Comparison = { ...rest, old: versionInfo(oldRes), new: versionInfo(newRes) };
  const warnings = [...oldRes.warnings, ...newRes.warnings];
  if (warnings.length) out.warnings = warnings;
  return out;
}

/** The `old` / `new` description of a version. */
export function versionInfo(r: Resolution): VersionInfo {
  return {
    file: r.file ?? '',
    symbol: r.symbol,
    title: r.title,
    adopted: r.adopted,
    counts: clauseCounts(r),
    body: r.body,
    session: r.session,
    constructed: !!r.constructed,
  };
}

/** Is a diff part a real change (not an equal run, not white space alone)? */
function isChange(p: DiffPart): boolean {
  return p.op !== 'equal' && p.text.trim() !== '';
}

/**
 * One aligned group as a pair of the comparison: status, word diff, classification.
 * `history` classifies each link of a series with this too, so both say the same.
 */
export function toPair(g: Group, A: Clause[], B: Clause[], timeoutMs: number = DIFF_TIMEOUT_MS): Pair {
  const olds = g.old.map((i) => A[i]);
  const news = g.new.map((j) => B[j]);
  const oldText = olds.map((c) => c.text).join(' ');
  const newText = news.map((c) => c.text).join(' ');
  let status: PairStatus;
  let diff: DiffPart[];
  let timedOut = false;
  if (!olds.length) {
    status = 'added';
    diff = [{ op: 'insert', text: newText, technical: false }];
  } else if (!news.length) {
    status = 'removed';
    diff = [{ op: 'delete', text: oldText, technical: false }];
  } else {
    const d = diffWords(oldText, newText, timeoutMs);
    diff = d.parts;
    timedOut = d.timedOut;
    if (olds.length > 1) status = 'merged';
    else if (news.length > 1) status = 'split';
    else status = diff.some(isChange) ? 'modified' : 'unchanged';
  }
  const changes = diff.filter(isChange);
  const first = news[0] ?? olds[0];
  const pair: Pair = {
    status,
    old: olds.map((c) => c.id),
    new: news.map((c) => c.id),
    moved: g.moved,
    technical: status === 'modified' && changes.length > 0 && changes.every((p) => p.technical),
    openingChanged: !!(olds.length && news.length && olds[0].opening !== news[0].opening),
    similarity: status === 'unchanged' ? 1 : round(g.similarity),
    diff,
    kind: first.kind,
  };
  if (g.crossKind) pair.crossKind = true;
  if (olds.length) pair.oldOpening = olds[0].opening;
  if (news.length) pair.newOpening = news[0].opening;
  const on = olds.filter((c) => c.number !== undefined).map((c) => c.number!);
  const nn = news.filter((c) => c.number !== undefined).map((c) => c.number!);
  if (on.length) pair.oldNumbers = on;
  if (nn.length) pair.newNumbers = nn;
  if (olds.length > 1) {
    pair.oldBreaks = breaks(olds);
    pair.oldOpenings = olds.map((c) => c.opening);
  }
  if (news.length > 1) {
    pair.newBreaks = breaks(news);
    pair.newOpenings = news.map((c) => c.opening);
  }
  if (timedOut) pair.diffTimedOut = true;
  return pair;
}

/** Offsets where each clause starts in the clauses' texts joined by single spaces. */
function breaks(cs: Clause[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const c of cs) {
    out.push(at);
    at += c.text.length + 1;
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * The new text's order; a removed clause goes right after the group holding its old
 * predecessor, so it appears where it used to be.
 */
export function orderPairs(groups: Group[], A: Clause[], B: Clause[]): Group[] {
  const byNew = groups.filter((g) => g.new.length).sort((x, y) => x.new[0] - y.new[0]);
  const removed = groups.filter((g) => !g.new.length).sort((x, y) => x.old[0] - y.old[0]);
  const out = [...byNew];
  for (const r of removed) {
    const i = r.old[0];
    let at = -1;
    if (i > 0) {
      // After the group that holds the old predecessor (itself possibly removed and placed already).
      at = out.findIndex((g) => g.old.includes(i - 1));
      // Same kind only: a removed first OP goes before the first OP, not after the last PP's group.
      if (at >= 0 && A[i - 1].kind !== A[i].kind) at = -1;
    }
    if (at < 0) {
      const kind = A[i].kind;
      const firstOfKind = out.findIndex((g) => kindOf(g, A, B) === kind);
      const lastBefore = kind === 'OP' ? out.map((g) => kindOf(g, A, B)).lastIndexOf('PP') : -1;
      out.splice(firstOfKind >= 0 ? firstOfKind : lastBefore + 1, 0, r);
    } else out.splice(at + 1, 0, r);
  }
  return out;
}

function kindOf(g: Group, A: Clause[], B: Clause[]): ClauseKind {
  return g.new.length ? B[g.new[0]].kind : A[g.old[0]].kind;
}

function summarise(pairs: Pair[], kind: ClauseKind): KindSummary {
  const s: KindSummary = { added: 0, removed: 0, modified: 0, unchanged: 0, moved: 0, technical: 0, split: 0, merged: 0, addedIds: [], removedIds: [], counts: countPairs(pairs, kind) };
  for (const p of pairs) {
    if (p.kind !== kind) continue;
    s[p.status]++;
    if (p.moved) s.moved++;
    if (p.technical) s.technical++;
    if (p.status === 'added') s.addedIds.push(...p.new);
    if (p.status === 'removed') s.removedIds.push(...p.old);
  }
  return s;
}
