/**
 * HTML reader: a saved web page of a resolution, parsed with unified + rehype-parse (an HTML5
 * parser, so any page a browser opens is read as the browser reads it), rebuilt into the corpus
 * Markdown shape the model parses, by the same rules as the other readers:
 *
 * - `<i>`/`<em>` become the emphasis an opening phrase is found by; `<b>`/`<strong>` bold;
 * - `<sup>` holding a number (or a link holding one) is a footnote marker;
 * - `<ol>` items are numbered paragraphs (`start=` and `value=` honoured; `type="a"`/`"i"` items
 *   are subparagraphs "(a)"), and numbers a style sheet generates (`::before { content:
 *   counter(…) }`) are counted as the browser would print them;
 * - an `<ol>` of notes after the last marker, or paragraphs that start with a marker (endnotes,
 *   or the notes at the foot of each page of a paginated page), are footnote texts;
 * - page furniture is not text: `<head>`, `<script>`, `<style>`, `<nav>`, `<template>`, hidden
 *   elements (`hidden`, `display: none` inline or by a class rule), `<header>`/`<footer>` that do
 *   not hold the title; running heads, job numbers and page numbers left in the body are dropped
 *   by the model as for any other source.
 *
 * Loaded lazily (ingest/index.ts imports it only for .html/.htm files).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { InputError } from '../errors.js';
import { decodeText } from './text.js';
import { note, type Explain, type ReadOptions } from './explain.js';

/** One compound selector: `p.op`, `.notes`, `#fn1`. */
interface Compound {
  tag?: string;
  classes: string[];
  id?: string;
}

/** A simple CSS rule: compound selectors joined by descendant combinators, `::before` or not, and its declarations. */
interface Rule {
  chain: Compound[];
  before: boolean;
  decls: Record<string, string>;
}

/** Elements whose content is never the document's text. */
const SKIP = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'svg', 'math', 'iframe', 'object', 'button', 'select', 'textarea', 'input', 'form', 'canvas', 'audio', 'video']);
/** Elements that make a block (a paragraph break before and after). */
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ol', 'ul', 'dl', 'dt', 'dd', 'table', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'figure', 'figcaption', 'pre', 'address', 'hr', 'body', 'html', 'center']);

/**
 * Read an HTML page into resolution Markdown.
 *
 * @param bytes the file contents
 * @param file the file name, for messages
 * @param options `explain`: a trace to append the reader's decisions to
 */
