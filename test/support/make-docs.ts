/**
 * Test renditions of a corpus resolution as the files users hold: a Word document laid out like the
 * UN's (masthead, running heads, job number, numbered OPs, real footnotes, Times New Roman) and the
 * PDF LibreOffice makes of it. They are constructed from the corpus text for tests — never official
 * UN files, and marked so in their document properties. Outputs are cached under test-output/,
 * keyed by a hash of the inputs, so repeated runs are fast.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  AlignmentType,
  BorderStyle,
  Document,
  EndnoteReferenceRun,
  FootnoteReferenceRun,
  Footer,
  Header,
  LevelFormat,
  LevelSuffix,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

const run = promisify(execFile);

/** The repository root (this file is test/support/make-docs.ts, compiled or not). */
export const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

function findRepoRoot(from: string): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src'))) return dir;
    dir = dirname(dir);
  }
  return resolve(from, '..', '..');
}

/** Where generated test files go (gitignored). */
export const outputDir = join(repoRoot, 'test-output');

/** The corpus Markdown of a symbol's file name ("A-HRC-RES-56-2"): corpus/ copy first, else ../shared. */
export function corpusSourcePath(name = 'A-HRC-RES-56-2'): string {
  const candidates = [join(repoRoot, 'corpus', `${name}.md`), join(repoRoot, '..', 'shared', 'corpus-source', `${name}.md`), join('/work/shared/corpus-source', `${name}.md`)];
  for (const c of candidates) if (existsSync(c)) return c;
  throw new Error(`corpus text ${name}.md not found (looked in ${candidates.join(', ')})`);
}

/** A run of inline text. */
export interface Run {
  text: string;
  italic?: boolean;
  bold?: boolean;
  /** A footnote reference (the run's text is empty). */
  footnote?: number;
}

/** One block of the document, in reading order. */
export interface Block {
  kind: 'masthead' | 'head' | 'title' | 'pp' | 'op' | 'sub' | 'foot';
  /** OP number as printed. */
  number?: number;
  runs: Run[];
}

/** A resolution text split into the parts a document lays out. */
export interface SourceDoc {
  /** "General Assembly", "Distr.: General", "11 July 2024", "Original: English" */
  masthead: string[];
  blocks: Block[];
  footnotes: Map<number, Run[]>;
}

/** Parse `*italic*`, `**bold**` and `<sup>n</sup>` of one Markdown paragraph into runs. */
export function inlineRuns(text: string): Run[] {
  const runs: Run[] = [];
  const re = /\*\*(.+?)\*\*|\*(.+?)\*|<sup>(\d+)<\/sup>/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) runs.push({ text: text.slice(last, m.index) });
    if (m[1] !== undefined) runs.push({ text: m[1], bold: true });
    else if (m[2] !== undefined) runs.push({ text: m[2], italic: true });
    else runs.push({ text: '', footnote: Number(m[3]) });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}

/** Plain text of runs, footnote markers as `<sup>n</sup>` (or dropped). */
export function runsText(runs: Run[], markers = true): string {
  return runs.map((r) => (r.footnote !== undefined ? (markers ? `<sup>${r.footnote}</sup>` : '') : r.text)).join('');
}

/**
 * Split the corpus Markdown into masthead, blocks and footnotes, rejoining paragraphs that the
 * conversion cut at page ends (a paragraph that starts in lower case continues the previous one).
 */
