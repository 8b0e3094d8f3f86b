/**
 * Provenance: where the new wording of a comparison was agreed before. For each inserted run of
 * MIN_WORDS or more words in a new or modified clause, the earlier corpus documents (any series,
 * adopted before the newer text) that already contain it — the whole run ("exact"), or the longest
 * stretches of it of at least MIN_WORDS words.
 */
import type { Comparison, Pair, ProvenanceSource } from '../diff/types.js';
import type { CorpusIndex, QueryFilter } from './search-index.js';
import { searchWords, type SearchWord } from './search-words.js';

/** Shortest run of inserted words looked up: shorter runs ("the Human Rights Council") are everywhere. */
export const MIN_WORDS = 6;
/**
 * A stretch (not the whole run) counts when one earlier clause holds at least this many of the
 * run's words, or this share of them: six-word stretches alone are mostly set phrases ("the
 * promotion and protection of all human rights") that say nothing about where a text came from.
 */
export const PARTIAL_MIN_WORDS = 12;
export const PARTIAL_MIN_SHARE = 0.8;
/** Sources listed per stretch of wording, earliest first. */
const SOURCES_PER_MATCH = 5;

/** The runs of a pair's new text that are inserted (consecutive insert parts; deletions are not in the new text). */
export function insertedRuns(pair: Pair): string[] {
  if (pair.status === 'added') return [pair.diff.map((d) => d.text).join(' ')];
  if (pair.status === 'removed' || pair.status === 'unchanged') return [];
  const runs: string[] = [];
  let cur: string[] = [];
  for (const d of pair.diff) {
    if (d.op === 'insert') cur.push(d.text);
    else if (d.op === 'equal') {
      if (cur.length) runs.push(cur.join(' '));
      cur = [];
    }
  }
  if (cur.length) runs.push(cur.join(' '));
  return runs;
}

/**
 * Find the sources of one run of words: the whole run, else its longest stretches (≥ MIN_WORDS)
 * found in a document matching the filter, scanning left to right.
 */
export function runSources(index: CorpusIndex, text: string, filter: QueryFilter): ProvenanceSource[] {
  const words = searchWords(text);
  if (words.length < MIN_WORDS) return [];
  const norm = words.map((w) => w.norm);
  const out: ProvenanceSource[] = [];
  const record = (i: number, j: number, exact: boolean) => {
    const { hits } = index.phraseWords(norm.slice(i, j), { ...filter, limit: SOURCES_PER_MATCH });
    const matched = spanText(text, words, i, j);
    for (const h of hits) {
      out.push({
        symbol: h.symbol,
        clause: h.clause,
        adopted: h.adopted,
        matched,
        words: j - i,
        exact,
        ...(h.series ? { series: h.series } : {}),
        ...(h.constructed ? { constructed: true } : {}),
      });
    }
  };
  if (index.containsWords(norm, filter)) {
    record(0, norm.length, true);
    return out;
  }
  let i = 0;
  while (i + MIN_WORDS <= norm.length) {
    if (!index.containsWords(norm.slice(i, i + MIN_WORDS), filter)) {
      i++;
      continue;
    }
    // Grow the stretch: double, then bisect between the last length found and the first not found.
    let good = i + MIN_WORDS;
    let step = MIN_WORDS;
    let bad = norm.length + 1;
    while (good < norm.length) {
      const next = Math.min(norm.length, good + step);
      if (index.containsWords(norm.slice(i, next), filter)) {
        good = next;
        step *= 2;
      } else {
        bad = next;
        break;
      }
    }
    while (bad - good > 1) {
      const mid = (good + bad) >> 1;
      if (index.containsWords(norm.slice(i, mid), filter)) good = mid;
      else bad = mid;
    }
    record(i, good, false);
    i = good;
  }
  // Keep the clauses that hold enough of the run, summed over its stretches.
  const held = new Map<string, number>();
  for (const s of out) held.set(`${s.symbol}\u0000${s.clause}`, (held.get(`${s.symbol}\u0000${s.clause}`) ?? 0) + s.words);
  const enough = (n: number) => n >= PARTIAL_MIN_WORDS || n >= PARTIAL_MIN_SHARE * norm.length;
  return out.filter((s) => enough(held.get(`${s.symbol}\u0000${s.clause}`)!));
}

function spanText(text: string, words: SearchWord[], i: number, j: number): string {
  return text.slice(words[i].start, words[j - 1].end);
}

/**
 * Add `provenance` to each new or modified pair of a comparison whose inserted wording is in an
 * earlier corpus document. Pairs without any keep no field.
 *
 * @returns the number of pairs that got provenance
 */
export function addProvenance(c: Comparison, index: CorpusIndex): number {
  const filter: QueryFilter = { before: c.new.adopted || undefined, excludeSymbol: c.new.symbol || undefined };
  if (!c.new.adopted) filter.before = '9999-12-31';
  let n = 0;
  for (const pair of c.pairs) {
    const found = insertedRuns(pair).flatMap((run) => runSources(index, run, filter));
    if (found.length) {
      pair.provenance = found;
      n++;
    }
  }
  return n;
}
