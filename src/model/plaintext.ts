/**
 * Plain text -> blocks. Text copied out of a PDF (pdftotext, with or without -layout, or a
 * viewer's copy) has no emphasis, often no blank lines between paragraphs, footnote markers glued
 * to words ("Agreement,1"), footnote texts at each page foot or at the end, and the page's
 * furniture (running heads, job numbers, page numbers) wherever the extractor put it. Everything
 * is measured on the document at hand:
 *
 * - pages are the form feeds pdftotext writes; furniture is a line of a known shape or one that
 *   repeats at the top or foot of several pages; page numbers are lone numbers that count with
 *   the pages (footnote numbers are lone numbers too, so the count decides);
 * - a footnote zone starts at a lone number (or "n Text") whose marker stands glued earlier in
 *   the text, and runs to the page's end; markers are accepted only in the footnotes' own order;
 * - a paragraph starts at a blank line, a printed number, a subparagraph label, a deeper indent
 *   than the page's text (`-layout`), or an opening phrase after a line that ends a paragraph —
 *   or, when the final mark is missing, after a line that did not fill the measured width;
 * - hyphens at line ends are undone as in the PDF reader (../ingest/pdf/words.ts), and words that
 *   pdftotext glued across a line end ("NonAligned") get their hyphen back.
 */
import type { Block, SupMarker } from './blocks.js';
import { recogniseOpening } from './openings.js';
import { artefact } from './furniture.js';
import { hyphenBreak, Vocabulary } from '../ingest/pdf/words.js';
import { note, type Explain } from '../ingest/explain.js';

