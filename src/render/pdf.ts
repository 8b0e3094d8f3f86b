/**
 * The PDF redline: the HTML redline printed by Chromium through Playwright. A4 with margins,
 * serif type, a running header naming both versions and a "Page X of Y" footer.
 *
 * Page 1 lists every change with the page it is on, printed once: each row of the list ends in
 * "p." and an empty link to the clause, a box 1em high on the line's baseline. Chromium writes a
 * named destination for every element id a link points to, and a link annotation with the box's
 * rectangle, so after the one print pdf-lib reads each clause's page from the PDF's own
 * destinations and writes the number into its box (Times, the list's size and colour, tagged as
 * the link's text). The numbers cannot move anything, as they are written after the layout.
 * (Chromium does not support CSS target-counter, and printing twice, once to find the pages and
 * once with the numbers, cost a second print and a pdfjs read per document.) Changed clauses are
 * headings, so Chromium's outline gives one bookmark per change. pdf-lib also sets the metadata
 * (title, both symbols, date, tool version, Creator "resdiff"), which Chromium fills with its
 * user agent.
 *
 * One browser serves many documents: `PdfRenderer` holds one for a batch, and
 * `renderComparePdf` keeps a shared one until `closeBrowser()` (the CLI closes it when done,
 * the server when it stops).
 */
import type { Browser, BrowserContext, Page } from 'playwright';
import type { PDFArray, PDFDict, PDFDocument, PDFPage } from 'pdf-lib';
import type { Comparison } from '../diff/types.js';
import { launchChromium } from './browser.js';
import { INK } from './html.css.js';
import { renderCompareHtml, type HtmlOptions } from './html.js';
import { anyConstructed, changeList, versionName } from './redline.js';

/** Options of the PDF redline: those of the HTML page, plus the environment for finding the browser. */
export interface PdfOptions extends HtmlOptions {
  /** Environment for browser discovery (RESDIFF_CHROMIUM, CHROME_PATH); default process.env. */
  env?: Record<string, string | undefined>;
}

/**
 * Objects pdf-lib reads or writes between two yields to the event loop: a redline of 10 pages
 * has about 1,200, so a batch or the server still gets a turn during a long document.
 */
const PDF_LIB_OBJECTS_PER_TICK = 1000;

/** Page margins: room for the running header and footer. */
const MARGIN = { top: '22mm', bottom: '20mm', left: '20mm', right: '20mm' };

/** The running header: the two versions, and whether a constructed example is part of them. */
function runningHead(c: Comparison): { left: string; right: string } {
  return { left: `Redline: ${versionName(c.old)} → ${versionName(c.new)}`, right: `resdiff${anyConstructed(c) ? ' · constructed example' : ''}` };
}

