/**
 * The comparison of two versions: the `resdiff compare --format json` contract (DESIGN.md §3).
 * Extend, never rename or drop a field.
 */
import type { ClauseKind } from '../model/types.js';
import type { Counts } from './counts.js';

/** How a clause (or group of clauses) fared between the two versions. */
export type PairStatus = 'unchanged' | 'modified' | 'added' | 'removed' | 'split' | 'merged';

/** One piece of a word-level diff. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
  /**
   * Extension: on insert/delete parts, true when the change is a routine update (a date, number,
   * document or resolution symbol, or session ordinal), false when it is new language.
   */
  technical?: boolean;
}

/** One aligned group of clauses. */
export interface Pair {
  status: PairStatus;
  /** Old clause ids; [] when added; two or more when merged. */
  old: string[];
  /** New clause ids; [] when removed; two or more when split. */
  new: string[];
  /** The clause changed its place relative to its neighbours. */
  moved: boolean;
  /** Only dates, numbers, document symbols or session ordinals changed. */
  technical: boolean;
  /** The italic opening phrase changed ("Encourages" -> "Urges"). */
  openingChanged: boolean;
  /** 0..1 */
  similarity: number;
  diff: DiffPart[];
  /** Extension: PP or OP (the new side's kind; the old side's for removed clauses). */
  kind: ClauseKind;
  /** Extension: the clause moved between the preamble and the operative part. */
  crossKind?: boolean;
  /** Extension: opening phrases on each side ("" when absent). */
  oldOpening?: string;
  newOpening?: string;
  /**
   * Extension, on split and merged pairs: the opening phrase of every clause of a side with two
   * or more clauses, in order (the first equals `oldOpening` / `newOpening`).
   */
  oldOpenings?: string[];
  newOpenings?: string[];
  /** Extension: printed OP numbers on each side. */
  oldNumbers?: number[];
  newNumbers?: number[];
  /**
   * Extension, on split and merged pairs: where each clause starts in the joined old / new text
   * (character offsets; the first is always 0). The joined text puts one space between clauses.
   */
  oldBreaks?: number[];
  newBreaks?: number[];
  /** Extension: the diff gave up (timeout) and shows the whole clause replaced. */
  diffTimedOut?: boolean;
  /**
   * Extension (compare --provenance, the web page): earlier corpus documents that already contain
   * inserted wording of this pair (runs of six words or more), earliest first per stretch.
   */
  provenance?: ProvenanceSource[];
}

/** A clause of an earlier corpus document that already contains some inserted wording. */
export interface ProvenanceSource {
  /** The earlier document's symbol, e.g. "A/RES/78/199". */
  symbol: string;
  /** Its clause id ("OP5"). */
  clause: string;
  /** Its adoption date (ISO). */
  adopted: string;
  /** The inserted wording found there, as it reads in the new text. */
  matched: string;
  /** How many words `matched` has. */
  words: number;
  /** The whole inserted run is there (not only a stretch of it). */
  exact: boolean;
  series?: string;
  /** The earlier text is a constructed example, not a UN document. */
  constructed?: boolean;
}

/** One side's description. */
export interface VersionInfo {
  file: string;
  symbol: string;
  title: string;
  adopted: string;
  counts: { PP: number; OP: number };
  /** Extension. */
  body?: string;
  session?: number | null;
  constructed?: boolean;
}

/** Counts for one kind of clause. */
export interface KindSummary {
  added: number;
  removed: number;
  modified: number;
  unchanged: number;
  moved: number;
  technical: number;
  /** Extensions. */
  split: number;
  merged: number;
  /** New-side ids of added clauses, old-side ids of removed ones. */
  addedIds: string[];
  removedIds: string[];
  /**
   * Extension: the pairs of this kind counted under the one vocabulary (src/diff/counts.ts):
   * new, dropped, changed (substantive), technical, moved, unchanged (and not moved).
   * Every view shows these numbers; `modified` above includes technical pairs.
   */
  counts: Counts;
}

/** The whole comparison. */
export interface Comparison {
  old: VersionInfo;
  new: VersionInfo;
  /** In the new text's order; removed clauses after the pair of their old predecessor. */
  pairs: Pair[];
  summary: { PP: KindSummary; OP: KindSummary };
  /** Extension: warnings from reading either version. */
  warnings?: Array<{ file?: string; line?: number; rule: string; message: string }>;
}
