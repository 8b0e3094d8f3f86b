/**
 * How alike two clauses are, for alignment.
 *
 * Each clause becomes a bag of words and a set of word trigrams. Routine references (dates,
 * numbers, symbols, session ordinals) are reduced to their class, so a rolled-over reference does
 * not make a clause look different. Words are weighted by inverse document frequency over all
 * clauses of the versions being aligned: "human rights" and "cooperation" are in every clause of
 * this series and say little; "Kampala" or "unilateral coercive measures" say a lot. That is what
 * keeps near-duplicates ("Recalling also General Assembly resolution …") from cross-matching.
 *
 *   similarity = 0.5 · cosine(tf-idf of words) + 0.5 · Dice(word trigrams)
 *
 * The cosine term tolerates reordering and heavy edits; the trigram term rewards shared phrasing.
 * Words and trigrams are interned to integers and kept as sorted arrays, so comparing two clauses
 * is a merge of two short integer arrays (alignment compares every clause with every clause).
 */
import { tokenKeys } from '../model/tokens.js';

/** A clause prepared for similarity. */
export interface Profile {
  /** Interned word ids, ascending, and their term frequencies. */
  terms: Int32Array;
  tf: Float64Array;
  /** Interned trigram ids, ascending. */
  trigrams: Int32Array;
}

/** Weight of the bag-of-words term; the rest goes to trigrams. */
const COSINE_WEIGHT = 0.5;

/**
 * Interning tables: word ids, and the ids of the trigrams that need one (see trigramKey). Ids are
 * only compared, never shown, so two profiles are comparable when they were made with the same
 * tables.
 */
export interface TermIds {
  words: Map<string, number>;
  /** Keyed by the number trigramKey computes, or by a string where it cannot (see there). */
  trigrams: Map<number | string, number>;
}
/** The tables shared by every profile made without its own (alignment). */
const shared: TermIds = { words: new Map(), trigrams: new Map() };

/**
 * Fresh tables, for a one-off comparison (a near search scoring corpus clauses): they are dropped
 * with it, where the shared tables would keep every word and trigram ever seen for the process's life.
 */
export function termIds(): TermIds {
  return { words: new Map(), trigrams: new Map() };
}

/** Words and trigrams in the shared tables (tests check who adds to them). */
export function sharedTermCount(): number {
  return shared.words.size + shared.trigrams.size;
}

/**
 * Past this many words and trigrams (about 40 MB of tables; some hundreds of distinct documents)
 * the shared tables are emptied before the next alignment that brings no idf of its own (see
 * align.ts), so a long-running server does not grow without end.
 */
export const SHARED_TERM_LIMIT = 1_000_000;

/**
 * Empty the shared tables, and with them every id made from them (the seeded keys here; the
 * caller drops its profiles). Only between computations: a profile or idf made before cannot be
 * compared with one made after.
 */
export function clearSharedTerms(): void {
  shared.words.clear();
  shared.trigrams.clear();
  seeded.clear();
}

function intern<K>(table: Map<K, number>, key: K): number {
  let id = table.get(key);
  if (id === undefined) {
    id = table.size;
    table.set(key, id);
  }
  return id;
}

/**
 * The words a profile is made of, as strings: lower case, routine references reduced to their
 * class ("#date"). The corpus index keeps their document frequencies under these keys. Read off
 * the token texts (model/tokens.ts `tokenKeys`) without making tokens or filling the token
 * cache: the word diff tokenizes only the clauses that changed.
 */
export function termKeys(text: string): string[] {
  return tokenKeys(text);
}

/** The interned id of a term key (see termKeys), for building an Idf from outside counts. */
export function termId(key: string, ids: TermIds = shared): number {
  return intern(ids.words, key);
}

/**
 * Build a clause's profile.
 *
 * @param ids interning tables (default: the shared ones)
 */
