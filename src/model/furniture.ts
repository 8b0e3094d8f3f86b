/**
 * Page furniture: the lines a printed page adds around the text (running heads, job numbers,
 * page numbers, barcodes). Known shapes live here, shared by the resolution parser and the
 * plain-text reader; the plain-text reader also finds furniture by repetition across pages.
 */

/** Known shapes of furniture lines, each with what it is called in the explain trace. */
const ARTEFACTS: Array<{ re: RegExp; what: string; page?: boolean }> = [
  { re: /^(?:A|E|S|A\/HRC|CCPR|CEDAW)\/[A-Z0-9./-]*\d[A-Z0-9./-]*$/, what: 'running head (a document symbol alone on a line)' },
  { re: /^GE\.\d{2}-\d{4,6}(?:\s*\([A-Z]\))?(?:\s+\*?\d+\*?)?$/, what: 'job number (Geneva)' },
  { re: /^\d{2}-\d{4,6}\s*\([A-Z]\)(?:\s+\d{6})?/, what: 'job number (New York)' },
  { re: /^\d{1,3}$/, what: 'page number', page: true },
  { re: /^\d{1,3}\s*\/\s*\d{1,3}$/, what: 'page number ("2/7")', page: true },
  { re: /^\*\d{5,}\*$/, what: 'barcode text' },
  { re: /^Please recycle$/i, what: 'page furniture ("Please recycle")' },
];

/**
 * What kind of page furniture a line is, or undefined for text.
 *
 * @param t the trimmed line
 * @param pageNumbers whether a lone number counts (the parser's blocks: yes; the plain-text
 *   reader decides page numbers by their sequence instead, since footnote numbers are lone too)
 */
export function artefact(t: string, pageNumbers = true): string | undefined {
  return ARTEFACTS.find((a) => (pageNumbers || !a.page) && a.re.test(t))?.what;
}
