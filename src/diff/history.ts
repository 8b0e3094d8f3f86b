/**
 * A series of versions aligned into threads: one thread per clause lineage, from the oldest text
 * to the newest. "Since when has this paragraph been in the text, when did it last change, which
 * language came back after a gap?"
 *
 * How, and why this way:
 *
 * 1. One idf over every clause of every version, passed to every alignment, so that a word's
 *    weight (and so every link) is the same whichever two versions are aligned.
 * 2. Each version is aligned with its predecessor (`align`, the same alignment `compare` uses).
 *    The links of a thread between any two versions are then the composition of these steps.
 * 3. Clauses new in a version are aligned once more, directly, with the clauses that died in a
 *    bounded number of earlier versions (dead ends: no successor). A match rejoins the old thread
 *    and is marked "reintroduced". This is the reconciliation that keeps errors from compounding:
 *    language dropped for a year, or missed by one step, joins the lineage it had, as a direct
 *    comparison of the two versions would pair it. Look-back is bounded, so the work stays linear
 *    in the number of versions (each step aligns one pair of versions plus small leftover sets).
 * 4. Threads are the connected components of all links, so every clause of every version is in
 *    exactly one thread; a split or merge puts several ids of one version in one thread.
 *
 * Classification (unchanged / modified / technical / split / merged) mirrors `compare`, so a
 * history of two versions says what `compare` says about them.
 */
import { InputError } from '../errors.js';
import { clauseCounts, type Clause, type ClauseKind, type Resolution } from '../model/types.js';
import type { DiffPart, PairStatus } from './types.js';
import { DIFF_TIMEOUT_MS } from './word-diff.js';
import { toPair } from './compare.js';
import { align, type Group } from '../align/align.js';
import { idfOf, profile } from '../align/similarity.js';

/** How many earlier versions a new clause is looked for in, besides the previous one. */
export const DEFAULT_LOOK_BACK = 10;

/** One version of the series, as the history describes it. */
export interface HistoryVersion {
  /** Path or reference it was read from ("" when unknown). */
  file: string;
  symbol: string;
  /** ISO adoption date, "" when unknown. */
  adopted: string;
  /** A text written by the resdiff team, not a UN document. */
  constructed: boolean;
  /** Extension: "56/2" when printed. */
  number?: string;
  /** Extension. */
  title: string;
  /** Extension: clause counts. */
  counts: { PP: number; OP: number };
}

/** One aligned group of clauses between two versions (the shape of a `compare` pair, ids only). */
export interface HistoryPair {
  status: PairStatus;
  /** Clause ids in the earlier version ([] when added). */
  old: string[];
  /** Clause ids in the later version ([] when removed). */
  new: string[];
  technical: boolean;
  moved: boolean;
  openingChanged: boolean;
  similarity: number;
  crossKind?: boolean;
  /** Word diff, only when built with `detail`. */
  diff?: DiffPart[];
  /** The diff gave up (timeout); only with `detail`. */
  diffTimedOut?: boolean;
}

/** What happened to a thread between two versions. */
export interface ThreadChange {
  /** Version indices; `to - from` is 1 except for reintroductions. */
  from: number;
  to: number;
  /** The thread's status over this step; with several pairs, split > merged > modified > unchanged. */
  status: PairStatus;
  /** Only routine references changed (dates, numbers, symbols, session ordinals). */
  technical: boolean;
  moved: boolean;
  /** The thread came back in `to` after being absent since `from`. */
  reintroduced?: boolean;
  /** The aligned groups of this step that belong to the thread. */
  pairs: HistoryPair[];
}