/** "12. "; four digits ("1000. ") only where they continue the numbering, never a year (see below). */
const NUMBERED = /^(\d{1,4})([.)])\s+(?=\S)/;
const SUBPARA = /^\((?:[a-z]{1,2}|[ivxlc]{1,6})\)\s/;
const RULE = /^\s*(?:-{3,}|_{3,}|\*{3,})\s*$/;
const PREAMBLE = /^The\s+[\p{Lu}][\p{L}\s,-]{2,80}?,\s*$/u;
const FOOT = /^(?:\[?Adopted\b|(?:In favour|Against|Abstaining):|\d+(?:st|nd|rd|th) (?:plenary )?meeting$|\d{1,2} [A-Z][a-z]+ \d{4}$)/;
/** "n Text" at the start of a footnote: the number, then a capital, a symbol or a quote. */
const NOTE_START = /^(\d{1,3})\s*(?=[\p{Lu}"“‘(]|[A-Z]\/)/u;
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** One line of the source as the reader sees it. */
interface Line {
  /** 1-based source line. */
  n: number;
  page: number;
  /** Leading spaces (meaningful in pdftotext -layout output). */
  indent: number;
  text: string;
  role: 'body' | 'blank' | 'rule' | 'dropped' | 'note';
  sups: SupMarker[];
}

/**
 * Split plain text into blocks.
 *
 * @param text the text, LF line endings
 * @param trace where to record the reader's decisions (`show --explain`), if anywhere
 */
export function plainTextBlocks(text: string, trace?: Explain): Block[] {
  const say = (l: Line, action: Parameters<typeof note>[1]['action'], reason: string, t = l.text) =>
    note(trace, { stage: 'text', line: l.n, page: pages > 1 ? l.page : undefined, action, reason, text: t });

  // Lines and pages (pdftotext separates pages with form feeds).
  let page = 1;
  const raw: Line[] = [];
  text.split('\n').forEach((s, i) => {
    while (s.startsWith('\f')) {
      page++;
      s = s.slice(1);
    }
    const t = s.replace(/\f/g, '');
    raw.push({ n: i + 1, page, indent: t.length - t.trimStart().length, text: t.trim(), role: t.trim() === '' ? 'blank' : RULE.test(t) ? 'rule' : 'body', sups: [] });
  });
  const headEnd = raw.findIndex((l) => l.role === 'body' && PREAMBLE.test(l.text));
  // No form feeds (a viewer's copy): the page's furniture (job number, running head) marks where
  // one page ends and the next begins.
  const furnitureAt = raw.map((l, i) => i > headEnd && headEnd >= 0 && l.role === 'body' && !/\.$/.test(l.text) && artefact(l.text, false) !== undefined);
  if (page === 1 && furnitureAt.filter(Boolean).length >= 2) {
    let pending = false;
    for (const [i, l] of raw.entries()) {
      if (furnitureAt[i]) pending = true;
      else if (l.role === 'body' && pending) {
        page++;
        pending = false;
      }
      l.page = page;
    }
  }
  const pages = page;
  const layout = measureLayout(raw);

  // Columns (-layout puts the masthead's right column and the running head on text lines).
  const lines: Line[] = [];
  for (const [i, l] of raw.entries()) {
    const cols = l.role === 'body' && layout.columns ? l.text.split(/ {3,}/) : [l.text];
    if (cols.length === 1) {
      lines.push(l);
      continue;
    }
    if (headEnd < 0 || i < headEnd) {
      for (const c of cols) lines.push({ ...l, text: c });
      continue;
    }
    const keep = cols.filter((c, k) => !((k === 0 || k === cols.length - 1) && artefact(c, false)));
    for (const c of cols.filter((c) => !keep.includes(c))) say({ ...l, text: c }, 'dropped', `${artefact(c, false)} beside the text (a separate column)`, c);
    lines.push({ ...l, text: keep.join(' ') });
  }
  const inBody = (i: number) => headEnd >= 0 && i > headEnd;

  dropFurniture(lines, pages, inBody, say);
  const notes = takeFootnotes(lines, inBody, say);
  takeMarkers(lines, notes, say);
  repairGluedHyphens(lines, say);
  const vocab = new Vocabulary(lines.filter((l) => l.role === 'body').map((l) => l.text));
  const blocks = paragraphs(lines, layout, vocab, say);

  if (notes.size) {
    blocks.push({ kind: 'rule', text: '', italics: [], sups: [], line: blocks[blocks.length - 1]?.line ?? 1 });
    for (const [num, { text: t, line }] of notes) blocks.push({ kind: 'para', text: t, italics: [], sups: [{ n: num, at: 0 }], line });
  }
  return blocks;
}

/** What the text's lines say about its layout. */
interface Layout {
  /** pdftotext -layout: indentation and columns mean something. */
  columns: boolean;
  /** The measure: the right edge of a full line, in characters (a high percentile). */
  width: number;
}

function measureLayout(lines: Line[]): Layout {
  const body = lines.filter((l) => l.role === 'body');
  const indented = body.filter((l) => l.indent >= 2).length;
  const columns = body.length > 0 && indented / body.length > 0.3;
  const rights = body.map((l) => (columns ? l.indent : 0) + l.text.length).sort((a, b) => a - b);
  return { columns, width: rights.length ? rights[Math.floor(rights.length * 0.95)] : 0 };
}

type Say = (l: Line, action: 'dropped' | 'footnote' | 'marker' | 'joined' | 'hyphen' | 'paragraph' | 'note', reason: string, t?: string) => void;

/** Running heads, job numbers and page numbers: by shape, by repetition and by counting pages. */
function dropFurniture(lines: Line[], pages: number, inBody: (i: number) => boolean, say: Say): void {
  // Lines near the top or foot of each page (furniture lives there).
  const edges = new Map<number, number[]>();
  for (let p = 1; p <= pages; p++) {
    const idx = lines.map((l, i) => i).filter((i) => lines[i].page === p && lines[i].role === 'body');
    edges.set(p, [...idx.slice(0, 4), ...idx.slice(-4)]);
  }
  // Repetition: a short line without final punctuation at the edge of several pages.
  const seen = new Map<string, Set<number>>();
  for (const [p, idx] of edges) {
    for (const i of idx) {
      const t = lines[i].text;
      if (t.length > 60 || /[,;.:]$/.test(t) || /^\d{1,3}$/.test(t)) continue;
      if (!seen.has(t)) seen.set(t, new Set());
      seen.get(t)!.add(p);
    }
  }
  const repeated = new Set([...seen].filter(([, ps]) => ps.size >= 2 && ps.size >= (pages - 1) / 2).map(([t]) => t));
  for (const [i, l] of lines.entries()) {
    if (l.role !== 'body' || !inBody(i)) continue;
    // A footnote text may be a bare symbol ("A/HRC/55/78."); a running head has no full stop.
    const what = (/\.$/.test(l.text) ? undefined : artefact(l.text, false)) ?? (repeated.has(l.text) ? `repeats at the edge of ${seen.get(l.text)!.size} of ${pages} pages (running head or footer)` : undefined);
    if (what) {
      l.role = 'dropped';
      say(l, 'dropped', what);
    }
  }
  // Page numbers: lone numbers at a page's first or last line that count with the pages.
  const ends = (p: number) => {
    const idx = lines.map((l, i) => i).filter((i) => lines[i].page === p && lines[i].role === 'body' && inBody(i));
    return [idx[0], idx[idx.length - 1]].filter((i) => i !== undefined) as number[];
  };
  const offsets = new Map<number, number>();
  for (let p = 1; p <= pages; p++) {
    for (const i of new Set(ends(p))) {
      const m = /^(\d{1,3})(?:\s*\/\s*\d{1,3})?$/.exec(lines[i].text);
      if (m) offsets.set(Number(m[1]) - p, (offsets.get(Number(m[1]) - p) ?? 0) + 1);
    }
  }
  const best = [...offsets].sort((a, b) => b[1] - a[1])[0];
  if (!best || (best[1] < 2 && pages > 2)) return;
  const offset = best[0];
  for (let p = 1; p <= pages; p++) {
    for (const i of new Set(ends(p))) {
      const m = /^(\d{1,3})(?:\s*\/\s*\d{1,3})?$/.exec(lines[i].text);
      if (m && Number(m[1]) === p + offset) {
        lines[i].role = 'dropped';
        say(lines[i], 'dropped', `page number (counts with the pages: page ${p} prints ${p + offset})`);
      }
    }
    // A page number glued to the last text line before the footer ("at the1" + "GE.24-…").
    const idx = lines.map((l, i) => i).filter((i) => lines[i].page === p && lines[i].role !== 'blank' && inBody(i));
    for (let k = Math.max(0, idx.length - 5); k < idx.length - 1; k++) {
      const l = lines[idx[k]];
      if (l.role !== 'body' || lines[idx[k + 1]].role !== 'dropped') continue;
      const m = /(?<=[\p{L},;.:)”’"])(\d{1,3})$/u.exec(l.text);
      if (m && Number(m[1]) === p + offset) {
        say(l, 'dropped', `page number ${m[1]} glued to the last line before the footer`, l.text);
        l.text = l.text.slice(0, m.index);
      }
    }
  }
}

/** Digits glued to the end of a word or a punctuation mark ("Agreement,1", "Rights;4"), or set after a comma ("Action, 3 and"). */
const GLUED = /(?<=[\p{L},;.:)”’"\]])(\d{1,3})(?=[\s,;.:]|$)/gu;
const SPACED = /(?<=[\p{L}”’"][,;:]) (\d{1,3})(?= [\p{Ll}])/gu;

/** A token that is a document symbol or a number with parts ("Add.1", "1/CP.21") never ends in a marker. */
function inSymbol(text: string, at: number): boolean {
  const start = text.lastIndexOf(' ', at - 1) + 1;
  const token = text.slice(start, at);
  return /[/\d]/.test(token) || /^(?:Add|Corr|Rev|Suppl|No|para|paras|chap|sect|vol|art)\.$/i.test(token);
}

/** Marker numbers glued in the text, in order (the candidates for footnote numbers). */
function gluedNumbers(lines: Line[]): number[] {
  const out: number[] = [];
  for (const l of lines) {
    if (l.role !== 'body') continue;
    for (const m of l.text.matchAll(GLUED)) if (!inSymbol(l.text, m.index ?? 0)) out.push(Number(m[1]));
    for (const m of l.text.matchAll(SPACED)) out.push(Number(m[1]));
  }
  return out;
}

/**
 * Footnote texts: from a lone number (or "n Text") whose marker stands glued earlier in the text
 * to the end of its page; below a page rule ("---"), the blocks that start with a number.
 */
function takeFootnotes(lines: Line[], inBody: (i: number) => boolean, say: Say): Map<number, { text: string; line: number }> {
  const notes = new Map<number, { text: string; line: number }>();
  const glued = gluedNumbers(lines);
  const candidates = new Set(glued);
  const zone = (from: number, to: number, why: string) => {
    const nums: Array<{ n: number; i: number }> = [];
    const texts: Array<{ at: number; lines: string[]; line: number }> = [];
    let prev = '';
    for (let i = from; i < to; i++) {
      const l = lines[i];
      if (l.role === 'blank' || l.role === 'rule') {
        prev = '';
        continue;
      }
      if (l.role !== 'body') continue;
      l.role = 'note';
      const lone = /^(\d{1,3})$/.exec(l.text);
      const lead = NOTE_START.exec(l.text);
      if (lone) {
        nums.push({ n: Number(lone[1]), i });
        prev = '';
        continue;
      }
      let t = l.text;
      if (lead) {
        nums.push({ n: Number(lead[1]), i });
        t = t.slice(lead[0].length);
      }
      const fresh = lead || prev === '' || (/[.]$/.test(prev) && /^[\p{Lu}]/u.test(t));
      if (fresh) texts.push({ at: nums.length, lines: [t], line: l.n });
      else texts[texts.length - 1].lines.push(t);
      prev = t;
    }
    // Pair numbers and texts in order; when the extractor put two numbers before two texts
    // (pdftotext's reading order at a page foot) the counts still match.
    const pair = (n: number, t: { lines: string[]; line: number }) => {
      const body = joinNoteLines(t.lines);
      const old = notes.get(n);
      notes.set(n, old ? { text: `${old.text} ${body}`, line: old.line } : { text: body, line: t.line });
      say(lines.find((x) => x.n === t.line)!, 'footnote', `footnote ${n}'s text (${why})`, body);
    };
    if (nums.length === texts.length) nums.forEach((x, k) => pair(x.n, texts[k]));
    else for (const t of texts) if (nums.length) pair(nums[Math.max(0, Math.min(nums.length, t.at) - 1)].n, t);
  };

  // Page feet and endnotes.
  const pageOf = (i: number) => lines[i].page;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.role !== 'body' || !inBody(i)) continue;
    const lone = /^(\d{1,3})$/.exec(l.text);
    const lead = NOTE_START.exec(l.text);
    const n = Number((lone ?? lead)?.[1]);
    if (!(lone || lead) || !candidates.has(n)) continue;
    // A marker with this number must stand before, and "n Text" must follow the end of a paragraph.
    const before = lines.slice(0, i).filter((x) => x.role === 'body');
    if (!before.some((x) => [...x.text.matchAll(GLUED)].some((m) => Number(m[1]) === n) || [...x.text.matchAll(SPACED)].some((m) => Number(m[1]) === n))) continue;
    const prev = before[before.length - 1];
    const afterRule = lines.slice(0, i).reverse().find((x) => x.role !== 'blank')?.role === 'rule';
    // (The line before may end in its own marker: "Rights;4" + "4 A/HRC/55/78.")
    const prevText = prev?.text.replace(/(?<=[\p{L},;.:)”’"\]])\d{1,3}$/u, '') ?? '';
    // Or it is among the last lines of its page (a page cut mid-paragraph), and not a wrapped date.
    let end = i;
    while (end < lines.length && lines[end].page === l.page) end++;
    const pageFoot = lines.slice(i, end).filter((x) => x.role === 'body').length <= 6 && !/^\d{1,3}\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(l.text);
    if (lead && !lone && prev && prev.page === l.page && !/[.,;:\]]$/.test(prevText) && !afterRule && !pageFoot) continue;
    if (afterRule) {
      // Below a rule: the blocks that start with a number, up to the first that does not.
      let j = i;
      while (j < lines.length && lines[j].role !== 'rule') {
        if (lines[j].role === 'blank') {
          const next = lines.slice(j).find((x) => x.role !== 'blank');
          if (next && !/^\d{1,3}(?:\s|$)/.test(next.text)) break;
        }
        j++;
      }
      zone(i, j, 'below a page rule');
      i = j - 1;
      continue;
    }
    let j = i;
    while (j < lines.length && pageOf(j) === l.page) j++;
    zone(i, j, lines.slice(j).some((x) => x.role === 'body') ? 'at the foot of the page' : 'an endnote');
    i = j - 1;
  }
  return notes;
}

/** Lines of one footnote text, with hyphens at line ends undone when the word is whole elsewhere. */
function joinNoteLines(ls: string[]): string {
  return ls.reduce((acc, l) => (acc === '' ? l : /[A-Za-z]-$/.test(acc) && /^[a-z]/.test(l) ? acc + l : `${acc} ${l}`), '').replace(/\s+/g, ' ').trim();
}

/** Markers in the text: glued digits whose footnote has a text, accepted in the footnotes' order. */
function takeMarkers(lines: Line[], notes: Map<number, unknown>, say: Say): void {
  let last = 0;
  for (const l of lines) {
    if (l.role !== 'body') continue;
    // Markers written as <sup>n</sup> or Unicode superscripts need no guessing.
    let out = '';
    let pos = 0;
    const found: Array<{ at: number; len: number; n: number; how: string }> = [];
    for (const m of l.text.matchAll(/<sup>\s*(\d+)\s*<\/sup>|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/gi)) {
      const n = Number(m[1] ?? [...m[2]].map((c) => SUPERSCRIPT_DIGITS.indexOf(c)).join(''));
      found.push({ at: m.index ?? 0, len: m[0].length, n, how: 'written as a superscript' });
    }
    if (notes.size) {
      const cands = [
        ...[...l.text.matchAll(GLUED)].filter((m) => !inSymbol(l.text, m.index ?? 0)).map((m) => ({ at: m.index ?? 0, len: m[0].length, n: Number(m[1]), how: 'digits glued to the word before' })),
        ...[...l.text.matchAll(SPACED)].map((m) => ({ at: m.index ?? 0, len: m[0].length, n: Number(m[1]), how: 'a number after a comma, before a lower-case word' })),
      ].sort((a, b) => a.at - b.at);
      for (const c of cands) {
        if (notes.has(c.n) && c.n > last && c.n <= last + 3 && !found.some((f) => f.at === c.at)) {
          found.push(c);
          last = c.n;
        }
      }
    }
    found.sort((a, b) => a.at - b.at);
    for (const f of found) {
      out += l.text.slice(pos, f.at);
      l.sups.push({ n: f.n, at: out.length });
      pos = f.at + f.len;
      say(l, 'marker', `footnote marker ${f.n}: ${f.how}`, l.text.slice(Math.max(0, f.at - 24), f.at + f.len));
    }
    if (found.length) l.text = out + l.text.slice(pos);
  }
}

/**
 * pdftotext without -layout joins a line that ends in a hyphen to the next and drops the hyphen
 * ("Non-" + "Aligned" -> "NonAligned"). Such a line is longer than the measure; at the join, a
 * word that the document prints hyphenated elsewhere, or whose first part keeps its hyphen by the
 * PDF reader's rules, gets its hyphen back.
 */
function repairGluedHyphens(lines: Line[], say: Say): void {
  const body = lines.filter((l) => l.role === 'body');
  const lens = body.map((l) => l.text.length).sort((a, b) => a - b);
  const typical = lens[Math.floor(lens.length * 0.75)] ?? 0;
  if (!typical) return;
  // Only where joins are the exception: text with one paragraph per line is long throughout.
  const long = body.filter((l) => l.text.length >= typical * 1.3).length;
  if (long === 0 || long > body.length * 0.05) return;
  // The words of the lines the extractor did not join: a glued word is no evidence for itself.
  const vocab = new Vocabulary(body.filter((l) => l.text.length < typical * 1.3).map((l) => l.text));
  const hyphenated = new Map<string, string>();
  const count = new Map<string, number>();
  for (const l of body) {
    for (const m of l.text.matchAll(/[\p{L}\d]+(?:-[\p{L}\d]+)+/gu)) hyphenated.set(m[0].replace(/-/g, ''), m[0]);
    for (const m of l.text.matchAll(/[\p{L}\d]+/gu)) count.set(m[0].toLowerCase(), (count.get(m[0].toLowerCase()) ?? 0) + 1);
  }
  for (const l of body) {
    if (l.text.length < typical * 1.3) continue;
    let best: { at: number; w: string; fixed: string; rank: number; off: number } | undefined;
    for (const m of l.text.matchAll(/[\p{L}\d]{4,}/gu)) {
      const at = m.index ?? 0;
      const w = m[0];
      if ((count.get(w.toLowerCase()) ?? 0) > 1) continue;
      const tries: Array<{ fixed: string; rank: number; cut: number }> = [];
      const attested = hyphenated.get(w);
      if (attested) tries.push({ fixed: attested, rank: 3, cut: attested.indexOf('-') });
      for (let k = 2; k <= w.length - 2; k++) {
        const a = w.slice(0, k);
        const b = w.slice(k);
        const camel = /^[\p{Lu}][\p{Ll}]*$/u.test(a) && /^[\p{Lu}]/u.test(b); // "NonAligned"
        const digits = /^[\p{Lu}]{2,}$/u.test(a) && /^\d+$/.test(b); // "COVID19"
        // "nongovernmental": a first part that keeps its hyphen by the PDF reader's rules.
        const rule = /^[a-z]+$/i.test(a) && /^[a-z]{6,}$/.test(b) && hyphenBreak(a, b, vocab) === 'keep';
        if (camel || digits || rule) tries.push({ fixed: `${a}-${b}`, rank: camel || digits ? 2 : 1, cut: k });
      }
      for (const t of tries) {
        // The join sits where the first line ended: about one measure into the line.
        const end = at + t.cut;
        if (end < typical * 0.6 || end > typical * 1.15) continue;
        const off = Math.abs(end - typical);
        if (!best || t.rank > best.rank || (t.rank === best.rank && off < best.off)) best = { at, w, fixed: t.fixed, rank: t.rank, off };
      }
    }
    if (best) {
      say(l, 'hyphen', `"${best.w}" was glued across a line end by the extractor: the hyphen is put back ("${best.fixed}")`, best.fixed);
      l.text = l.text.slice(0, best.at) + best.fixed + l.text.slice(best.at + best.w.length);
    }
  }
}

/**
 * An opening phrase followed by a lower-case word ("Reiterating the role"), as a participle or
 * adjective is; a name that merely looks like one ("Beijing Declaration") is followed by a capital.
 */
function verbLike(text: string): boolean {
  const phrase = recogniseOpening(text, 'PP');
  // The first word that is not a small function word: "Promoting and Implementing Technical …"
  // is a title in capitals, "Reiterating the role …" a participle.
  const next = text.slice(phrase.length).split(/\s+/).find((w) => w && !/^(?:and|or|of|the|a|an|for|in|on|to|by|with|at)$/.test(w)) ?? '';
  // "Recalling further", "Taking note": a lower-case word inside the phrase says the same.
  return /^[\p{Ll}]/u.test(phrase.split(' ')[1] ?? '') || /^[\p{Ll}]/u.test(next);
}

/** Group body lines into paragraphs. */
function paragraphs(lines: Line[], layout: Layout, vocab: Vocabulary, say: Say): Block[] {
  const body: Array<{ l: Line; hard: boolean; soft: boolean }> = [];
  let gap: Line[] = [];
  for (const l of lines) {
    if (l.role === 'body') {
      const soft = gap.some((g) => g.role === 'dropped' || g.role === 'note' || g.role === 'rule') || (body.length > 0 && body[body.length - 1].l.page !== l.page);
      const hard = !soft && gap.some((g) => g.role === 'blank');
      body.push({ l, hard, soft });
      gap = [];
    } else gap.push(l);
  }

  // The indentation of ordinary text lines, per page (-layout): the most common indent.
  const baseIndent = new Map<number, number>();
  if (layout.columns) {
    const byPage = new Map<number, Map<number, number>>();
    for (const { l } of body) {
      const m = byPage.get(l.page) ?? new Map<number, number>();
      m.set(l.indent, (m.get(l.indent) ?? 0) + 1);
      byPage.set(l.page, m);
    }
    for (const [p, m] of byPage) baseIndent.set(p, [...m].sort((a, b) => b[1] - a[1])[0][0]);
  }
  const right = (l: Line) => (layout.columns ? l.indent : 0) + l.text.length;
  const firstWord = (t: string) => t.split(/\s/)[0].length;
  // How full a wrapped line is: lines followed by a lower-case continuation certainly wrapped.
  const ratios: number[] = [];
  for (let k = 0; k + 1 < body.length; k++) {
    const a = body[k].l;
    const b = body[k + 1];
    if (!b.hard && !b.soft && /^[\p{Ll}]/u.test(b.l.text) && layout.width) ratios.push((right(a) + 1 + firstWord(b.l.text)) / layout.width);
  }
  ratios.sort((x, y) => x - y);
  const fullFrom = ratios.length >= 5 ? ratios[Math.floor(ratios.length * 0.1)] : Infinity;
  const isFull = (a: Line, b: Line) => layout.width > 0 && (right(a) + 1 + firstWord(b.text)) / layout.width >= fullFrom;

  const endsPara = (t: string) => /[,;.:\]!?][\s"”’)]*$/.test(t);
  const headOf = (t: string) => recogniseOpening(t).split(' ')[0]?.toLowerCase() ?? '';
  let lastOp = 0;
  let inOps = false;
  let started = false; // past "The Human Rights Council,"
  // Pass 1: the opening words the document uses where a paragraph certainly starts.
  const sure = new Set<string>();
  for (let k = 1; k < body.length; k++) {
    const { l, hard } = body[k];
    const prev = body[k - 1].l.text;
    const open = !body[k].soft && !endsPara(prev) && recogniseOpening(l.text, 'PP') !== '' && !isFull(body[k - 1].l, l);
    if (hard || endsPara(prev) || open || (layout.columns && l.indent > (baseIndent.get(l.page) ?? 0) + 2)) {
      const h = headOf(l.text);
      if (h) sure.add(h);
    }
  }

  type Para = { lines: Line[]; glue: boolean[]; opening: string; number?: number; prefix?: string };
  const paras: Para[] = [];
  let cur: Para | undefined;
  for (let k = 0; k < body.length; k++) {
    const { l, hard, soft } = body[k];
    const prevLine = k > 0 ? body[k - 1].l : undefined;
    const prev = prevLine?.text ?? '';
    let why = '';
    let glue = false;
    const num = NUMBERED.exec(l.text);
    const opening = recogniseOpening(num ? l.text.slice(num[0].length) : l.text);
    const lower = /^[\p{Ll}]/u.test(l.text);
    if (!cur) why = 'the first line';
    else if (PREAMBLE.test(l.text)) why = 'the line that opens the preamble';
    else if (num && !/^[\p{Ll}]/u.test(l.text.slice(num[0].length)) && (Number(num[1]) < 1000 ? endsPara(prev) || Number(num[1]) === lastOp + 1 : Number(num[1]) === lastOp + 1)) why = `printed number ${num[1]}`;
    else if (SUBPARA.test(l.text)) why = 'a subparagraph label';
    else if (hard) why = 'a blank line';
    else if (lower) why = '';
    else if (layout.columns && l.indent > (baseIndent.get(l.page) ?? 0) + 2) why = `indented ${l.indent - (baseIndent.get(l.page) ?? 0)} characters deeper than the page's text`;
    // Operative paragraphs are numbered, so an unnumbered line there starts none by its words.
    else if (endsPara(prev) && ((!inOps && recogniseOpening(l.text, 'PP')) || FOOT.test(l.text))) why = !FOOT.test(l.text) ? `opening phrase "${recogniseOpening(l.text, 'PP')}" after a line that ends a paragraph` : 'the foot (meeting or vote) after a line that ends a paragraph';
    else if (!endsPara(prev) && prevLine && started && !inOps && recogniseOpening(l.text, 'PP') && (!isFull(prevLine, l) || sure.has(headOf(l.text)) || verbLike(l.text))) {
      why = `opening phrase "${recogniseOpening(l.text, 'PP')}" (the line before ends without punctuation but ${!isFull(prevLine, l) ? 'did not fill the line' : sure.has(headOf(l.text)) ? 'this opening starts paragraphs elsewhere in the document' : 'the phrase is followed by a lower-case word, as a participle is and a name is not'})`;
    } else if (FOOT.test(l.text) && !/^\d{1,2} [A-Z]/.test(l.text)) why = 'the foot (meeting or vote)';
    if (why) {
      if (cur) paras.push(cur);
      cur = { lines: [], glue: [], opening: '' };
      if (num && why.startsWith('printed number')) {
        cur.number = Number(num[1]);
        cur.prefix = `${num[1]}${num[2]} `;
        lastOp = cur.number;
        inOps = true;
        l.text = l.text.slice(num[0].length);
        l.sups = l.sups.map((s) => ({ n: s.n, at: Math.max(0, s.at - num[0].length) }));
      }
      cur.opening = recogniseOpening(l.text);
      if (PREAMBLE.test(l.text)) started = true;
      if (k > 0) say(l, 'paragraph', why);
    } else if (cur && prevLine) {
      // Undo a hyphen at the line end as the PDF reader does.
      const h = /([A-Za-z]+)-$/.exec(prev);
      if (h && /^[\p{L}\d]/u.test(l.text)) {
        // A capital or a digit after the hyphen ("Non-" + "Aligned", "COVID-" + "19") keeps it.
        const decision = /^[a-z]/.test(l.text) ? hyphenBreak(h[1], l.text, vocab) : 'keep';
        if (decision === 'join') {
          const last = cur.lines[cur.lines.length - 1];
          last.text = last.text.slice(0, -1);
        }
        glue = true;
        say(l, 'hyphen', decision === 'join' ? `"${h[1]}-" + "${l.text.split(/\s/)[0]}": hyphenation at the line end, undone` : `"${h[1]}-" + "${l.text.split(/\s/)[0]}": a real hyphen, kept`);
      }
      if (soft) say(l, 'joined', `continues the paragraph across ${prevLine.page !== l.page ? 'a page break' : 'the lines taken out before it'} (${lower ? 'starts in lower case' : 'starts no paragraph'})`);
    }
    cur!.lines.push(l);
    cur!.glue.push(glue);
  }
  if (cur) paras.push(cur);

  return paras.map((p) => {
    let text = '';
    const sups: SupMarker[] = [];
    p.lines.forEach((l, k) => {
      if (k > 0 && !p.glue[k]) text += '\n';
      for (const s of l.sups) sups.push({ n: s.n, at: text.length + s.at });
      text += l.text;
    });
    const block: Block = { kind: 'para', text, italics: [], sups, line: p.lines[0].n };
    // A recognised opening counts as emphasised: plain text has no italics, and the reader has
    // already decided that a paragraph starts here.
    if (p.opening && text.startsWith(p.opening)) block.italics.push([0, p.opening.length]);
    if (p.number !== undefined) {
      block.number = p.number;
      block.numberPrefix = p.prefix;
    }
    return block;
  });
}
