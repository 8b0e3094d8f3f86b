/**
 * WordprocessingML → paragraphs of styled spans: italic from run properties and styles, list
 * numbers from numbering.xml, footnote references numbered in order of appearance, tracked
 * deletions dropped and insertions kept (the accepted text).
 */
import type { Span } from '../pdf/emit.js';
import { onOff, tokens } from './xml.js';

/** Deepest list level Word has (levels 0–8); a larger `w:ilvl` is read as 8. */
export const MAX_LIST_LEVEL = 8;
/**
 * Largest list counter start taken from a file: no resolution numbers a paragraph or a
 * subparagraph beyond this, and a larger start (1e9 as letters is a gigabyte) is read as this.
 */
export const MAX_LIST_START = 9999;

/**
 * A number from the file, clamped to [min, max]; `fallback` when it is not a number. `note` is
 * told when the value had to be changed, so the reader can warn.
 */
export function clampNumber(raw: string | undefined, fallback: number, min: number, max: number, note?: (value: string, used: number) => void): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) {
    note?.(raw, fallback);
    return fallback;
  }
  const v = Math.min(max, Math.max(min, Math.trunc(n)));
  if (v !== n) note?.(raw, v);
  return v;
}

/** What a style says that the reader needs. */
interface StyleInfo {
  italic?: boolean;
  bold?: boolean;
  /** Raised text (w:vertAlign superscript), as a footnote marker is set. */
  superscript?: boolean;
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

/** Styles by id, from styles.xml. */
export class Styles {
  private readonly styles = new Map<string, StyleInfo>();
  /** Values the file gave that were out of range and replaced (one message each). */
  readonly warnings = new Set<string>();
  private defaultParagraph: string | undefined;

  constructor(xml: string | undefined) {
    if (!xml) return;
    let cur: StyleInfo | undefined;
    let inRPr = false;
    let inPPr = false;
    for (const t of tokens(xml)) {
      if (t.kind === 'text') continue;
      if (t.name === 'w:style' && t.kind === 'open') {
        cur = {};
        this.styles.set(t.attrs['w:styleId'] ?? '', cur);
        if (t.attrs['w:type'] === 'paragraph' && onOff({ 'w:val': t.attrs['w:default'] ?? '0' })) this.defaultParagraph = t.attrs['w:styleId'];
      } else if (t.name === 'w:style' && t.kind === 'close') cur = undefined;
      else if (!cur) continue;
      else if (t.name === 'w:rPr') inRPr = t.kind === 'open';
      else if (t.name === 'w:pPr') inPPr = t.kind === 'open';
      else if (t.name === 'w:basedOn') cur.basedOn = t.attrs['w:val'];
      else if (t.name === 'w:i' && inRPr) cur.italic = onOff(t.attrs);
      else if (t.name === 'w:b' && inRPr) cur.bold = onOff(t.attrs);
      else if (t.name === 'w:vertAlign' && inRPr) cur.superscript = t.attrs['w:val'] === 'superscript';
      else if (t.name === 'w:position' && inRPr) cur.superscript = Number(t.attrs['w:val'] ?? 0) >= 2;
      else if (t.name === 'w:numId' && inPPr) cur.numId = t.attrs['w:val'];
      else if (t.name === 'w:ilvl' && inPPr) cur.ilvl = clampNumber(t.attrs['w:val'], 0, 0, MAX_LIST_LEVEL, (v, used) => this.warnings.add(levelWarning(v, used)));
    }
  }

  /** A style property, following basedOn (cycles stop). */
  private lookup<K extends keyof StyleInfo>(id: string | undefined, key: K): StyleInfo[K] | undefined {
    const seen = new Set<string>();
    for (let s = id; s !== undefined && !seen.has(s); ) {
      seen.add(s);
      const info = this.styles.get(s);
      if (!info) return undefined;
      if (info[key] !== undefined) return info[key];
      s = info.basedOn;
    }
    return undefined;
  }

  italic(id: string | undefined): boolean | undefined {
    return this.lookup(id, 'italic');
  }

  bold(id: string | undefined): boolean | undefined {
    return this.lookup(id, 'bold');
  }

  superscript(id: string | undefined): boolean | undefined {
    return this.lookup(id, 'superscript');
  }