/** One clause lineage across the series. */
export interface Thread {
  /** `ids[k]`: the thread's clause ids in version k, in document order ([] when absent). */
  ids: string[][];
  /** First and last version index where the thread has a clause. */
  firstSeen: number;
  lastSeen: number;
  /** Changes in version order (by `to`). */
  changes: ThreadChange[];
  /** Extension: versions where the thread came back after a gap. */
  reintroduced?: number[];
  /** Extension: PP or OP, in the last version where the thread appears. */
  kind: ClauseKind;
  /** Extension: the last version whose text of this thread differs from the version before (firstSeen when never). */
  lastChanged: number;
  /** Extension: the same, ignoring technical-only updates. */
  lastSubstantiveChange: number;
}

/** The whole series aligned. */
export interface History {
  versions: HistoryVersion[];
  /** In the newest version's order; threads absent from it stand after their last predecessor. */
  threads: Thread[];
  /** Extension: how far back new clauses were looked for. */
  lookBack: number;
  /** Extension, only with `detail`: clause texts of each version by id. */
  texts?: Array<Record<string, string>>;
}

/** Options of `buildHistory`. */
export interface HistoryOptions {
  /** Earlier versions searched for a new clause's lost ancestor (default DEFAULT_LOOK_BACK). */
  lookBack?: number;
  /** Keep word diffs in the pairs and the clause texts (for HTML and the web page). */
  detail?: boolean;
  /** Per-pair diff timeout (ms). */
  timeoutMs?: number;
}

/** A group of one step, its indices into the two versions. */
interface StepGroup {
  from: number;
  to: number;
  group: Group;
  reintroduced: boolean;
}

/**
 * Align a series of versions into threads.
 *
 * @param versions the versions, oldest first
 * @param options look-back, detail
 * @throws InputError with fewer than two versions
 */