export function parseSourceDoc(markdown: string): SourceDoc {
  let md = markdown.replace(/\r\n?/g, '\n');
  if (md.startsWith('---\n')) {
    const end = md.indexOf('\n---\n', 4);
    if (end > 0) md = md.slice(end + 5);
  }
  const paras = md
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '' && p !== '---');
  const masthead: string[] = [];
  const blocks: Block[] = [];
  const footnotes = new Map<number, Run[]>();
  let inHead = true;
  let inFoot = false;
  for (const raw of paras) {
    const fn = /^<sup>(\d+)<\/sup>\s*(.*)$/s.exec(raw);
    if (fn) {
      footnotes.set(Number(fn[1]), inlineRuns(fn[2].replace(/\s*\n\s*/g, ' ')));
      continue;
    }
    if (inHead) {
      const lines = raw.split('\n').map((l) => l.replace(/^#+\s*/, '').replace(/\*\*/g, '').trim());
      if (/^\*The .+,\*$/.test(lines[0])) {
        inHead = false;
        blocks.push({ kind: 'pp', runs: inlineRuns(lines[0]) });
        continue;
      }
      if (lines[0] === 'General Assembly' || /^(Distr\.|Original:)/.test(lines[0])) {
        masthead.push(...lines);
        continue;
      }
      const text = lines.join(' ');
      const kind = /^\d+\/\d+\.\s/.test(text) || /^Resolution adopted by/.test(text) || /^Promotion /.test(text) ? 'title' : 'head';
      blocks.push({ kind, runs: [{ text, bold: kind === 'title' }] });
      continue;
    }
    const text = raw.replace(/\s*\n\s*/g, ' ');
    if (/^[a-z]/.test(text) && blocks.length > 0) {
      const prev = blocks[blocks.length - 1];
      prev.runs.push({ text: ' ' }, ...inlineRuns(text));
      continue;
    }
    if (/^\*\d+(st|nd|rd|th) meeting\*$/.test(text)) inFoot = true;
    if (inFoot) {
      blocks.push({ kind: 'foot', runs: inlineRuns(text) });
      continue;
    }
    const op = /^(\d+)\.\s+(.*)$/s.exec(text);
    if (op) blocks.push({ kind: 'op', number: Number(op[1]), runs: inlineRuns(op[2]) });
    else if (/^\([a-z]+\)\s/.test(text)) blocks.push({ kind: 'sub', runs: inlineRuns(text) });
    else blocks.push({ kind: 'pp', runs: inlineRuns(text) });
  }
  return { masthead, blocks, footnotes };
}

/** Options for a rendition. */
export interface MakeOptions {
  /** Document symbol for the masthead and running heads. */
  symbol: string;
  /** Job number printed in the first page's footer. */
  jobNumber: string;
  /** Let LibreOffice hyphenate at line ends (needs a hyphenation dictionary). */
  hyphenate?: boolean;
  /** OP numbers typed into the text ("12.<tab>") instead of a Word list. */
  typedNumbers?: boolean;
  /** The notes as Word endnotes (word/endnotes.xml) instead of footnotes. */
  endnotes?: boolean;
}

const TNR = 'Times New Roman';
const BODY = 20; // half-points: 10 pt
const NOTE = 17; // 8.5 pt

function textRuns(runs: Run[], size = BODY, endnotes = false): (TextRun | FootnoteReferenceRun | EndnoteReferenceRun)[] {
  return runs.map((r) =>
    r.footnote !== undefined
      ? endnotes
        ? new EndnoteReferenceRun(r.footnote)
        : new FootnoteReferenceRun(r.footnote)
      : new TextRun({ text: r.text, italics: r.italic, bold: r.bold, font: TNR, size }),
  );
}

/** Build the DOCX bytes of a parsed resolution. */
export async function buildDocx(doc: SourceDoc, opts: MakeOptions): Promise<Uint8Array> {
  const indent = { left: 1247, right: 1247 };
  const body: (Paragraph | Table)[] = [];
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const noBorders = { top: none, bottom: none, left: none, right: none };
  const [assembly, ...distr] = doc.masthead;
  body.push(
    new Table({
      width: { size: 9638, type: WidthType.DXA },
      columnWidths: [5400, 4238],
      borders: { ...noBorders, insideHorizontal: none, insideVertical: none },
      rows: [
        new TableRow({
          children: [
            new TableCell({
              borders: { ...noBorders, bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000' } },
              children: [new Paragraph({ children: [new TextRun({ text: assembly ?? 'General Assembly', bold: true, font: TNR, size: 56 })] })],
            }),
            new TableCell({
              borders: { ...noBorders, bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000' } },
              children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: opts.symbol, font: TNR, size: 40 })] })],
            }),
          ],
        }),
        new TableRow({
          children: [
            new TableCell({ borders: noBorders, children: [new Paragraph('')] }),
            new TableCell({
              borders: noBorders,
              children: distr.flatMap((line, i) => [
                ...(i > 0 && /^Original/.test(line) ? [new Paragraph({ children: [] })] : []),
                new Paragraph({ indent: { left: 1400 }, children: [new TextRun({ text: line, font: TNR, size: BODY })] }),
              ]),
            }),
          ],
        }),
      ],
    }),
  );
  body.push(new Paragraph({ spacing: { after: 240 }, children: [] }));
  for (const b of doc.blocks) {
    if (b.kind === 'head') {
      const big = /Council$|Assembly$/.test(runsText(b.runs));
      body.push(new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: runsText(b.runs), bold: big, font: TNR, size: big ? 24 : BODY })] }));
    } else if (b.kind === 'title') {
      const t = runsText(b.runs);
      const number = /^\d+\/\d+\./.test(t);
      body.push(
        new Paragraph({
          spacing: { before: 240, after: 240 },
          indent: number ? { left: 1247, hanging: 567, right: 1247 } : { right: 3000 },
          children: [new TextRun({ text: t, bold: true, font: TNR, size: number ? 24 : BODY })],
        }),
      );
    } else if (b.kind === 'op' && opts.typedNumbers) {
      body.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { after: 120, line: 240 },
          indent: { ...indent, firstLine: 567 },
          children: [new TextRun({ text: `${b.number}.`, font: TNR, size: BODY }), new TextRun({ children: [new Tab()], font: TNR, size: BODY }), ...textRuns(b.runs, BODY, opts.endnotes)],
        }),
      );
    } else if (b.kind === 'op') {
      body.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { after: 120, line: 240 },
          numbering: { reference: 'ops', level: 0 },
          children: textRuns(b.runs, BODY, opts.endnotes),
        }),
      );
    } else if (b.kind === 'sub') {
      body.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, indent: { left: 1814, right: 1247, firstLine: 567 }, children: textRuns(b.runs, BODY, opts.endnotes) }));
    } else if (b.kind === 'foot') {
      const list = !b.runs.some((r) => r.italic) && !/^\[Adopted/.test(runsText(b.runs));
      body.push(
        new Paragraph({
          alignment: list ? AlignmentType.JUSTIFIED : AlignmentType.LEFT,
          spacing: { before: /meeting$/.test(runsText(b.runs)) ? 240 : 0, after: 120 },
          indent: list ? { left: 1814, right: 1247 } : { ...indent, firstLine: /^\[/.test(runsText(b.runs)) ? 0 : 567 },
          children: textRuns(b.runs, BODY, opts.endnotes),
        }),
      );
    } else {
      body.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, indent: { ...indent, firstLine: 567 }, children: textRuns(b.runs, BODY, opts.endnotes) }));
    }
  }
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const [n, runs] of doc.footnotes) {
    footnotes[String(n)] = { children: [new Paragraph({ indent: { left: 1247, right: 1247 }, children: textRuns(runs, NOTE) })] };
  }
  const head = (align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Header({
      children: [
        new Paragraph({
          alignment: align,
          border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 2 } },
          children: [new TextRun({ text: opts.symbol, bold: true, font: TNR, size: 17 })],
        }),
      ],
    });
  const foot = (align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Footer({ children: [new Paragraph({ alignment: align, children: [new TextRun({ children: [PageNumber.CURRENT], bold: true, font: TNR, size: 17 })] })] });
  const document = new Document({
    creator: 'resdiff test suite',
    title: `${opts.symbol} (constructed test rendition)`,
    subject: 'Constructed test rendition; not an official United Nations document',
    description: `Built by resdiff's tests from the corpus text of ${opts.symbol}; not an official United Nations document.`,
    keywords: 'resdiff, constructed, test rendition',
    customProperties: [{ name: 'resdiffConstructed', value: 'true' }],
    evenAndOddHeaderAndFooters: true,
    hyphenation: opts.hyphenate ? { autoHyphenation: true } : undefined,
    styles: { default: { document: { run: { font: TNR, size: BODY } } } },
    numbering: {
      config: [
        {
          reference: 'ops',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              suffix: LevelSuffix.TAB,
              style: { paragraph: { indent: { left: 1247, right: 1247, firstLine: 567 } }, run: { font: TNR, size: BODY } },
            },
          ],
        },
      ],
    },
    ...(opts.endnotes ? { endnotes: footnotes } : { footnotes }),
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1701, bottom: 1899, left: 1134, right: 1134, header: 964, footer: 1077 } },
        },
        headers: { first: new Header({ children: [new Paragraph('')] }), default: head(AlignmentType.RIGHT), even: head(AlignmentType.LEFT) },
        footers: {
          first: new Footer({ children: [new Paragraph({ children: [new TextRun({ text: opts.jobNumber, font: TNR, size: 17 })] })] }),
          default: foot(AlignmentType.RIGHT),
          even: foot(AlignmentType.LEFT),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** Paths of the renditions of one corpus text. */
export interface Renditions {
  markdownPath: string;
  docxPath: string;
  /** Undefined until makePdf runs. */
  pdfPath?: string;
  dir: string;
}

function inputsHash(parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 16);
}

