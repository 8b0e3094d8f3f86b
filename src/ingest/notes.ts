/**
 * Footnotes as endnotes: a web page saved as PDF or Word, or a document set with endnotes, puts
 * the footnote texts after the vote rather than at the foot of each page, at any size. The PDF
 * and DOCX readers find such a section by its structure, not its look: a run of paragraphs at the
 * end of the document, each opening with a number, whose numbers are exactly the footnote markers
 * of the text that have no footnote text yet, in ascending order.
 */
import { note, type Explain } from './explain.js';
import { spansText, type Para, type Span } from './pdf/emit.js';

/** The number a paragraph opens with ("1 See …", "1. See …", "¹ See …", a marker span), and the rest. */
export function opensWithNumber(p: Para): { n: number; rest: Para } | undefined {
  const i = p.findIndex((s) => s.note || s.text.trim() !== '');
  if (i < 0) return undefined;
  const first = p[i];
  if (first.note) {
    const n = Number(first.text.trim());
    const rest = p.slice(i + 1);
    return Number.isInteger(n) && rest.some((s) => s.text.trim() !== '') ? { n, rest: trimStart(rest) } : undefined;
  }
  // The number may be a list label span of its own ("1. ") before the text.
  const text = p.slice(i).map((s) => (s.note ? '\u0000' : s.text)).join('');
  const m = /^\s*(\d{1,3})(?:[.)]|\s)\s*(?=[^\s\u0000])/.exec(text);
  if (!m) return undefined;
  let cut = m[0].length;
  const rest: Para = [];
  for (const s of p.slice(i)) {
    if (cut <= 0 || s.note) rest.push(s);
    else if (s.text.length <= cut) cut -= s.text.length;
    else {
      rest.push({ ...s, text: s.text.slice(cut) });
      cut = 0;
    }
  }
  return { n: Number(m[1]), rest: trimStart(rest) };
}

function trimStart(p: Para): Para {
  const out = p.filter((s) => s.note || s.text !== '');
  if (out[0] && !out[0].note) out[0] = { ...out[0], text: out[0].text.trimStart() };
  return out;
}

const HEADING = /^(?:notes?|end ?notes?|foot ?notes?|references)[:.]?$/i;

/**
 * Move an endnote section from the end of `paras` into `footnotes`.
 *
 * @param paras the document's paragraphs in reading order (changed in place: the section is removed)
 * @param footnotes the footnote texts found so far (changed in place)
 * @param trace the explain trace, if kept
 * @param stage the reader's name for the trace
 * @returns how many footnote texts were taken
 */
export function takeEndnotes(paras: Para[], footnotes: Map<number, Para>, trace?: Explain, stage = 'pdf'): number {
  // Markers in the text: note spans, except a raised number that opens a paragraph (a note's own).
  const markersOf = (p: Para) => {
    const first = p.findIndex((s) => s.note || s.text.trim() !== '');
    return p.filter((s, k) => s.note && k !== first).map((s) => Number(s.text.trim()));
  };
  const markers = paras.flatMap(markersOf);
  const missing = [...new Set(markers)].filter((n) => !footnotes.has(n)).sort((a, b) => a - b);
  if (missing.length === 0) return 0;
  // Walk back from the end over paragraphs that open with a number (and lines that continue one).
  const numbered: { at: number; n: number; rest: Para }[] = [];
  let start = paras.length;
  for (let i = paras.length - 1; i >= 0; i--) {
    const o = opensWithNumber(paras[i]);
    if (o) {
      numbered.unshift({ at: i, ...o });
      start = i;
      continue;
    }
    // A footnote text may run over two paragraphs; only inside the section (a numbered one follows).
    if (numbered.length > 0 && i > 0 && opensWithNumber(paras[i - 1]) && !paras[i].some((s) => s.note)) continue;
    break;
  }
  // The section is the last run that starts with the first missing number and counts up by one
  // to the end (numbered operative paragraphs may come before it).
  let from = -1;
  for (let j = numbered.length - 1; j >= 0; j--) {
    if (j + 1 < numbered.length && numbered[j + 1].n !== numbered[j].n + 1) break;
    if (numbered[j].n === missing[0]) from = j;
  }
  if (from < 0) return 0;
  numbered.splice(0, from);
  start = numbered[0].at;
  const numbers = new Set(numbered.map((x) => x.n));
  // Every missing marker has its text here, and every number here is a marker of the text (so
  // numbered operative paragraphs at the end of a document are never taken for notes).
  const known = new Set(markers);
  if (!missing.every((n) => numbers.has(n)) || ![...numbers].every((n) => known.has(n))) return 0;
  // The section comes after every marker it explains.
  if (paras.slice(start).some((p) => markersOf(p).some((n) => numbers.has(n)))) return 0;
  const texts = new Map<number, Para>();
  for (let k = 0; k < numbered.length; k++) {
    const end = numbered[k + 1]?.at ?? paras.length;
    const body: Span[] = [...numbered[k].rest];
    for (let i = numbered[k].at + 1; i < end; i++) body.push({ text: ' ' }, ...paras[i]);
    texts.set(numbered[k].n, body);
  }
  let cut = start;
  if (cut > 0 && HEADING.test(spansText(paras[cut - 1]).trim())) cut--;
  paras.splice(cut);
  for (const [n, p] of texts) {
    footnotes.set(n, p);
    note(trace, { action: 'footnote', stage, reason: `endnote ${n}: the section after the text opens with the numbers of markers ${missing.join(', ')}`, text: spansText(p) });
  }
  return texts.size;
}