export function buildHistory(versions: Resolution[], options: HistoryOptions = {}): History {
  if (versions.length < 2) throw new InputError('history needs at least two versions');
  const lookBack = Math.max(0, options.lookBack ?? DEFAULT_LOOK_BACK);
  const detail = !!options.detail;
  const timeoutMs = options.timeoutMs ?? DIFF_TIMEOUT_MS;
  const n = versions.length;

  // Node numbering: version k's clause i is node offset[k] + i.
  const offset: number[] = [];
  let total = 0;
  for (const v of versions) {
    offset.push(total);
    total += v.clauses.length;
  }
  const idf = idfOf(versions.flatMap((v) => v.clauses.map((c) => profile(c.text))));
  const parent = new Int32Array(total).map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const hasSucc = new Uint8Array(total);
  const hasPred = new Uint8Array(total);
  const steps: StepGroup[] = [];
  const linkGroup = (from: number, to: number, g: Group) => {
    for (const i of g.old) hasSucc[offset[from] + i] = g.new.length ? 1 : hasSucc[offset[from] + i];
    for (const j of g.new) hasPred[offset[to] + j] = g.old.length ? 1 : hasPred[offset[to] + j];
    const nodes = [...g.old.map((i) => offset[from] + i), ...g.new.map((j) => offset[to] + j)];
    for (let x = 1; x < nodes.length; x++) union(nodes[0], nodes[x]);
  };

  for (let k = 1; k < n; k++) {
    for (const g of align(versions[k - 1], versions[k], { idf })) {
      linkGroup(k - 1, k, g);
      steps.push({ from: k - 1, to: k, group: g, reintroduced: false });
    }
    // Look back for the new clauses' lost ancestors, nearest version first.
    let added = versions[k].clauses.map((_, j) => j).filter((j) => !hasPred[offset[k] + j]);
    for (let m = k - 2; m >= Math.max(0, k - 1 - lookBack) && added.length; m--) {
      const dead = versions[m].clauses.map((_, i) => i).filter((i) => !hasSucc[offset[m] + i]);
      if (!dead.length) continue;
      const sub = align(subset(versions[m], dead), subset(versions[k], added), { idf });
      for (const g of sub) {
        if (!g.old.length || !g.new.length) continue;
        // Moves are measured among the leftovers only, which says nothing: only a change of kind counts.
        const mapped: Group = { ...g, old: g.old.map((i) => dead[i]), new: g.new.map((j) => added[j]), moved: g.crossKind };
        linkGroup(m, k, mapped);
        steps.push({ from: m, to: k, group: mapped, reintroduced: true });
      }
      added = added.filter((j) => !hasPred[offset[k] + j]);
    }
  }

  // Threads: connected components of the links.
  const threadOf = new Map<number, Thread>();
  const threads: Thread[] = [];
  for (let k = 0; k < n; k++) {
    versions[k].clauses.forEach((c, i) => {
      const root = find(offset[k] + i);
      let t = threadOf.get(root);
      if (!t) {
        t = { ids: versions.map(() => []), firstSeen: k, lastSeen: k, changes: [], kind: c.kind, lastChanged: k, lastSubstantiveChange: k };
        threadOf.set(root, t);
        threads.push(t);
      }
      t.ids[k].push(c.id);
      t.lastSeen = k;
      t.kind = c.kind;
    });
  }

  // Changes: the steps' pairs, per thread and step.
  const byThreadStep = new Map<Thread, Map<string, { from: number; to: number; reintroduced: boolean; pairs: HistoryPair[] }>>();
  for (const s of steps) {
    const g = s.group;
    // A new clause that rejoined an older thread is not "added" at this step: its reintroduction says it.
    if (!s.reintroduced && !g.old.length && g.new.every((j) => hasPred[offset[s.to] + j])) continue;
    const node = g.old.length ? offset[s.from] + g.old[0] : offset[s.to] + g.new[0];
    const t = threadOf.get(find(node))!;
    let m = byThreadStep.get(t);
    if (!m) byThreadStep.set(t, (m = new Map()));
    const key = `${s.from}>${s.to}`;
    let entry = m.get(key);
    if (!entry) m.set(key, (entry = { from: s.from, to: s.to, reintroduced: s.reintroduced, pairs: [] }));
    entry.pairs.push(classify(g, versions[s.from].clauses, versions[s.to].clauses, detail, timeoutMs));
  }
  for (const t of threads) {
    const m = byThreadStep.get(t);
    if (!m) continue;
    t.changes = [...m.values()]
      .sort((a, b) => a.to - b.to || a.from - b.from)
      .map((e) => summariseChange(e.from, e.to, e.reintroduced, e.pairs));
    const back = t.changes.filter((c) => c.reintroduced).map((c) => c.to);
    if (back.length) t.reintroduced = [...new Set(back)];
    for (const c of t.changes) {
      // Language that comes back after a gap changed the text then, even if it returns verbatim.
      if (c.status === 'removed' || (c.status === 'unchanged' && !c.reintroduced)) continue;
      t.lastChanged = c.to;
      if (!c.technical || c.reintroduced) t.lastSubstantiveChange = c.to;
    }
  }

  const history: History = {
    versions: versions.map(versionOf),
    threads: orderThreads(threads, versions),
    lookBack,
  };
  if (detail) history.texts = versions.map((v) => Object.fromEntries(v.clauses.map((c) => [c.id, c.text])));
  return history;
}

/** The same resolution with only some of its clauses (for aligning leftovers). */
function subset(r: Resolution, indices: number[]): Resolution {
  return { ...r, clauses: indices.map((i) => r.clauses[i]) };
}

/** A step's group as a pair, classified as `compare` classifies it. */
function classify(g: Group, A: Clause[], B: Clause[], detail: boolean, timeoutMs: number): HistoryPair {
  // The same classification as `compare` (identical texts skip the word diff there too).
  const p = toPair(g, A, B, timeoutMs);
  const pair: HistoryPair = {
    status: p.status,
    old: p.old,
    new: p.new,
    technical: p.technical,
    moved: p.moved,
    openingChanged: p.openingChanged,
    similarity: p.similarity,
  };
  if (p.crossKind) pair.crossKind = true;
  if (detail) {
    pair.diff = p.diff;
    if (p.diffTimedOut) pair.diffTimedOut = true;
  }
  return pair;
}

