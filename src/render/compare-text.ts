/**
 * `resdiff compare` for the terminal: the summary first (new and dropped OPs, counts), then each
 * changed clause with its ids and an inline redline; unchanged clauses folded unless `all`.
 */
import type { Comparison, DiffPart } from '../diff/types.js';
import { makeStyle, wrapText, type Style } from './ansi.js';
import type { TextOptions } from './show-text.js';
import { isChanged, pairIds, pairNote, summaryLine, versionLabel } from './labels.js';
import { provenanceText } from './provenance-note.js';

/** Options of the terminal renderer. */
export interface CompareTextOptions extends TextOptions {
  /** Show unchanged clauses too. */
  all?: boolean;
}

/** Render a comparison for a terminal or a plain-text file. */
export function renderCompareText(c: Comparison, opts: CompareTextOptions = {}): string {
  const st = makeStyle(!!opts.color);
  const width = opts.width ?? 0;
  const out: string[] = [];
  out.push(st.bold(`old: ${versionLabel(c.old)}`));
  out.push(st.bold(`new: ${versionLabel(c.new)}`));
  if (c.old.constructed || c.new.constructed) out.push(st.yellow('Note: a constructed example is part of this comparison; it is not an official UN text.'));
  out.push('');
  const newOps = c.summary.OP.addedIds;
  const droppedOps = c.summary.OP.removedIds;
  out.push(st.bold(`New operative paragraphs: ${newOps.length ? newOps.join(', ') : 'none'}`));
  out.push(st.bold(`Dropped operative paragraphs (old numbering): ${droppedOps.length ? droppedOps.join(', ') : 'none'}`));
  if (c.summary.PP.addedIds.length || c.summary.PP.removedIds.length) {
    out.push(`New preambular paragraphs: ${c.summary.PP.addedIds.join(', ') || 'none'}; dropped (old numbering): ${c.summary.PP.removedIds.join(', ') || 'none'}`);
  }
  out.push(summaryLine(c, 'PP'), summaryLine(c, 'OP'));
  out.push(st.dim(`${c.old.counts.PP} PP / ${c.old.counts.OP} OP → ${c.new.counts.PP} PP / ${c.new.counts.OP} OP`));
  let folded = 0;
  for (const p of c.pairs) {
    if (!opts.all && !isChanged(p)) {
      folded++;
      continue;
    }
    out.push('');
    const head = `${pairIds(p)}  ${st.dim(`(${pairNote(p)})`)}`;
    out.push(p.moved ? st.green(st.bold(head)) : st.bold(head));
    out.push(wrapText(`  ${redline(p.diff, st, !!opts.color)}`, width, '  '));
    for (const line of provenanceText(p)) out.push(st.dim(wrapText(`    ${line}`, width, '    ')));
  }
  if (folded) out.push('', st.dim(`${folded} unchanged clause${folded === 1 ? '' : 's'} not shown (--all shows them)`));
  return `${out.join('\n')}\n`;
}

/** Inline redline: colour on a terminal; [-deleted-]{+inserted+} markers without colour. */
function redline(parts: DiffPart[], st: Style, color: boolean): string {
  return parts
    .map((p) => {
      if (p.op === 'equal') return p.text;
      if (!p.text.trim()) return p.op === 'insert' ? p.text : '';
      const lead = p.text.match(/^\s*/)![0];
      const body = p.text.slice(lead.length);
      if (!color) return `${lead}${p.op === 'delete' ? `[-${body}-]` : `{+${body}+}`}`;
      const styled = p.op === 'delete' ? st.red(st.strike(body)) : st.blue(st.underline(body));
      return `${lead}${p.technical ? st.dim(styled) : styled}`;
    })
    .join('');
}
