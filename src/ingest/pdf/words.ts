/**
 * Word-level repairs of text rebuilt from a PDF: end-of-line hyphenation and broken letter
 * spacing. Without a dictionary, "is a word" is judged by the document itself (the words it
 * prints whole elsewhere) plus short lists of the compounds resolutions hyphenate.
 */

/** First parts that keep their hyphen in resolution English ("non-selectivity", "fifty-ninth"). */
const HYPHEN_FIRST = new Set(
  (
    'non self co cross well above long short high low mid middle post pre anti ex vice follow far full part half ' +
    'twenty thirty forty fifty sixty seventy eighty ninety one two three four five ' +
    'capacity decision policy gender child age rights human state country evidence' +
    ' community science climate land sea peace law rule knowledge people results cost'
  ).split(' '),
);

/** Second parts that keep their hyphen ("capacity-building", "gender-sensitive", "fifty-ninth"). */
const HYPHEN_SECOND = new Set(
  (
    'based related building making led owned sensitive specific oriented responsive friendly free wide level scale term ' +
    'first second third fourth fifth sixth seventh eighth ninth one two three four five six seven eight nine ' +
    'up in out off going affected centred centered driven bound like'
  ).split(' '),
);

/** Number words and ordinals, which broken spacing in mastheads splits most ("Fift y- third"). */
const NUMBER_WORDS = new Set(
  (
    'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth ' +
    'sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth ' +
    'twenty thirty forty fifty sixty seventy eighty ninety hundred session resumed special'
  ).split(' '),
);

/** Short words that may stand alone, so "x y" is never glued when y is one of them. */
const SHORT_WORDS = new Set('a an as at be by do go he if in is it me my no of on or so to up us we'.split(' '));

/** The words a document prints whole, lower-cased, with compounds and their parts. */
export class Vocabulary {
  private readonly words = new Map<string, number>();

  /** @param texts the document's lines */
  constructor(texts: Iterable<string>) {
    for (const t of texts) {
      // A word broken at the line end ("far-" + "reaching") is not evidence for anything.
      const inner = dropBrokenWord(t);
      for (const m of inner.matchAll(/[A-Za-z]+(?:-[A-Za-z]+)*/g)) {
        const w = m[0].toLowerCase();
        this.add(w);
      }
    }
  }

  private add(w: string): void {
    this.words.set(w, (this.words.get(w) ?? 0) + 1);
  }

  /** True when the document prints `word` (any case) as a whole word or compound. */
  has(word: string): boolean {
    return this.words.has(word.toLowerCase());
  }
}

/**
 * Decide a line that ends in a hyphen: "join" for end-of-line hyphenation ("inter-" + "national"),
 * "keep" for a real hyphen ("non-" + "selectivity", "South-" + "South", "COVID-" + "19").
 *
 * @param left the word part before the hyphen (letters only)
 * @param right the first word of the next line
 */
export function hyphenBreak(left: string, right: string, vocab: Vocabulary): 'join' | 'keep' {
  const r = /^[A-Za-z]+/.exec(right)?.[0] ?? '';
  if (r === '' || !/^[a-z]/.test(r)) return 'keep';
  const l = left.toLowerCase();
  if (vocab.has(`${l}-${r}`)) return 'keep';
  if (vocab.has(`${l}${r}`)) return 'join';
  if (HYPHEN_FIRST.has(l) || HYPHEN_SECOND.has(r)) return 'keep';
  return 'join';
}

/**
 * Repair letter spacing broken by the PDF's glyph positioning, where unambiguous: "Fift y- third"
 * → "Fifty-third". A space after a hyphen inside a line is removed unless a suspended compound
 * follows ("pre- and post-natal"); two fragments are glued when the glued word is one the
 * document (or the list of number words) knows and the second fragment is not a word by itself.
 */
export function repairSpacing(text: string, vocab: Vocabulary): string {
  let out = text.replace(/([A-Za-z])- ([a-z]+)/g, (all, a: string, b: string) => (/^(and|or|to|nor)$/.test(b) ? all : `${a}-${b}`));
  out = out.replace(/\b([A-Za-z]{2,}) ([a-z]{1,3})(?=\b)/g, (all, a: string, b: string) => {
    const joined = `${a}${b}`.toLowerCase();
    if (SHORT_WORDS.has(b) || vocab.has(b) && b.length > 1) return all;
    if (vocab.has(a) && !NUMBER_WORDS.has(joined)) return all;
    return NUMBER_WORDS.has(joined) || vocab.has(joined) ? `${a}${b}` : all;
  });
  return out;
}

/** The line without a word broken at its end ("far-"); by hand, as /[A-Za-z]+-\s*$/ is quadratic on long words. */
function dropBrokenWord(t: string): string {
  const end = t.trimEnd();
  if (!end.endsWith('-')) return t;
  let i = end.length - 1;
  while (i > 0 && /[A-Za-z]/.test(end[i - 1])) i--;
  return i < end.length - 1 ? end.slice(0, i) : t;
}
