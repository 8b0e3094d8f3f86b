/**
 * Rebuild a resolution's paragraphs from positioned PDF text: lines from baselines, footnote
 * markers from small raised glyphs, running heads and job numbers from position bands and
 * repetition across pages, footnotes from small text at the page foot, paragraphs from vertical
 * gaps and first-line indents. Pure: takes the glyph runs of each page, does no I/O.
 */
import { mastheadLine, mergeSpans, type Para, type Span } from './emit.js';
import { hyphenBreak, repairSpacing, Vocabulary } from './words.js';
import { note, type Explain } from '../explain.js';

/** One positioned text run of a page, as the PDF library gives it. */
export interface Glyphs {
  str: string;
  /** Left edge and baseline, in PDF points from the bottom-left corner. */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
  italic: boolean;
  bold: boolean;
}

/** One page: its height and text runs. */
export interface PageText {
  height: number;
  width: number;
  items: Glyphs[];
}

/** A run of a line, with whether it was found raised (a superscript). */
export interface Item extends Glyphs {
  sup: boolean;
  /** For a superscript: how far above the line's baseline it sat (pt). */
  rise?: number;
}

/** A printed line. */
interface Line {
  page: number;
  y: number;
  x0: number;
  x1: number;
  /** Size of the line's main (non-superscript) text. */
  size: number;
  items: Item[];
  /** Plain text, superscripts included. */
  text: string;
  /** Words rebuilt from glyph gaps (the line was written glyph by glyph). */
  fromGaps: boolean;
  /** Raised runs folded into the line: how far above its baseline, and their size. */
  raised: { str: string; rise: number; size: number }[];
}

/** What the layout analysis found. */
export interface Rebuilt {
  paras: Para[];
  footnotes: Map<number, Para>;
  meta: Record<string, unknown>;
}

const round = (n: number, step = 0.5) => Math.round(n / step) * step;

/** The most frequent value of a list, weighting each by `weight`. */
function mode(values: { v: number; w: number }[], fallback: number): number {
  const counts = new Map<number, number>();
  for (const { v, w } of values) counts.set(v, (counts.get(v) ?? 0) + w);
  let best = fallback;
  let bestCount = -1;
  for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
  return best;
}

/** Group a page's runs into lines by baseline, folding small raised runs (footnote markers) into the line they sit on. */
function pageLines(page: PageText, pageNo: number): Line[] {
  const items = page.items.filter((i) => i.str.trim() !== '' && i.size > 0);
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const raw: Item[][] = [];
  for (const it of items) {
    const line = raw.find((l) => Math.abs(l[0].y - it.y) <= Math.max(0.8, 0.12 * Math.min(l[0].size, it.size)) && Math.abs(l[0].size - it.size) < 0.3 * Math.max(l[0].size, it.size) + 0.01);
    if (line) line.push({ ...it, sup: false });
    else raw.push([{ ...it, sup: false }]);
  }
  // Superscripts: a group of short runs, smaller than the line below it and raised above that
  // line's baseline by less than a line could be (a separate line sits at least about one font
  // size higher). Both tests are relative to the line itself, so any producer's sizes and rises
  // (Word's 2/3 size, a browser's "smaller", a typesetter's 0.6) read the same way.
  const maxSize = (l: Item[]) => Math.max(...l.map((i) => i.size));
  const merged = new Set<Item[]>();
  for (const l of raw) {
    const s = maxSize(l);
    if (!l.every((i) => i.str.trim().length <= 4)) continue;
    const lx0 = Math.min(...l.map((i) => i.x));
    const target = raw
      .filter((t) => t !== l && !merged.has(t) && s < 0.95 * maxSize(t) && t[0].y < l[0].y && l[0].y - t[0].y >= 0.1 * maxSize(t) && l[0].y - t[0].y <= 0.6 * maxSize(t))
      .filter((t) => Math.min(...t.map((i) => i.x)) - maxSize(t) <= lx0 && Math.max(...t.map((i) => i.x + i.width)) + 2 * s >= lx0)
      .sort((a, b) => b[0].y - a[0].y)[0];
    if (target) {
      for (const i of l) target.push({ ...i, sup: true, y: target[0].y, rise: i.y - target[0].y });
      merged.add(l);
    }
  }
  const lines: Line[] = [];
  for (const group of raw) {
    if (merged.has(group)) continue;
    group.sort((a, b) => a.x - b.x);
    const l = glyphWords(group);
    const main = l.filter((i) => !i.sup);
    const size = mode(
      main.map((i) => ({ v: round(i.size), w: i.str.length })),
      round(l[0].size),
    );
    lines.push({
      page: pageNo,
      y: main[0]?.y ?? l[0].y,
      x0: l[0].x,
      x1: Math.max(...l.map((i) => i.x + i.width)),
      size,
      items: l,
      text: joinItems(l).map((s) => s.text).join(''),
      fromGaps: l !== group,
      raised: l.filter((i) => i.sup).map((i) => ({ str: i.str.trim(), rise: i.rise ?? 0, size: i.size })),
    });
  }
  lines.sort((a, b) => b.y - a.y || a.x0 - b.x0);
  return lines;
}

