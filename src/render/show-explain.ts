/**
 * `resdiff show FILE --explain`: how a file was read, step by step — what each reader dropped as
 * page furniture and why, which blocks became footnotes and where they were attached, which
 * paragraphs were joined across a page break, where each clause starts and why. Meant to be read
 * by a user checking an import and pasted into a bug report, so it is plain text, one step a line.
 */
import type { ExplainStep, Resolution } from '../model/types.js';
import { makeStyle } from './ansi.js';

/** Options of the explain renderer. */
export interface ExplainOptions {
  color?: boolean;
}

/** Render the trace of one file's reading, then a summary of what came out. */
export function renderExplainText(r: Resolution, steps: readonly ExplainStep[], opts: ExplainOptions = {}): string {
  const st = makeStyle(!!opts.color);
  const out: string[] = [];
  const pp = r.clauses.filter((c) => c.kind === 'PP').length;
  out.push(st.bold(`How ${r.file ?? 'the file'} was read (${steps.length} steps)`));
  const where = (s: ExplainStep) => [s.page !== undefined ? `p.${s.page}` : '', s.line !== undefined ? `line ${s.line}` : ''].filter(Boolean).join(' ');
  const width = Math.max(8, ...steps.map((s) => where(s).length));
  const colour = (a: ExplainStep['action']) => (a === 'dropped' ? st.dim : a === 'clause' ? st.bold : a === 'footnote' || a === 'marker' ? st.yellow : (x: string) => x);
  // Each reader's steps together, in the order of the file (page, then line); readers in the order they ran.
  const stages = [...new Set(steps.map((s) => s.stage ?? ''))];
  const ordered = steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => stages.indexOf(a.s.stage ?? '') - stages.indexOf(b.s.stage ?? '') || (a.s.page ?? 0) - (b.s.page ?? 0) || (a.s.line ?? 0) - (b.s.line ?? 0) || a.i - b.i)
    .map((x) => x.s);
  for (const s of ordered) {
    const text = s.text ? `  ${st.dim(`“${s.text}”`)}` : '';
    out.push(`${where(s).padEnd(width)}  ${(s.stage ?? '').padEnd(5)}  ${colour(s.action)(s.action.padEnd(12))} ${s.reason}${text}`);
  }
  out.push('');
  out.push(st.bold('Result'));
  out.push(`  ${r.symbol || '(no symbol)'} · ${r.title || '(no title)'} · adopted ${r.adopted || '?'}`);
  out.push(`  ${pp} preambular, ${r.clauses.length - pp} operative paragraphs; footnotes ${Object.keys(r.footnotes).join(', ') || 'none'}${r.vote ? `; vote ${r.vote.adoptedWithoutVote ? 'without a vote' : `${r.vote.counts.inFavour}–${r.vote.counts.against}–${r.vote.counts.abstaining}`}` : ''}`);
  for (const w of r.warnings) out.push(st.yellow(`  warning: ${w.line ? `line ${w.line}: ` : ''}${w.message}`));
  return `${out.join('\n')}\n`;
}