export function profile(text: string, ids: TermIds = shared): Profile {
  const words = ids === shared ? seeded.get(text) : undefined;
  return words ? profileOfWords(words, ids) : profileOfKeys(termKeys(text), ids);
}

/**
 * A trigram is interned under small integers computed from its word ids, not a joined string:
 * its first two words' pair is interned under `-1 − (a·2^14 + b)`, then the trigram under
 * `2^28 + pair·2^14 + c` — small integers, so no string is built and no number is boxed. Past
 * 16,384 words or table entries, under the string of the ids instead (a given trigram always
 * takes the same way, since ids never change). Texts of one or two words are interned under a
 * string of their keys. Profiles keep the interned ids (small integers, which the merges in
 * dice and containment read without boxing), sorted.
 */

function trigramId(ids: TermIds, a: number, b: number, c: number): number {
  if (a < SMALL && b < SMALL && c < SMALL) {
    // Small integer keys (no heap numbers): the pair first, then the pair with the third word.
    const pair = intern(ids.trigrams, -1 - (a * SMALL + b));
    if (pair < SMALL) return intern(ids.trigrams, SMALL * SMALL + pair * SMALL + c);
  }
  return intern(ids.trigrams, `${a} ${b} ${c}`);
}
const SMALL = 2 ** 14;

/** Sort a typed array and keep one of each value (in place); the distinct values, ascending. */
function distinctSorted(xs: Int32Array): Int32Array {
  xs.sort();
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (i === 0 || xs[i] !== xs[n - 1]) xs[n++] = xs[i]!;
  return xs.subarray(0, n);
}

/**
 * The term keys of clause texts in a form to store beside their parse (the parse cache, the
 * shipped corpus): the distinct keys once, and each text as indices into them. A process that
 * reads a stored parse hands them to seedKeys, so aligning it tokenizes nothing.
 */
export interface StoredKeys {
  vocab: string[];
  /** Per text, in the order given: its keys as indices into vocab. */
  texts: number[][];
}

/** The stored form of these texts' keys (see StoredKeys). */
export function storedKeys(texts: readonly string[]): StoredKeys {
  const index = new Map<string, number>();
  const vocab: string[] = [];
  const out = texts.map((t) =>
    termKeys(t).map((k) => {
      let i = index.get(k);
      if (i === undefined) {
        i = vocab.length;
        index.set(k, i);
        vocab.push(k);
      }
      return i;
    }),
  );
  return { vocab, texts: out };
}

/**
 * Word ids (shared tables) of texts whose keys were stored (seedKeys), for profile(). Bounded like
 * the other caches: emptied when full.
 */
const seeded = new Map<string, Int32Array>();
const SEEDED_LIMIT = 20000;

/**
 * Make stored keys known: profile() of these texts then reads them instead of tokenizing. Texts
 * of fewer than three keys are left out (their trigram is made from the key strings), as is
 * anything that does not fit its text (a damaged cache entry is read as if it had no keys).
 *
 * @param texts the texts the keys were stored for, in the same order
 */
export function seedKeys(texts: readonly string[], stored: StoredKeys | undefined): void {
  if (!stored || !Array.isArray(stored.vocab) || !Array.isArray(stored.texts) || stored.texts.length !== texts.length) return;
  const ids = new Int32Array(stored.vocab.length);
  for (let i = 0; i < ids.length; i++) {
    const k = stored.vocab[i];
    if (typeof k !== 'string') return;
    ids[i] = intern(shared.words, k);
  }
  if (seeded.size + texts.length > SEEDED_LIMIT) seeded.clear();
  for (let t = 0; t < texts.length; t++) {
    const seq = stored.texts[t];
    if (!Array.isArray(seq) || seq.length < 3 || seeded.has(texts[t]!)) continue;
    const words = new Int32Array(seq.length);
    let ok = true;
    for (let i = 0; i < seq.length; i++) {
      const v = seq[i];
      if (typeof v !== 'number' || !(v >= 0 && v < ids.length)) ok = false;
      else words[i] = ids[v]!;
    }
    if (ok) seeded.set(texts[t]!, words);
  }
}