  /** The list a paragraph style numbers with, if any. */
  numbering(id: string | undefined): { numId: string; ilvl: number } | undefined {
    const p = id ?? this.defaultParagraph;
    const numId = this.lookup(p, 'numId');
    return numId === undefined ? undefined : { numId, ilvl: this.lookup(p, 'ilvl') ?? 0 };
  }

  paragraphDefault(): string | undefined {
    return this.defaultParagraph;
  }
}

interface Level {
  start: number;
  format: string;
  text: string;
}

/** List definitions and running counters, from numbering.xml. */
export class Numbering {
  private readonly abstract = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  private readonly counters = new Map<string, number[]>();
  /** Values the file gave that were out of range and replaced (one message each). */
  readonly warnings = new Set<string>();

  constructor(xml: string | undefined) {
    if (!xml) return;
    const level = (raw: string | undefined) => clampNumber(raw, 0, 0, MAX_LIST_LEVEL, (v, used) => this.warnings.add(levelWarning(v, used)));
    const start = (raw: string | undefined) =>
      clampNumber(raw, 1, 0, MAX_LIST_START, (v, used) => this.warnings.add(`the list numbering starts at ${v.slice(0, 20)}, which no resolution has; numbered from ${used} instead`));
    let abs: Map<number, Level> | undefined;
    let lvl: Level | undefined;
    let num: { abstractId: string; starts: Map<number, number> } | undefined;
    let overrideLevel: number | undefined;
    for (const t of tokens(xml)) {
      if (t.kind === 'text') continue;
      if (t.name === 'w:abstractNum') {
        if (t.kind === 'open') this.abstract.set(t.attrs['w:abstractNumId'] ?? '', (abs = new Map()));
        else abs = undefined;
      } else if (t.name === 'w:num') {
        if (t.kind === 'open') this.nums.set(t.attrs['w:numId'] ?? '', (num = { abstractId: '', starts: new Map() }));
        else num = undefined;
      } else if (t.name === 'w:lvl' && abs) {
        if (t.kind === 'open') abs.set(level(t.attrs['w:ilvl']), (lvl = { start: 1, format: 'decimal', text: '' }));
        else lvl = undefined;
      } else if (t.name === 'w:lvlOverride' && num) overrideLevel = t.kind === 'open' ? level(t.attrs['w:ilvl']) : undefined;
      else if (t.name === 'w:startOverride' && num && overrideLevel !== undefined) num.starts.set(overrideLevel, start(t.attrs['w:val']));
      else if (t.name === 'w:abstractNumId' && num) num.abstractId = t.attrs['w:val'] ?? '';
      else if (lvl && !num) {
        if (t.name === 'w:start') lvl.start = start(t.attrs['w:val']);
        else if (t.name === 'w:numFmt') lvl.format = t.attrs['w:val'] ?? 'decimal';
        else if (t.name === 'w:lvlText') lvl.text = t.attrs['w:val'] ?? '';
      }
    }
  }

