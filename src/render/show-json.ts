/**
 * `resdiff show --format json`: the Resolution as the contract in DESIGN.md §3 has it.
 */
import type { Resolution } from '../model/types.js';

/** The `show` JSON object: contract fields first, extensions after. */
export function resolutionToJson(r: Resolution): Record<string, unknown> {
  const { clauses, footnotes, vote, warnings, symbol, title, body, session, adopted, agendaItem, ...rest } = r;
  return {
    symbol,
    title,
    body,
    session,
    adopted,
    agendaItem,
    ...rest,
    clauses: clauses.map(({ position, ...c }) => ({ ...c, ...(position ? { line: position.line } : {}) })),
    footnotes,
    vote,
    warnings,
  };
}

/** Render a resolution as the `show` JSON (pretty-printed, trailing newline). */
export function renderResolutionJson(r: Resolution): string {
  return `${JSON.stringify(resolutionToJson(r), null, 2)}\n`;
}
