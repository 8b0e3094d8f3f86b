/**
 * `resdiff search` output: each clause found with its symbol, date, clause id and the matching
 * words marked, earliest first (so the first line says where the wording was first agreed), or
 * ranked by similarity for a near search.
 */
import { makeStyle, wrapText } from './ansi.js';
import { CONSTRUCTED_LABEL } from './labels.js';

/** A clause found by a search (the corpus index's hit, as the renderers need it). */
export interface FoundClause {
  symbol: string;
  adopted: string;
  clause: string;
  text: string;
  constructed: boolean;
  marks: Array<[number, number]>;
  similarity?: number;
  file?: string;
  series?: string;
}

/** A whole search result. */
export interface SearchResult {
  mode: 'phrase' | 'near';
  /** What was searched: the phrase, or the paragraph (or its clause reference). */
  query: string;
  hits: FoundClause[];
  /** More clauses match than the limit let through. */
  more: boolean;
}

/** Options of the text renderer. */
export interface SearchTextOptions {
  color?: boolean;
  width?: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "10 July 2024" from "2024-07-10"; the input when it is not a full date; "undated" when empty. */
export function humanDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso || 'undated';
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** Words shown around the first match of a long clause. */
const BEFORE = 25;
const AFTER = 45;

/** The clause text with its marks, cut to a window around the first match when long. */
function excerpt(h: FoundClause, mark: (s: string) => string): string {
  let text = '';
  let at = 0;
  for (const [s, e] of h.marks) {
    text += h.text.slice(at, s) + mark(h.text.slice(s, e));
    at = e;
  }
  text += h.text.slice(at);
  const words = text.split(' ');
  if (words.length <= BEFORE + AFTER + 10) return text;
  const first = h.marks.length ? h.text.slice(0, h.marks[0][0]).split(' ').length - 1 : 0;
  const from = Math.max(0, first - BEFORE);
  const to = Math.min(words.length, Math.max(first, from) + AFTER);
  return `${from > 0 ? '… ' : ''}${words.slice(from, to).join(' ')}${to < words.length ? ' …' : ''}`;
}

/** Render a search result as text. */
export function renderSearchText(r: SearchResult, opts: SearchTextOptions = {}): string {
  const st = makeStyle(!!opts.color);
  const mark = opts.color ? (s: string) => st.bold(st.underline(s)) : (s: string) => `**${s}**`;
  const out: string[] = [];
  const n = `${r.hits.length}${r.more ? '+' : ''} clause${r.hits.length === 1 && !r.more ? '' : 's'}`;
  if (r.hits.length === 0) return `no clause in the corpus ${r.mode === 'near' ? 'is close to' : 'contains'} “${r.query}”\n`;
  if (r.mode === 'phrase') {
    const f = r.hits[0];
    out.push(st.bold(`first agreed in ${f.symbol || f.file} ${f.clause}, ${humanDate(f.adopted)}${f.constructed ? ` [${CONSTRUCTED_LABEL}]` : ''}`));
    out.push(st.dim(`“${r.query}”: ${n}, earliest first${r.more ? ' (--limit shows more)' : ''}`));
  } else {
    out.push(st.bold(`closest to “${clip(r.query)}”: ${n}, most similar first${r.more ? ' (--limit shows more)' : ''}`));
  }
  for (const h of r.hits) {
    out.push('');
    const sim = h.similarity !== undefined ? `  similarity ${h.similarity.toFixed(2)}` : '';
    out.push(`${st.bold(`${h.symbol || h.file}  ${h.clause}`)}  ${humanDate(h.adopted)}${sim}${h.constructed ? st.yellow(`  [${CONSTRUCTED_LABEL}]`) : ''}`);
    out.push(wrapText(`  ${excerpt(h, mark)}`, opts.width ?? 0, '  '));
  }
  return `${out.join('\n')}\n`;
}

function clip(s: string): string {
  const w = s.split(/\s+/);
  return w.length > 12 ? `${w.slice(0, 12).join(' ')} …` : s;
}

/** Render a search result as JSON: { mode, query, hits: [...], more }. */
export function renderSearchJson(r: SearchResult): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
