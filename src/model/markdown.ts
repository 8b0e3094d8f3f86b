/**
 * Markdown -> blocks: plain resolution Markdown by the direct reader (markdown-direct.ts), any
 * other Markdown on unified + remark-parse (+ remark-frontmatter).
 *
 * remark gives us the block structure and inline emphasis; paragraph numbers are read from the
 * source at each list item's position, because remark's lists lose the printed numbers (DESIGN §6).
 */
import type { Root, RootContent, PhrasingContent, ListItem, Heading } from 'mdast';
import { createRequire } from 'node:module';
import { InputError } from '../errors.js';
import type { Block, SupMarker } from './blocks.js';
import { directMarkdownBlocks } from './markdown-direct.js';
import { directFrontMatter } from './front-matter-direct.js';
import { parseMarkdownTree } from './remark.js';
import { note, type Explain } from '../ingest/explain.js';

/** What a Markdown source gives: its front matter (if any) and its blocks. */
export interface MarkdownBlocks {
  frontMatter: Record<string, unknown>;
  blocks: Block[];
}

/**
 * Read Markdown text into blocks: plain resolution Markdown by the direct reader
 * (markdown-direct.ts, the same blocks without a syntax tree), anything else by remark.
 *
 * @param text the Markdown, LF line endings
 * @param file file name for messages
 * @param trace `show --explain`: which reader read the file, and why remark if it was remark
 */
export function markdownBlocks(text: string, file: string, trace?: Explain): MarkdownBlocks {
  const direct = directMarkdownBlocks(text);
  if ('refused' in direct) note(trace, { stage: 'markdown', line: direct.line, action: 'note', reason: `read with remark (full CommonMark): ${direct.refused}` });
  else note(trace, { stage: 'markdown', action: 'note', reason: 'read with the direct reader for plain resolution Markdown (the same blocks as remark, proven by a property test)' });
  if ('blocks' in direct) {
    const fm = direct.frontMatter;
    return { frontMatter: fm ? readFrontMatter(fm.value, file, fm.line) : {}, blocks: direct.blocks };
  }
  return remarkMarkdownBlocks(text, file);
}

/**
 * Read Markdown text into blocks with remark: every Markdown construct.
 *
 * @param text the Markdown, LF line endings
 * @param file file name for messages
 */
export function remarkMarkdownBlocks(text: string, file: string): MarkdownBlocks {
  const tree = parseMarkdownTree(text);
  const out: Block[] = [];
  let frontMatter: Record<string, unknown> = {};
  for (const node of tree.children) {
    if (node.type === 'yaml') frontMatter = readFrontMatter(node.value, file, node.position?.start.line ?? 1);
    else visitBlock(node, text, out);
  }
  return { frontMatter, blocks: out };
}

/**
 * The `yaml` library, loaded on first use: front matter in the usual shape is read by
 * front-matter-direct.ts, so most runs never load it.
 */
let yamlLibrary: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlLibrary ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

function readFrontMatter(value: string, file: string, line: number): Record<string, unknown> {
  const direct = directFrontMatter(value);
  if (direct) return direct;
  const { parse: parseYaml, YAMLParseError } = yaml();
  try {
    // logLevel 'error': an unknown tag (`!!js/function`) is read as plain data, without yaml
    // printing a raw "(node:…) YAMLWarning" on the user's terminal.
    const data: unknown = parseYaml(value, { logLevel: 'error' });
    if (data === null || data === undefined) return {};
    if (typeof data !== 'object' || Array.isArray(data)) throw new InputError('front matter is not a YAML mapping', file, line);
    return data as Record<string, unknown>;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const yl = e instanceof YAMLParseError ? e.linePos?.[0]?.line : undefined;
    const msg = (e as Error).message.split('\n')[0];
    // +1: the opening '---' line precedes the YAML.
    throw new InputError(`invalid YAML front matter: ${msg}`, file, yl !== undefined ? line + yl : line);
  }
}

