/**
 * `resdiff show` as a readable outline: head, clauses with ids and emphasised openings,
 * footnotes, vote, warnings.
 */
import type { Resolution } from '../model/types.js';
import { makeStyle, wrapText } from './ansi.js';

/** Options of the text renderers. */
export interface TextOptions {
  color?: boolean;
  /** Wrap width; 0 for no wrapping. */
  width?: number;
}

/** Render a resolution as a terminal outline. */
export function renderResolutionText(r: Resolution, opts: TextOptions = {}): string {
  const st = makeStyle(!!opts.color);
  const width = opts.width ?? 0;
  const out: string[] = [];
  out.push(st.bold(`${r.symbol || '(no symbol)'}  ${r.title}`));
  if (r.constructed) out.push(st.yellow('CONSTRUCTED EXAMPLE — written by the resdiff team to exercise the tool; not an official UN text'));
  const facts = [r.body, r.session !== null ? `session ${r.session}` : '', r.adopted ? `adopted ${r.adopted}` : '', r.agendaItem ? `agenda item ${r.agendaItem}` : '', r.meeting ?? '']
    .filter(Boolean)
    .join(' · ');
  if (facts) out.push(st.dim(facts));
  const pp = r.clauses.filter((c) => c.kind === 'PP').length;
  out.push(st.dim(`${pp} preambular, ${r.clauses.length - pp} operative paragraphs`));
  out.push('');
  for (const c of r.clauses) {
    const id = c.id.padEnd(5);
    const num = c.kind === 'OP' && c.number !== undefined && `OP${c.number}` !== c.id ? st.dim(` (printed ${c.number}.)`) : '';
    const rest = c.opening && c.text.startsWith(c.opening) ? c.text.slice(c.opening.length) : c.opening ? ` ${c.text}` : c.text;
    const marks = c.footnotes.length ? st.dim(` [fn ${c.footnotes.join(', ')}]`) : '';
    const body = `${st.italic(st.bold(c.opening))}${rest}${marks}`;
    out.push(`${st.bold(id)} ${wrapText(body, width ? width - 6 : 0, '      ')}${num}`);
  }
  const fns = Object.entries(r.footnotes);
  if (fns.length) {
    out.push('', st.bold('Footnotes'));
    for (const [n, t] of fns) out.push(`  ${n}. ${t}`);
  }
  if (r.vote) {
    out.push('', st.bold('Vote'));
    const v = r.vote;
    if (v.adoptedWithoutVote) out.push('  Adopted without a vote.');
    else {
      out.push(`  ${v.counts.inFavour} in favour, ${v.counts.against} against, ${v.counts.abstaining} abstaining`);
      out.push(wrapText(`  In favour: ${v.inFavour.join(', ')}`, width, '    '));
      out.push(wrapText(`  Against: ${v.against.join(', ')}`, width, '    '));
      out.push(wrapText(`  Abstaining: ${v.abstaining.join(', ')}`, width, '    '));
    }
  }
  if (r.warnings.length) {
    out.push('', st.yellow(st.bold('Warnings')));
    for (const w of r.warnings) out.push(st.yellow(`  ${w.line ? `line ${w.line}: ` : ''}${w.message}`));
  }
  return `${out.join('\n')}\n`;
}
