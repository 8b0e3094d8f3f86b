/**
 * The document zoo: HRC resolution 56/2 (corpus/A-HRC-RES-56-2.md) rendered by every producer
 * these machines have, each case named after its producer, so the readers are tested on the
 * variety of files users really hold rather than on one producer's habits.
 *
 * Every rendition is CONSTRUCTED from the corpus text for tests (never an official UN file, and
 * marked so in its properties), generated on first use, and cached in the OS temp dir under a key
 * hashed from the corpus text, the zoo's own source and the producer's options — never committed.
 * Each producer runs as a child process with a timeout, or in a browser with bounded waits.
 *
 *   const path = await zooFile('chromium-pdf-endnotes');     // one case
 *   for (const c of ZOO) …                                    // every case, with c.kind and c.producer
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildDocx, corpusSourcePath, findLibreOffice, parseSourceDoc } from '../make-docs.js';
import { resolutionHtml, PAGINATE_SCRIPT, type HtmlOptions } from './html.js';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

/** What a case is, for the reader that takes it. */
export type ZooKind = 'pdf' | 'docx' | 'html' | 'text';

/** One rendition of 56/2. */
export interface ZooCase {
  /** File-name-safe name: the producer first ("chromium-pdf-endnotes"). */
  name: string;
  kind: ZooKind;
  /** Who made it, in words, for test titles and reports. */
  producer: string;
  /** The system tools it needs (checked by `missingTools`). */
  needs: Tool[];
}

/** System tools the zoo runs. */
export type Tool = 'chromium' | 'soffice' | 'gs' | 'pdftotext';

/** Options of the HTML renditions, by variant name. */
export const HTML_VARIANTS = {
  /** Footnotes as endnotes after the vote, OP numbers typed, `<i>` openings. */
  endnotes: { numbers: 'typed', notes: 'end' },
  /** No style sheet (browser defaults), endnotes as an `<ol>` after an `<hr>`. */
  plain: { numbers: 'typed', notes: 'end', plain: true },
  /** OP numbers from an `<ol>`, `<em>` openings, endnotes. */
  ol: { numbers: 'ol', notes: 'end', emphasis: 'em' },
  /** OP numbers from a CSS counter (`::before`), endnotes. */
  counter: { numbers: 'counter', notes: 'end' },
  /** Paginated in a browser: each footnote at the foot of its page, running heads and page numbers. */
  pagefoot: { numbers: 'typed', notes: 'page' },
} as const satisfies Record<string, HtmlOptions>;
export type HtmlVariant = keyof typeof HTML_VARIANTS;

