/**
 * Words as the corpus search sees them: case, diacritics, punctuation and layout ignored, so that
 * a phrase pasted from a PDF ("Agreement,1 and the\ncoop-\neration") finds the clause the parser
 * read ("Agreement, and the cooperation"). The index's FTS5 tokenizer (unicode61,
 * remove_diacritics 2) splits text the same way: runs of letters and digits.
 */

/** One word of a text, with where it is in the original. */
export interface SearchWord {
  /** Lower case, without diacritics. */
  norm: string;
  /** Character offsets in the text the words were taken from. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Fold case and diacritics as the index's tokenizer does. */
export function foldWord(w: string): string {
  return w.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words of a text, in order, with their offsets. */
export function searchWords(text: string): SearchWord[] {
  const out: SearchWord[] = [];
  for (const m of text.matchAll(WORD)) {
    const norm = foldWord(m[0]);
    if (norm) out.push({ norm, start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/**
 * Clean a phrase a user typed or pasted before it is searched: footnote markers (`<sup>3</sup>`,
 * superscript digits, a number glued to the end of a word or after its punctuation:
 * "Agreement,1", "Agenda2"), line-end hyphenation ("coop-\neration") and layout go.
 */
export function cleanPhrase(text: string): string {
  return text
    .replace(/<sup>\s*[^<]{0,8}<\/sup>/gi, ' ')
    .replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]+/g, ' ')
    .replace(/(\p{Ll}{3,}[,.;:)\]”’"']?)\d{1,3}(?=[\s,.;:)\]]|$)/gu, '$1')
    .replace(/(\p{L})[-\u00ad]\s*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An FTS5 phrase query for these words ("…" with each word quoted as FTS5 wants). */
export function ftsPhrase(words: readonly string[]): string {
  return `"${words.map((w) => w.replace(/"/g, '""')).join(' ')}"`;
}

/**
 * Where a run of words occurs in a text: every [start, end) character range whose words equal
 * `phrase` in order.
 */
export function findPhrase(text: string, phrase: readonly string[]): Array<[number, number]> {
  if (phrase.length === 0) return [];
  const words = searchWords(text);
  const out: Array<[number, number]> = [];
  for (let i = 0; i + phrase.length <= words.length; i++) {
    let k = 0;
    while (k < phrase.length && words[i + k].norm === phrase[k]) k++;
    if (k === phrase.length) {
      out.push([words[i].start, words[i + phrase.length - 1].end]);
      i += phrase.length - 1;
    }
  }
  return out;
}
