/**
 * DOCX reader: the document body and footnotes of a Word file, read from its XML (jszip), written
 * as resolution Markdown: Word list numbers printed ("12. "), italic runs as `*…*`, footnote
 * references as `<sup>n</sup>` with their texts after `---`, the masthead in metadata. Headers and
 * footers only feed metadata (symbol, job number); tracked changes read as accepted.
 */
import { createRequire } from 'node:module';
import { inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { InputError } from '../errors.js';
import { note, type Explain, type ReadOptions } from './explain.js';
import { takeEndnotes } from './notes.js';
import { mastheadLine, toMarkdown, type Para, type Span } from './pdf/emit.js';
import { Numbering, paragraphs, Styles, type ReadContext, type WordParagraph } from './docx/wordml.js';
import { describeSize, formatLimit, MAX_PARAGRAPHS, MAX_TEXT_BYTES } from './text.js';

/**
 * Largest XML part read, inflated (a resolution's document.xml is well under 1 MiB; Word's markup
 * is up to ~15 times its text, and the text is held to MAX_TEXT_BYTES). Checked while inflating:
 * a zip bomb stops at this many bytes, not after.
 */
export const MAX_PART_BYTES = 32 * 1024 * 1024;

/** jszip's CRC-32 (the zip's own checksum), for parts inflated here rather than by jszip. */
const crc32 = createRequire(import.meta.url)('jszip/lib/crc32.js') as (data: Uint8Array) => number;

/** What jszip keeps of an entry as read from the archive (its internal CompressedObject). */
interface RawEntry {
  compressedContent?: unknown;
  compression?: { magic?: string };
  crc32?: number;
}

class PartTooLarge extends Error {}

interface JSZipStream {
  on(event: 'data', f: (chunk: Uint8Array) => void): JSZipStream;
  on(event: 'error', f: (e: Error) => void): JSZipStream;
  on(event: 'end', f: () => void): JSZipStream;
  pause(): JSZipStream;
  resume(): JSZipStream;
}

/**
 * The inflated bytes of a zip entry, never more than `cap`: zlib's own inflate with
 * `maxOutputLength` stops a bomb at the cap (in C, without holding more than the cap), and the
 * CRC-32 is checked on what came out. Entries jszip holds in another shape go through its
 * stream with a running count.
 */
async function inflateEntry(entry: JSZip.JSZipObject, cap: number): Promise<Uint8Array> {
  const raw = (entry as unknown as { _data?: RawEntry })._data;
  const content = raw?.compressedContent;
  const magic = raw?.compression?.magic;
  if (content instanceof Uint8Array && (magic === '\x00\x00' || magic === '\x08\x00')) {
    let data: Uint8Array;
    if (magic === '\x00\x00') {
      if (content.length > cap) throw new PartTooLarge();
      data = content;
    } else {
      try {
        data = inflateRawSync(content, { maxOutputLength: cap });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw new PartTooLarge();
        throw e;
      }
    }
    if (raw?.crc32 !== undefined && crc32(data) >>> 0 !== raw.crc32 >>> 0) throw new Error('CRC32 mismatch');
    return data;
  }
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    // jszip's documented StreamHelper (missing from its type declarations).
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): JSZipStream }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        total += chunk.length;
        if (total > cap) {
          stream.pause();
          reject(new PartTooLarge());
        } else chunks.push(chunk);
      })
      .on('error', reject)
      .on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
      .resume();
  });
}

/**
 * Read a DOCX file's bytes into resolution Markdown.
 *
 * @param bytes the file contents
 * @param file the file name, for messages
 * @param options `explain`: a trace the reader appends its decisions to
 * @returns the Markdown and what the masthead says (symbol, distribution, issued, originalLanguage, jobNumber)
 * @throws InputError for files that are not Word documents, encrypted or damaged ones
 */
