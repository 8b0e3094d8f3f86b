/**
 * "Accept all changes" and "Reject all changes" of a Word document, by script over its XML
 * (document.xml, footnotes.xml, numbering by w:numPr): what a delegate gets in Word, read as
 * paragraphs with their text, italics, list numbers and footnotes.
 *
 * Accept drops w:del and w:moveFrom content and keeps w:ins / w:moveTo; reject the reverse and
 * restores the old properties of w:rPrChange / w:pPrChange. A paragraph whose mark is dropped
 * joins the next paragraph (which keeps its own properties), as in Word. Only the last section
 * is read: a cover section before it (summary, legend) is not part of either text.
 */
import JSZip from 'jszip';
import { tokens, onOff } from '../../src/ingest/docx/xml.js';

/** A minimal element tree. */
export interface El {
  name: string;
  attrs: Record<string, string>;
  children: Array<El | string>;
}

/** Parse XML into a tree (saxes, through the reader's tokenizer). */
export function parseXml(xml: string): El {
  const root: El = { name: '#root', attrs: {}, children: [] };
  const stack: El[] = [root];
  for (const t of tokens(xml)) {
    const top = stack[stack.length - 1]!;
    if (t.kind === 'text') top.children.push(t.text);
    else if (t.kind === 'close') stack.pop();
    else {
      const el: El = { name: t.name, attrs: t.attrs, children: [] };
      top.children.push(el);
      if (t.kind === 'open') stack.push(el);
    }
  }
  return root;
}

const kids = (e: El): El[] => e.children.filter((c): c is El => typeof c !== 'string');
const child = (e: El | undefined, name: string): El | undefined => (e ? kids(e).find((c) => c.name === name) : undefined);
const textOf = (e: El): string => e.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

/** One run of a reading. */
export interface ReadRun {
  text: string;
  italic: boolean;
  bold: boolean;
  /** A footnote reference (its Word id) instead of text. */
  footnote?: string;
}

/** One paragraph of a reading. */
export interface ReadParagraph {
  text: string;
  runs: ReadRun[];
  /** Italic characters from the start of the paragraph (the opening phrase as shown). */
  italicStart: string;
  /** Italic text anywhere after that, joined ("" when none). */
  italicElsewhere: string;
  /** The list number Word shows ("12."), or undefined. */
  number?: number;
  /** The texts of the footnotes referenced from this paragraph, in order. */
  footnotes: string[];
  /** The paragraph is in the cover section (before the last section break). */
  cover: boolean;
}

export type Mode = 'accept' | 'reject';

function dropped(mode: Mode): Set<string> {
  return new Set(mode === 'accept' ? ['w:del', 'w:moveFrom'] : ['w:ins', 'w:moveTo']);
}

/** The runs of an element's content under a reading (tracked elements dropped or unwrapped). */
function runsOf(e: El, mode: Mode): ReadRun[] {
  const drop = dropped(mode);
  const out: ReadRun[] = [];
  const walk = (x: El) => {
    for (const c of kids(x)) {
      if (drop.has(c.name)) continue;
      if (c.name === 'w:pPr') continue;
      if (c.name === 'w:r') {
        let rPr = child(c, 'w:rPr');
        const change = child(rPr, 'w:rPrChange');
        if (change && mode === 'reject') rPr = child(change, 'w:rPr');
        const on = (n: string) => {
          const p = child(rPr, n);
          return !!p && onOff(p.attrs);
        };
        const italic = on('w:i');
        const bold = on('w:b');
        for (const r of kids(c)) {
          if (r.name === 'w:t' || r.name === 'w:delText') out.push({ text: textOf(r), italic, bold });
          else if (r.name === 'w:tab') out.push({ text: '\t', italic, bold });
          else if (r.name === 'w:footnoteReference') out.push({ text: '', italic, bold, footnote: r.attrs['w:id'] });
        }
        continue;
      }
      walk(c);
    }
  };
  walk(e);
  return out;
}

/** Properties of a paragraph under a reading (w:pPrChange's old properties when rejecting). */
function pPrOf(p: El, mode: Mode): El | undefined {
  const pPr = child(p, 'w:pPr');
  const change = child(pPr, 'w:pPrChange');
  if (change && mode === 'reject') return child(change, 'w:pPr');
  return pPr;
}

/**
 * Read a .docx as Word shows it after accepting or rejecting every change.
 *
 * @param bytes the document
 * @param mode 'accept' or 'reject'
 */
export async function readDocx(bytes: Uint8Array, mode: Mode): Promise<ReadParagraph[]> {
  const zip = await JSZip.loadAsync(bytes);
  const doc = parseXml(await zip.file('word/document.xml')!.async('string'));
  const fnFile = zip.file('word/footnotes.xml');
  const notes = new Map<string, El>();
  if (fnFile) {
    const fn = parseXml(await fnFile.async('string'));
    for (const f of kids(child(fn, 'w:footnotes')!)) if (f.name === 'w:footnote') notes.set(f.attrs['w:id']!, f);
  }
  const footnoteText = (id: string): string =>
    kids(notes.get(id)!)
      .filter((p) => p.name === 'w:p')
      .map((p) => runsOf(p, mode).map((r) => r.text).join(''))
      .join('\n')
      .trim();
  const body = child(child(doc, 'w:document')!, 'w:body')!;
  const paras = kids(body).filter((p) => p.name === 'w:p');
  const lastBreak = paras.map((p) => !!child(child(p, 'w:pPr'), 'w:sectPr')).lastIndexOf(true);
  const drop = dropped(mode);
  const out: ReadParagraph[] = [];
  let carry: ReadRun[] = [];
  paras.forEach((p, k) => {
    const markRpr = child(child(p, 'w:pPr'), 'w:rPr');
    const markDropped = !!markRpr && kids(markRpr).some((x) => drop.has(x.name));
    const runs = [...carry, ...runsOf(p, mode)];
    if (markDropped) {
      carry = runs;
      return;
    }
    carry = [];
    const pPr = pPrOf(p, mode);
    const numbered = !!child(pPr, 'w:numPr');
    const text = runs.map((r) => r.text).join('');
    let italicStart = '';
    let i = 0;
    for (; i < runs.length && (runs[i]!.italic || runs[i]!.text === ''); i++) italicStart += runs[i]!.text;
    const italicElsewhere = runs.slice(i).filter((r) => r.italic).map((r) => r.text).join('');
    out.push({
      text,
      runs,
      italicStart,
      italicElsewhere,
      number: numbered ? -1 : undefined,
      footnotes: runs.filter((r) => r.footnote !== undefined).map((r) => footnoteText(r.footnote!)),
      cover: k <= lastBreak,
    });
  });
  // Word numbers the list's paragraphs in order (one list: numId 1, level 0).
  let n = 0;
  for (const p of out) if (p.number !== undefined) p.number = ++n;
  return out;
}