/** Every case of the zoo. */
export const ZOO: ZooCase[] = [
  { name: 'html-endnotes', kind: 'html', producer: 'HTML page: <i> openings, <sup> markers, typed OP numbers, endnotes', needs: [] },
  { name: 'html-plain', kind: 'html', producer: 'HTML page without a style sheet: browser defaults, endnotes as an <ol>', needs: [] },
  { name: 'html-ol', kind: 'html', producer: 'HTML page: <em> openings, OP numbers from <ol>, endnotes', needs: [] },
  { name: 'html-counter', kind: 'html', producer: 'HTML page: OP numbers from a CSS counter, endnotes', needs: [] },
  { name: 'chromium-html-pagefoot', kind: 'html', producer: 'HTML page paginated by Chromium: footnotes at each page foot, running heads', needs: ['chromium'] },
  { name: 'chromium-pdf-endnotes', kind: 'pdf', producer: 'Chromium page.pdf (Skia) of the HTML, endnotes after the vote, header/footer templates', needs: ['chromium'] },
  { name: 'chromium-pdf-plain', kind: 'pdf', producer: 'Chromium page.pdf of the unstyled HTML page (browser defaults, Letter, no margins)', needs: ['chromium'] },
  { name: 'chromium-pdf-ol', kind: 'pdf', producer: 'Chromium page.pdf of the HTML with <ol> OP numbers', needs: ['chromium'] },
  { name: 'chromium-pdf-counter', kind: 'pdf', producer: 'Chromium page.pdf of the HTML with CSS-counter OP numbers', needs: ['chromium'] },
  { name: 'chromium-pdf-pagefoot', kind: 'pdf', producer: 'Chromium page.pdf of the paginated HTML: footnotes at each page foot', needs: ['chromium'] },
  { name: 'libreoffice-pdf-from-docx', kind: 'pdf', producer: 'LibreOffice PDF of the Word-footnote DOCX (UN layout)', needs: ['soffice'] },
  { name: 'libreoffice-pdf-from-html', kind: 'pdf', producer: 'LibreOffice Writer PDF of the HTML page', needs: ['soffice'] },
  { name: 'ghostscript-pdf-from-libreoffice', kind: 'pdf', producer: 'Ghostscript pdfwrite re-distilling the LibreOffice PDF', needs: ['soffice', 'gs'] },
  { name: 'ghostscript-pdf-from-chromium', kind: 'pdf', producer: 'Ghostscript pdfwrite re-distilling the Chromium PDF', needs: ['chromium', 'gs'] },
  { name: 'pdflib-pdf-glyphs', kind: 'pdf', producer: 'pdf-lib, glyph by glyph, no space glyphs (words only from gaps)', needs: [] },
  { name: 'docx-footnotes-wordlist', kind: 'docx', producer: 'docx (npm): real Word footnotes, OP numbers as a Word list', needs: [] },
  { name: 'docx-footnotes-typed', kind: 'docx', producer: 'docx (npm): real Word footnotes, typed OP numbers', needs: [] },
  { name: 'docx-endnotes', kind: 'docx', producer: 'docx (npm): real Word endnotes (word/endnotes.xml), Word-list OP numbers', needs: [] },
  { name: 'libreoffice-docx-from-html', kind: 'docx', producer: 'LibreOffice DOCX of the HTML: superscript-run markers, endnote section, typed numbers', needs: ['soffice'] },
  { name: 'libreoffice-docx-from-html-ol', kind: 'docx', producer: 'LibreOffice DOCX of the <ol> HTML: superscript-run markers, Word list numbers', needs: ['soffice'] },
  { name: 'libreoffice-docx-from-html-plain', kind: 'docx', producer: 'LibreOffice DOCX of the unstyled HTML: <sup> markers, endnotes as a Word list after the vote', needs: ['soffice'] },
  { name: 'pdftotext-chromium', kind: 'text', producer: 'pdftotext (default) of the Chromium PDF', needs: ['chromium', 'pdftotext'] },
  { name: 'pdftotext-layout-chromium', kind: 'text', producer: 'pdftotext -layout of the Chromium PDF', needs: ['chromium', 'pdftotext'] },
  { name: 'pdftotext-libreoffice', kind: 'text', producer: 'pdftotext (default) of the LibreOffice PDF', needs: ['soffice', 'pdftotext'] },
  { name: 'pdftotext-layout-libreoffice', kind: 'text', producer: 'pdftotext -layout of the LibreOffice PDF', needs: ['soffice', 'pdftotext'] },
];

/** Names of the cases, for typed look-ups. */
export type ZooName = (typeof ZOO)[number]['name'];

const EXT: Record<ZooKind, string> = { pdf: 'pdf', docx: 'docx', html: 'html', text: 'txt' };

/** The cache folder: one per content key, in the OS temp dir. */
export function zooDir(): string {
  const h = createHash('sha256');
  h.update(readFileSync(corpusSourcePath('A-HRC-RES-56-2')));
  // The producers' own code (not reading.ts, which only measures).
  for (const f of readdirSync(here).sort()) if (/^(index|html|glyphs)\.(ts|js)$/.test(f)) h.update(f).update(readFileSync(join(here, f)));
  const makeDocs = join(here, '..', existsSync(join(here, '..', 'make-docs.ts')) ? 'make-docs.ts' : 'make-docs.js');
  h.update(readFileSync(makeDocs));
  const dir = join(tmpdir(), 'resdiff-zoo', h.digest('hex').slice(0, 16));
  mkdirSync(dir, { recursive: true });
  return dir;
}