export async function read(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<{ markdown: string; meta: Record<string, unknown> }> {
  const text = decodeText(bytes, file);
  // Loaded here, on the one path that needs them (both are ES modules only).
  const [{ unified }, { default: rehypeParse }] = await Promise.all([import('unified'), import('rehype-parse')]);
  const tree = unified().use(rehypeParse).parse(text) as Root;
  const reader = new HtmlReader(text, options.explain);
  reader.collectStyles(tree);
  const meta: Record<string, unknown> = {};
  const title = reader.textOf(findAll(tree, (e) => e.tagName === 'title')[0]);
  if (/constructed test rendition/i.test(title)) meta.constructed = true;
  const body = findAll(tree, (e) => e.tagName === 'body')[0] ?? tree;
  reader.walkBlock(body);
  const markdown = reader.finish();
  if (!markdown.trim()) throw new InputError('the HTML page has no text', file);
  return { markdown, meta };
}

function findAll(node: Root | Element, test: (e: Element) => boolean, out: Element[] = []): Element[] {
  for (const c of node.children as Array<RootContent | ElementContent>) {
    if (c.type === 'element') {
      if (test(c)) out.push(c);
      findAll(c, test, out);
    }
  }
  return out;
}

function classesOf(e: Element): string[] {
  const c: unknown = e.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}

/** One paragraph of Markdown in the making, with the source line it started at. */
interface Para {
  md: string;
  line: number;
  /** The paragraph's plain text (for deciding what it is). */
  plain: string;
  /** Holds a footnote marker. */
  markers: number[];
  /** A footnote text (starts with its marker). */
  note?: number;
}

class HtmlReader {
  private rules: Rule[] = [];
  /** The elements open around the one being read (for descendant selectors). */
  private stack: Element[] = [];
  private paras: Para[] = [];
  private cur: Para | undefined;
  private counters = new Map<string, number>();
  private lastMarkerPara = -1;
  /** Footnote texts found as a list after the text. */
  private notes: Array<{ n: number; md: string; line: number }> = [];

  constructor(
    private readonly src: string,
    private readonly trace: Explain | undefined,
  ) {}

  /** The rules of the page's `<style>` elements that matter here. */
  collectStyles(tree: Root): void {
    for (const s of findAll(tree, (e) => e.tagName === 'style')) {
      const css = this.textOf(s).replace(/\/\*[\s\S]*?\*\//g, '');
      for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
        const decls: Record<string, string> = {};
        for (const d of m[2].split(';')) {
          const k = d.indexOf(':');
          if (k > 0) decls[d.slice(0, k).trim().toLowerCase()] = d.slice(k + 1).trim();
        }
        for (const sel of m[1].split(',')) {
          const parts = sel.trim().split(/[\s>+~]+/).filter(Boolean);
          if (!parts.length || parts[0].startsWith('@')) continue;
          const before = /::?before$/.test(parts[parts.length - 1]);
          const chain: Compound[] = [];
          for (const part of parts) {
            const compound = part.replace(/::?[\w-]+(\([^)]*\))?/g, '');
            const tag = /^[a-z][\w-]*/i.exec(compound)?.[0]?.toLowerCase();
            const classes = [...compound.matchAll(/\.([\w-]+)/g)].map((x) => x[1]);
            const id = /#([\w-]+)/.exec(compound)?.[1];
            chain.push({ tag, classes, id });
          }
          if (chain.some((c) => !c.tag && !c.classes.length && !c.id && c !== chain[chain.length - 1])) continue;
          this.rules.push({ chain, before, decls });
        }
      }
    }
  }

  private static fits(e: Element, c: Compound): boolean {
    const cls = classesOf(e);
    const id = typeof e.properties?.id === 'string' ? e.properties.id : undefined;
    return (!c.tag || c.tag === e.tagName) && c.classes.every((x) => cls.includes(x)) && (!c.id || c.id === id) && (!!c.tag || c.classes.length > 0 || !!c.id);
  }

  /** Rules whose selector matches `e` here (its ancestors are the open elements of the walk). */
  private matching(e: Element, before: boolean): Rule[] {
    return this.rules.filter((r) => {
      if (r.before !== before || !HtmlReader.fits(e, r.chain[r.chain.length - 1])) return false;
      let k = r.chain.length - 2;
      for (let a = this.stack.length - 1; a >= 0 && k >= 0; a--) if (HtmlReader.fits(this.stack[a], r.chain[k])) k--;
      return k < 0;
    });
  }

  private hidden(e: Element): boolean {
    if (e.properties?.hidden !== undefined && e.properties.hidden !== false) return true;
    if (String(e.properties?.ariaHidden ?? '') === 'true') return true;
    const style = typeof e.properties?.style === 'string' ? e.properties.style : '';
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
    return this.matching(e, false).some((r) => /^none\b/.test(r.decls.display ?? '') || /^hidden\b/.test(r.decls.visibility ?? ''));
  }

  /** A flex or grid container lays its children out as blocks, spans included. */
  private flexes(e: Element): boolean {
    const style = typeof e.properties?.style === 'string' ? e.properties.style : '';
    return /display\s*:\s*(?:inline-)?(?:flex|grid)/i.test(style) || this.matching(e, false).some((r) => /^(?:inline-)?(?:flex|grid)\b/.test(r.decls.display ?? ''));
  }

  /** The number a style sheet prints before this element (`content: counter(op) "."`), if any. */
  private generatedNumber(e: Element): string | undefined {
    for (const r of this.matching(e, true)) {
      const content = r.decls.content ?? '';
      const m = /counter\(\s*([\w-]+)\s*\)\s*(?:"([^"]*)"|'([^']*)')?/.exec(content);
      if (!m) continue;
      const inc = /([\w-]+)(?:\s+(-?\d+))?/.exec(r.decls['counter-increment'] ?? '');
      const name = m[1];
      const value = (this.counters.get(name) ?? 0) + (inc && inc[1] === name ? Number(inc[2] ?? 1) : 0);
      this.counters.set(name, value);
      const after = (m[2] ?? m[3] ?? '').replace(/\\0*a0\s?/gi, ' ').replace(/\\[0-9a-f]{1,6}\s?/gi, ' ');
      return `${value}${after.trim() ? after.trim()[0] : '.'}`;
    }
    return undefined;
  }

  private lineOf(e: Element | undefined): number {
    return e?.position?.start.line ?? 0;
  }

  private say(line: number, action: Parameters<typeof note>[1]['action'], reason: string, text?: string): void {
    note(this.trace, { stage: 'html', line, action, reason, text });
  }

  /** Plain text of a node (for <title>, <style>, decisions). */
  textOf(node: Element | undefined): string {
    if (!node) return '';
    let out = '';
    for (const c of node.children) {
      if (c.type === 'text') out += c.value;
      else if (c.type === 'element') out += this.textOf(c);
    }
    return out;
  }

  private flush(): void {
    if (!this.cur) return;
    const md = this.cur.md.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
    if (md) {
      this.cur.md = md;
      this.cur.plain = this.cur.plain.replace(/\s+/g, ' ').trim();
      if (this.cur.markers.length && this.cur.note === undefined) this.lastMarkerPara = this.paras.length;
      this.paras.push(this.cur);
    }
    this.cur = undefined;
  }

  private open(line: number, prefix = ''): Para {
    this.flush();
    this.cur = { md: prefix, line, plain: prefix, markers: [] };
    return this.cur;
  }

  /** Walk a block-level element: its block children make paragraphs, runs of inline content one each. */
  walkBlock(node: Root | Element, listItemPrefix?: string): void {
    const el = node.type === 'element' ? node : undefined;
    if (el) {
      if (SKIP.has(el.tagName) || this.hidden(el)) {
        if (el.tagName !== 'head' && el.tagName !== 'style' && el.tagName !== 'script') this.say(this.lineOf(el), 'dropped', `<${el.tagName}> ${this.hidden(el) ? 'is hidden' : 'is not part of the text'}`, this.textOf(el));
        return;
      }
      if ((el.tagName === 'header' || el.tagName === 'footer') && !findAll(el, (e) => e.tagName === 'h1').length) {
        this.say(this.lineOf(el), 'dropped', `<${el.tagName}>: page furniture`, this.textOf(el));
        return;
      }
      if (el.tagName === 'hr') {
        this.flush();
        this.paras.push({ md: '---', line: this.lineOf(el), plain: '', markers: [] });
        return;
      }
      if (el.tagName === 'ol' || el.tagName === 'ul') {
        this.walkList(el);
        return;
      }
    }
    const flex = el ? this.flexes(el) : false;
    const generated = el ? this.generatedNumber(el) : undefined;
    if (el) this.stack.push(el);
    try {
      this.walkChildren(node, el, flex, generated, listItemPrefix);
    } finally {
      if (el) this.stack.pop();
    }
  }

  private walkChildren(node: Root | Element, el: Element | undefined, flex: boolean, generated: string | undefined, listItemPrefix: string | undefined): void {
    let started = false;
    const begin = (line: number) => {
      if (!started) {
        const prefix = listItemPrefix ?? (generated ? `${generated} ` : '');
        if (generated) this.say(line, 'note', `number ${generated} printed by the style sheet (a CSS counter)`);
        this.open(line, prefix);
        started = true;
      }
    };
    for (const c of node.children as Array<RootContent | ElementContent>) {
      if (c.type === 'element' && (BLOCK.has(c.tagName) || flex)) {
        // A list item's number goes to its first paragraph.
        const prefix = started ? undefined : listItemPrefix;
        this.flush();
        started = false;
        listItemPrefix = undefined;
        this.walkBlock(c, prefix);
        continue;
      }
      if (c.type === 'text' && !c.value.trim() && !started) continue;
      if (c.type === 'comment' || c.type === 'doctype') continue;
      begin(c.position?.start.line ?? this.lineOf(el));
      this.inline(c as ElementContent, false, false);
    }
    if (!started && listItemPrefix) {
      begin(this.lineOf(el));
    }
    if (el && (BLOCK.has(el.tagName) || flex)) this.flush();
  }

  /** An <ol> or <ul>: numbered paragraphs, subparagraphs, or the notes. */
  private walkList(list: Element): void {
    const items = list.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li' && !this.hidden(c));
    const type = String(list.properties?.type ?? '1');
    const ordered = list.tagName === 'ol';
    let n = ordered ? Number(list.properties?.start ?? 1) : 0;
    if (!Number.isFinite(n)) n = 1;
    // Notes: a numbered list after the last marker whose items are not paragraphs of the text.
    this.flush();
    const afterMarkers = this.lastMarkerPara >= 0 && this.lastMarkerPara === this.lastIndexWithMarkers();
    const looksLikeNotes = ordered && afterMarkers && items.length > 0 && items.every((li) => !findAll(li, (e) => e.tagName === 'i' || e.tagName === 'em').some((e) => this.textStartsWith(li, e)));
    for (const li of items) {
      if (li.properties?.value !== undefined && Number.isFinite(Number(li.properties.value))) n = Number(li.properties.value);
      const label = !ordered ? '' : type === 'a' ? `(${String.fromCharCode(96 + n)}) ` : type === 'i' ? `(${roman(n)}) ` : type === 'A' || type === 'I' ? '' : `${n}. `;
      if (looksLikeNotes) {
        const before = this.paras.length;
        this.walkBlock(li, '');
        this.flush();
        const made = this.paras.splice(before);
        const md = made.map((p) => p.md).join(' ').replace(/\s*(?:↩|↑|\^)\uFE0E?\s*$/u, '');
        this.notes.push({ n, md, line: this.lineOf(li) });
        this.say(this.lineOf(li), 'footnote', `footnote ${n}'s text: item ${n} of a numbered list after the last marker (endnotes)`, md);
      } else {
        if (label && /^\d/.test(label)) this.say(this.lineOf(li), 'paragraph', `list item numbered ${n}${li.properties?.value !== undefined ? ' (value=)' : n === Number(list.properties?.start ?? 1) && list.properties?.start !== undefined ? ' (start=)' : ''}`);
        this.walkBlock(li, label);
        this.flush();
      }
      n++;
    }
  }

  private lastIndexWithMarkers(): number {
    for (let i = this.paras.length - 1; i >= 0; i--) if (this.paras[i].markers.length && this.paras[i].note === undefined) return i;
    return -1;
  }

  /** Does `li`'s text start with element `e`'s text (an emphasised opening)? */
  private textStartsWith(li: Element, e: Element): boolean {
    return this.textOf(li).trimStart().startsWith(this.textOf(e).trim()) && this.textOf(e).trim().length > 0;
  }

  private inline(n: ElementContent, italic: boolean, bold: boolean): void {
    const p = this.cur!;
    if (n.type === 'text') {
      p.md += escape(n.value.replace(/\s+/g, ' '), p.md === '' || /\n$/.test(p.md));
      p.plain += n.value;
      return;
    }
    if (n.type !== 'element') return;
    const tag = n.tagName;
    if (SKIP.has(tag) || this.hidden(n)) return;
    if (tag === 'br') {
      p.md += '  \n';
      p.plain += ' ';
      return;
    }
    if (tag === 'sup') {
      const t = this.textOf(n).trim();
      const num = /^\[?(\d{1,3})\]?$/.exec(t);
      if (num) {
        const k = Number(num[1]);
        const atStart = p.plain.trim() === '';
        p.md += `<sup>${k}</sup>`;
        if (atStart) p.note = k;
        else p.markers.push(k);
        this.say(this.lineOf(n), atStart ? 'footnote' : 'marker', atStart ? `footnote ${k}'s text (starts with its <sup> marker)` : `footnote marker ${k} (<sup>)`, atStart ? this.textOf(n) : p.plain.slice(-30) + t);
        return;
      }
    }
    const em = tag === 'i' || tag === 'em' || tag === 'cite' || tag === 'var' || tag === 'dfn';
    const strong = tag === 'b' || tag === 'strong';
    const inner = this.textOf(n);
    if ((em && !italic) || (strong && !bold)) {
      // Markdown emphasis needs its marks against the words: move white space outside.
      const lead = /^\s*/.exec(inner)?.[0] ?? '';
      const trail = /\s*$/.exec(inner)?.[0] ?? '';
      if (!inner.trim()) {
        p.md += inner ? ' ' : '';
        return;
      }
      const mark = em ? '*' : '**';
      if (lead) p.md += ' ';
      p.md += mark;
      const before = p.md.length;
      for (const c of n.children) this.inline(c, italic || em, bold || strong);
      p.md = p.md.slice(0, before) + p.md.slice(before).trim();
      p.md += mark;
      if (trail) p.md += ' ';
      return;
    }
    this.stack.push(n);
    for (const c of n.children) this.inline(c, italic, bold);
    this.stack.pop();
  }

  /** The Markdown: paragraphs, then the notes below a rule. */
  finish(): string {
    this.flush();
    const out = this.paras.map((p) => p.md);
    if (this.notes.length) {
      out.push('---');
      for (const n of this.notes) out.push(`<sup>${n.n}</sup> ${n.md}`);
    }
    void this.src;
    return `${out.join('\n\n')}\n`;
  }
}

/** Markdown-escape text so it reads back as the same text. */
function escape(s: string, atLineStart: boolean): string {
  let out = s.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
  if (atLineStart) out = out.replace(/^(\s*)([#>+-]|={3,}|-{3,})/, '$1\\$2');
  return out;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}
