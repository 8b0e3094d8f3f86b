/**
 * What the PDF and DOCX readers have in common: rebuilt paragraphs made of styled spans, written
 * out as the Markdown shape of the corpus (italic openings in `*…*`, `<sup>n</sup>` markers,
 * footnote texts after a `---` rule), and the masthead facts read into metadata.
 */

/** A piece of text with the styles the resolution parser cares about. */
export interface Span {
  text: string;
  italic?: boolean;
  bold?: boolean;
  /** A footnote reference marker: `text` is the footnote number. */
  note?: boolean;
  /** The marker was typed as raised digits, not a real footnote reference (for --explain). */
  raised?: boolean;
}

/** A paragraph as rebuilt from a document: its spans in reading order. */
export type Para = Span[];

/** Months by English name, for masthead dates. */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "11 July 2024" → "2024-07-11"; undefined when the text is not such a date. */
export function isoDate(text: string): string | undefined {
  const m = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2].toLowerCase());
  if (month < 0) return undefined;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

/** A UN document symbol on its own: "A/HRC/RES/56/2", "A/RES/78/199", "E/CN.4/2001/2". */
export const SYMBOL_RE = /^[A-Z]{1,8}(?:\/[A-Za-z0-9.\-()]+){1,7}$/;

/** Job numbers: Geneva "GE.24-12826(E)", New York "24-12826 (E) 110724", and the barcode line "*2412826*". */
export const JOB_RE = /^(?:GE\.\d{2}-\d{4,6}\s*\([A-Z]\)|\d{2}-\d{4,6}\s*\([A-Z]\)(?:\s+\d{6})?(?:\s+\*\d+\*)?|\*\d{6,}\*)$/;

/**
 * Read one masthead line into metadata, if it is one.
 *
 * @param text the line, whitespace-normalised
 * @param meta metadata collected so far (changed in place)
 * @returns 'drop' for lines that are not part of the text (symbol, job number, "United Nations"),
 *   'keep' for masthead lines kept as head paragraphs, undefined for ordinary text
 */
export function mastheadLine(text: string, meta: Record<string, unknown>, previous?: string): 'drop' | 'keep' | undefined {
  const t = text.trim();
  if (meta.symbol === undefined && SYMBOL_RE.test(t) && /\d/.test(t)) {
    meta.symbol = t;
    return 'drop';
  }
  if (JOB_RE.test(t)) {
    if (!t.startsWith('*') && meta.jobNumber === undefined) meta.jobNumber = t;
    return 'drop';
  }
  if (t === 'United Nations') return 'drop';
  let m = /^Distr\.?:\s*(.+)$/i.exec(t);
  if (m) {
    meta.distribution = m[1].trim();
    return 'keep';
  }
  m = /^Original:\s*(.+)$/i.exec(t);
  if (m) {
    meta.originalLanguage = m[1].trim();
    return 'keep';
  }
  const iso = isoDate(t);
  if (iso && previous !== undefined && /^Distr\.?:/i.test(previous.trim()) && meta.issued === undefined) {
    meta.issued = iso;
    return 'keep';
  }
  return undefined;
}

/** Collapse white space and repair typographic spacing left over from line building. */
export function tidy(text: string): string {
  return text.replace(/[\u00a0\u2009\u202f\t ]+/g, ' ').replace(/\s+\n/g, '\n').trim();
}

/** Merge adjacent spans of the same style; white space between two italic spans stays italic, so "Recalling also" is one span. */
export function mergeSpans(para: Para): Span[] {
  const merged: Span[] = [];
  for (const s of para) {
    if (s.text === '') continue;
    const last = merged[merged.length - 1];
    if (last && !s.note && !last.note && (((last.italic ?? false) === (s.italic ?? false) && (last.bold ?? false) === (s.bold ?? false)) || s.text.trim() === '')) last.text += s.text;
    else merged.push({ ...s });
  }
  return merged;
}

/**
 * Merge adjacent spans of the same style, keep white space outside `*…*`, and write a paragraph
 * as one Markdown line.
 */
export function paraMarkdown(para: Para): string {
  const merged = mergeSpans(para);
  let out = '';
  for (const s of merged) {
    if (s.note) out += `<sup>${s.text.trim()}</sup>`;
    else if (s.italic && s.text.trim() !== '') {
      const lead = /^\s*/.exec(s.text)![0];
      const trail = /\s*$/.exec(s.text)![0];
      out += `${lead}*${s.text.trim()}*${trail}`;
    } else out += s.text;
  }
  const md = tidy(out.replace(/\s+/g, ' '));
  // A paragraph printed all in bold (the agenda title, headings) is marked so: the head parser reads it.
  const visible = merged.filter((s) => !s.note && s.text.trim() !== '');
  return visible.length > 0 && visible.every((s) => s.bold) && !md.includes('**') ? `**${md}**` : md;
}

/**
 * The Markdown of a rebuilt resolution: paragraphs separated by blank lines, then `---` and the
 * footnote texts as `<sup>n</sup> text`.
 */
export function toMarkdown(paras: Para[], footnotes: Map<number, Para>): string {
  const headEnd = paras.findIndex((p) => /^The .+,$/.test(tidy(spansText(p))));
  const lines = paras.map((p, i) => (i < headEnd ? headMarkdown(p) : paraMarkdown(p))).filter((p) => p !== '');
  let md = lines.join('\n\n') + '\n';
  if (footnotes.size > 0) {
    const notes = [...footnotes.entries()].sort((a, b) => a[0] - b[0]).map(([n, p]) => `<sup>${n}</sup> ${paraMarkdown(p)}`);
    md += '\n---\n\n' + notes.join('\n\n') + '\n';
  }
  return md;
}

/** Head lines that the corpus writes as headings; the agenda title stays bold. */
const HEADINGS: [RegExp, string][] = [
  [/^(General Assembly|Security Council|Economic and Social Council)$/, '# '],
  [/^(Human Rights Council|Commission on .+|.+ Committee)$/, '## '],
  [/^Resolution adopted by /, '## '],
  [/^[\p{L}-]+ (special )?session$/u, '### '],
  [/^\d{1,3}\/\d{1,4}\.\s/, '### '],
];

/**
 * A head paragraph: the masthead's bodies, the session, "Resolution adopted by …" and the
 * numbered title as headings, as in the corpus; a bold line (the agenda title) as bold.
 */
export function headMarkdown(para: Para): string {
  const plain = tidy(spansText(para).replace(/\s+/g, ' '));
  for (const [re, mark] of HEADINGS) if (re.test(plain)) return `${mark}${plain}`;
  return paraMarkdown(para);
}

/** Plain text of spans (markers dropped). */
export function spansText(para: Para): string {
  return para
    .filter((s) => !s.note)
    .map((s) => s.text)
    .join('');
}
