/**
 * Tokens of clause text for diffing and similarity. A token keeps its original text (and the
 * white space before it) and a class, so UN document symbols ("A/HRC/56/40"), resolution numbers
 * ("78/197"), dates ("10 July 2024") and numbers stay whole, and routine references can be told
 * from words. (jsdiff's default word tokenizer splits "70/1" into three tokens; DESIGN §6.)
 */
import { ORDINAL_WORD } from './dates.js';

/** What a token is: routine reference classes first, then words and punctuation. */
export type TokenClass = 'symbol' | 'resolution' | 'date' | 'number' | 'ordinal' | 'year' | 'word' | 'punct';

/** One token of a clause. */
export interface Token {
  /** White space before the token in the source text ("" or " "). */
  ws: string;
  /** The token's text as written. */
  text: string;
  cls: TokenClass;
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

/**
 * One regex, alternatives in priority order; the group that matched gives the class.
 * - symbol: a UN document symbol, capitals then slash-separated parts: A/HRC/56/40,
 *   FCCC/CP/2015/10/Add.1, E/CN.4/Sub.2/2000/46, A/HRC/56/L.5; or a decision such as 1/CP.21.
 * - resolution: 78/197, 2000/22, 6/17.
 * - date: 10 July 2024, 19 and 20 January 2024 (kept as one), July 2024.
 */
/** A part of a symbol: letters, digits and inner dots ("CN.4", "Add.1", "L.5"), never a final dot. */
const PART = '[A-Za-z0-9](?:[A-Za-z0-9.]*[A-Za-z0-9])?';

/**
 * The alternatives, numbered groups 1 (symbol) … 6 (punct), for a class of letters (and marks)
 * and a class of letters for the look-ahead after a hyphen. Kept as source: each regex made of it
 * is built on first use.
 */
const tokenSource = (letters: string, lookahead: string) =>
  [
    `([A-Z]{1,8}(?:\\/${PART})+|\\d{1,4}\\/[A-Z]{1,6}\\.\\d+)`,
    `(\\d{1,4}\\/\\d{1,4}(?:\\/\\d{1,4})?)`,
    `(\\d{1,2}(?: and \\d{1,2})? ${MONTH} \\d{4}|${MONTH} \\d{4})`,
    `(\\d+(?:[.,]\\d+)*(?:st|nd|rd|th)?)`,
    `([${letters}](?:[${letters}\\d'’]|-(?=[${lookahead}\\d]))*)`,
    `(\\S)`,
  ].join('|');

/**
 * The letters (and marks) of Unicode below U+0250: Basic Latin, Latin-1 and Latin Extended-A/B.
 * No mark lies there, and General Punctuation (U+2000–U+206F: quotes, dashes, …) holds neither
 * letters nor marks, so on a text made of those characters only this class finds exactly what
 * \p{L}\p{M} finds (test/model/token-keys.property.test.ts checks both regexes agree there).
 */
const LATIN = 'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F';
/** A character outside that range: the text needs the Unicode regex. */
const BEYOND_LATIN = /[^\u0000-\u024F\u2000-\u206F]/;
const LATIN_LETTER = new RegExp(`^[${LATIN}]`);

let unicodeRegex: RegExp | undefined;
let latinRegex: RegExp | undefined;
/**
 * The token regex for a text (global; each built once, on first use). English, French and
 * Spanish texts take the Latin one; any other script, the Unicode one. Building the Unicode
 * regex's \p{L} classes and compiling them took 3–4 ms of a short run's start, more than
 * tokenizing a whole resolution; the Latin regex takes under 1 ms.
 *
 * @param force one regex whatever the text (tests hold the two to each other)
 */
export function tokenRegex(text: string, force?: 'unicode' | 'latin'): RegExp {
  if (force === 'unicode' || (force === undefined && BEYOND_LATIN.test(text))) return (unicodeRegex ??= new RegExp(tokenSource('\\p{L}\\p{M}', '\\p{L}'), 'gu'));
  return (latinRegex ??= new RegExp(tokenSource(LATIN, LATIN), 'g'));
}

/** Recently tokenized texts: alignment and diff tokenize the same clause texts. */
const cache = new Map<string, Token[]>();
const CACHE_LIMIT = 20000;

/**
 * Split clause text into tokens; joining `ws + text` of all tokens gives the text back exactly.
 * The result is shared: do not modify it.
 */
export function tokenize(text: string): readonly Token[] {
  let hit = cache.get(text);
  if (!hit) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    hit = tokenizeUncached(text);
    cache.set(text, hit);
  }
  return hit;
}