export async function read(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<{ markdown: string; meta: Record<string, unknown>; warnings: Array<{ rule: string; message: string }> }> {
  try {
    return await readDocx(bytes, file, options.explain);
  } catch (e) {
    if (e instanceof InputError) throw e;
    // saxes reports XML that is not well-formed; anything else from a part is damage too.
    throw new InputError(`the DOCX is damaged (${oneLine(e)})`, file);
  }
}

async function readDocx(bytes: Uint8Array, file: string, trace: Explain | undefined): Promise<{ markdown: string; meta: Record<string, unknown>; warnings: Array<{ rule: string; message: string }> }> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new InputError('this is an old-format .doc or a password-protected Word file, not a DOCX; save it as .docx without a password', file);
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new InputError('not a DOCX file (a DOCX is a zip archive, and this is not one)', file);
  let zip: JSZip;
  try {
    // CRCs are checked on the parts read (inflateEntry): checking them here would inflate every
    // entry in full, bombs included.
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new InputError(`not a readable DOCX file (the zip archive is damaged: ${oneLine(e)})`, file);
  }
  const part = async (name: string): Promise<string | undefined> => {
    const entry = zip.file(name);
    if (!entry) return undefined;
    try {
      const data = await inflateEntry(entry, MAX_PART_BYTES);
      return new TextDecoder('utf-8').decode(data);
    } catch (e) {
      if (e instanceof InputError) throw e;
      if (e instanceof PartTooLarge) {
        throw new InputError(`the DOCX part ${name} inflates to more than ${formatLimit(MAX_PART_BYTES)}, more than a resolution holds (a decompression bomb?)`, file);
      }
      throw new InputError(`the DOCX part ${name} is damaged (${oneLine(e)})`, file);
    }
  };
  const documentXml = await part('word/document.xml');
  if (documentXml === undefined) throw new InputError('not a Word document (the zip archive has no word/document.xml)', file);
  // Paragraphs and text are counted as they are read, against the limits of a text file.
  let paragraphCount = 0;
  let textChars = 0;
  const ctx: ReadContext = {
    styles: new Styles(await part('word/styles.xml')),
    numbering: new Numbering(await part('word/numbering.xml')),
    footnoteNumbers: new Map(),
    onParagraph: (p) => {
      if (++paragraphCount > MAX_PARAGRAPHS) {
        throw new InputError(`the Word document has more than ${MAX_PARAGRAPHS.toLocaleString('en-US')} paragraphs, more than a resolution has`, file);
      }
      for (const s of p.spans) textChars += s.text.length;
      if (textChars > MAX_TEXT_BYTES) {
        throw new InputError(`the Word document holds more than ${formatLimit(MAX_TEXT_BYTES)} of text, too much to be one resolution (${describeSize(textChars, MAX_TEXT_BYTES)})`, file);
      }
    },
  };
  const meta: Record<string, unknown> = {};
  const paras = bodyParas(paragraphs(documentXml, ctx), meta, trace);
  for (const p of paras) {
    for (const s of p) {
      if (!s.note) continue;
      const why = s.raised ? 'raised digits typed after a word (a superscript run, not a Word footnote reference)' : 'a Word footnote or endnote reference';
      note(trace, { action: 'marker', stage: 'docx', reason: `footnote marker ${s.text}: ${why}`, text: text(p) });
    }
  }

  // The texts of Word footnotes and endnotes, attached by the numbers their references got.
  const footnotes = new Map<number, Para>();
  for (const [name, prefix, what] of [['word/footnotes.xml', '', 'footnotes'], ['word/endnotes.xml', 'e', 'endnotes']] as const) {
    const notesXml = await part(name);
    if (notesXml === undefined) continue;
    for (const p of paragraphs(notesXml, ctx)) {
      const n = p.footnoteId === undefined ? undefined : ctx.footnoteNumbers.get(`${prefix}${p.footnoteId}`);
      if (n === undefined) continue;
      const spans = flatten(p.spans);
      const existing = footnotes.get(n);
      if (existing) existing.push({ text: ' ' }, ...spans);
      else {
        footnotes.set(n, spans);
        note(trace, { action: 'footnote', stage: 'docx', reason: `footnote ${n}: from the document's ${what} part`, text: text(spans) });
      }
    }
  }

  // Running heads and footers carry the symbol and the job number.
  for (const name of Object.keys(zip.files).filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n)).sort()) {
    const xml = await part(name);
    if (xml === undefined) continue;
    for (const p of paragraphs(xml, { ...ctx, footnoteNumbers: new Map() })) {
      for (const line of text(p.spans).split('\n')) mastheadLine(line.replace(/\s+/g, ' ').trim(), meta);
    }
  }
  const custom = await part('docProps/custom.xml');
  if (custom && /name="resdiffConstructed"[\s\S]*?>true</.test(custom)) meta.constructed = true;

  // Footnote texts typed after the text (an endnote section) attach to their markers too.
  takeEndnotes(paras, footnotes, trace, 'docx');
  const markdown = toMarkdown(paras, footnotes);
  if (paras.length === 0) throw new InputError('the Word document has no text', file);
  const warnings = [...ctx.numbering.warnings, ...ctx.styles.warnings].map((message) => ({ rule: 'docx-number-clamped', message }));
  return { markdown, meta, warnings };
}

function text(spans: Span[]): string {
  return spans.map((s) => s.text).join('');
}

/** Tabs and line breaks read as spaces; labels of Word lists put before the text. */
function flatten(spans: Span[], label?: string): Para {
  const out: Para = label ? [{ text: `${label} ` }] : [];
  for (const s of spans) out.push(s.note ? s : { ...s, text: s.text.replace(/[\t\n]/g, ' ') });
  return out;
}

/**
 * The body's paragraphs in the corpus shape: in the head (before "The … Council,"), each printed
 * line is a paragraph and masthead lines feed the metadata; empty paragraphs go.
 */
function bodyParas(word: WordParagraph[], meta: Record<string, unknown>, trace?: Explain): Para[] {
  const out: Para[] = [];
  let inHead = true;
  let previous: string | undefined;
  for (const p of word) {
    const plain = text(p.spans).replace(/[ \t]+/g, ' ').trim();
    if (plain === '' && !p.spans.some((s) => s.note)) continue;
    if (inHead && /^The .+,$/.test(plain)) inHead = false;
    if (inHead) {
      // Split at line breaks; keep spans (italic) only for single-line paragraphs.
      const lines = plain.split('\n').map((l) => l.trim()).filter((l) => l !== '');
      for (const line of lines) {
        const what = mastheadLine(line, meta, previous);
        previous = line;
        if (what === 'drop') {
          note(trace, { action: 'dropped', stage: 'docx', reason: 'masthead line read into the metadata (symbol, job number)', text: line });
          continue;
        }
        out.push(lines.length === 1 ? flatten(p.spans, p.label) : [{ text: line }]);
      }
      continue;
    }
    if (p.label) note(trace, { action: 'note', stage: 'docx', reason: `"${p.label}" printed by Word list numbering`, text: text(p.spans) });
    out.push(flatten(p.spans, p.label));
  }
  return out;
}

function oneLine(e: unknown): string {
  const m = ((e as { message?: string } | null)?.message ?? String(e)).replace(/\s+/g, ' ').trim();
  return m.length > 100 ? `${m.slice(0, 97)}...` : m;
}
