/**
 * DOCX reader: the document body and footnotes of a Word file, read from its XML (jszip), written
 * as resolution Markdown: Word list numbers printed ("12. "), italic runs as `*…*`, footnote
 * references as `<sup>n</sup>` with their texts after `---`, the masthead in metadata. Headers and
 * footers only feed metadata (symbol, job number); tracked changes read as accepted.
 */
import JSZip from 'jszip';
import { InputError } from '../errors.js';
import { note, type Explain, type ReadOptions } from './explain.js';
import { takeEndnotes } from './notes.js';
import { mastheadLine, toMarkdown, type Para, type Span } from './pdf/emit.js';
import { Numbering, paragraphs, Styles, type ReadContext, type WordParagraph } from './docx/wordml.js';

/** Largest XML part read (a resolution's document.xml is well under 1 MiB). */
const MAX_PART_BYTES = 64 * 1024 * 1024;

/**
 * Read a DOCX file's bytes into resolution Markdown.
 *
 * @param bytes the file contents
 * @param file the file name, for messages
 * @param options `explain`: a trace the reader appends its decisions to
 * @returns the Markdown and what the masthead says (symbol, distribution, issued, originalLanguage, jobNumber)
 * @throws InputError for files that are not Word documents, encrypted or damaged ones
 */
export async function read(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<{ markdown: string; meta: Record<string, unknown> }> {
  try {
    return await readDocx(bytes, file, options.explain);
  } catch (e) {
    if (e instanceof InputError) throw e;
    // saxes reports XML that is not well-formed; anything else from a part is damage too.
    throw new InputError(`the DOCX is damaged (${oneLine(e)})`, file);
  }
}

async function readDocx(bytes: Uint8Array, file: string, trace: Explain | undefined): Promise<{ markdown: string; meta: Record<string, unknown> }> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new InputError('this is an old-format .doc or a password-protected Word file, not a DOCX; save it as .docx without a password', file);
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new InputError('not a DOCX file (a DOCX is a zip archive, and this is not one)', file);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch (e) {
    throw new InputError(`not a readable DOCX file (the zip archive is damaged: ${oneLine(e)})`, file);
  }
  const part = async (name: string): Promise<string | undefined> => {
    const entry = zip.file(name);
    if (!entry) return undefined;
    try {
      const data = await entry.async('uint8array');
      if (data.length > MAX_PART_BYTES) throw new InputError(`the DOCX part ${name} is larger than ${MAX_PART_BYTES / 1048576} MiB`, file);
      return new TextDecoder('utf-8').decode(data);
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`the DOCX part ${name} is damaged (${oneLine(e)})`, file);
    }
  };
  const documentXml = await part('word/document.xml');
  if (documentXml === undefined) throw new InputError('not a Word document (the zip archive has no word/document.xml)', file);
  const ctx: ReadContext = {
    styles: new Styles(await part('word/styles.xml')),
    numbering: new Numbering(await part('word/numbering.xml')),
    footnoteNumbers: new Map(),
  };
  const meta: Record<string, unknown> = {};
  const paras = bodyParas(paragraphs(documentXml, ctx), meta);

  const footnotes = new Map<number, Para>();
  const notesXml = await part('word/footnotes.xml');
  if (notesXml !== undefined) {
    for (const p of paragraphs(notesXml, ctx)) {
      const n = p.footnoteId === undefined ? undefined : ctx.footnoteNumbers.get(p.footnoteId);
      if (n === undefined) continue;
      const spans = flatten(p.spans);
      const existing = footnotes.get(n);
      if (existing) existing.push({ text: ' ' }, ...spans);
      else footnotes.set(n, spans);
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
  return { markdown, meta };
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
function bodyParas(word: WordParagraph[], meta: Record<string, unknown>): Para[] {
  const out: Para[] = [];
  let inHead = true;
  let previous: string | undefined;
  for (const p of word) {
    const plain = text(p.spans).replace(/[ \t]+/g, ' ').trim();
    if (plain === '' && !p.spans.some((s) => s.note)) continue;
    if (inHead && /^The .+,$/.test(plain)) inHead = false;
    if (inHead) {
      // Split at line breaks; keep spans (italic) only for single-line paragraphs.
      const lines = plain.split(/\s*\n\s*/).filter((l) => l !== '');
      for (const line of lines) {
        const what = mastheadLine(line, meta, previous);
        previous = line;
        if (what === 'drop') continue;
        out.push(lines.length === 1 ? flatten(p.spans, p.label) : [{ text: line }]);
      }
      continue;
    }
    out.push(flatten(p.spans, p.label));
  }
  return out;
}

function oneLine(e: unknown): string {
  const m = ((e as { message?: string } | null)?.message ?? String(e)).replace(/\s+/g, ' ').trim();
  return m.length > 100 ? `${m.slice(0, 97)}...` : m;
}