/** One thread's change over a step, from the pairs of that step that belong to it. */
function summariseChange(from: number, to: number, reintroduced: boolean, pairs: HistoryPair[]): ThreadChange {
  const has = (s: PairStatus) => pairs.some((p) => p.status === s);
  let status: PairStatus;
  if (pairs.every((p) => p.status === 'added')) status = 'added';
  else if (pairs.every((p) => p.status === 'removed')) status = 'removed';
  else if (has('split')) status = 'split';
  else if (has('merged')) status = 'merged';
  else if (pairs.every((p) => p.status === 'unchanged')) status = 'unchanged';
  else status = 'modified';
  const technical = status === 'modified' && pairs.every((p) => p.status === 'unchanged' || (p.status === 'modified' && p.technical)) && pairs.some((p) => p.technical);
  const change: ThreadChange = { from, to, status, technical, moved: pairs.some((p) => p.moved), pairs };
  if (reintroduced) change.reintroduced = true;
  return change;
}

function versionOf(r: Resolution): HistoryVersion {
  const v: HistoryVersion = {
    file: r.file ?? '',
    symbol: r.symbol,
    adopted: r.adopted,
    constructed: !!r.constructed,
    title: r.title,
    counts: clauseCounts(r),
  };
  if (r.number) v.number = r.number;
  return v;
}

/**
 * The newest version's order. A thread absent from the newest version stands right after the
 * thread holding its predecessor clause in the last version it appeared in (so dropped language
 * appears where it used to be); threads that died later are placed first, so that predecessor is
 * always placed already.
 */
function orderThreads(threads: Thread[], versions: Resolution[]): Thread[] {
  const last = versions.length - 1;
  const indexIn = (k: number): Map<string, number> => new Map(versions[k].clauses.map((c, i) => [c.id, i]));
  const indexCache = new Map<number, Map<string, number>>();
  const idx = (k: number) => {
    let m = indexCache.get(k);
    if (!m) indexCache.set(k, (m = indexIn(k)));
    return m;
  };
  const firstIndex = (t: Thread, k: number) => Math.min(...t.ids[k].map((id) => idx(k).get(id)!));
  const out = threads.filter((t) => t.ids[last].length).sort((a, b) => firstIndex(a, last) - firstIndex(b, last));
  const rest = threads
    .filter((t) => !t.ids[last].length)
    .sort((a, b) => b.lastSeen - a.lastSeen || firstIndex(a, a.lastSeen) - firstIndex(b, b.lastSeen));
  for (const t of rest) {
    const k = t.lastSeen;
    const i = firstIndex(t, k);
    let at = -1;
    if (i > 0) {
      const prevId = versions[k].clauses[i - 1].id;
      at = out.findIndex((o) => o.ids[k].includes(prevId));
    }
    out.splice(at + 1, 0, t);
  }
  return out;
}

/** What a thread's cell in one version shows. */
export type CellMark =
  | 'absent'
  | 'first'
  | 'new'
  | 'gone'
  | 'reintroduced'
  | 'unchanged'
  | 'modified'
  | 'technical'
  | 'split'
  | 'merged';

/** A thread in one version: its ids and how they came to be. */
export interface Cell {
  ids: string[];
  mark: CellMark;
  /** Moved relative to its neighbours since the version before. */
  moved: boolean;
  /** The change that led to this cell, when there is one. */
  change?: ThreadChange;
}

/**
 * The cells of a thread, one per version: what the alignment table shows.
 *
 * @param t the thread
 */