function atomicWrite(path: string, bytes: Uint8Array | string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

/**
 * Make (or reuse) the DOCX rendition of a corpus text.
 *
 * @param name corpus file name without extension
 */
export async function makeDocx(name = 'A-HRC-RES-56-2', opts: Partial<MakeOptions> = {}): Promise<Renditions> {
  const markdownPath = corpusSourcePath(name);
  const md = readFileSync(markdownPath, 'utf8');
  const full: MakeOptions = { symbol: opts.symbol ?? name.replace(/-/g, '/'), jobNumber: opts.jobNumber ?? 'GE.24-12826(E)', hyphenate: opts.hyphenate ?? false };
  const self = readFileSync(fileURLToPath(import.meta.url));
  const key = inputsHash([md, self, JSON.stringify(full), docxVersion()]);
  const dir = join(outputDir, 'docs', `${name}-${key}`);
  mkdirSync(dir, { recursive: true });
  const docxPath = join(dir, `${name}.docx`);
  if (!existsSync(docxPath)) atomicWrite(docxPath, await buildDocx(parseSourceDoc(md), full));
  return { markdownPath, docxPath, dir };
}

function docxVersion(): string {
  try {
    return JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'docx', 'package.json'), 'utf8')).version as string;
  } catch {
    return '?';
  }
}

