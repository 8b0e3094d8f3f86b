/**
 * Plain text -> blocks. Text copied out of a PDF viewer has no emphasis and often no blank lines
 * between paragraphs, so paragraphs are found by shape: a blank line, a printed number ("12."),
 * a subparagraph label ("(a)"), or a new line after a line that ends a paragraph (",", ";", ".")
 * and starts like a UN paragraph.
 */
import type { Block, SupMarker } from './blocks.js';
import { recogniseOpening } from './openings.js';
import type { Explain } from '../ingest/explain.js';

const NUMBERED = /^(\d{1,3})([.)])\s+(?=\S)/;
const SUBPARA = /^\((?:[a-z]{1,2}|[ivxlc]{1,6})\)\s/;
const RULE = /^\s*(?:-{3,}|_{3,}|\*{3,})\s*$/;
const FOOTNOTE_LINE = /^(\d{1,3})\s+(?=\S)/;

/**
 * Split plain text into blocks.
 *
 * @param text the text, LF line endings
 */
export function plainTextBlocks(text: string, trace?: Explain): Block[] {
  void trace;
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let cur: { lines: string[]; line: number } | null = null;
  let afterRule = false;

  const flush = () => {
    if (!cur) return;
    blocks.push(toBlock(cur.lines, cur.line, afterRule));
    cur = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    if (RULE.test(line)) {
      flush();
      blocks.push({ kind: 'rule', text: '', italics: [], sups: [], line: i + 1 });
      afterRule = true;
      continue;
    }
    if (cur) {
      const prev = cur.lines[cur.lines.length - 1];
      if (startsParagraph(line, prev)) flush();
    }
    if (!cur) cur = { lines: [], line: i + 1 };
    cur.lines.push(line);
  }
  flush();
  return blocks;

  function startsParagraph(line: string, prev: string): boolean {
    if (NUMBERED.test(line) || SUBPARA.test(line)) return true;
    if (!/[,;.:\]]$/.test(prev)) return false;
    if (/^\[?Adopted\b/.test(line) || /^(In favour|Against|Abstaining):/.test(line)) return true;
    if (/^\d+(?:st|nd|rd|th) (?:plenary )?meeting$/.test(line) || /^\d{1,2} [A-Z][a-z]+ \d{4}$/.test(line)) return true;
    return recogniseOpening(line) !== '' || /^The [\p{Lu}]/u.test(line);
  }
}

function toBlock(lines: string[], line: number, afterRule: boolean): Block {
  let text = lines.join('\n');
  const sups: SupMarker[] = [];
  let number: number | undefined;
  let numberPrefix: string | undefined;
  const num = NUMBERED.exec(text);
  if (num) {
    number = Number(num[1]);
    numberPrefix = `${num[1]}${num[2]} `;
    text = text.slice(num[0].length);
  } else if (afterRule) {
    // Below a page rule, "2 See …" is footnote 2's text.
    const fn = FOOTNOTE_LINE.exec(text);
    if (fn) {
      sups.push({ n: Number(fn[1]), at: 0 });
      text = text.slice(fn[0].length);
    }
  }
  // Markers kept as <sup>n</sup> or Unicode superscripts in copied text.
  const out = extractMarkers(text, sups);
  return { kind: 'para', text: out, italics: [], sups, line, number, numberPrefix };
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function extractMarkers(text: string, sups: SupMarker[]): string {
  let out = '';
  const re = /<sup>\s*(\d+)\s*<\/sup>|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/gi;
  let last = 0;
  for (const m of text.matchAll(re)) {
    out += text.slice(last, m.index);
    const digits = m[1] ?? [...m[2]].map((c) => SUPERSCRIPT_DIGITS.indexOf(c)).join('');
    sups.push({ n: Number(digits), at: out.length });
    last = (m.index ?? 0) + m[0].length;
  }
  return out + text.slice(last);
}