/**
 * Words of a line written glyph by glyph (each run one or two characters, no space glyphs, or
 * only the spaces a PDF library guessed): the gaps between glyphs fall into letter gaps (zero, or
 * the tracking of a letter-spaced line) and wider word gaps. The line's own gaps are measured:
 * sorted, the first jump of 0.08 em or more above the median separates the two (below it, on a
 * line of very short words, a jump of a word space with no overlapping glyphs); runs are merged
 * into words, and a word after a word gap opens with a space.
 * Lines of whole words or phrases (most producers) are returned as they are.
 */
export function glyphWords(items: Item[]): Item[] {
  const glyphs = items.filter((i) => !i.sup);
  if (glyphs.length < 8) return items;
  const lengths = glyphs.map((i) => i.str.trim().length).sort((a, b) => a - b);
  if (lengths[Math.floor(lengths.length / 2)] > 2) return items;
  const size = Math.max(1, glyphs.reduce((m, i) => Math.max(m, i.size), 0));
  const gapAfter = (k: number) => items[k + 1].x - (items[k].x + items[k].width);
  const gaps: number[] = [];
  for (let k = 0; k + 1 < items.length; k++) if (!items[k].sup && !items[k + 1].sup) gaps.push(gapAfter(k));
  const sorted = [...gaps].sort((a, b) => a - b);
  // Letter gaps are the majority (the median is one); the first jump of 0.08 em or more above
  // them starts the word gaps. A line without such a jump is a single word, or words the producer
  // spaced itself (then the usual 0.17 em rule of joinItems applies).
  let cut = Math.max(0.17 * size, sorted[sorted.length - 1] + 1);
  const mid = Math.floor((sorted.length - 1) / 2);
  let found = false;
  for (let k = mid; k + 1 < sorted.length; k++) {
    if (sorted[k + 1] - sorted[k] >= 0.08 * size) {
      cut = (sorted[k] + sorted[k + 1]) / 2;
      found = true;
      break;
    }
  }
  // A line of very short words ("a I do so") has more word gaps than letter gaps, so the jump lies
  // below the median. Kerning also makes a jump below the median (Times's "AV" is 0.135 em), but
  // kerned glyphs overlap their advance (a negative gap) and jump less than a word space: the lower
  // side must not overlap and the jump must exceed 0.14 em.
  if (!found && sorted[0] >= -0.02 * size) {
    let best = -1;
    for (let k = 0; k < mid; k++) if (sorted[k + 1] - sorted[k] >= 0.14 * size && (best < 0 || sorted[k + 1] - sorted[k] > sorted[best + 1] - sorted[best])) best = k;
    if (best >= 0) cut = (sorted[best] + sorted[best + 1]) / 2;
  }
  const out: Item[] = [];
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    const prev = out[out.length - 1];
    const gap = k > 0 ? gapAfter(k - 1) : 0;
    const sameStyle = prev && !prev.sup && !it.sup && prev.italic === it.italic && prev.bold === it.bold && Math.abs(prev.size - it.size) < 0.01;
    if (prev && sameStyle && gap <= cut) {
      out[out.length - 1] = { ...prev, str: prev.str + it.str, width: it.x + it.width - prev.x };
    } else if (prev && !it.sup && !prev.sup && gap > cut) {
      out.push({ ...it, str: ` ${it.str.trimStart()}` });
    } else out.push(it);
  }
  return out;
}

/** The spans of a line's runs, with spaces where the runs stand apart. */
function joinItems(items: Item[]): Span[] {
  const spans: Span[] = [];
  let prev: Item | undefined;
  for (const it of items) {
    if (prev) {
      const gap = it.x - (prev.x + prev.width);
      const size = Math.max(prev.sup ? 0 : prev.size, it.sup ? 0 : it.size, 1);
      const spaced = /\s$/.test(prev.str) || /^\s/.test(it.str);
      if (!spaced && gap > 0.17 * size && !(it.sup && gap < 0.5 * size)) spans.push({ text: ' ', italic: prev.italic && it.italic, bold: prev.bold && it.bold });
    }
    const note = it.sup && /^\d{1,3}$/.test(it.str.trim());
    spans.push(note ? { text: it.str.trim(), note: true } : { text: it.str, italic: it.italic, bold: it.bold });
    prev = it;
  }
  return spans;
}

