/**
 * A direct reader for plain resolution Markdown: the same blocks as the remark reader
 * (markdown.ts), without building a syntax tree, for the narrow shape almost every resolution
 * file has — front matter, `#` headings, paragraphs, numbered paragraphs ("12. …"), page rules
 * (`---`), `*italic*` and `**bold**` runs, `<sup>n</sup>` footnote markers and hard line breaks.
 *
 * Why it exists: parsing Markdown with remark (micromark) is most of the time a cold
 * `resdiff compare` of two new files spends (issue 14): about 30 ms per resolution before the
 * JIT has warmed up, against about 1 ms here.
 *
 * How it stays right: it accepts a text only when every line and every inline construct is in
 * the shape described above, where CommonMark's reading is unambiguous: no indentation, no
 * escapes, entities, links, code, other HTML, underscores, or `*` runs that CommonMark could
 * read two ways; a line right under a paragraph continues it unless it is a heading, a page
 * rule (a setext underline) or, where CommonMark says so, the next numbered paragraph. For
 * anything else it says why (the first line outside the shape) and the caller uses remark.
 * test/model/markdown-direct.property.test.ts proves that whenever this reader answers, its
 * answer equals remark's, over the corpus, the fixtures and generated documents full of the
 * constructs near the edge of the shape.
 */
import type { Block, SupMarker } from './blocks.js';

/** What the direct reader gives: the raw front matter (if any) and the blocks. */
export interface DirectBlocks {
  frontMatter?: { value: string; line: number };
  blocks: Block[];
}

/** Why the direct reader left a text to remark: the first line outside its shape. */
export interface Refusal {
  refused: string;
  line: number;
}

/** A line that opens something other than a paragraph, or that CommonMark could read two ways. */
const HEADING = /^(#{1,6}) (.*)$/;
const RULE = /^-{3,} *$/;
const ITEM = /^(\d{1,4})([.)]) (.*)$/;
/** A line CommonMark could read as a list item of an ordered list (tabs are refused apart). */
const ORDERED = /^\d{1,9}[.)](?: |$)/;
/**
 * Starts of lines that open (or may open) a block other than a paragraph, even right under a
 * paragraph line: left to remark. An ordered list marker is apart (only "1." interrupts a
 * paragraph); "#5" or "####### x" is text.
 */