function atomicWrite(path: string, bytes: Uint8Array | string): void {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

/** Which of a case's tools are missing on this machine (empty: it can be built). */
export function missingTools(c: ZooCase): Tool[] {
  return c.needs.filter((t) => (t === 'soffice' ? !findLibreOffice() : t === 'chromium' ? !findChromiumSync() : !onPath(t)));
}

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '/usr/bin:/bin').split(':').some((d) => d && existsSync(join(d, cmd)));
}

function findChromiumSync(): string | undefined {
  for (const v of [process.env.RESDIFF_CHROMIUM, process.env.CHROME_PATH]) if (v && existsSync(v)) return v;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']) if (existsSync(p)) return p;
  return undefined;
}

function corpusMarkdown(): string {
  return readFileSync(corpusSourcePath('A-HRC-RES-56-2'), 'utf8');
}

const pending = new Map<string, Promise<string>>();

/**
 * The path of a zoo case's file, made on first use (and cached across runs).
 *
 * @param name a case name from ZOO
 */
export function zooFile(name: ZooName | string): Promise<string> {
  const c = ZOO.find((z) => z.name === name);
  if (!c) throw new Error(`no zoo case ${name}`);
  let p = pending.get(name);
  if (!p) {
    p = (async () => {
      const path = join(zooDir(), `${c.name}.${EXT[c.kind]}`);
      if (!existsSync(path)) {
        const missing = missingTools(c);
        if (missing.length) throw new Error(`zoo case ${name} needs ${missing.join(', ')}: apt-get install -y ${missing.map(aptName).join(' ')}`);
        atomicWrite(path, await make(c.name));
      }
      return path;
    })();
    pending.set(name, p);
    p.catch(() => pending.delete(name));
  }
  return p;
}

function aptName(t: Tool): string {
  return t === 'soffice' ? 'libreoffice-writer-nogui' : t === 'gs' ? 'ghostscript' : t === 'pdftotext' ? 'poppler-utils' : t;
}

/** Build one case's bytes. */
async function make(name: string): Promise<Uint8Array | string> {
  const md = corpusMarkdown();
  switch (name) {
    case 'html-endnotes':
      return resolutionHtml(md, HTML_VARIANTS.endnotes);
    case 'html-plain':
      return resolutionHtml(md, HTML_VARIANTS.plain);
    case 'html-ol':
      return resolutionHtml(md, HTML_VARIANTS.ol);
    case 'html-counter':
      return resolutionHtml(md, HTML_VARIANTS.counter);
    case 'chromium-html-pagefoot':
      return (await chromium('pagefoot', 'html')).toString();
    case 'chromium-pdf-endnotes':
      return chromium('endnotes', 'pdf');
    case 'chromium-pdf-plain':
      return chromium('plain', 'pdf');
    case 'chromium-pdf-ol':
      return chromium('ol', 'pdf');
    case 'chromium-pdf-counter':
      return chromium('counter', 'pdf');
    case 'chromium-pdf-pagefoot':
      return chromium('pagefoot', 'pdf');
    case 'libreoffice-pdf-from-docx':
      return soffice(await zooFile('docx-footnotes-wordlist'), 'pdf');
    case 'libreoffice-pdf-from-html':
      return soffice(await zooFile('html-endnotes'), 'pdf');
    case 'ghostscript-pdf-from-libreoffice':
      return ghostscript(await zooFile('libreoffice-pdf-from-docx'));
    case 'ghostscript-pdf-from-chromium':
      return ghostscript(await zooFile('chromium-pdf-endnotes'));
    case 'pdflib-pdf-glyphs': {
      const { glyphPdf } = await import('./glyphs.js');
      return glyphPdf(md);
    }
    case 'docx-footnotes-wordlist':
      return buildDocx(parseSourceDoc(md), { symbol: 'A/HRC/RES/56/2', jobNumber: 'GE.24-12826(E)' });
    case 'docx-footnotes-typed':
      return buildDocx(parseSourceDoc(md), { symbol: 'A/HRC/RES/56/2', jobNumber: 'GE.24-12826(E)', typedNumbers: true });
    case 'docx-endnotes':
      return buildDocx(parseSourceDoc(md), { symbol: 'A/HRC/RES/56/2', jobNumber: 'GE.24-12826(E)', endnotes: true });
    case 'libreoffice-docx-from-html':
      return soffice(await zooFile('html-endnotes'), 'docx');
    case 'libreoffice-docx-from-html-ol':
      return soffice(await zooFile('html-ol'), 'docx');
    case 'libreoffice-docx-from-html-plain':
      return soffice(await zooFile('html-plain'), 'docx');
    case 'pdftotext-chromium':
      return pdftotext(await zooFile('chromium-pdf-endnotes'), false);
    case 'pdftotext-layout-chromium':
      return pdftotext(await zooFile('chromium-pdf-endnotes'), true);
    case 'pdftotext-libreoffice':
      return pdftotext(await zooFile('libreoffice-pdf-from-docx'), false);
    case 'pdftotext-layout-libreoffice':
      return pdftotext(await zooFile('libreoffice-pdf-from-docx'), true);
    default:
      throw new Error(`no recipe for zoo case ${name}`);
  }
}

