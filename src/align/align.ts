/**
 * Align the clauses of two versions.
 *
 * 1. Similarity of every old clause with every new clause of the same kind (similarity.ts).
 * 2. An optimal one-to-one assignment (Hungarian method) maximising total similarity plus a small
 *    bonus for keeping relative position, so that among equally good candidates the one in
 *    order wins. Pairs below MATCH_THRESHOLD are not edits of each other.
 * 3. Clauses left over may have crossed between the preamble and the operative part: the same
 *    assignment across kinds, with a stricter threshold.
 * 4. Split and merge detection on what is left: a leftover clause whose phrasing is mostly
 *    contained in one clause of the other version, next to that clause's partner, joins its group.
 * 5. Moves: among aligned groups, the longest subsequence that keeps its order stayed; the rest
 *    moved (their place changed relative to their neighbours).
 */
import type { Clause, ClauseKind, Resolution } from '../model/types.js';
import { maxAssignment, longestIncreasing } from './assignment.js';
import { clearSharedTerms, containment, idfOf, profile, sharedTermCount, similarity, weigh, SHARED_TERM_LIMIT, type Idf, type Profile, type Weighted } from './similarity.js';

/**
 * Below this similarity two clauses are not taken as versions of each other. Measured on the
 * series: unrelated clauses of 56/2 score at most ~0.25 against each other (shared boilerplate);
 * a clause rewritten for a new summit keeps 0.4 and more.
 */
export const MATCH_THRESHOLD = 0.3;
/** A preambular paragraph becoming operative (or back) needs more evidence: the wording changes ("Recalling" -> "Recalls"). */
export const CROSS_KIND_THRESHOLD = 0.45;
/** Bonus for keeping relative position (0..1 scale of similarity): decides near-ties, never overrides content. */
export const ORDER_BONUS = 0.03;
/** Share of a leftover clause's trigrams that must come from one clause for a split or merge. */
export const CONTAINMENT_THRESHOLD = 0.5;
/**
 * Share of a piece's trigrams that must come from the other clause and from none of the piece's
 * partners. A dropped clause that shares stock phrases with its neighbour ("the implementation
 * and enhancement of international cooperation": 56/2's OP32 against OP33) scores 0, because the
 * neighbour's own predecessor has those phrases too; the pieces of the bundled example's split and
 * merge score 0.78 and 0.93.
 */
export const MIN_PIECE_GAIN = 0.3;

/** One aligned group: indices into each version's `clauses`. */
export interface Group {
  old: number[];
  new: number[];
  similarity: number;
  moved: boolean;
  crossKind: boolean;
}

/** Options for alignment. */
export interface AlignOptions {
  /** Inverse document frequencies to use (e.g. over a whole series); default: over the two versions. */
  idf?: Idf;
}

/**
 * Profiles of clause texts, cached by text: most clauses are the same in both versions (and
 * across a series), so each is profiled once. A profile depends on its text only. The cache is
 * emptied when full, like the token cache.
 */
const profileCache = new Map<string, Profile>();
const PROFILE_CACHE_LIMIT = 20000;
/** The similarity profile of a clause (cached by its text). */
export function profileOf(c: Clause): Profile {
  let p = profileCache.get(c.text);
  if (!p) {
    if (profileCache.size >= PROFILE_CACHE_LIMIT) profileCache.clear();
    p = profile(c.text);
    profileCache.set(c.text, p);
  }
  return p;
}

/**
 * Align two versions' clauses.
 *
 * @returns groups covering every clause of both versions exactly once, in no particular order
 */
