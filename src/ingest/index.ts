/**
 * ingest: bytes + name -> Source. Chooses the reader by content and extension; heavy readers
 * (PDF, DOCX) are imported only when such a file arrives.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import { decodeText, describeSize } from './text.js';
import type { Source } from './source.js';
import type { ReadOptions } from './explain.js';

export type { Source, SourceFormat } from './source.js';
export { decodeText, describeSize, formatLimit, MAX_PARAGRAPHS, MAX_TEXT_BYTES } from './text.js';
export type { Explain, ExplainStep, ExplainAction, ReadOptions } from './explain.js';
export { excerpt, note } from './explain.js';

/** A reader of a binary format (PDF, DOCX): bytes -> resolution Markdown and masthead metadata. */
interface BinaryReader {
  read(bytes: Uint8Array, file: string, options?: ReadOptions): Promise<{ markdown: string; meta: Record<string, unknown>; warnings?: Array<{ rule: string; message: string }> }>;
}

/** Largest PDF or DOCX taken (a resolution PDF is well under 1 MiB; annexes can be larger). */
export const MAX_BINARY_BYTES = 50 * 1024 * 1024;

/** What a file looks like, from its first bytes and then its name. */
export function sniffKind(bytes: Uint8Array, file: string): Source['origin'] {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf'; // %PDF
  const lower = file.toLowerCase();
  if (lower.endsWith('.pdf')) return 'pdf';
  if (lower.endsWith('.docx')) return 'docx';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx'; // zip
  if (lower.endsWith('.txt') || lower.endsWith('.text')) return 'text';
  if (lower.endsWith('.html') || lower.endsWith('.htm') || lower.endsWith('.xhtml')) return 'html';
  // A saved page under another name: it says what it is in its first bytes.
  if (/^(?:\uFEFF)?\s*<(?:!doctype html|html[\s>])/i.test(new TextDecoder().decode(bytes.subarray(0, 256)))) return 'html';
  return 'markdown';
}

/**
 * Read a resolution file's bytes into a Source.
 *
 * @param bytes the file contents
 * @param file the file name or reference, for messages and format detection
 * @param options `explain`: a trace the reader appends its decisions to
 */
export async function ingest(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<Source> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const kind = sniffKind(bytes, file);
  if (kind === 'pdf' || kind === 'docx') {
    if (bytes.length === 0) throw new InputError('the file is empty', file);
    if (bytes.length > MAX_BINARY_BYTES) {
      throw new InputError(`the file is too large: ${describeSize(bytes.length, MAX_BINARY_BYTES)}`, file);
    }
    const reader: BinaryReader = kind === 'pdf' ? await import('./pdf.js') : await import('./docx.js');
    const read = await reader.read(bytes, file, options);
    const source: Source = { file, format: 'markdown', origin: kind, text: read.markdown, meta: read.meta, sha256 };
    if (read.warnings && read.warnings.length > 0) source.warnings = read.warnings;
    return source;
  }
  if (kind === 'html') {
    // Decoded and parsed by the HTML reader (unified + rehype-parse), loaded only for web pages.
    const { read } = await import('./html.js');
    const out = await read(bytes, file, options);
    return { file, format: 'markdown', origin: 'html', text: out.markdown, meta: out.meta, sha256 };
  }
  const text = decodeText(bytes, file);
  if (kind === 'text') {
    // A corpus .txt carries its metadata in front matter (see text-front-matter.ts).
    const { splitTextFrontMatter } = await import('./text-front-matter.js');
    const split = await splitTextFrontMatter(text, file);
    return { file, format: 'text', origin: kind, text: split.text, ...(split.meta ? { meta: split.meta } : {}), sha256 };
  }
  return { file, format: 'markdown', origin: kind, text, sha256 };
}
