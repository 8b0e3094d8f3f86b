/**
 * The PDF redline: the HTML redline printed by Chromium through Playwright. A4 with margins,
 * serif type, a running header naming both versions and a "Page X of Y" footer.
 *
 * Page 1 lists every change with the page it is on: the page is printed once with room kept
 * for the numbers, the page of each clause's anchor is read back from the PDF's named
 * destinations (pdfjs; Chromium does not support CSS target-counter), and the page is printed
 * again with the numbers. Changed clauses are headings, so Chromium's outline gives one
 * bookmark per change. pdf-lib then sets the metadata (title, both symbols, date, tool
 * version, Creator "resdiff"), which Chromium fills with its user agent.
 *
 * One browser serves many documents: `PdfRenderer` holds one for a batch, and
 * `renderComparePdf` keeps a shared one until `closeBrowser()` (the CLI closes it when done,
 * the server when it stops).
 */
import type { Browser, BrowserContext, Page } from 'playwright';
import type { Comparison } from '../diff/types.js';
import { launchChromium } from './browser.js';
import { escapeHtml, renderCompareHtml, type HtmlOptions } from './html.js';
import { anyConstructed, versionName } from './redline.js';

/** Options of the PDF redline: those of the HTML page, plus the environment for finding the browser. */
export interface PdfOptions extends HtmlOptions {
  /** Environment for browser discovery (RESDIFF_CHROMIUM, CHROME_PATH); default process.env. */
  env?: Record<string, string | undefined>;
}

/** Page margins: room for the running header and footer. */
const MARGIN = { top: '22mm', bottom: '20mm', left: '20mm', right: '20mm' };

/**
 * The running header: the two versions. Header and footer templates render at a tiny default
 * size and without the page's CSS (DESIGN §6), so they set their own font and size.
 */
function headerTemplate(c: Comparison): string {
  const names = `${escapeHtml(versionName(c.old))} → ${escapeHtml(versionName(c.new))}`;
  const note = anyConstructed(c) ? ' · constructed example' : '';
  return `<div style="font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 8.5pt; color: #444; width: 100%; margin: 0 20mm; padding-bottom: 2mm; border-bottom: 0.5pt solid #9aa3ad; display: flex; justify-content: space-between;"><span>Redline: ${names}</span><span>resdiff${note}</span></div>`;
}

/** The footer: "Page X of Y". */
const FOOTER = `<div style="font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 8.5pt; color: #444; width: 100%; margin: 0 20mm; text-align: center;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;

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
    let pdf = await this.print(c, renderCompareHtml(c, { ...opts, generated, pagePlaceholders: redline }));
    if (redline) {
      const pageNumbers = await anchorPages(pdf);
      if (Object.keys(pageNumbers).length) pdf = await this.print(c, renderCompareHtml(c, { ...opts, generated, pageNumbers }));
    }
    return setMetadata(pdf, c, generated, opts.version);
  }

  /** Print one HTML page with the running header and footer. */
  private async print(c: Comparison, html: string): Promise<Uint8Array> {
    const page = this.idle.pop() ?? (await this.context.newPage());
    let ok = false;
    try {
      page.setDefaultTimeout(60_000);
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4',
        margin: MARGIN,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: headerTemplate(c),
        footerTemplate: FOOTER,
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
 * The page (1-based) of each named destination of a PDF: Chromium writes one for every element
 * id a link points to, so the list of changes' links give each clause's page.
 */
export async function anchorPages(pdf: Uint8Array): Promise<Record<string, number>> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const dests = (await doc.getDestinations()) as Record<string, unknown[] | null>;
    const out: Record<string, number> = {};
    for (const [name, dest] of Object.entries(dests)) {
      const ref = dest?.[0];
      if (ref && typeof ref === 'object') out[name] = (await doc.getPageIndex(ref as Parameters<typeof doc.getPageIndex>[0])) + 1;
    }
    return out;
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** Title, subject (both symbols), keywords, dates, Creator "resdiff" and Producer with the version. */
async function setMetadata(pdf: Uint8Array, c: Comparison, generated: Date, version: string | undefined): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
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
  return doc.save({ useObjectStreams: false });
}

let shared: Promise<PdfRenderer> | undefined;

async function sharedRenderer(env: PdfOptions['env']): Promise<PdfRenderer> {
  if (shared) {
    const r = await shared.catch(() => undefined);
    if (r?.connected) return r;
  }
  shared = PdfRenderer.launch(env);
  shared.catch(() => (shared = undefined));
  return shared;
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