function visitBlock(node: RootContent, src: string, out: Block[]): void {
  const line = node.position?.start.line ?? 0;
  switch (node.type) {
    case 'thematicBreak':
      out.push({ kind: 'rule', text: '', italics: [], sups: [], line });
      return;
    case 'heading': {
      // A '---' right under a line of text makes it a setext heading (DESIGN §6): in a
      // converted resolution that is a paragraph followed by a page rule.
      const raw = slice(src, node);
      const lines = raw.split('\n');
      if (lines.length > 1 && /^\s*-{2,}\s*$/.test(lines[lines.length - 1])) {
        out.push({ ...inline(node.children), kind: 'para', line });
        out.push({ kind: 'rule', text: '', italics: [], sups: [], line: line + lines.length - 1 });
        return;
      }
      out.push({ ...inline(node.children), kind: 'heading', depth: (node as Heading).depth, line });
      return;
    }
    case 'paragraph':
      out.push({ ...inline(node.children), kind: 'para', line });
      return;
    case 'list':
      for (const item of node.children) visitListItem(item, src, out);
      return;
    case 'blockquote':
      for (const child of node.children) visitBlock(child, src, out);
      return;
    case 'html': {
      // A block of raw HTML: keep its text (a footnote line starting with <sup> can land here).
      const b = inline([{ type: 'html', value: node.value } as PhrasingContent]);
      if (b.text.trim() || b.sups.length) out.push({ ...b, kind: 'para', line });
      return;
    }
    case 'code':
      out.push({ kind: 'para', text: node.value, italics: [], sups: [], line });
      return;
    default:
      return;
  }
}

function visitListItem(item: ListItem, src: string, out: Block[]): void {
  const start = item.position?.start.offset ?? 0;
  const m = /^[ \t]*(\d{1,4})([.)])[ \t]*/.exec(src.slice(start, start + 12));
  const line = item.position?.start.line ?? 0;
  let first = true;
  for (const child of item.children) {
    const before = out.length;
    visitBlock(child, src, out);
    if (first && out.length > before && m) {
      out[before].number = Number(m[1]);
      out[before].numberPrefix = `${m[1]}${m[2]} `;
      out[before].line = line;
    }
    first = false;
  }
  if (item.children.length === 0 && m) {
    out.push({ kind: 'para', text: '', italics: [], sups: [], line, number: Number(m[1]), numberPrefix: `${m[1]}${m[2]} ` });
  }
}

function slice(src: string, node: RootContent): string {
  const s = node.position?.start.offset ?? 0;
  const e = node.position?.end.offset ?? s;
  return src.slice(s, e);
}

interface Inline {
  text: string;
  italics: Array<[number, number]>;
  sups: SupMarker[];
  bold?: boolean;
}

const SUP_OPEN = /^<sup>\s*$/i;
const SUP_CLOSE = /^<\/sup>\s*$/i;
const SUP_WHOLE = /<sup>\s*(\d+)\s*<\/sup>/gi;

/** Flatten phrasing content to text, italic spans and footnote markers. */
function inline(children: PhrasingContent[]): Inline {
  let text = '';
  const italics: Array<[number, number]> = [];
  const sups: SupMarker[] = [];
  let inSup = false;
  let supText = '';
  let boldChars = 0;
  let allChars = 0;

  const addText = (value: string, bold: boolean) => {
    if (inSup) {
      supText += value;
      return;
    }
    // Markers written inline in one text run (e.g. from raw HTML blocks).
    let last = 0;
    for (const m of value.matchAll(SUP_WHOLE)) {
      text += value.slice(last, m.index);
      sups.push({ n: Number(m[1]), at: text.length });
      last = (m.index ?? 0) + m[0].length;
    }
    const rest = value.slice(last);
    text += rest;
    const visible = rest.replace(/\s/g, '').length;
    allChars += visible;
    if (bold) boldChars += visible;
  };

  const walk = (nodes: PhrasingContent[], italic: boolean, bold: boolean) => {
    for (const n of nodes) {
      switch (n.type) {
        case 'text':
        case 'inlineCode':
          addText(n.value, bold);
          break;
        case 'emphasis': {
          const start = text.length;
          walk(n.children, true, bold);
          if (!italic && text.length > start) italics.push([start, text.length]);
          break;
        }
        case 'strong':
          walk(n.children, italic, true);
          break;
        case 'delete':
        case 'link':
        case 'linkReference':
          walk(n.children as PhrasingContent[], italic, bold);
          break;
        case 'break':
          text += '\n';
          break;
        case 'html':
          if (SUP_OPEN.test(n.value)) {
            inSup = true;
            supText = '';
          } else if (SUP_CLOSE.test(n.value)) {
            inSup = false;
            const num = Number(supText.trim());
            if (Number.isInteger(num) && num > 0) sups.push({ n: num, at: text.length });
            else addText(supText, bold);
          } else if (/^<br\s*\/?>$/i.test(n.value)) text += '\n';
          // [^<>]*, not [^>]*: the latter rescans to the end of the text from every '<' that has
          // no '>' (224 KB of "<!--" took 13 s).
          else addText(n.value.replace(/<(?!\/?sup\b)[^<>]*>/gi, ''), bold);
          break;
        default:
          break;
      }
    }
  };
  walk(children, false, false);
  return { text, italics, sups, bold: allChars > 0 && boldChars === allChars };
}