/** Print (or paginate and save) an HTML variant in Chromium. One browser per call; every wait bounded. */
async function chromium(variant: HtmlVariant, out: 'pdf' | 'html'): Promise<Uint8Array> {
  const { launchChromium } = await import('../../../src/render/browser.js');
  const opts = HTML_VARIANTS[variant];
  const html = resolutionHtml(corpusMarkdown(), opts);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
    const paginated = opts.notes === 'page';
    if (paginated) await page.evaluate(PAGINATE_SCRIPT);
    if (out === 'html') return Buffer.from(await page.content());
    const symbol = 'A/HRC/RES/56/2';
    const printed = page.pdf(
      paginated
        ? { preferCSSPageSize: true, printBackground: false }
        : 'plain' in opts
          ? {}
        : {
            format: 'A4',
            margin: { top: '25mm', bottom: '25mm', left: '0', right: '0' },
            displayHeaderFooter: true,
            headerTemplate: `<div style="font-size:8pt;width:100%;text-align:right;margin:0 17mm;font-family:'Liberation Serif',serif"><b>${symbol}</b></div>`,
            footerTemplate: `<div style="font-size:8pt;width:100%;display:flex;justify-content:space-between;margin:0 17mm;font-family:'Liberation Serif',serif"><span>GE.24-12826(E)</span><b class="pageNumber"></b></div>`,
          },
    );
    return await withTimeout(printed, 120_000, 'Chromium page.pdf');
  } finally {
    await browser.close();
  }
}

/** Convert a file with LibreOffice (own profile per run, so runs in parallel do not collide). */
async function soffice(input: string, to: 'pdf' | 'docx'): Promise<Uint8Array> {
  const lo = findLibreOffice();
  if (!lo) throw new Error('LibreOffice is needed: apt-get install -y libreoffice-writer-nogui');
  const work = join(tmpdir(), `resdiff-zoo-lo-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(work, { recursive: true });
  try {
    const html = input.endsWith('.html');
    const filter = to === 'pdf' ? 'pdf:writer_pdf_Export' : 'docx:MS Word 2007 XML';
    const args = [`-env:UserInstallation=file://${work}/profile`, '--headless', '--norestore'];
    // An HTML file opens in Writer/Web unless told otherwise; Writer proper paginates it like a document.
    if (html) args.push('--infilter=HTML (StarWriter)');
    args.push('--convert-to', filter, '--outdir', work, input);
    await run(lo, args, { timeout: 180_000 });
    const made = join(work, `${basename(input).replace(/\.[^.]+$/, '')}.${to}`);
    if (!existsSync(made)) throw new Error(`LibreOffice did not write ${made}`);
    return new Uint8Array(readFileSync(made));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Re-distill a PDF with Ghostscript's pdfwrite device. */
async function ghostscript(input: string): Promise<Uint8Array> {
  const out = join(tmpdir(), `resdiff-zoo-gs-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  try {
    await run('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pdfwrite', `-sOutputFile=${out}`, input], { timeout: 120_000 });
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(out, { force: true });
  }
}

/** The text pdftotext writes (UTF-8), default reading order or `-layout`. */
async function pdftotext(input: string, layout: boolean): Promise<string> {
  const { stdout } = await run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', input, '-'], { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 });
  return stdout;
}

/** A promise that rejects after `ms` (page.pdf has no timeout option of its own). */
function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}