/** Prints redlines with one browser; close it when the batch is done. */
export class PdfRenderer {
  /** Pages that finished a document: reused, as a new page costs more than a new document. */
  private readonly idle: Page[] = [];

  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
  ) {}

  /**
   * Find and start the browser.
   *
   * @param env environment for browser discovery
   * @throws InputError when no browser is found or it does not start
   */
  static async launch(env?: Record<string, string | undefined>): Promise<PdfRenderer> {
    const browser = await launchChromium(env);
    // The page is a document: no scripts, and nothing may be fetched (it is self-contained, and
    // its Content-Security-Policy forbids loads). Request interception would also block, but it
    // slows every document down by a quarter of a second.
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    return new PdfRenderer(browser, context);
  }

  /** Is the browser still usable? */
  get connected(): boolean {
    return this.browser.isConnected();
  }

  /**
   * Print one comparison.
   *
   * @param c the comparison
   * @param opts layout, style and title of the page
   * @returns the PDF bytes
   */
  async render(c: Comparison, opts: HtmlOptions = {}): Promise<Uint8Array> {
    const generated = opts.generated ?? new Date();
    const redline = opts.style !== 'diff2html';
    const printing = this.print(renderCompareHtml(c, { ...opts, generated, pageSlots: redline, runningHead: runningHead(c) }));
    // pdf-lib loads while Chromium prints: on a cold start that hides most of its loading.
    const lib = import('pdf-lib');
    lib.catch(() => undefined);
    const printed = await printing;
    const { PDFDocument } = await lib;
    // pdf-lib yields to the event loop every `PDF_LIB_OBJECTS_PER_TICK` objects: its defaults
    // (100 when reading, 50 when writing) spent more time waiting for the next tick than working.
    const doc = await PDFDocument.load(printed, { updateMetadata: false, parseSpeed: PDF_LIB_OBJECTS_PER_TICK });
    if (redline) await writePageNumbers(doc, changeList(c).map((e) => e.anchor));
    setMetadata(doc, c, generated, opts.version);
    return doc.save({ useObjectStreams: false, objectsPerTick: PDF_LIB_OBJECTS_PER_TICK });
  }

  /** Print one HTML page (its running header and footer are in its CSS). */
  private async print(html: string): Promise<Uint8Array> {
    const page = this.idle.pop() ?? (await this.context.newPage());
    let ok = false;
    try {
      page.setDefaultTimeout(60_000);
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4',
        margin: MARGIN,
        printBackground: true,
        tagged: true,
        outline: true,
      });
      ok = true;
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      if (ok) this.idle.push(page);
      else await page.close().catch(() => undefined);
    }
  }

  /**
   * Print several comparisons with this browser, a few pages at a time (Chromium prints each
   * page in its own renderer process, so a small pool uses the cores a single page leaves idle).
   *
   * @param cs the comparisons
   * @param opts layout, style and title of the pages
   * @param concurrency pages printing at once (default 3)
   * @returns the PDFs, in the order of `cs`
   */
  async renderAll(cs: Comparison[], opts: HtmlOptions = {}, concurrency = 3): Promise<Uint8Array[]> {
    const out: Uint8Array[] = new Array(cs.length);
    let next = 0;
    const worker = async () => {
      while (next < cs.length) {
        const i = next++;
        out[i] = await this.render(cs[i]!, opts);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, cs.length)) }, worker));
    return out;
  }

  /** Close the browser. */
  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }
}

/**
 * The page (1-based) of each named destination of a PDF, from the catalog's /Dests dictionary
 * (where Chromium writes one for every element id a link points to) or the /Names tree.
 */
export async function anchorPages(doc: PDFDocument): Promise<Map<string, number>> {
  const { PDFArray, PDFDict, PDFName, PDFRef } = await import('pdf-lib');
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const out = new Map<string, number>();
  const add = (name: string, value: unknown) => {
    let d = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (d instanceof PDFDict) d = d.lookup(PDFName.of('D'));
    const page = d instanceof PDFArray ? d.get(0) : undefined;
    const n = page instanceof PDFRef ? pageOf.get(page.toString()) : undefined;
    if (n !== undefined) out.set(name, n);
  };
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [k, v] of dests?.entries() ?? []) add(k.decodeText(), v);
  const tree = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const walk = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 32) return;
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; names && i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      if (key && 'decodeText' in key) add((key as { decodeText(): string }).decodeText(), names.get(i + 1));
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) walk(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  walk(tree, 0);
  return out;
}