/** A profile from a clause's term keys (see termKeys), when the caller has them already. */
export function profileOfKeys(keys: readonly string[], ids: TermIds = shared): Profile {
  const words = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) words[i] = intern(ids.words, keys[i]!);
  return profileOfWords(words, ids, keys);
}

/** A profile from interned word ids; `keys` (the strings) only for a text of fewer than three words. */
function profileOfWords(words: Int32Array, ids: TermIds, keys?: readonly string[]): Profile {
  // Terms and their frequencies: the sorted ids, counted in runs.
  const sorted = words.slice().sort();
  const terms: number[] = [];
  const tf: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) tf[tf.length - 1]!++;
    else {
      terms.push(sorted[i]!);
      tf.push(1);
    }
  }
  let trigrams: Int32Array;
  if (words.length >= 3) {
    const tri = new Int32Array(words.length - 2);
    for (let i = 0; i + 2 < words.length; i++) tri[i] = trigramId(ids, words[i]!, words[i + 1]!, words[i + 2]!);
    trigrams = distinctSorted(tri);
  } else trigrams = words.length ? Int32Array.of(intern(ids.trigrams, `~${keys!.join(' ')}`)) : new Int32Array(0);
  return { terms: Int32Array.from(terms), tf: Float64Array.from(tf), trigrams };
}

/** Inverse document frequency of each interned word. */
export type Idf = Map<number, number>;

/** Inverse document frequencies over a set of profiles (the clauses of all versions aligned). */
export function idfOf(profiles: Profile[]): Idf {
  const df = new Map<number, number>();
  for (const p of profiles) for (const w of p.terms) df.set(w, (df.get(w) ?? 0) + 1);
  const n = Math.max(1, profiles.length);
  const idf = new Map<number, number>();
  for (const [w, d] of df) idf.set(w, Math.log(1 + n / d));
  return idf;
}

/** A profile's tf-idf weights (aligned with `p.terms`) and their norm, computed once per clause. */
export interface Weighted {
  p: Profile;
  w: Float64Array;
  norm: number;
}

/** Weight a profile with idf (a word unknown to `idf` weighs as if it were in one clause of two). */
export function weigh(p: Profile, idf: Idf): Weighted {
  const w = new Float64Array(p.terms.length);
  let sq = 0;
  for (let k = 0; k < p.terms.length; k++) {
    const x = (1 + Math.log(p.tf[k])) * (idf.get(p.terms[k]) ?? Math.log(3));
    w[k] = x;
    sq += x * x;
  }
  return { p, w, norm: Math.sqrt(sq) };
}

/** Similarity of two weighted clauses, 0..1. */
export function similarity(a: Weighted, b: Weighted): number {
  let dot = 0;
  const ta = a.p.terms;
  const tb = b.p.terms;
  for (let i = 0, j = 0; i < ta.length && j < tb.length; ) {
    if (ta[i] === tb[j]) dot += a.w[i++] * b.w[j++];
    else if (ta[i] < tb[j]) i++;
    else j++;
  }
  const cos = a.norm && b.norm ? dot / (a.norm * b.norm) : 0;
  return COSINE_WEIGHT * Math.min(1, cos) + (1 - COSINE_WEIGHT) * dice(a.p.trigrams, b.p.trigrams);
}

/** Number of ids two ascending arrays share. */
function common(a: Int32Array, b: Int32Array): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

/** Dice coefficient of two sets given as ascending arrays. */
export function dice(a: Int32Array, b: Int32Array): number {
  if (!a.length && !b.length) return 1;
  return (2 * common(a, b)) / (a.length + b.length);
}

/** Share of `part`'s trigrams found in `whole`: how much of a split-off piece came from a clause. */
export function containment(part: Profile, whole: Profile): number {
  return part.trigrams.length ? common(part.trigrams, whole.trigrams) / part.trigrams.length : 0;
}