export function align(oldRes: Resolution, newRes: Resolution, options: AlignOptions = {}): Group[] {
  // The shared tables are bounded: emptied (with the profiles made from them) between
  // alignments. Not when the caller brings an idf: its ids come from the tables as they are
  // (history builds one idf for a whole series, then aligns it pair by pair, in one call).
  if (!options.idf && sharedTermCount() > SHARED_TERM_LIMIT) {
    clearSharedTerms();
    profileCache.clear();
  }
  const A = oldRes.clauses;
  const B = newRes.clauses;
  const pa = A.map(profileOf);
  const pb = B.map(profileOf);
  const idf = options.idf ?? idfOf([...pa, ...pb]);
  // Weights only for the clauses that reach the assignment (not those anchored by their text).
  const wa = lazyWeights(pa, idf);
  const wb = lazyWeights(pb, idf);

  const oldGroup = new Array<Group | undefined>(A.length);
  const newGroup = new Array<Group | undefined>(B.length);
  const groups: Group[] = [];
  const link = (i: number, j: number, sim: number, crossKind: boolean) => {
    const g: Group = { old: [i], new: [j], similarity: sim, moved: false, crossKind };
    groups.push(g);
    oldGroup[i] = g;
    newGroup[j] = g;
  };

  // Relative position of each clause within its kind (0..1), for the order bonus.
  const rankA = ranks(A);
  const rankB = ranks(B);

  // 2. Same kind. A text that occurs exactly once on each side is its own best match (as in
  // patience diff): pair those first, then assign the rest.
  for (const kind of ['PP', 'OP'] as ClauseKind[]) {
    const ia = indicesOf(A, kind);
    const ib = indicesOf(B, kind);
    const onceB = uniqueTexts(B, ib);
    for (const [text, i] of uniqueTexts(A, ia)) {
      const j = onceB.get(text);
      if (j !== undefined) link(i, j, 1, false);
    }
    assign(ia.filter((i) => !oldGroup[i]), ib.filter((j) => !newGroup[j]), wa, wb, MATCH_THRESHOLD, [rankA, rankB], (i, j, s) => link(i, j, s, false));
  }
  // 3. Across kinds, among the leftovers.
  for (const [ka, kb] of [['PP', 'OP'], ['OP', 'PP']] as Array<[ClauseKind, ClauseKind]>) {
    const ia = indicesOf(A, ka).filter((i) => !oldGroup[i]);
    const ib = indicesOf(B, kb).filter((j) => !newGroup[j]);
    assign(ia, ib, wa, wb, CROSS_KIND_THRESHOLD, undefined, (i, j, s) => link(i, j, s, true));
  }

  // 4. Splits (one old -> several new) and merges (several old -> one new).
  attachLeftovers(A, B, pa, pb, oldGroup, newGroup, groups);

  // Similarity of grown groups, over their joined texts.
  for (const g of groups) {
    if (g.old.length > 1 || g.new.length > 1) {
      const jo = weigh(profile(g.old.map((i) => A[i].text).join(' ')), idf);
      const jn = weigh(profile(g.new.map((j) => B[j].text).join(' ')), idf);
      g.similarity = similarity(jo, jn);
    }
  }

  // Everything else is added or removed.
  A.forEach((_, i) => {
    if (!oldGroup[i]) groups.push({ old: [i], new: [], similarity: 0, moved: false, crossKind: false });
  });
  B.forEach((_, j) => {
    if (!newGroup[j]) groups.push({ old: [], new: [j], similarity: 0, moved: false, crossKind: false });
  });

  markMoves(groups, A, B);
  return groups;
}

/** `weigh` of each profile, computed when first asked for. */
function lazyWeights(ps: Profile[], idf: Idf): (i: number) => Weighted {
  const memo = new Array<Weighted | undefined>(ps.length);
  return (i) => (memo[i] ??= weigh(ps[i]!, idf));
}

function indicesOf(cs: Clause[], kind: ClauseKind): number[] {
  const out: number[] = [];
  cs.forEach((c, i) => {
    if (c.kind === kind) out.push(i);
  });
  return out;
}

/** Map from clause text to index, for texts that occur once among `idx`. */
function uniqueTexts(cs: Clause[], idx: number[]): Map<string, number> {
  const seen = new Map<string, number>();
  const dup = new Set<string>();
  for (const i of idx) {
    if (seen.has(cs[i].text)) dup.add(cs[i].text);
    else seen.set(cs[i].text, i);
  }
  for (const t of dup) seen.delete(t);
  return seen;
}

/** Each clause's relative position among the clauses of its kind, 0..1. */
function ranks(cs: Clause[]): number[] {
  const out = new Array<number>(cs.length).fill(0);
  for (const kind of ['PP', 'OP'] as ClauseKind[]) {
    const idx = indicesOf(cs, kind);
    idx.forEach((i, k) => {
      out[i] = idx.length > 1 ? k / (idx.length - 1) : 0;
    });
  }
  return out;
}

/** Optimal assignment between two index lists; `rank` adds the order bonus. */
function assign(
  ia: number[],
  ib: number[],
  wa: (i: number) => Weighted,
  wb: (j: number) => Weighted,
  threshold: number,
  rank: [number[], number[]] | undefined,
  onLink: (i: number, j: number, sim: number) => void,
): void {
  if (!ia.length || !ib.length) return;
  const sims = ia.map((i) => ib.map((j) => similarity(wa(i), wb(j))));
  const score = sims.map((row, r) =>
    row.map((s, c) => {
      if (s < threshold) return 0;
      return s + (rank ? ORDER_BONUS * (1 - Math.abs(rank[0][ia[r]] - rank[1][ib[c]])) : 0);
    }),
  );
  const result = maxAssignment(score);
  result.forEach((c, r) => {
    if (c >= 0) onLink(ia[r], ib[c], sims[r][c]);
  });
}

