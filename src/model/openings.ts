/**
 * Opening phrases: the italic words a UN paragraph starts with ("Recalling also", "Requests").
 * Markdown marks them in italics; plain text does not, so they are recognised here from the
 * shape the UN uses: [adverb] head [qualifier], the head a participle or adjective (preambular)
 * or a third-person verb (operative).
 */

/** Adverbs that may precede the head: "Also reaffirms", "Deeply concerned". */
const LEAD_ADVERBS = [
  'also', 'further', 'again', 'once again', 'strongly', 'deeply', 'gravely', 'seriously', 'firmly',
  'fully', 'duly', 'warmly', 'particularly', 'equally', 'furthermore',
  'moreover', 'in this regard', 'in this context', 'finally',
];

/** Preambular heads that are not -ing participles. */
const PP_ADJECTIVES = [
  'concerned', 'determined', 'convinced', 'mindful', 'aware', 'alarmed', 'conscious', 'desirous',
  'guided by', 'cognizant', 'appreciative', 'encouraged', 'disturbed', 'dismayed', 'gratified',
  'pleased', 'satisfied', 'committed', 'resolved', 'persuaded', 'confident', 'fully aware',
  'having considered', 'having examined', 'having heard', 'having adopted', 'having regard',
];

/** Words that may qualify the head: "Recalling also", "Taking note with appreciation". */
const QUALIFIERS = [
  'also', 'further', 'furthermore', 'again', 'once again', 'in particular', 'in this regard',
  'with appreciation', 'with deep appreciation', 'with great appreciation', 'with satisfaction',
  'with concern', 'with deep concern', 'with grave concern', 'with serious concern', 'with alarm',
  'with regret', 'with interest', 'with approval', 'with gratitude', 'that', 'of', 'by',
];

/** Operative heads of more than one word. */
const OP_MULTI = [
  'calls upon', 'calls on', 'calls for', 'takes note', 'takes note with appreciation', 'expresses its concern',
  'expresses its deep concern', 'expresses its appreciation', 'expresses its support', 'expresses deep concern',
  'expresses concern', 'expresses its gratitude', 'reiterates its request', 'reiterates its call',
  'reiterates its commitment', 'renews its call', 'welcomes with appreciation', 'notes with appreciation', 'notes with concern',
  'bears in mind', 'looks forward', 'draws attention', 'pays tribute',
];

/** Preambular heads of more than one word. */
const PP_MULTI = ['taking note', 'taking into account', 'taking into consideration', 'bearing in mind', 'guided by', 'having considered', 'having examined', 'noting with appreciation', 'expressing its concern', 'expressing concern', 'expressing deep concern', 'expressing its appreciation', 'paying tribute', 'looking forward'];

const NOT_OPENING = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'in', 'on', 'at', 'of', 'and', 'to', 'for', 'with']);

/**
 * Recognise the opening phrase at the start of a paragraph.
 *
 * @param text the paragraph text (after any number)
 * @param kind which kind of paragraph it is, when known
 * @returns the phrase exactly as written, or "" when none is recognised
 */
export function recogniseOpening(text: string, kind?: 'PP' | 'OP'): string {
  const words = text.match(/^[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,7}/u)?.[0].split(/\s+/) ?? [];
  if (words.length === 0) return '';
  const lower = words.map((w) => w.toLowerCase());
  let i = 0;
  // Leading adverbs.
  for (;;) {
    const m = matchPhrase(lower, i, LEAD_ADVERBS);
    if (m && i + m < lower.length) i += m;
    else break;
  }
  const head = lower[i];
  if (!head || NOT_OPENING.has(head)) return '';
  let end = i;
  const multi = matchPhrase(lower, i, kind === 'OP' ? OP_MULTI : kind === 'PP' ? PP_MULTI : [...OP_MULTI, ...PP_MULTI]);
  const isPP = /^[\p{L}-]+ing$/u.test(head) || PP_ADJECTIVES.includes(head);
  const isOP = /^[\p{L}-]+(s|es)$/u.test(head) && !/ss$/.test(head);
  if (multi) end = i + multi;
  else if ((kind !== 'OP' && isPP) || (kind !== 'PP' && isOP)) end = i + 1;
  else if (matchPhrase(lower, i, PP_ADJECTIVES.filter((a) => a.includes(' ')))) end = i + matchPhrase(lower, i, PP_ADJECTIVES)!;
  else return '';
  // Qualifiers after the head ("Recalling also", "Recognizing with deep concern").
  // "that", "of" and "by" belong to the sentence, not the phrase: stop before them.
  for (;;) {
    const m = matchPhrase(lower, end, QUALIFIERS.filter((q) => !['that', 'of', 'by'].includes(q)));
    if (m) end += m;
    else break;
  }
  if (!/^\p{Lu}/u.test(words[0])) return '';
  return words.slice(0, end).join(' ');
}

/** Length in words of the longest phrase from `phrases` that starts at `words[i]`, or 0. */
function matchPhrase(words: string[], i: number, phrases: string[]): number {
  let best = 0;
  for (const p of phrases) {
    const pw = p.split(' ');
    if (pw.length <= best) continue;
    let ok = true;
    for (let k = 0; k < pw.length; k++) {
      if (words[i + k] !== pw[k]) {
        ok = false;
        break;
      }
    }
    if (ok) best = pw.length;
  }
  return best;
}