  /**
   * The label of the next paragraph of a list ("12.", "(a)"), advancing its counters; undefined
   * for bullets and unknown lists.
   */
  next(numId: string, requested: number): string | undefined {
    const ilvl = Math.min(MAX_LIST_LEVEL, Math.max(0, Math.trunc(requested) || 0));
    const num = this.nums.get(numId);
    if (!num || numId === '0') return undefined;
    const levels = this.abstract.get(num.abstractId);
    if (!levels) return undefined;
    const counts = this.counters.get(numId) ?? [];
    for (let i = 0; i <= ilvl; i++) {
      const start = num.starts.get(i) ?? levels.get(i)?.start ?? 1;
      if (counts[i] === undefined) counts[i] = start - 1;
    }
    counts[ilvl]++;
    counts.length = ilvl + 1; // deeper levels restart
    this.counters.set(numId, counts);
    const level = levels.get(ilvl);
    if (!level || level.format === 'bullet' || level.format === 'none') return undefined;
    return level.text.replace(/%(\d)/g, (_all, d: string) => {
      const i = Number(d) - 1;
      return formatNumber(counts[i] ?? 1, levels.get(i)?.format ?? 'decimal');
    });
  }
}

const ROMAN: [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

function levelWarning(value: string, used: number): string {
  return `a list level of ${value.slice(0, 20)} is beyond Word's ${MAX_LIST_LEVEL + 1} levels; read as level ${used}`;
}

/** A list counter in a Word number format (counters beyond MAX_LIST_START + a document's paragraphs never arrive). */
export function formatNumber(count: number, format: string): string {
  const n = Math.min(Math.max(Math.trunc(count) || 0, 0), 1_000_000);
  switch (format) {
    case 'lowerLetter':
    case 'upperLetter': {
      // Word repeats the letter past z: aa, bb, …
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      let r = '';
      let v = n;
      for (const [k, s] of ROMAN) while (v >= k) [r, v] = [r + s, v - k];
      return format === 'upperRoman' ? r.toUpperCase() : r;
    }
    default:
      return String(n);
  }
}

/** One paragraph of a Word part. */
export interface WordParagraph {
  spans: Span[];
  /** The list label Word prints before it ("12."), when numbered. */
  label?: string;
  /** The footnote it belongs to (footnotes part only). */
  footnoteId?: string;
  /** Inside a table cell. */
  inTable: boolean;
}

/** Shared state of one document read: footnote ids numbered in order of first reference. */
export interface ReadContext {
  styles: Styles;
  numbering: Numbering;
  footnoteNumbers: Map<string, number>;
  /** Told of each paragraph as it is read (a reader counts them against its limits; may throw). */
  onParagraph?: (p: WordParagraph) => void;
}

/**
 * The paragraphs of a WordprocessingML part (document, footnotes, header or footer). Line
 * breaks inside a paragraph arrive as "\n" in the span text.
 */
export function paragraphs(xml: string, ctx: ReadContext): WordParagraph[] {
  const out: WordParagraph[] = [];
  interface P {
    spans: Span[];
    style?: string;
    numId?: string;
    ilvl?: number;
  }
  const stack: P[] = [];
  let inPPr = 0;
  let inRPr = false;
  let run: RunProps | undefined;
  let inText = false;
  let skipDepth = 0; // inside <w:del>, <w:moveFrom>, field instructions
  let tableDepth = 0;
  let footnoteId: string | undefined;
  let skipNote = false;
  for (const t of tokens(xml)) {
    const p = stack[stack.length - 1];
    if (t.kind === 'text') {
      if (inText && p && run && !run.hidden && skipDepth === 0) {
        // A superscript run of digits is a footnote marker typed as text (a Word file saved from
        // HTML or by another word processor): "Agreement,<sup>1</sup>".
        const raised = run.superscript ?? ctx.styles.superscript(run.style) ?? false;
        if (raised && /^\s*\d{1,3}\s*$/.test(t.text)) p.spans.push({ text: t.text.trim(), note: true, raised: true });
        else p.spans.push({ text: t.text, ...runStyle(run, p, ctx) });
      }
      continue;
    }
    const open = t.kind !== 'close';
    switch (t.name) {
      case 'w:footnote':
      case 'w:endnote':
        footnoteId = open ? t.attrs['w:id'] : undefined;
        skipNote = open && (t.attrs['w:type'] === 'separator' || t.attrs['w:type'] === 'continuationSeparator' || t.attrs['w:type'] === 'continuationNotice');
        break;
      case 'w:tbl':
        tableDepth += t.kind === 'open' ? 1 : t.kind === 'close' ? -1 : 0;
        break;
      case 'w:del':
      case 'w:moveFrom':
      case 'w:instrText':
        if (t.kind === 'open') skipDepth++;
        else if (t.kind === 'close') skipDepth--;
        break;
      case 'w:p':
        if (t.kind === 'open') stack.push({ spans: [] });
        else if (t.kind === 'empty') {
          if (!skipNote) out.push({ spans: [], footnoteId, inTable: tableDepth > 0 });
          if (!skipNote) ctx.onParagraph?.(out[out.length - 1]);
        } else {
          const done = stack.pop();
          if (done && !skipNote) {
            let label: string | undefined;
            const list = done.numId !== undefined ? { numId: done.numId, ilvl: done.ilvl ?? 0 } : ctx.styles.numbering(done.style);
            if (list && done.spans.some((s) => s.text.trim() !== '')) label = ctx.numbering.next(list.numId, list.ilvl);
            out.push({ spans: done.spans, label, footnoteId, inTable: tableDepth > 0 });
            ctx.onParagraph?.(out[out.length - 1]);
          }
        }
        break;
      case 'w:pPr':
        inPPr += t.kind === 'open' ? 1 : t.kind === 'close' ? -1 : 0;
        break;
      case 'w:pStyle':
        if (p && inPPr) p.style = t.attrs['w:val'];
        break;
      case 'w:numId':
        if (p && inPPr) p.numId = t.attrs['w:val'];
        break;
      case 'w:ilvl':
        if (p && inPPr) p.ilvl = clampNumber(t.attrs['w:val'], 0, 0, MAX_LIST_LEVEL, (v, used) => ctx.numbering.warnings.add(levelWarning(v, used)));
        break;
      case 'w:r':
        run = t.kind === 'open' ? {} : undefined;
        break;
      case 'w:rPr':
        inRPr = t.kind === 'open';
        break;
      case 'w:rStyle':
        if (run && inRPr) run.style = t.attrs['w:val'];
        break;
      case 'w:i':
        if (run && inRPr) run.italic = onOff(t.attrs);
        break;
      case 'w:b':
        if (run && inRPr) run.bold = onOff(t.attrs);
        break;
      case 'w:vertAlign':
        if (run && inRPr) run.superscript = t.attrs['w:val'] === 'superscript';
        break;
      case 'w:position':
        // Raised by at least a point (half-points): how LibreOffice writes a <sup> it took from HTML.
        if (run && inRPr) run.superscript = Number(t.attrs['w:val'] ?? 0) >= 2;
        break;
      case 'w:vanish':
        if (run && inRPr) run.hidden = onOff(t.attrs);
        break;
      case 'w:t':
        inText = t.kind === 'open';
        break;
      case 'w:tab':
        if (p && run && !inPPr && skipDepth === 0) p.spans.push({ text: '\t', ...runStyle(run, p, ctx) });
        break;
      case 'w:br':
      case 'w:cr':
        if (p && run && skipDepth === 0 && t.attrs['w:type'] !== 'page' && t.attrs['w:type'] !== 'column') p.spans.push({ text: '\n' });
        break;
      case 'w:noBreakHyphen':
        if (p && run && skipDepth === 0) p.spans.push({ text: '-', ...runStyle(run, p, ctx) });
        break;
      case 'w:sym':
        if (p && run && skipDepth === 0 && t.attrs['w:char']) p.spans.push({ text: symbolChar(t.attrs['w:char']), ...runStyle(run, p, ctx) });
        break;
      case 'w:footnoteReference':
      case 'w:endnoteReference': {
        if (!p || skipDepth > 0) break;
        // Endnotes have ids of their own ("e2"); both kinds are numbered in order of first reference.
        const id = `${t.name === 'w:endnoteReference' ? 'e' : ''}${t.attrs['w:id'] ?? ''}`;
        if (!ctx.footnoteNumbers.has(id)) ctx.footnoteNumbers.set(id, ctx.footnoteNumbers.size + 1);
        p.spans.push({ text: String(ctx.footnoteNumbers.get(id)), note: true });
        break;
      }
      default:
        break;
    }
  }
  return out;
}

interface RunProps {
  superscript?: boolean;
  italic?: boolean;
  bold?: boolean;
  style?: string;
  hidden?: boolean;
}

/** A run's italic and bold: its own property, else its character style, else its paragraph style. */
function runStyle(run: RunProps, p: { style?: string }, ctx: ReadContext): { italic: boolean; bold: boolean } {
  const pStyle = p.style ?? ctx.styles.paragraphDefault();
  return {
    italic: run.italic ?? ctx.styles.italic(run.style) ?? ctx.styles.italic(pStyle) ?? false,
    bold: run.bold ?? ctx.styles.bold(run.style) ?? ctx.styles.bold(pStyle) ?? false,
  };
}

/** `<w:sym w:char="F0B7"/>`: symbol-font code points live in the private use area at F000 + code. */
function symbolChar(hex: string): string {
  const code = parseInt(hex, 16);
  if (Number.isNaN(code) || code < 0 || code > 0x10ffff + 0xf000) return '';
  return String.fromCodePoint(code >= 0xf000 ? code - 0xf000 : code);
}