/** Split a line into column segments where its runs stand far apart (the masthead's two columns). */
function segments(line: Line): string[] {
  const out: string[] = [];
  let cur: Item[] = [];
  for (const it of line.items) {
    const last = cur[cur.length - 1];
    if (last && it.x - (last.x + last.width) > 3 * Math.max(line.size, 6)) {
      out.push(joinItems(cur).map((s) => s.text).join(''));
      cur = [];
    }
    cur.push(it);
  }
  if (cur.length) out.push(joinItems(cur).map((s) => s.text).join(''));
  return out.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== '');
}

const PAGE_NUMBER_RE = /^(?:Page\s+)?\d{1,4}(?:\s*(?:\/|of)\s*\d{1,4})?$/i;

/** Digits blanked, for finding lines repeated from page to page (running heads, "Page 3 of 7"). */
const furnitureKey = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\d+/g, '#');

/**
 * Rebuild paragraphs, footnotes and masthead metadata from the text of a PDF's pages.
 *
 * @param pages the pages' positioned text
 */
export function rebuild(pages: PageText[], trace?: Explain): Rebuilt {
  const meta: Record<string, unknown> = {};
  const perPage = pages.map((p, i) => pageLines(p, i + 1));
  const all = perPage.flat();
  const bodySize = mode(
    all.map((l) => ({ v: l.size, w: l.text.length })),
    10,
  );

  // Running heads, page numbers and job numbers: in the top or bottom band of a page, and
  // either of a known shape or repeated on other pages in the same band.
  const band = (l: Line) => {
    const h = pages[l.page - 1].height;
    return l.y > h * 0.86 ? 'top' : l.y < h * 0.14 ? 'bottom' : 'middle';
  };
  const repeats = new Map<string, Set<number>>();
  for (const l of all) {
    const b = band(l);
    if (b === 'middle') continue;
    const key = `${b}:${furnitureKey(l.text)}`;
    if (!repeats.has(key)) repeats.set(key, new Set());
    repeats.get(key)!.add(l.page);
  }
  /** Why a line is page furniture (a running head, page number, job number), or undefined. */
  const furniture = (l: Line): string | undefined => {
    const b = band(l);
    if (b === 'middle') return undefined;
    const t = l.text.replace(/\s+/g, ' ').trim();
    if (PAGE_NUMBER_RE.test(t)) return `page number in the ${b} band`;
    if (/^Please recycle/i.test(t)) return 'recycling note';
    if (typeof meta.symbol === 'string' && (t === meta.symbol || t.startsWith(`${meta.symbol} `) || t.endsWith(` ${meta.symbol}`))) return `the document symbol as a running ${b === 'top' ? 'head' : 'foot'}`;
    const job = segments(l).every((s) => mastheadLine(s, {}) === 'drop');
    if (job) {
      for (const s of segments(l)) mastheadLine(s, meta);
      return 'job number or barcode';
    }
    // Footnotes at the same place on two pages can look alike ("4 A/HRC/55/78.", "5 A/HRC/56/40."),
    // but they open with a raised number, which running heads never do.
    if (l.items.some((i) => i.sup)) return undefined;
    const pagesWith = repeats.get(`${b}:${furnitureKey(t)}`)?.size ?? 0;
    if (pagesWith >= Math.max(2, Math.ceil(pages.length * 0.4)) && t.length <= 80) return `repeats in the ${b} band of ${pagesWith} of ${pages.length} pages (running ${b === 'top' ? 'head' : 'foot'})`;
    return undefined;
  };
  const isFurniture = (l: Line) => {
    const why = furniture(l);
    if (why) note(trace, { action: 'dropped', stage: 'pdf', page: l.page, reason: why, text: l.text });
    return why !== undefined;
  };

  // The masthead on the first page: the symbol, distribution, date and language.
  const first = perPage[0] ?? [];
  const headEnd = first.findIndex((l) => /^The .+,$/.test(l.text.trim()) || /^\d+\.\s/.test(l.text.trim()));
  const mastheadKeep = new Map<Line, string[]>();
  for (const l of first.slice(0, headEnd < 0 ? Math.min(first.length, 12) : headEnd)) {
    let previous: string | undefined;
    const kept: string[] = [];
    for (const s of segments(l)) {
      const what = mastheadLine(s, meta, previous ?? lastKept(mastheadKeep));
      if (what !== 'drop') kept.push(s);
      previous = s;
    }
    mastheadKeep.set(l, kept);
  }

  // Footnotes: small text at the foot of each page's text, each note opening with its number.
  const footnotes = new Map<number, Para>();
  let lastNote: number | undefined;
  const bodyLines: Line[] = [];
  for (const lines of perPage) {
    const content = lines.filter((l) => !isFurniture(l));
    let k = content.length;
    while (k > 0 && content[k - 1].size < bodySize * 0.93) k--;
    const zone = content.slice(k);
    const opensNote = (l: Line) => {
      const first = l.items[0];
      return (first.sup && /^\d{1,3}$/.test(first.str.trim())) || /^\d{1,3}\s/.test(l.text.trim());
    };
    if (zone.length > 0 && (opensNote(zone[0]) || lastNote !== undefined)) {
      for (const l of zone) {
        if (opensNote(l)) {
          const firstItem = l.items[0];
          let n: number;
          let rest: Item[];
          if (firstItem.sup) {
            n = Number(firstItem.str.trim());
            rest = l.items.slice(1);
          } else {
            const m = /^(\d{1,3})\s+/.exec(firstItem.str.trimStart());
            n = Number(m ? m[1] : /^\d{1,3}/.exec(l.text.trim())![0]);
            rest = m ? [{ ...firstItem, str: firstItem.str.trimStart().slice(m[0].length) }, ...l.items.slice(1)] : l.items.slice(1);
          }
          footnotes.set(n, joinItems(rest.map((i) => ({ ...i, sup: false }))));
          lastNote = n;
          note(trace, { action: 'footnote', stage: 'pdf', page: l.page, reason: `footnote ${n}: ${l.size} pt text below the ${bodySize} pt body at the foot of the page, opening with its number`, text: l.text });
        } else if (lastNote !== undefined) {
          appendLine(footnotes.get(lastNote)!, joinItems(l.items.map((i) => ({ ...i, sup: false }))), undefined);
        }
      }
      bodyLines.push(...content.slice(0, k));
    } else bodyLines.push(...content);
  }

  const gapLines = all.filter((l) => l.fromGaps).length;
  if (gapLines > 0) note(trace, { action: 'note', stage: 'pdf', reason: `${gapLines} lines are written glyph by glyph: their words are rebuilt from the gaps between glyphs, measured line by line` });
  for (const l of bodyLines) {
    for (const r of l.raised) {
      if (/^\d{1,3}$/.test(r.str)) note(trace, { action: 'marker', stage: 'pdf', page: l.page, reason: `footnote marker ${r.str}: raised ${(Math.round(r.rise * 10) / 10).toString()} pt, ${(Math.round(r.size * 10) / 10).toString()} pt against the line's ${l.size} pt`, text: l.text });
    }
  }

  const vocab = new Vocabulary(bodyLines.map((l) => l.text).concat([...footnotes.values()].map((p) => p.map((s) => s.text).join(''))));
  for (const [n, p] of footnotes) footnotes.set(n, repairPara(p, vocab));

  // Paragraphs. Margins and line pitch from the body text itself.
  const body = bodyLines.filter((l) => Math.abs(l.size - bodySize) < 0.6);
  const left = mode(
    body.map((l) => ({ v: round(l.x0, 1), w: 1 })),
    0,
  );
  // Justified lines all end at the right margin: the most common right edge.
  const right = mode(
    body.map((l) => ({ v: round(l.x1, 1), w: 1 })),
    0,
  );
  const pitches: { v: number; w: number }[] = [];
  for (let i = 1; i < bodyLines.length; i++) {
    const a = bodyLines[i - 1];
    const b = bodyLines[i];
    if (a.page === b.page && Math.abs(a.size - bodySize) < 0.6 && Math.abs(b.size - bodySize) < 0.6) pitches.push({ v: round(a.y - b.y), w: 1 });
  }
  const pitch = mode(pitches, bodySize * 1.15);
  note(trace, { action: 'note', stage: 'pdf', reason: `measured: body text ${bodySize} pt, line pitch ${pitch} pt, text from x=${left} to x=${right}; a paragraph starts at a gap over ${round(pitch * 1.3)} pt, an indent over ${round(0.4 * bodySize)} pt after a short or finished line, a number or an italic opening after a finished line` });

  const paras: Para[] = [];
  let cur: Para | undefined;
  let prev: Line | undefined;
  let inHead = true;
  for (const l of bodyLines) {
    let spans: Span[];
    const kept = mastheadKeep.get(l);
    if (kept !== undefined) {
      if (kept.length === 0) continue;
      spans = kept.length === segments(l).length ? joinItems(l.items) : [{ text: kept.join(' ') }];
    } else spans = joinItems(l.items);
    const text = l.text.trim();
    if (inHead && /^The .+,$/.test(text)) inHead = false;
    let brk: boolean;
    let why = '';
    if (!prev || !cur) brk = true;
    else if (inHead || /^The .+,$/.test(text)) {
      // Head lines stand alone, unless a title runs on in lower case.
      brk = !(/^[a-z]/.test(text) && prev.page === l.page);
    } else {
      const short = prev.x1 < right - 1.5 * prev.size;
      const indented = l.x0 > left + 0.4 * l.size;
      const endsClause = /[,;.:\]]$/.test(prev.text.trim());
      const numbered = /^(\d+\.|\([a-z]+\))\s/.test(text);
      // An italic phrase opening a line after a finished one ("…rights," / "Recalling also …").
      const firstSpan = spans.find((x) => x.text.trim() !== '');
      const lastSpan = [...prev.items].reverse().find((x) => !x.sup && x.str.trim() !== '');
      const italicOpening = endsClause && !!firstSpan?.italic && !firstSpan.bold && !lastSpan?.italic;
      if (prev.page !== l.page) {
        why = short ? 'the last line of the page before ends short' : indented && endsClause ? 'indented first line after a finished line' : italicOpening ? 'italic opening after a finished line' : '';
        brk = why !== '';
        if (!brk) note(trace, { action: 'joined', stage: 'pdf', page: l.page, reason: `continues the paragraph from page ${prev.page} (its last line is full${endsClause ? '' : ' and unfinished'}, this line is not indented)`, text });
      } else {
        const gap = prev.y - l.y;
        why =
          gap > pitch * 1.3 ? `vertical gap ${round(gap)} pt against the ${pitch} pt line pitch`
          : Math.abs(prev.size - l.size) > 1 ? `size changes from ${prev.size} to ${l.size} pt`
          : indented && short ? 'indented line after a short one'
          : indented && endsClause && numbered ? 'indented number after a finished line'
          : italicOpening ? 'italic opening after a finished line'
          : '';
        brk = why !== '';
      }
    }
    if (brk) {
      cur = [];
      paras.push(cur);
      cur.push(...spans);
      if (!inHead) note(trace, { action: 'paragraph', stage: 'pdf', page: l.page, reason: why || 'first line', text });
    } else appendLine(cur!, spans, vocab);
    prev = l;
  }
  return { paras: paras.map((p) => repairPara(p, vocab)), footnotes, meta };
}

