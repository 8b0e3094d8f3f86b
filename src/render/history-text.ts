/**
 * `resdiff history` for the terminal: an alignment table in the manner of CollateX and Juxta.
 * Rows are threads (clause lineages) in the newest text's order, columns are versions, each cell
 * the clause id in that version with a mark; then "since" and "last changed".
 */
import { threadCells, type Cell, type History } from '../diff/history.js';
import { makeStyle, type Style } from './ansi.js';
import { CONSTRUCTED_LABEL } from './labels.js';
import { cellText, fullLabel, historySummary, lastChangedLabel, LEGEND_ORDER, MARKS, MOVED, shortName, sinceLabel, yearLabel } from './history-labels.js';

/** Options of the text table. */
export interface HistoryTextOptions {
  color?: boolean;
}

/** Render a history as a plain-text table. */
export function renderHistoryText(h: History, opts: HistoryTextOptions = {}): string {
  const st = makeStyle(!!opts.color);
  const out: string[] = [];
  const title = h.versions[h.versions.length - 1].title || h.versions[0].title;
  out.push(st.bold(`History of ${h.versions.length} versions${title ? `: ${title}` : ''}`));
  h.versions.forEach((v, k) => out.push(`  ${String(k + 1).padStart(2)}  ${fullLabel(v)}`));
  if (h.versions.some((v) => v.constructed)) out.push(st.yellow(`  * ${CONSTRUCTED_LABEL}; not an official UN text.`));
  out.push('', historySummary(h.threads, h.versions.length), '');

  const head1 = [...h.versions.map(shortName), '', ''];
  const head2 = [...h.versions.map(yearLabel), 'since', 'last changed'];
  const rows = h.threads.map((t) => {
    const cells = threadCells(t);
    return { cells, text: [...cells.map(cellText), sinceLabel(t, h.versions), lastChangedLabel(t, h.versions)] };
  });
  const widths = head2.map((_, c) => Math.max(head1[c].length, head2[c].length, ...rows.map((r) => r.text[c].length)));
  const line = (cols: string[], paint?: (c: number, s: string) => string) =>
    cols
      .map((s, c) => {
        const padded = s.padEnd(widths[c]);
        return paint ? paint(c, padded) : padded;
      })
      .join('  ')
      .trimEnd();
  out.push(st.bold(line(head1)), st.bold(line(head2)), st.dim(line(widths.map((w) => '─'.repeat(w)))));
  for (const r of rows) out.push(line(r.text, (c, s) => (c < r.cells.length ? paintCell(r.cells[c], s, st) : s)));
  out.push('', `Legend: ${LEGEND_ORDER.map((m) => `${MARKS[m].glyph} ${MARKS[m].meaning}`).join('; ')}; ${MOVED.glyph} ${MOVED.meaning}; blank: absent.`);
  out.push('"since": the first version with the clause; "last changed": the last version that changed its text (t: that change was technical only).');
  return `${out.join('\n')}\n`;
}

function paintCell(c: Cell, s: string, st: Style): string {
  switch (c.mark) {
    case 'new':
      return st.green(st.bold(s));
    case 'reintroduced':
      return st.green(s);
    case 'gone':
      return st.red(s);
    case 'modified':
    case 'split':
    case 'merged':
      return st.yellow(s);
    case 'technical':
    case 'unchanged':
      return c.moved ? st.blue(s) : st.dim(s);
    default:
      return s;
  }
}
