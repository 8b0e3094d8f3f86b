/**
 * A PDF of a corpus resolution written glyph by glyph with pdf-lib: every character is its own
 * text object at its own position and no space glyph is ever drawn, so a reader can find words
 * only from the gaps between glyphs. Justified lines (so gaps vary), footnotes at the foot of the
 * page where they are referenced, superscript markers, a running head from page 2, page numbers,
 * a job number on page 1 and paragraphs cut by page breaks. CONSTRUCTED for tests; marked so in
 * the document properties.
 */
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { parseSourceDoc, type Block, type Run } from '../make-docs.js';

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const LEFT = 57;
const RIGHT = PAGE_W - 57;
const TOP = PAGE_H - 80;
const BOTTOM = 70;
const BODY = 10;
const LEAD = 11.5;
const NOTE = 8;
const NOTE_LEAD = 9.5;
const MARK = 6;
const RAISE = 3.5;

interface Fonts {
  roman: PDFFont;
  italic: PDFFont;
  bold: PDFFont;
}

/** A word to set: pieces of one style each, markers raised. */
interface Piece {
  text: string;
  style: 'roman' | 'italic' | 'bold' | 'mark';
}
type Word = Piece[];

function words(runs: Run[], base: 'roman' | 'bold' = 'roman'): Word[] {
  const out: Word[] = [];
  let cur: Word = [];
  let spaceBefore = true;
  for (const r of runs) {
    if (r.footnote !== undefined) {
      cur.push({ text: String(r.footnote), style: 'mark' });
      spaceBefore = false;
      continue;
    }
    const style = r.italic ? 'italic' : r.bold ? 'bold' : base;
    const parts = r.text.split(/(\s+)/);
    for (const part of parts) {
      if (part === '') continue;
      if (/^\s+$/.test(part)) {
        if (cur.length) out.push(cur);
        cur = [];
        spaceBefore = true;
        continue;
      }
      void spaceBefore;
      cur.push({ text: part, style });
      spaceBefore = false;
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Sets lines on pages, glyph by glyph, with footnotes at the page foot. */
class Setter {
  page!: PDFPage;
  y = TOP;
  pageNo = 0;
  /** Height the footnote area of the current page takes, and its pending notes. */
  notes: { n: number; words: Word[] }[] = [];
  private readonly placed = new Set<number>();

  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Fonts,
    private readonly footnotes: Map<number, Run[]>,
    private readonly symbol: string,
    private readonly job: string,
  ) {
    this.newPage();
  }

  font(style: Piece['style']): PDFFont {
    return style === 'italic' ? this.fonts.italic : style === 'bold' ? this.fonts.bold : this.fonts.roman;
  }

  /** Letter spacing (em) of the text being set: wide in the head, as letter-spaced titles are. */
  tracking = 0;

  pieceWidth(p: Piece, size: number): number {
    const s = p.style === 'mark' ? MARK : size;
    return this.font(p.style).widthOfTextAtSize(p.text, s) + (p.style === 'mark' ? 0 : this.tracking * s * [...p.text].length);
  }

  wordWidth(w: Word, size: number): number {
    return w.reduce((s, p) => s + this.pieceWidth(p, size), 0);
  }

  /** Draw each character of a piece as its own text object. */
  drawPiece(p: Piece, x: number, y: number, size: number, page = this.page): number {
    const font = this.font(p.style);
    const s = p.style === 'mark' ? MARK : size;
    const dy = p.style === 'mark' ? RAISE : 0;
    const track = p.style === 'mark' ? 0 : this.tracking * s;
    for (const ch of p.text) {
      page.drawText(ch, { x, y: y + dy, size: s, font });
      x += font.widthOfTextAtSize(ch, s) + track;
    }
    return x;
  }

  newPage(): void {
    if (this.page) this.flushNotes();
    this.page = this.pdf.addPage([PAGE_W, PAGE_H]);
    this.pageNo++;
    this.y = TOP;
    this.notes = [];
    const odd = this.pageNo % 2 === 1;
    if (this.pageNo > 1) {
      const w = this.fonts.bold.widthOfTextAtSize(this.symbol, 8);
      this.drawPiece({ text: this.symbol, style: 'bold' }, odd ? RIGHT - w : LEFT, PAGE_H - 45, 8);
    }
    const foot = this.pageNo === 1 ? this.job : String(this.pageNo);
    const fw = this.fonts.roman.widthOfTextAtSize(foot, 8);
    this.drawPiece({ text: foot, style: this.pageNo === 1 ? 'roman' : 'bold' }, odd && this.pageNo > 1 ? RIGHT - fw : LEFT, 40, 8);
  }

  noteLines(w: Word[]): Word[][] {
    return breakLines(w, RIGHT - LEFT - 20, (x) => this.wordWidth(x, NOTE), this.fonts.roman.widthOfTextAtSize(' ', NOTE));
  }

  notesHeight(notes: { words: Word[] }[]): number {
    if (notes.length === 0) return 0;
    return 10 + notes.reduce((h, n) => h + this.noteLines(n.words).length * NOTE_LEAD, 0);
  }

  flushNotes(): void {
    if (this.notes.length === 0) return;
    let y = BOTTOM + this.notesHeight(this.notes) - 10 - NOTE_LEAD + 2;
    this.page.drawLine({ start: { x: LEFT, y: y + NOTE_LEAD + 2 }, end: { x: LEFT + 100, y: y + NOTE_LEAD + 2 }, thickness: 0.5 });
    for (const n of this.notes) {
      const lines = this.noteLines(n.words);
      this.drawPiece({ text: String(n.n), style: 'mark' }, LEFT + 12, y, NOTE);
      for (const line of lines) {
        this.setLine(line, LEFT + 20, y, NOTE, false, RIGHT - LEFT - 20);
        y -= NOTE_LEAD;
      }
    }
  }

  /** Set one line at x, justified to `width` unless last. */
  setLine(line: Word[], x: number, y: number, size: number, justify: boolean, width: number): void {
    const natural = line.reduce((s, w) => s + this.wordWidth(w, size), 0);
    const space = this.fonts.roman.widthOfTextAtSize(' ', size);
    const squeezed = line.length > 1 && natural + space * (line.length - 1) > width;
    const gap = (justify || squeezed) && line.length > 1 ? (width - natural) / (line.length - 1) : space;
    for (const w of line) {
      let cx = x;
      for (const p of w) cx = this.drawPiece(p, cx, y, size);
      x = cx + gap;
    }
  }

  /**
   * Set a paragraph: first line at `first`, the others at `rest`, justified or not; `gap` points
   * of space before it. Lines whose footnotes do not fit above the foot go to the next page.
   */
  paragraph(ws: Word[], opts: { first: number; rest: number; size?: number; justify?: boolean; gap?: number; label?: Word; labelX?: number }): void {
    const size = opts.size ?? BODY;
    const lead = size === BODY ? LEAD : size * 1.2;
    const space = this.fonts.roman.widthOfTextAtSize(' ', size);
    const firstWidth = RIGHT - opts.first;
    const restWidth = RIGHT - opts.rest;
    const lines = breakLines(ws, firstWidth, (w) => this.wordWidth(w, size), space, restWidth);
    this.y -= opts.gap ?? 6;
    lines.forEach((line, i) => {
      const refs = line.flatMap((w) => w.filter((p) => p.style === 'mark').map((p) => Number(p.text))).filter((n) => !this.placed.has(n));
      const extra = refs.map((n) => ({ n, words: words(this.footnotes.get(n) ?? []) }));
      const need = () => BOTTOM + this.notesHeight([...this.notes, ...extra]) + lead;
      if (this.y - lead < need() - lead) this.newPage();
      this.y -= lead;
      for (const e of extra) {
        this.notes.push(e);
        this.placed.add(e.n);
      }
      if (i === 0 && opts.label) {
        let lx = opts.labelX ?? LEFT;
        for (const p of opts.label) lx = this.drawPiece(p, lx, this.y, size);
      }
      const x = i === 0 ? opts.first : opts.rest;
      this.setLine(line, x, this.y, size, (opts.justify ?? true) && i < lines.length - 1, i === 0 ? firstWidth : restWidth);
    });
  }

  finish(): void {
    this.flushNotes();
  }
}

/**
 * Greedy line breaking by measured widths. Word spaces may shrink to SHRINK of their width, as
 * typesetters squeeze justified lines, so some lines have word gaps of about 0.15 em.
 */
const SHRINK = 0.6;
function breakLines(ws: Word[], width: number, measure: (w: Word) => number, space: number, restWidth = width): Word[][] {
  const lines: Word[][] = [];
  let cur: Word[] = [];
  let used = 0;
  for (const w of ws) {
    const wWidth = measure(w);
    const limit = lines.length === 0 ? width : restWidth;
    if (cur.length && used + space * SHRINK + wWidth > limit) {
      lines.push(cur);
      cur = [];
      used = 0;
    }
    used += (cur.length ? space * SHRINK : 0) + wWidth;
    cur.push(w);
  }
  if (cur.length) lines.push(cur);
  return lines;
}

/**
 * The glyph-by-glyph PDF of a corpus resolution.
 *
 * @param markdown the corpus Markdown
 */
export async function glyphPdf(markdown: string, opts: { symbol?: string; jobNumber?: string } = {}): Promise<Uint8Array> {
  const doc = parseSourceDoc(markdown);
  const symbol = opts.symbol ?? 'A/HRC/RES/56/2';
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${symbol} (constructed test rendition)`);
  pdf.setSubject('Constructed test rendition; not an official United Nations document');
  pdf.setProducer('resdiff test suite (pdf-lib, glyph by glyph)');
  const fonts: Fonts = {
    roman: await pdf.embedFont(StandardFonts.TimesRoman),
    italic: await pdf.embedFont(StandardFonts.TimesRomanItalic),
    bold: await pdf.embedFont(StandardFonts.TimesRomanBold),
  };
  const s = new Setter(pdf, fonts, doc.footnotes, symbol, opts.jobNumber ?? 'GE.24-12826(E)');
  // Masthead: the organ at the left, the symbol at the right, then the distribution block.
  const [organ, ...distr] = doc.masthead;
  s.y -= 20;
  s.drawPiece({ text: organ ?? 'General Assembly', style: 'bold' }, LEFT, s.y, 18);
  s.drawPiece({ text: symbol, style: 'roman' }, RIGHT - fonts.roman.widthOfTextAtSize(symbol, 14), s.y, 14);
  s.page.drawLine({ start: { x: LEFT, y: s.y - 6 }, end: { x: RIGHT, y: s.y - 6 }, thickness: 1.5 });
  s.y -= 14;
  for (const line of distr) s.paragraph(words([{ text: line }]), { first: 360, rest: 360, justify: false, gap: 2 });
  s.y -= 14;
  for (const b of doc.blocks) setBlock(s, b);
  s.finish();
  return pdf.save({ useObjectStreams: false });
}

function setBlock(s: Setter, b: Block): void {
  const ind = LEFT + 57;
  switch (b.kind) {
    case 'head':
    case 'title': {
      const plain = b.runs.map((r) => r.text).join('');
      const big = b.kind === 'title' && /^\d+\/\d+\./.test(plain);
      const organ = /Council$|Assembly$/.test(plain);
      s.tracking = b.kind === 'title' || organ ? 0.2 : 0;
      s.paragraph(words(b.runs, b.kind === 'title' || organ ? 'bold' : 'roman'), { first: LEFT, rest: big ? LEFT + 28 : LEFT, size: big || organ ? 12 : BODY, justify: false, gap: b.kind === 'title' ? 14 : 4 });
      s.tracking = 0;
      return;
    }
    case 'op':
      s.paragraph(words(b.runs), { first: ind + 28, rest: ind, label: [{ text: `${b.number}.`, style: 'roman' }], labelX: ind });
      return;
    case 'sub':
      s.paragraph(words(b.runs), { first: ind + 57, rest: ind + 28 });
      return;
    case 'foot': {
      const plain = b.runs.map((r) => r.text).join('');
      const list = !b.runs.some((r) => r.italic) && !/^\[Adopted/.test(plain);
      s.paragraph(words(b.runs), { first: list ? ind + 28 : ind, rest: list ? ind + 28 : ind, justify: list, gap: /meeting$/.test(plain) ? 14 : 6 });
      return;
    }
    default:
      s.paragraph(words(b.runs), { first: ind + 28, rest: ind });
  }
}