/** Path of LibreOffice, or undefined. */
export function findLibreOffice(): string | undefined {
  const env = process.env.RESDIFF_LIBREOFFICE;
  if (env) return env;
  for (const p of ['/usr/bin/libreoffice', '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice']) {
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** Make (or reuse) the DOCX and its PDF (by LibreOffice). Throws a clear error when LibreOffice is missing. */
export async function makePdf(name = 'A-HRC-RES-56-2', opts: Partial<MakeOptions> = {}): Promise<Required<Renditions>> {
  const r = await makeDocx(name, opts);
  const pdfPath = join(r.dir, `${name}.pdf`);
  if (!existsSync(pdfPath)) {
    const lo = findLibreOffice();
    if (!lo) {
      throw new Error('LibreOffice is needed to make the test PDFs: apt-get install -y libreoffice-writer-nogui fonts-liberation (or set RESDIFF_LIBREOFFICE)');
    }
    const work = join(tmpdir(), `resdiff-lo-${process.pid}-${Date.now()}`);
    mkdirSync(work, { recursive: true });
    try {
      await run(lo, [`-env:UserInstallation=file://${work}/profile`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, r.docxPath], { timeout: 180_000 });
      const made = join(work, `${name}.pdf`);
      if (!existsSync(made)) throw new Error(`LibreOffice did not write ${made}`);
      atomicWrite(pdfPath, readFileSync(made));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return { ...r, pdfPath };
}
