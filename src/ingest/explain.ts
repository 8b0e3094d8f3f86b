/**
 * The explain trace: how a file was read, decision by decision, for `resdiff show FILE --explain`.
 *
 * Every reader (plain text, Markdown, HTML, PDF, DOCX) and the resolution parser append to one
 * list when the caller passes one in; nothing is recorded otherwise. It lives in ingest, the
 * lowest layer, so the file readers can fill it; the model re-exports it.
 */

/** What a reader did with a piece of the file. */
export type ExplainAction =
  /** Left out of the text: a running head, job number, page number, barcode, page rule, furniture. */
  | 'dropped'
  /** Taken out of the flow as a footnote's text. */
  | 'footnote'
  /** A footnote marker read in the text ("Agreement,1" -> marker 1), or a footnote attached to a clause. */
  | 'marker'
  /** Joined to the paragraph before (a page break or a wrapped line cut it). */
  | 'joined'
  /** A hyphen at a line end undone ("inter-" + "national"), or kept. */
  | 'hyphen'
  /** A new paragraph started here (the reader's block boundary). */
  | 'paragraph'
  /** A new preambular or operative paragraph starts here. */
  | 'clause'
  /** A lettered or roman subparagraph of the clause before. */
  | 'subparagraph'
  /** Read as part of the head (masthead, symbol, title, date). */
  | 'head'
  /** Read as part of the foot (meeting, date, vote). */
  | 'foot'
  /** Anything else worth telling (a reader's measurement, a repair). */
  | 'note';

/** One decision of a reader. */
export interface ExplainStep {
  /** 1-based line of the source text, where the reader works on lines (text, Markdown, HTML). */
  line?: number;
  /** 1-based page, where the reader knows pages (PDF, and text with form feeds). */
  page?: number;
  /** What was done. */
  action: ExplainAction;
  /** Why, in words a user reads: "repeats at the top of 5 of 6 pages (running head)". */
  reason: string;
  /** The text concerned, shortened (see `excerpt`). */
  text?: string;
  /** Which reader decided: "text", "markdown", "html", "pdf", "docx" or "parse". */
  stage?: string;
}

/** A trace: the steps in the order they were taken. Readers append; nobody reorders. */
export type Explain = ExplainStep[];

/** Options every reader takes. */
export interface ReadOptions {
  /** When given, the reader appends its decisions here. */
  explain?: Explain;
}

/**
 * Shorten a text for a trace line: white space collapsed, at most `max` characters, an ellipsis
 * in the middle when cut so both ends stay visible.
 */
export function excerpt(text: string, max = 72): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const head = Math.ceil((max - 1) * 0.6);
  return `${t.slice(0, head).trimEnd()}…${t.slice(t.length - (max - 1 - head)).trimStart()}`;
}

/** Append a step when a trace is being kept (a no-op otherwise, so readers call it freely). */
export function note(trace: Explain | undefined, step: ExplainStep): void {
  if (!trace) return;
  trace.push(step.text !== undefined ? { ...step, text: excerpt(step.text) } : step);
}