function lastKept(m: Map<Line, string[]>): string | undefined {
  const values = [...m.values()].filter((v) => v.length > 0);
  const last = values[values.length - 1];
  return last?.[last.length - 1];
}

/** Append a line's spans to a paragraph: undo end-of-line hyphenation or add a space. */
function appendLine(para: Para, spans: Span[], vocab: Vocabulary | undefined): void {
  const last = [...para].reverse().find((s) => s.text.trim() !== '');
  const next = spans.find((s) => s.text.trim() !== '');
  if (last && next && !last.note) {
    last.text = last.text.replace(/\s+$/, '');
    // pdfjs sometimes reads a space into a justified line's final hyphen ("rel -" + "evant").
    const m = /([A-Za-z]+) ?-$/.exec(last.text);
    if (m && /^[A-Za-z0-9]/.test(next.text.trimStart())) {
      const decision = vocab ? hyphenBreak(m[1], next.text.trimStart(), vocab) : 'keep';
      last.text = last.text.replace(/ ?-$/, decision === 'join' ? '' : '-');
      para.push(...spans.map((s, i) => (i === 0 ? { ...s, text: s.text.trimStart() } : s)));
      return;
    }
  }
  para.push({ text: ' ', italic: (last?.italic ?? false) && (next?.italic ?? false), bold: (last?.bold ?? false) && (next?.bold ?? false) }, ...spans);
}

/** Broken letter spacing, per non-marker span. */
function repairPara(para: Para, vocab: Vocabulary): Para {
  return mergeSpans(para).map((s) => (s.note ? s : { ...s, text: repairSpacing(s.text, vocab) }));
}
