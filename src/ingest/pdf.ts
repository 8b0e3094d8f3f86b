/**
 * PDF reader: the text layer of a resolution PDF, read with pdfjs-dist (no system tool), rebuilt
 * into the corpus Markdown shape (see ./pdf/layout.ts) with the masthead in metadata.
 */
import { InputError } from '../errors.js';
import { note, type ReadOptions } from './explain.js';
import { takeEndnotes } from './notes.js';
import { toMarkdown } from './pdf/emit.js';
import { rebuild, type Glyphs, type PageText } from './pdf/layout.js';
import { checkInflatedSize } from './pdf/bounds.js';

/** Most pages read (a resolution with annexes stays well under this). */
export const MAX_PAGES = 400;

/**
 * Read a PDF's bytes into resolution Markdown.
 *
 * @param bytes the file contents
 * @param file the file name, for messages
 * @param options `explain`: a trace the reader appends its decisions to
 * @returns the Markdown and what the masthead says (symbol, distribution, issued, originalLanguage, jobNumber)
 * @throws InputError for truncated, damaged, encrypted or image-only PDFs
 */
export async function read(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<{ markdown: string; meta: Record<string, unknown> }> {
  checkComplete(bytes, file);
  await checkInflatedSize(bytes, file);
  const { pages, info } = await extract(bytes, file);
  const chars = pages.reduce((n, p) => n + p.items.reduce((m, i) => m + i.str.trim().length, 0), 0);
  if (chars === 0) throw new InputError('no text layer: this looks like a scanned PDF; OCR it first', file);
  const trace = options.explain;
  note(trace, { action: 'note', stage: 'pdf', reason: `${pages.length} pages, ${chars} characters of text${info.Producer ? `, produced by ${info.Producer}` : ''}` });
  const { paras, footnotes, meta } = rebuild(pages, trace);
  takeEndnotes(paras, footnotes, trace, 'pdf');
  meta.pages = pages.length;
  // resdiff's own test renditions say so in their document properties; never mistake them for official files.
  if (/constructed test rendition/i.test(`${info.Title ?? ''} ${info.Subject ?? ''}`)) meta.constructed = true;
  return { markdown: toMarkdown(paras, footnotes), meta };
}

/** A PDF ends with "%%EOF" (possibly followed by a little white space or junk); a download cut short does not. */
function checkComplete(bytes: Uint8Array, file: string): void {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 1024)));
  if (!head.includes('%PDF-')) throw new InputError('not a PDF file (no %PDF header)', file);
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes('%%EOF')) throw new InputError('the PDF is truncated (it has no end-of-file marker); download it again', file);
}

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/** The positioned text of every page, with italic and bold read from the font names. */
async function extract(bytes: Uint8Array, file: string): Promise<{ pages: PageText[]; info: Record<string, string | undefined> }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdfjs takes ownership of the buffer it is given
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw pdfError(e, file);
  }
  try {
    if (doc.numPages > MAX_PAGES) throw new InputError(`the PDF has ${doc.numPages} pages, more than the ${MAX_PAGES} read`, file);
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view;
      const content = await page.getTextContent();
      // Font objects (with their real names) arrive in commonObjs only once the page's operators
      // are read; pages share fonts, so only a page that brings a font not yet seen needs that.
      const unseen = content.items.some((raw) => 'fontName' in raw && !page.commonObjs.has((raw as PdfTextItem).fontName));
      if (unseen) await page.getOperatorList();
      const fonts = new Map<string, { italic: boolean; bold: boolean }>();
      const style = (id: string) => {
        let f = fonts.get(id);
        if (!f) {
          let name = '';
          try {
            const obj = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string } | null) : null;
            name = obj?.name ?? '';
          } catch {
            name = '';
          }
          f = { italic: /italic|oblique|-it$|,it$/i.test(name), bold: /bold|black|heavy|semibold/i.test(name) };
          fonts.set(id, f);
        }
        return f;
      };
      const items: Glyphs[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const it = raw as PdfTextItem;
        if (it.str === '') continue;
        const [a, b, c, d, x, y] = it.transform;
        if (Math.abs(b) > 0.01 * Math.abs(a) + 0.001) continue; // rotated text (stamps, margins) is not the resolution's
        const f = style(it.fontName);
        const size = Math.hypot(c, d) || Math.abs(a);
        items.push({ str: it.str, x, y, width: it.width, size, italic: f.italic || Math.abs(c) > 0.1 * Math.abs(d), bold: f.bold });
      }
      pages.push({ width, height, items });
      page.cleanup();
    }
    const info: Record<string, string | undefined> = {};
    try {
      const m = (await doc.getMetadata()).info as Record<string, unknown>;
      for (const k of ['Title', 'Subject', 'Keywords', 'Producer']) if (typeof m[k] === 'string') info[k] = m[k] as string;
    } catch {
      // Metadata is optional.
    }
    return { pages, info };
  } catch (e) {
    throw e instanceof InputError ? e : pdfError(e, file);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** A one-line InputError for what pdfjs reports about a bad file. */
function pdfError(e: unknown, file: string): InputError {
  const name = (e as { name?: string } | null)?.name ?? '';
  const message = (e as { message?: string } | null)?.message ?? String(e);
  if (name === 'PasswordException') return new InputError('the PDF is encrypted and needs a password; save an unprotected copy first', file);
  if (name === 'InvalidPDFException') return new InputError(`not a valid PDF (${oneLine(message)})`, file);
  return new InputError(`the PDF is damaged and cannot be read (${oneLine(message)})`, file);
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 120 ? `${t.slice(0, 117)}...` : t;
}