/**
 * Attach leftover clauses to the group of the clause on the other side that contains most of
 * their phrasing, when that keeps the group contiguous. Candidates from both sides are taken in
 * one order (strongest containment first), so comparing B with A gives the mirror of A with B.
 */
function attachLeftovers(
  A: Clause[],
  B: Clause[],
  pa: Profile[],
  pb: Profile[],
  oldGroup: Array<Group | undefined>,
  newGroup: Array<Group | undefined>,
  groups: Group[],
): void {
  interface Candidate {
    side: 'old' | 'new';
    k: number;
    other: number;
    score: number;
  }
  const candidates: Candidate[] = [];
  const collect = (side: 'old' | 'new', from: Profile[], to: Profile[], fromGroup: Array<Group | undefined>) => {
    from.forEach((p, k) => {
      if (fromGroup[k]) return;
      let best = -1;
      let bestC = 0;
      to.forEach((q, o) => {
        const c = containment(p, q);
        if (c > bestC) {
          bestC = c;
          best = o;
        }
      });
      if (best >= 0 && bestC >= CONTAINMENT_THRESHOLD) candidates.push({ side, k, other: best, score: bestC });
    });
  };
  collect('new', pb, pa, newGroup);
  collect('old', pa, pb, oldGroup);
  const key = (c: Candidate) => (c.side === 'old' ? [c.k, c.other] : [c.other, c.k]);
  candidates.sort((x, y) => y.score - x.score || key(x)[0] - key(y)[0] || key(x)[1] - key(y)[1]);
  // Pieces join one neighbour at a time: repeat while something was attached.
  let attached = true;
  while (attached) {
    attached = false;
    for (const cand of candidates) {
      const { side, k, other } = cand;
      const fromGroup = side === 'new' ? newGroup : oldGroup;
      const otherGroup = side === 'new' ? oldGroup : newGroup;
      const otherSide = side === 'new' ? 'old' : 'new';
      if (fromGroup[k]) continue;
      let g = otherGroup[other];
      if (g) {
        const members = g[side];
        if (members.length && !members.some((m) => Math.abs(m - k) === 1)) continue;
        if (g[otherSide].length !== 1) continue;
        // A real piece explains wording of the other clause that its partners do not: a dropped
        // clause that merely shares stock phrases with its neighbour ("the implementation and
        // enhancement of international cooperation") is removed, not merged.
        const fromProfiles = side === 'new' ? pb : pa;
        const otherProfiles = side === 'new' ? pa : pb;
        if (members.length && gain(fromProfiles[k], otherProfiles[other], members.map((m) => fromProfiles[m])) < MIN_PIECE_GAIN) continue;
      } else {
        g = { old: [], new: [], similarity: 0, moved: false, crossKind: false };
        g[otherSide].push(other);
        otherGroup[other] = g;
        groups.push(g);
      }
      g[side].push(k);
      g[side].sort((x, y) => x - y);
      const fromClauses = side === 'new' ? B : A;
      const otherClauses = side === 'new' ? A : B;
      if (fromClauses[k].kind !== otherClauses[other].kind) g.crossKind = true;
      fromGroup[k] = g;
      attached = true;
    }
  }
}

/** Share of `piece`'s trigrams found in `whole` but in none of `others`: what only the piece explains. */
function gain(piece: Profile, whole: Profile, others: Profile[]): number {
  if (!piece.trigrams.length) return 0;
  const covered = new Set<number>();
  for (const o of others) for (const t of o.trigrams) covered.add(t);
  const inWhole = new Set(whole.trigrams);
  let n = 0;
  for (const t of piece.trigrams) if (inWhole.has(t) && !covered.has(t)) n++;
  return n / piece.trigrams.length;
}

/** Groups outside the longest order-keeping run moved; clauses that changed kind moved too. */
function markMoves(groups: Group[], A: Clause[], B: Clause[]): void {
  for (const kind of ['PP', 'OP'] as ClauseKind[]) {
    const aligned = groups
      .filter((g) => g.old.length && g.new.length && !g.crossKind && B[g.new[0]].kind === kind && A[g.old[0]].kind === kind)
      .sort((x, y) => x.new[0] - y.new[0]);
    const keep = longestIncreasing(
      aligned.map((g) => g.old[0]),
      aligned.map((g) => g.old.reduce((n, i) => n + A[i].text.length, 0) + g.new.reduce((n, j) => n + B[j].text.length, 0)),
    );
    aligned.forEach((g, k) => {
      g.moved = !keep.has(k);
    });
  }
  for (const g of groups) if (g.crossKind && g.old.length && g.new.length) g.moved = true;
}