/** Texts in the shared token cache (tests check who fills it). */
export function tokenCacheSize(): number {
  return cache.size;
}

/** Tokenize without the cache: for a stream of texts seen once (building the corpus index). */
export function tokenizeUncached(text: string, regex?: 'unicode' | 'latin'): Token[] {
  const out: Token[] = [];
  let last = 0;
  // exec with numbered groups, not matchAll with named ones: no groups object per token (this
  // runs for every word of both versions, mostly before the JIT has warmed up).
  const re = tokenRegex(text, regex);
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const t = m[0];
    let cls: TokenClass = 'punct';
    if (m[1] !== undefined) cls = 'symbol';
    else if (m[2] !== undefined) cls = 'resolution';
    else if (m[3] !== undefined) cls = 'date';
    else if (m[4] !== undefined) cls = YEAR.test(t) ? 'year' : 'number';
    else if (m[5] !== undefined) cls = isOrdinal(t) ? 'ordinal' : 'word';
    const gap = m.index - last;
    out.push({ ws: gap === 0 ? '' : gap === 1 && text.charCodeAt(last) === 32 ? ' ' : text.slice(last, m.index), text: t, cls });
    last = m.index + t.length;
  }
  return out;
}

/** A number that is a year (its own class, also technical). */
const YEAR = /^(19|20)\d\d$/;

/** Every ordinal word ends so ("first", "second", "third", "fifty-sixth"): most words need no regex. */
const ORDINAL_END = /(?:st|nd|rd|th)$/i;

function isOrdinal(word: string): boolean {
  if (word.length < 5 || !ORDINAL_END.test(word)) return false;
  const m = ORDINAL_WORD.exec(word);
  return !!m && m[0].length === word.length;
}

/** Classes that make a change a routine "technical update". */
export const TECHNICAL_CLASSES: ReadonlySet<TokenClass> = new Set(['symbol', 'resolution', 'date', 'number', 'ordinal', 'year']);

/** Is this token a routine reference (date, number, symbol, session ordinal)? */
export function isTechnical(t: Token): boolean {
  return TECHNICAL_CLASSES.has(t.cls);
}

const RESOLUTION_TEXT = /^\d{1,4}\/\d{1,4}(?:\/\d{1,4})?$/;
/** Built on first use, for a character beyond Latin. */
let letterRegex: RegExp | undefined;
/** Is this one character (code point) a letter or mark? Beyond Latin, by the Unicode class. */
function isLetter(t: string): boolean {
  return (BEYOND_LATIN.test(t) ? (letterRegex ??= /^[\p{L}\p{M}]/u) : LATIN_LETTER).test(t);
}

/**
 * The similarity keys of a text's tokens (align/similarity.ts `termKeys`): each word in lower
 * case, each routine reference as its class ("#date", "#symbol", …), punctuation left out. The
 * same as classifying `tokenize`'s tokens, without making them: one native match for all token
 * texts, and the class read from the text itself, which the alternatives allow — only a date
 * has a space; only a symbol or resolution number has a "/" (a resolution is digits and
 * slashes, a symbol anything else); a number starts with a digit; a single character (code
 * point) that is neither a letter nor a digit is punctuation; anything else is a word.
 * test/model/token-keys.property.test.ts holds it to the tokenizer.
 */
export function tokenKeys(text: string, regex?: 'unicode' | 'latin'): string[] {
  const out: string[] = [];
  // String.prototype.match with the global regex: every token's text in one native call.
  const all = text.match(tokenRegex(text, regex));
  if (!all) return out;
  for (const t of all) {
    if (t.includes(' ')) out.push('#date');
    else if (t.length > 1 && t.includes('/')) out.push(RESOLUTION_TEXT.test(t) ? '#resolution' : '#symbol');
    else {
      const c = t.charCodeAt(0);
      if (c >= 48 && c <= 57) out.push(YEAR.test(t) ? '#year' : '#number');
      else if ((t.length === 1 || (t.length === 2 && t.codePointAt(0)! > 0xffff)) && !isLetter(t)) continue; // one character, not a letter
      else out.push(isOrdinal(t) ? '#ordinal' : t.toLowerCase());
    }
  }
  return out;
}
