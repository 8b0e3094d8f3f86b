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
 */
import { tokenize, isTechnical } from '../diff/tokens.js';

/** A clause prepared for similarity. */
export interface Profile {
  /** Term frequencies (lower-cased words; references reduced to their class). */
  tf: Map<string, number>;
  trigrams: Set<string>;
}

/** Weight of the bag-of-words term; the rest goes to trigrams. */
const COSINE_WEIGHT = 0.5;

/** Build a clause's profile. */
export function profile(text: string): Profile {
  const words: string[] = [];
  for (const t of tokenize(text)) {
    if (t.cls === 'punct') continue;
    words.push(isTechnical(t) ? `#${t.cls}` : t.text.toLowerCase());
  }
  const tf = new Map<string, number>();
  for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
  const trigrams = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) trigrams.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  if (words.length < 3 && words.length) trigrams.add(words.join(' '));
  return { tf, trigrams };
}

/** Inverse document frequencies over a set of profiles (the clauses of all versions aligned). */
export function idfOf(profiles: Profile[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const p of profiles) for (const w of p.tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = Math.max(1, profiles.length);
  const idf = new Map<string, number>();
  for (const [w, d] of df) idf.set(w, Math.log(1 + n / d));
  return idf;
}

/** A profile's tf-idf vector and its norm, computed once per clause. */
export interface Weighted {
  p: Profile;
  vec: Map<string, number>;
  norm: number;
}

/** Weight a profile with idf. */
export function weigh(p: Profile, idf: Map<string, number>): Weighted {
  const vec = new Map<string, number>();
  let sq = 0;
  for (const [w, f] of p.tf) {
    const x = (1 + Math.log(f)) * (idf.get(w) ?? 1);
    vec.set(w, x);
    sq += x * x;
  }
  return { p, vec, norm: Math.sqrt(sq) };
}

/** Similarity of two weighted clauses, 0..1. */
export function similarity(a: Weighted, b: Weighted): number {
  let dot = 0;
  const [small, large] = a.vec.size < b.vec.size ? [a.vec, b.vec] : [b.vec, a.vec];
  for (const [w, x] of small) {
    const y = large.get(w);
    if (y !== undefined) dot += x * y;
  }
  const cos = a.norm && b.norm ? dot / (a.norm * b.norm) : 0;
  return COSINE_WEIGHT * cos + (1 - COSINE_WEIGHT) * dice(a.p.trigrams, b.p.trigrams);
}

/** Dice coefficient of two sets. */
export function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let common = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) common++;
  return (2 * common) / (a.size + b.size);
}

/** Share of `part`'s trigrams found in `whole`: how much of a split-off piece came from a clause. */
export function containment(part: Profile, whole: Profile): number {
  if (!part.trigrams.size) return 0;
  let common = 0;
  for (const x of part.trigrams) if (whole.trigrams.has(x)) common++;
  return common / part.trigrams.size;
}
