/**
 * The output formats of `compare`, as a record of renderers (DESIGN §4: no string switch).
 * Heavy renderers load their modules only when chosen.
 */
import type { Comparison } from '../diff/types.js';
import type { RedlineDocs } from './resolution-parts.js';

/** What every renderer may be told. */
export interface RenderOptions {
  color?: boolean;
  width?: number;
  /** Show unchanged clauses (text). */
  all?: boolean;
  layout?: 'inline' | 'side-by-side';
  /** html/pdf: 'resdiff' (colour), 'un' (the UN's convention: bold insertions, struck deletions, black), or 'diff2html' (developer view). */
  style?: 'resdiff' | 'un' | 'diff2html';
  /** html/pdf: fold unchanged clauses to one line each (id and opening). */
  changesOnly?: boolean;
  /** The two versions compared, for the parts a comparison does not carry (head block, chapeau, footnotes, closing block). */
  docs?: RedlineDocs;
  /** The tool's version, for document metadata. */
  version?: string;
  /** Environment, for finding a browser (pdf: RESDIFF_CHROMIUM, CHROME_PATH). */
  env?: Record<string, string | undefined>;
}

/** A compare output format. */
export interface CompareFormat {
  /** Binary output (never written to a terminal; needs --output). */
  binary: boolean;
  /** File extension for --output defaults. */
  ext: string;
  /** MIME type, for the server. */
  contentType: string;
  render(c: Comparison, opts: RenderOptions): Promise<string | Uint8Array>;
  /**
   * Start what rendering will need (the PDF renderer's browser) while the versions are still
   * being read and compared; a failure to start is reported by the first render().
   */
  prepare?(opts: Pick<RenderOptions, 'env'>): void;
  /** Release what the format holds after a run (the PDF renderer's browser), if anything. */
  dispose?(): Promise<void>;
}

/** The tool's version, for document metadata (kept with package.json's). */
export const VERSION = '0.1.0';

/** The PDF format's early browser start (prepare), which dispose waits for. */
let pdfStarting: Promise<void> | undefined;

/** Every compare output format by name. */
export const compareFormats: Record<string, CompareFormat> = {
  text: {
    binary: false,
    ext: 'txt',
    contentType: 'text/plain; charset=utf-8',
    render: async (c, o) => (await import('./compare-text.js')).renderCompareText(c, o),
  },
  json: {
    binary: false,
    ext: 'json',
    contentType: 'application/json; charset=utf-8',
    render: async (c) => (await import('./compare-json.js')).renderCompareJson(c),
  },
  unified: {
    binary: false,
    ext: 'diff',
    contentType: 'text/x-diff; charset=utf-8',
    render: async (c) => (await import('./unified.js')).renderUnified(c),
  },
  html: {
    binary: false,
    ext: 'html',
    contentType: 'text/html; charset=utf-8',
    render: async (c, o) => (await import('./html.js')).renderCompareHtml(c, { layout: o.layout, style: o.style, changesOnly: o.changesOnly, docs: o.docs, version: o.version }),
  },
  pdf: {
    binary: true,
    ext: 'pdf',
    contentType: 'application/pdf',
    // One browser for the whole run (a --pairs batch included), closed by dispose().
    render: async (c, o) => (await import('./pdf.js')).renderComparePdf(c, { layout: o.layout, style: o.style, changesOnly: o.changesOnly, docs: o.docs, version: o.version, env: o.env }),
    prepare: (o) => {
      pdfStarting = import('./pdf.js').then((m) => m.startBrowser(o.env), () => undefined);
    },
    // After prepare()'s start has begun, so a run that fails early still closes the browser it started.
    dispose: async () => {
      await pdfStarting;
      pdfStarting = undefined;
      await (await import('./pdf.js')).closeBrowser();
    },
  },
  docx: {
    binary: true,
    ext: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: async (c, o) => (await import('./docx.js')).renderCompareDocx(c, { docs: o.docs, version: o.version }),
  },
};