/** A link annotation of a page: where it points and its rectangle. */
interface LinkBox {
  page: PDFPage;
  annot: PDFDict;
  dest: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Write each change's page into its box in the list of changes: the box is the rightmost link to
 * the clause on a page of the list (the ids are a link to it too); its bottom is the baseline and
 * its height the font size. The number is tagged as the text of the box's link when the PDF is
 * tagged, so a screen reader reads "p. 4" where the eye does.
 *
 * @param doc the printed PDF
 * @param anchors the list's anchors ("new-OP13")
 * @returns how many numbers were written
 */
export async function writePageNumbers(doc: PDFDocument, anchors: string[]): Promise<number> {
  const { PDFArray, PDFDict, PDFName, PDFNumber, PDFString, PDFHexString, StandardFonts, rgb } = await import('pdf-lib');
  const pages = await anchorPages(doc);
  const wanted = new Set(anchors);
  const boxes = new Map<string, LinkBox>();
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    for (let i = 0; annots && i < annots.size(); i++) {
      const a = annots.lookupMaybe(i, PDFDict);
      if (!a || a.lookupMaybe(PDFName.of('Subtype'), PDFName) !== PDFName.of('Link')) continue;
      let d = a.lookup(PDFName.of('Dest'));
      if (d === undefined) {
        const act = a.lookupMaybe(PDFName.of('A'), PDFDict);
        if (act?.lookupMaybe(PDFName.of('S'), PDFName) === PDFName.of('GoTo')) d = act.lookup(PDFName.of('D'));
      }
      const dest = d instanceof PDFName || d instanceof PDFString || d instanceof PDFHexString ? d.decodeText() : undefined;
      const rect = a.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asRectangle();
      if (dest === undefined || !wanted.has(dest) || !rect) continue;
      const key = `${page.ref.toString()} ${dest}`;
      const box = { page, annot: a, dest, x1: rect.x, y1: rect.y, x2: rect.x + rect.width, y2: rect.y + rect.height };
      const seen = boxes.get(key);
      if (!seen || box.x1 > seen.x1) boxes.set(key, box);
    }
  }
  if (boxes.size === 0) return 0;
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(INK.slice(i, i + 2), 16) / 255) as [number, number, number];
  const { PDFOperator, PDFOperatorNames } = await import('pdf-lib');
  let written = 0;
  for (const box of boxes.values()) {
    const n = pages.get(box.dest);
    if (n === undefined) continue;
    const size = box.y2 - box.y1;
    if (!(size > 1 && size < 72)) continue;
    const mcid = tagAsLinkText(doc, box, { PDFArray, PDFDict, PDFName, PDFNumber });
    if (mcid !== undefined) {
      box.page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Span'), `<</MCID ${mcid}>>`]));
    }
    box.page.drawText(String(n), { x: box.x1, y: box.y1, size, font, color: rgb(r, g, b) });
    if (mcid !== undefined) box.page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    written++;
  }
  return written;
}

/**
 * Make the next marked-content id of the box's page part of the box's link in the structure tree
 * (the annotation's /StructParent names the link element; the page's /StructParents names the
 * array of its marked contents' elements). Nothing when the PDF is not tagged.
 *
 * @returns the id to mark the number with, or undefined
 */
function tagAsLinkText(
  doc: PDFDocument,
  box: LinkBox,
  lib: Pick<typeof import('pdf-lib'), 'PDFArray' | 'PDFDict' | 'PDFName' | 'PDFNumber'>,
): number | undefined {
  const { PDFArray, PDFDict, PDFName, PDFNumber } = lib;
  const tree = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)?.lookupMaybe(PDFName.of('ParentTree'), PDFDict);
  const linkKey = box.annot.lookupMaybe(PDFName.of('StructParent'), PDFNumber)?.asNumber();
  const pageKey = box.page.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber();
  if (!tree || linkKey === undefined || pageKey === undefined) return undefined;
  const get = (key: number) => {
    let node: PDFDict | undefined = tree;
    for (let depth = 0; node && depth < 32; depth++) {
      const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
      for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
        if (nums.lookupMaybe(i, PDFNumber)?.asNumber() === key) return nums.get(i + 1);
      }
      const kids: PDFArray | undefined = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
      let next: PDFDict | undefined;
      for (let i = 0; kids && i < kids.size(); i++) {
        const kid = kids.lookupMaybe(i, PDFDict);
        const limits = kid?.lookupMaybe(PDFName.of('Limits'), PDFArray);
        const lo = limits?.lookupMaybe(0, PDFNumber)?.asNumber();
        const hi = limits?.lookupMaybe(1, PDFNumber)?.asNumber();
        if (lo !== undefined && hi !== undefined && key >= lo && key <= hi) next = kid;
      }
      node = next;
    }
    return undefined;
  };
  const linkRef = get(linkKey);
  const link = linkRef && doc.context.lookupMaybe(linkRef, PDFDict);
  const marks = doc.context.lookupMaybe(get(pageKey), PDFArray);
  if (!linkRef || !link || !marks) return undefined;
  const mcid = marks.size();
  marks.push(linkRef);
  const mcr = doc.context.obj({ Type: 'MCR', Pg: box.page.ref, MCID: mcid });
  const k = link.get(PDFName.of('K'));
  if (k instanceof PDFArray) k.push(mcr);
  else if (k === undefined) link.set(PDFName.of('K'), mcr);
  else link.set(PDFName.of('K'), doc.context.obj([k, mcr]));
  return mcid;
}

