/**
 * Blocks: the paragraph-level units both source readers (Markdown, plain text) produce and the
 * resolution builder consumes. A block keeps its plain text, where its italics were and where
 * its footnote markers stood, so nothing of the original is normalised away before it is needed.
 */

/** A footnote marker that stood in a block's text at offset `at`. */
export interface SupMarker {
  n: number;
  at: number;
}

/** One paragraph, heading or page rule of the source. */
export interface Block {
  kind: 'para' | 'heading' | 'rule';
  /** Heading depth (1–6) for headings. */
  depth?: number;
  /** Plain text with markers removed; soft line breaks kept as "\n". */
  text: string;
  /** Italic spans [start, end) in `text`. */
  italics: Array<[number, number]>;
  /** The whole block is bold (agenda titles). */
  bold?: boolean;
  /** Footnote markers, in order. */
  sups: SupMarker[];
  /** 1-based line of the block's start in the source. */
  line: number;
  /** The printed paragraph number ("12." -> 12) when the source gave one. */
  number?: number;
  /** The raw number prefix as printed, e.g. "12. ", so a false list can be restored to text. */
  numberPrefix?: string;
}

/** A block with only text (used by readers and tests). */
export function textBlock(text: string, line: number, extra: Partial<Block> = {}): Block {
  return { kind: 'para', text, italics: [], sups: [], line, ...extra };
}

/**
 * Concatenate two blocks into one paragraph (a paragraph cut by a page break), joined by one
 * space; spans and markers of the second move by the first's length.
 */
export function joinBlocks(a: Block, b: Block): Block {
  const prefix = b.numberPrefix ?? '';
  const shift = a.text.length + 1 + prefix.length;
  return {
    ...a,
    text: `${a.text} ${prefix}${b.text}`,
    italics: [...a.italics, ...b.italics.map(([s, e]) => [s + shift, e + shift] as [number, number])],
    sups: [...a.sups, ...b.sups.map((m) => ({ n: m.n, at: m.at + shift }))],
  };
}
