/**
 * Source: the text a parser reads, whatever file it came from.
 */

/** How the source text is written. */
export type SourceFormat = 'markdown' | 'text';

/** The text of one resolution, ready for the model parser. */
export interface Source {
  /** Path or corpus reference, for messages. */
  file: string;
  format: SourceFormat;
  /** The text, LF line endings, no BOM. For PDF/DOCX/HTML input: Markdown rebuilt from the document. */
  text: string;
  /** What kind of file the bytes were. */
  origin: 'markdown' | 'text' | 'pdf' | 'docx' | 'html';
  /** Metadata the ingester found outside the text (e.g. a PDF masthead): merged under the parsed head. */
  meta?: Record<string, unknown>;
  /** Oddities the reader met and worked around (a clamped list number): warnings of the model. */
  warnings?: Array<{ rule: string; message: string }>;
  /** Hex SHA-256 of the original bytes. */
  sha256?: string;
}