const OTHER_BLOCK = /^(?:#{1,6}(?: |$)|>|[-+*](?: |$)|=+ *$|-+ *$|(?:\* *){3,}$|~~~|```|<(?!sup>\d+<\/sup>))/;
/** Characters and sequences whose CommonMark reading this reader does not reproduce. */
// eslint-disable-next-line no-control-regex
const UNSUPPORTED = /[\\`_\t\r\u0000-\u0008\u000b-\u001f\u007f\ufeff\ud800-\udfff]|&(?:#|[A-Za-z0-9]+;)/;
/**
 * Square brackets ("[Adopted by a recorded vote …]") are text unless they can make a link: an
 * inline link or image ("](", "!["), a full reference ("][") or a definition ("]:"), which in
 * CommonMark can stand anywhere in the document, so any of these leaves the text to remark.
 */
const LINKISH = /\]\(|\]\[|\]:|!\[/;
const SUP = /^<sup>(\d{1,6})<\/sup>/;

/**
 * Read plain resolution Markdown into blocks, or say why not (a Refusal) when the text is not in the shape
 * this reader reproduces exactly (then remark reads it).
 *
 * @param text the Markdown, LF line endings
 */
export function directMarkdownBlocks(text: string): DirectBlocks | Refusal {
  const no = (refused: string, line: number): Refusal => ({ refused, line });
  const lines = text.split('\n');
  let i = 0;
  let frontMatter: DirectBlocks['frontMatter'];
  if (lines[0]!.startsWith('---')) {
    // Front matter: fences of exactly three dashes (anything like a fence is left to remark).
    const end = lines.findIndex((l, k) => k > 0 && l.startsWith('---'));
    if (lines[0] !== '---' || end < 1 || lines[end] !== '---') return no('front matter fences other than "---"', 1);
    frontMatter = { value: lines.slice(1, end).join('\n'), line: 1 };
    i = end + 1;
  }
  // The front matter is YAML, read the same way on both paths; the body must be in the shape.
  for (let k = i; k < lines.length; k++) {
    const u = UNSUPPORTED.exec(lines[k]!);
    if (u) return no(`${JSON.stringify(u[0])} (escapes, code, entities, "_", tabs or control characters)`, k + 1);
    // Per line: the parts of these sequences cannot be split by a line end.
    const link = LINKISH.exec(lines[k]!);
    if (link) return no(`${JSON.stringify(link[0])} (a possible link or link definition)`, k + 1);
  }
  const blocks: Block[] = [];
  // The open paragraph: its lines (trailing spaces kept, to tell hard breaks), first line, and
  // the list item number when it is a numbered paragraph.
  let para: string[] | undefined;
  let paraLine = 0;
  let item: { number: number; prefix: string } | undefined;
  let refusal: string | undefined;
  const flush = (): boolean => {
    if (!para) return true;
    const b = inlineBlock(para);
    para = undefined;
    if (typeof b === 'string') {
      refusal = b;
      return false;
    }
    const block: Block = { ...b, kind: 'para', line: paraLine };
    if (item) {
      block.number = item.number;
      block.numberPrefix = item.prefix;
    }
    blocks.push(block);
    item = undefined;
    return true;
  };
  /** Start a numbered paragraph at line n, or say why not. */
  const startItem = (m: RegExpExecArray, n: number): string | undefined => {
    const rest = m[3]!;
    if (rest.startsWith(' ') || OTHER_BLOCK.test(rest) || ORDERED.test(rest) || /^ *$/.test(rest)) return 'a numbered paragraph that starts with spaces or another block';
    item = { number: Number(m[1]), prefix: `${m[1]}${m[2]} ` };
    para = [rest];
    paraLine = n;
    return undefined;
  };
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const n = i + 1;
    if (/^ *$/.test(line)) {
      if (!flush()) return no(refusal!, paraLine);
      continue;
    }
    if (line.startsWith(' ')) return no('an indented line', n);
    if (para) {
      // A page rule right under a paragraph line: CommonMark makes the paragraph a setext
      // heading, which markdown.ts reads as the paragraph followed by the rule.
      if (RULE.test(line) && !item) {
        if (!flush()) return no(refusal!, paraLine);
        blocks.push({ kind: 'rule', text: '', italics: [], sups: [], line: n });
        continue;
      }
      if (!HEADING.test(line)) {
        if (OTHER_BLOCK.test(line)) return no('a line that could start another block inside a paragraph', n);
        // A numbered line right under a numbered paragraph starts the next one; under a plain
        // paragraph only "1." (one digit) starts a list, and "2024. …" is the paragraph's text.
        const m = ITEM.exec(line);
        if (m && (item || m[1] === '1')) {
          if (!flush()) return no(refusal!, paraLine);
          const why = startItem(m, n);
          if (why) return no(why, n);
          continue;
        }
        if (ORDERED.test(line) && (item || /^1[.)]/.test(line))) return no('a numbered line inside a paragraph', n);
        para.push(line);
        continue;
      }
      // A heading line ends the paragraph and is read below, as after a blank line.
      if (!flush()) return no(refusal!, paraLine);
    }
    const h = HEADING.exec(line);
    if (h) {
      const content = h[2]!.replace(/ +$/, '');
      // An empty heading, leading spaces or a closing "#" sequence: left to remark.
      if (content === '' || content.startsWith(' ') || /(?:^| )#+$/.test(content)) return no('an empty heading or one with a closing "#"', n);
      const b = inlineBlock([content]);
      if (typeof b === 'string') return no(b, n);
      blocks.push({ ...b, kind: 'heading', depth: h[1]!.length, line: n });
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule', text: '', italics: [], sups: [], line: n });
      continue;
    }
    const m = ITEM.exec(line);
    if (m) {
      const why = startItem(m, n);
      if (why) return no(why, n);
      continue;
    }
    if (OTHER_BLOCK.test(line) || ORDERED.test(line)) return no('a line that starts a block other than a paragraph, heading, rule or numbered paragraph', n);
    para = [line];
    paraLine = n;
  }
  if (!flush()) return no(refusal!, paraLine);
  return { frontMatter, blocks };
}

/** What CommonMark's emphasis rules see on either side of a `*` run. */
function classify(ch: string | undefined): 'space' | 'punct' | 'other' {
  if (ch === undefined || /\s/.test(ch)) return 'space';
  if (/\p{P}|\p{S}/u.test(ch)) return 'punct';
  return 'other';
}

interface Inline {
  text: string;
  italics: Array<[number, number]>;
  sups: SupMarker[];
  bold: boolean;
}

/**
 * The text, italic spans, footnote markers and boldness of one paragraph's lines, exactly as
 * markdown.ts's inline() gives them from remark's tree; the reason when a construct is outside
 * the shape (an unpaired or ambiguous `*` run, nested emphasis, HTML other than <sup>n</sup>),
 * said as the reason.
 */
function inlineBlock(lines: string[]): Inline | string {
  // Line endings: a soft break and a hard break (two trailing spaces) both become "\n"; the
  // spaces at the end of a line are not text.
  const src = lines.map((l) => l.replace(/ +$/, '')).join('\n');
  let text = '';
  const italics: Array<[number, number]> = [];
  const sups: SupMarker[] = [];
  let allChars = 0;
  let boldChars = 0;
  /** The open emphasis: its run length and where its text starts. */
  let open: { size: number; at: number } | undefined;
  let last = 0;
  const addText = (value: string) => {
    text += value;
    const visible = value.replace(/\s/g, '').length;
    allChars += visible;
    if (open?.size === 2) boldChars += visible;
  };
  // Jump from one `*` or `<` to the next (a native search), not character by character.
  const special = /[*<]/g;
  for (let hit = special.exec(src); hit !== null; hit = special.exec(src)) {
    const k = hit.index;
    const c = src[k];
    if (c === '<') {
      const m = SUP.exec(src.slice(k, k + 20));
      if (!m || Number(m[1]) === 0) return 'HTML other than a <sup>n</sup> footnote marker';
      addText(src.slice(last, k));
      sups.push({ n: Number(m[1]), at: text.length });
      last = k + m[0].length;
      special.lastIndex = last;
      continue;
    }
    let e = k;
    while (src[e] === '*') e++;
    const size = e - k;
    if (size > 2) return 'a run of three or more "*"';
    const before = classify(k > 0 ? src[k - 1] : undefined);
    const after = classify(src[e]);
    const canOpen = after === 'other' || (after === 'punct' && before !== 'other');
    const canClose = before === 'other' || (before === 'punct' && after !== 'other');
    if (canOpen === canClose) return 'a "*" that could open or close emphasis, or neither';
    addText(src.slice(last, k));
    if (canOpen) {
      if (open) return 'emphasis inside emphasis';
      open = { size, at: text.length };
    } else {
      if (!open || open.size !== size) return 'a "*" run without its partner';
      if (size === 1 && text.length > open.at) italics.push([open.at, text.length]);
      open = undefined;
    }
    last = e;
    special.lastIndex = e;
  }
  if (open) return 'a "*" run without its partner';
  addText(src.slice(last));
  return { text, italics, sups, bold: allChars > 0 && boldChars === allChars };
}
