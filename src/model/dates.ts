/**
 * Dates and ordinals as UN documents print them: "10 July 2024", "Fifty-sixth session".
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Pattern for a printed date, "10 July 2024". */
export const DATE_PATTERN = /\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b/;

/**
 * Parse "10 July 2024" (anywhere in the string) to "2024-07-10".
 *
 * @returns the ISO date, or "" when there is none
 */
export function parseDate(text: string): string {
  const m = DATE_PATTERN.exec(text);
  if (!m) return '';
  const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

const UNITS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const TENS_ORD = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Matches an English ordinal word up to ninety-ninth ("sixty-second", "fifty-ninth", "tenth"). */
export const ORDINAL_WORD = new RegExp(
  `\\b(?:(?:${TENS.slice(2).join('|')})-(?:${UNITS.slice(1, 10).join('|')})|${UNITS.slice(1).join('|')}|${TENS_ORD.slice(2).join('|')})\\b`,
  'i',
);

/**
 * "Fifty-sixth" -> 56, "tenth" -> 10, "56th" -> 56.
 *
 * @returns the number, or null when the word is not an ordinal
 */
export function ordinalToNumber(word: string): number | null {
  const w = word.trim().toLowerCase();
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(w);
  if (digits) return Number(digits[1]);
  const unit = UNITS.indexOf(w);
  if (unit > 0) return unit;
  const tensOrd = TENS_ORD.indexOf(w);
  if (tensOrd > 1) return tensOrd * 10;
  const parts = w.split('-');
  if (parts.length === 2) {
    const t = TENS.indexOf(parts[0]);
    const u = UNITS.indexOf(parts[1]);
    if (t > 1 && u > 0 && u < 10) return t * 10 + u;
  }
  return null;
}
