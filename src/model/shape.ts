/**
 * The shape of a Markdown or text source, measured in one linear pass before any parser runs.
 *
 * remark (micromark) takes time that grows with the square of some counts over a whole document:
 * emphasis delimiters (`*a` × 62,500: 43 s), setext underlines (`x\n---\n` × 54,000: over 300 s),
 * link brackets, `<` that might open inline HTML (`<!--` × 70,000: minutes), block nesting. A resolution has a few hundred of each at most. So:
 *
 * - shapes no resolution has (nesting 33 deep, more paragraphs than MAX_PARAGRAPHS, front
 *   matter with hundreds of YAML anchors) are refused with a clear message (`checkShape`);
 * - a text outside the envelope of an ordinary resolution (`isOrdinary`) is read by the bounded
 *   worker (corpus/bounded.ts), so a slow shape costs at most the time budget, never a hang.
 */
import { InputError } from '../errors.js';
import { MAX_PARAGRAPHS } from '../ingest/text.js';

/** Deepest nesting of block quotes and lists written on one line (`> > >`, `- - -`) taken. */
export const MAX_NESTING = 32;
/** Most YAML anchors and aliases in front matter (a resolution's front matter has none). */
export const MAX_YAML_ANCHORS = 100;

/**
 * The envelope of an ordinary resolution: within it remark's super-linear cases stay far below
 * a second, so the text is read in-process. HRC 56/2 (48 KB): 72 paragraphs, 156 emphasis
 * delimiters, 8 rules, no nesting. The longest resolutions (with annexes) stay well inside.
 */
export const ORDINARY = {
  bytes: 1024 * 1024,
  paragraphs: 3000,
  delimiters: 3000,
  brackets: 2000,
  angles: 2000,
  setextPairs: 300,
  nesting: 8,
  indent: 40,
  frontMatterBytes: 16 * 1024,
} as const;

/** Counts a linear scan finds. */
export interface Shape {
  bytes: number;
  /** Blocks separated by blank lines. */
  paragraphs: number;
  /** `*` and `_` characters. */
  delimiters: number;
  /** `[` characters. */
  brackets: number;
  /** `<` characters (each may open inline HTML that micromark looks for the end of). */
  angles: number;
  /** A line of only `-` or `=` right under a line of text (a setext heading to remark). */
  setextPairs: number;
  /** Most container markers at the start of one line (`> > - x`: 3), and its line. */
  nesting: number;
  nestingLine: number;
  /** Most leading spaces before a list marker or `>`. */
  indent: number;
  frontMatterBytes: number;
  /** `&name` anchors and `*name` aliases in the front matter. */
  anchors: number;
}

/** How many times a character occurs in a line. */
function occurrences(line: string, ch: string): number {
  let n = 0;
  for (let i = line.indexOf(ch); i >= 0; i = line.indexOf(ch, i + 1)) n++;
  return n;
}

/** The last text measured and its shape: a file is measured before it is parsed, then by the parser. */
let last: { text: string; shape: Shape } | undefined;

/** Measure a source text (LF line endings). Linear in its length. */
export function measure(text: string): Shape {
  if (last?.text === text) return { ...last.shape };
  const shape = measureText(text);
  last = { text, shape };
  return { ...shape };
}

function measureText(text: string): Shape {
  const s: Shape = { bytes: text.length, paragraphs: 0, delimiters: 0, brackets: 0, angles: 0, setextPairs: 0, nesting: 0, nestingLine: 0, indent: 0, frontMatterBytes: 0, anchors: 0 };
  let lineNo = 0;
  let prevText = false; // the previous line has text
  let inFront = false;
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    lineNo++;
    const line = text.slice(pos, end);
    pos = end + 1;
    if (lineNo === 1 && line === '---') {
      inFront = true;
      continue;
    }
    if (inFront) {
      if (line === '---' || line === '...') inFront = false;
      else {
        s.frontMatterBytes += line.length + 1;
        s.anchors += countAnchors(line);
      }
      continue;
    }
    const blank = line.trim() === '';
    if (!blank && !prevText) s.paragraphs++;
    if (!blank) {
      // indexOf finds the few marks a line has (natively, at memchr speed), where a JavaScript
      // loop over every character, or a regex, runs in the interpreter on a cold start.
      s.delimiters += occurrences(line, '*') + occurrences(line, '_');
      s.brackets += occurrences(line, '[');
      s.angles += occurrences(line, '<');
      if (prevText && /^ {0,3}(?:-+|=+)[ \t]*$/.test(line)) s.setextPairs++;
      const { depth, indent } = containers(line);
      if (depth > s.nesting) {
        s.nesting = depth;
        s.nestingLine = lineNo;
      }
      if (depth > 0 && indent > s.indent) s.indent = indent;
    }
    prevText = !blank;
    if (end === text.length) break;
  }
  return s;
}

/** How many container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) open a line, and its indentation. */
function containers(line: string): { depth: number; indent: number } {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  const indent = i;
  let depth = 0;
  for (;;) {
    const c = line[i];
    let next = -1;
    if (c === '>') next = i + 1;
    else if ((c === '-' || c === '*' || c === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t')) next = i + 1;
    else if (c >= '0' && c <= '9') {
      let j = i;
      while (j < line.length && j - i < 9 && line[j] >= '0' && line[j] <= '9') j++;
      if ((line[j] === '.' || line[j] === ')') && (line[j + 1] === ' ' || line[j + 1] === '\t')) next = j + 1;
    }
    if (next < 0) break;
    depth++;
    i = next;
    let spaces = 0;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t') && spaces < 8) {
      i++;
      spaces++;
    }
  }
  return { depth, indent };
}

/** `&a1` and `*a1` outside quotes, roughly: enough to tell front matter from an alias bomb. */
function countAnchors(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if ((c === '&' || c === '*') && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '[' || line[i - 1] === ',') && /[A-Za-z0-9_]/.test(line[i + 1] ?? '')) n++;
  }
  return n;
}

/**
 * Refuse shapes no resolution has, with a message saying what was found.
 *
 * @throws InputError naming the file (and the line, for nesting)
 */
export function checkShape(s: Shape, file: string): void {
  if (s.nesting > MAX_NESTING) {
    throw new InputError(`block quotes or lists nested ${s.nesting} deep; a resolution has a few levels at most (limit ${MAX_NESTING})`, file, s.nestingLine);
  }
  if (s.paragraphs > MAX_PARAGRAPHS) {
    throw new InputError(`${s.paragraphs.toLocaleString('en-US')} paragraphs, more than a resolution has (limit ${MAX_PARAGRAPHS.toLocaleString('en-US')})`, file);
  }
  if (s.anchors > MAX_YAML_ANCHORS) {
    throw new InputError(`the front matter uses ${s.anchors.toLocaleString('en-US')} YAML anchors and aliases; resolution metadata needs none (limit ${MAX_YAML_ANCHORS})`, file);
  }
}

/** True when a text is inside the envelope of an ordinary resolution (safe to parse in-process). */
export function isOrdinary(s: Shape): boolean {
  return (
    s.bytes <= ORDINARY.bytes &&
    s.paragraphs <= ORDINARY.paragraphs &&
    s.delimiters <= ORDINARY.delimiters &&
    s.brackets <= ORDINARY.brackets &&
    s.angles <= ORDINARY.angles &&
    s.setextPairs <= ORDINARY.setextPairs &&
    s.nesting <= ORDINARY.nesting &&
    s.indent <= ORDINARY.indent &&
    s.frontMatterBytes <= ORDINARY.frontMatterBytes
  );
}