export function threadCells(t: Thread): Cell[] {
  return t.ids.map((ids, k): Cell => {
    if (!ids.length) {
      const gone = t.changes.find((c) => c.to === k && c.status === 'removed');
      return gone ? { ids, mark: 'gone', moved: false, change: gone } : { ids, mark: k > 0 && t.ids[k - 1].length ? 'gone' : 'absent', moved: false };
    }
    if (k === 0) return { ids, mark: 'first', moved: false };
    const back = t.changes.find((c) => c.to === k && c.reintroduced);
    if (back) return { ids, mark: 'reintroduced', moved: back.moved, change: back };
    const c = t.changes.find((x) => x.to === k && x.from === k - 1);
    if (!c || c.status === 'added' || !t.ids[k - 1].length) return { ids, mark: 'new', moved: false, change: c };
    const mark: CellMark = c.status === 'modified' ? (c.technical ? 'technical' : 'modified') : c.status === 'removed' ? 'modified' : c.status;
    return { ids, mark, moved: c.moved, change: c };
  });
}

/** Order of clause ids in a version: PPs, then OPs, by number. */
function idOrder(a: string, b: string): number {
  const ka = a.startsWith('PP') ? 0 : 1;
  const kb = b.startsWith('PP') ? 0 : 1;
  return ka - kb || Number(a.slice(2)) - Number(b.slice(2));
}

/** Clause ids linked between two versions: the shape of `compare`'s pairs, without diffs. */
export interface Link {
  old: string[];
  new: string[];
}

/**
 * The links between versions i and j (i < j) that the history implies: clauses joined by a chain
 * of steps going forward from i to j, grouped into connected pieces. Clauses of i that reach
 * nothing in j are removed (`new: []`), clauses of j that nothing reaches are added (`old: []`).
 * For consistent data this equals the pairs of `compare(versions[i], versions[j])`.
 *
 * @param h the history
 * @param i the earlier version index
 * @param j the later version index
 */
export function linksBetween(h: History, i: number, j: number): Link[] {
  if (!(i >= 0 && j < h.versions.length && i < j)) throw new RangeError(`linksBetween: need 0 <= i < j < ${h.versions.length}`);
  const next = new Map<string, string[]>();
  const key = (k: number, id: string) => `${k}:${id}`;
  for (const t of h.threads)
    for (const c of t.changes) {
      if (c.from < i || c.to > j) continue;
      for (const p of c.pairs)
        for (const o of p.old)
          for (const x of p.new) {
            const a = key(c.from, o);
            const list = next.get(a) ?? [];
            list.push(key(c.to, x));
            next.set(a, list);
          }
    }
  const oldIds = h.threads.flatMap((t) => t.ids[i]);
  const newIds = h.threads.flatMap((t) => t.ids[j]);
  // Bipartite components between i and j over forward reachability.
  const comp = new Map<string, string>();
  const root = (x: string): string => {
    let r = x;
    while (comp.get(r) !== r) r = comp.get(r)!;
    comp.set(x, r);
    return r;
  };
  for (const o of oldIds) comp.set(`o:${o}`, `o:${o}`);
  for (const x of newIds) comp.set(`n:${x}`, `n:${x}`);
  for (const o of oldIds) {
    const seen = new Set<string>([key(i, o)]);
    const stack = [key(i, o)];
    while (stack.length) {
      const cur = stack.pop()!;
      for (const nx of next.get(cur) ?? []) {
        if (seen.has(nx)) continue;
        seen.add(nx);
        if (nx.startsWith(`${j}:`)) {
          const ra = root(`o:${o}`);
          const rb = root(`n:${nx.slice(String(j).length + 1)}`);
          if (ra !== rb) comp.set(rb, ra);
        } else stack.push(nx);
      }
    }
  }
  const groups = new Map<string, Link>();
  for (const o of oldIds) {
    const r = root(`o:${o}`);
    if (!groups.has(r)) groups.set(r, { old: [], new: [] });
    groups.get(r)!.old.push(o);
  }
  for (const x of newIds) {
    const r = root(`n:${x}`);
    if (!groups.has(r)) groups.set(r, { old: [], new: [] });
    groups.get(r)!.new.push(x);
  }
  return [...groups.values()].map((g) => ({ old: g.old.sort(idOrder), new: g.new.sort(idOrder) }));
}
