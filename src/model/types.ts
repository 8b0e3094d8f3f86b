/**
 * The resolution model: what every other layer reads.
 *
 * Field names follow the JSON contract in DESIGN.md §3. Extend, never rename.
 */

/** The explain trace (`show --explain`): defined beside the readers, which fill it first. */
export type { Explain, ExplainStep, ExplainAction, ReadOptions } from '../ingest/explain.js';

/** A place in a source file (1-based line and column). */
export interface Position {
  line: number;
  column?: number;
}

/** Preambular or operative paragraph. */
export type ClauseKind = 'PP' | 'OP';

/** A lettered or roman subparagraph of a clause: "(a) …", "(ii) …". */
export interface Subparagraph {
  /** The label as printed, without parentheses: "a", "ii". */
  label: string;
  /** The subparagraph text, whitespace-normalised, without its label. */
  text: string;
}

/** One preambular (PP) or operative (OP) paragraph. */
export interface Clause {
  /** `PP1`…`PPn`, `OP1`…`OPn` in document order. */
  id: string;
  kind: ClauseKind;
  /** The printed paragraph number of an OP (may skip or repeat; see warnings). */
  number?: number;
  /** The italic opening phrase: "Recalling also", "Requests". Empty when none was found. */
  opening: string;
  /** The whole paragraph text, opening included, footnote markers removed, single spaces. */
  text: string;
  /** Footnote numbers referenced from this clause, in order of appearance. */
  footnotes: number[];
  /** Subparagraphs (a), (b), … when the clause has them (their text is also in `text`). */
  subparagraphs?: Subparagraph[];
  /** Where the clause starts in the source. */
  position?: Position;
}

/** The recorded vote, or adoption without a vote. */
export interface Vote {
  adoptedWithoutVote: boolean;
  inFavour: string[];
  against: string[];
  abstaining: string[];
  /** Counts of the lists (what was actually listed). */
  counts: { inFavour: number; against: number; abstaining: number };
  /** Counts as printed in the sentence "Adopted by a recorded vote of 31 to 14, with 2 abstentions". */
  statedCounts?: { inFavour: number; against: number; abstaining: number };
}

/** A recoverable oddity in the input: reported, never fatal. */
export interface Warning {
  /** Machine-readable kind, e.g. `vote-count-mismatch`, `op-number-skip`. */
  rule: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** Where a corpus text came from. */
export interface Provenance {
  source?: string;
  sha256?: string;
  converted?: string;
  notes?: string;
  [key: string]: unknown;
}

/** A parsed resolution. */
export interface Resolution {
  /** The file it was read from (path or corpus reference), when known. */
  file?: string;
  /** Document symbol: "A/HRC/RES/56/2". Empty when unknown. */
  symbol: string;
  /** The resolution's own number as printed: "56/2". */
  number?: string;
  title: string;
  /** "Human Rights Council", "General Assembly", … */
  body: string;
  session: number | null;
  /** ISO date of adoption, "2024-07-10", or "" when unknown. */
  adopted: string;
  agendaItem: string;
  agendaTitle?: string;
  /** Date the document was issued (the "Distr." date), ISO. */
  issued?: string;
  distribution?: string;
  originalLanguage?: string;
  /** "34th meeting". */
  meeting?: string;
  clauses: Clause[];
  /** Footnote texts by number. */
  footnotes: Record<string, string>;
  vote: Vote | null;
  warnings: Warning[];
  /** True for texts the project wrote to exercise features; never an official document. */
  constructed?: boolean;
  series?: string;
  provenance?: Provenance;
}

/** Counts of clauses by kind. */
export function clauseCounts(r: Resolution): { PP: number; OP: number } {
  let PP = 0;
  let OP = 0;
  for (const c of r.clauses) {
    if (c.kind === 'PP') PP++;
    else OP++;
  }
  return { PP, OP };
}