/** Title, subject (both symbols), keywords, dates, Creator "resdiff" and Producer with the version. */
function setMetadata(doc: PDFDocument, c: Comparison, generated: Date, version: string | undefined): void {
  const a = versionName(c.old);
  const b = versionName(c.new);
  doc.setTitle(`Redline: ${a} → ${b}${c.new.title ? ` — ${c.new.title}` : ''}`, { showInWindowTitleBar: true });
  doc.setSubject(`Changes from ${a} to ${b}${anyConstructed(c) ? ' (a constructed example is part of this comparison; not an official UN text)' : ''}`);
  doc.setKeywords([a, b, 'redline', 'resdiff']);
  doc.setAuthor('resdiff');
  doc.setCreator('resdiff');
  doc.setProducer(`resdiff ${version ?? ''}`.trim());
  doc.setCreationDate(generated);
  doc.setModificationDate(generated);
}

let shared: Promise<PdfRenderer> | undefined;

async function sharedRenderer(env: PdfOptions['env']): Promise<PdfRenderer> {
  const s = shared;
  if (s) {
    try {
      const r = await s;
      if (r.connected) return r;
    } catch (e) {
      // Everyone waiting for a start that failed hears why; the next call tries again.
      if (shared === s) shared = undefined;
      throw e;
    }
    // The browser went away: start another, unless a caller already has.
    if (shared !== s) return sharedRenderer(env);
  }
  return launchShared(env, false);
}

/**
 * Start the shared browser. A failed start is forgotten at once, so the next call tries again,
 * except an early start (`startBrowser`), whose failure is kept for the first print to report.
 */
function launchShared(env: PdfOptions['env'], early: boolean): Promise<PdfRenderer> {
  const p = PdfRenderer.launch(env);
  shared = p;
  p.catch(() => {
    if (!early && shared === p) shared = undefined;
  });
  return p;
}

/**
 * Start the shared browser now, without waiting for it: the CLI calls this before reading and
 * comparing the versions, so Chromium starts meanwhile. A failure to start is reported by the
 * first `renderComparePdf`.
 *
 * @param env environment for browser discovery
 */
export function startBrowser(env?: PdfOptions['env']): void {
  if (!shared) launchShared(env, true);
}

/**
 * Print one comparison, or several, as PDF with the shared browser (started on first use and
 * kept until `closeBrowser()`).
 *
 * @param c a comparison or a list of them
 * @param opts layout, style, title; env for browser discovery
 */
export async function renderComparePdf(c: Comparison, opts?: PdfOptions): Promise<Uint8Array>;
export async function renderComparePdf(cs: Comparison[], opts?: PdfOptions): Promise<Uint8Array[]>;
export async function renderComparePdf(c: Comparison | Comparison[], opts: PdfOptions = {}): Promise<Uint8Array | Uint8Array[]> {
  const { env, ...html } = opts;
  const r = await sharedRenderer(env);
  return Array.isArray(c) ? r.renderAll(c, html) : r.render(c, html);
}

/** Close the shared browser, if one was started. */
export async function closeBrowser(): Promise<void> {
  const s = shared;
  shared = undefined;
  if (!s) return;
  const r = await s.catch(() => undefined);
  await r?.close();
}
