/**
 * Words and marks the history renderers share (text, HTML), so both tables say the same.
 */
import type { Cell, CellMark, HistoryVersion, Thread } from '../diff/history.js';
import { COUNT_WORDS, countPairs } from '../diff/counts.js';
import type { Pair } from '../diff/types.js';
import { CONSTRUCTED_LABEL } from './labels.js';

/** The mark of each kind of cell, and what it means (the legend). */
export const MARKS: Record<CellMark, { glyph: string; meaning: string }> = {
  first: { glyph: '', meaning: 'in the first version (id only)' },
  unchanged: { glyph: '=', meaning: 'unchanged' },
  modified: { glyph: '~', meaning: 'changed (new or deleted language)' },
  technical: { glyph: 't', meaning: 'technical update only (dates, numbers, symbols, sessions)' },
  split: { glyph: '<', meaning: 'split (one clause became several)' },
  merged: { glyph: '>', meaning: 'merged (several clauses became one)' },
  new: { glyph: '+', meaning: 'new' },
  reintroduced: { glyph: '↺', meaning: 'reintroduced after a gap (joined to its old thread)' },
  gone: { glyph: '−', meaning: 'dropped in this version' },
  absent: { glyph: '', meaning: 'absent (blank)' },
};

/** The mark for moved clauses, added to the others. */
export const MOVED = { glyph: '↕', meaning: 'moved relative to its neighbours (or between preamble and operative part)' };

/** The order of the legend. */
export const LEGEND_ORDER: CellMark[] = ['unchanged', 'modified', 'technical', 'split', 'merged', 'new', 'reintroduced', 'gone'];

/** A cell's text: "OP3 ~↕", "PP4+PP5 <", "−", "". */
export function cellText(c: Cell): string {
  const glyph = `${MARKS[c.mark].glyph}${c.moved ? MOVED.glyph : ''}`;
  if (!c.ids.length) return glyph;
  return glyph ? `${c.ids.join('+')} ${glyph}` : c.ids.join('+');
}

/** A version's short name for a column head: the resolution number, else the end of its symbol. */
export function shortName(v: HistoryVersion): string {
  if (v.number) return v.number;
  const parts = (v.symbol || v.file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || '?').split('/');
  return parts.slice(-2).join('/');
}

/** A version's year (or its short name when the date is unknown), "*" when constructed. */
export function yearLabel(v: HistoryVersion): string {
  return `${v.adopted ? v.adopted.slice(0, 4) : shortName(v)}${v.constructed ? '*' : ''}`;
}

/** A version's full label: "A/HRC/RES/56/2 (2024-07-10)", with the constructed label. */
export function fullLabel(v: HistoryVersion): string {
  const name = v.symbol || v.file || '(unnamed)';
  return `${name}${v.adopted ? ` (${v.adopted})` : ''}${v.constructed ? ` [${CONSTRUCTED_LABEL}]` : ''}`;
}

/** "since": the version the thread first appears in. */
export function sinceLabel(t: Thread, versions: HistoryVersion[]): string {
  return yearLabel(versions[t.firstSeen]).replace(/\*$/, '');
}

/** "last changed": the last version that changed the text ("—" never), " t" when that change was technical only. */
export function lastChangedLabel(t: Thread, versions: HistoryVersion[]): string {
  if (!t.changes.some((c) => c.status !== 'unchanged' && c.status !== 'removed' && c.to === t.lastChanged)) return '—';
  const y = yearLabel(versions[t.lastChanged]).replace(/\*$/, '');
  return t.lastSubstantiveChange < t.lastChanged ? `${y} t` : y;
}

/**
 * The pairs of the last link (the version before the newest -> the newest), each once, as
 * Compare of those two versions sees them: a thread back after a gap counts as new there.
 */
export function newestLinkPairs(threads: Thread[], n: number): Array<Pick<Pair, 'status' | 'technical' | 'moved' | 'kind'>> {
  const last = n - 1;
  const seen = new Set<string>();
  const out: Array<Pick<Pair, 'status' | 'technical' | 'moved' | 'kind'>> = [];
  for (const t of threads) {
    for (const c of t.changes) {
      if (c.to !== last) continue;
      for (const p of c.pairs) {
        const key = `${p.old.join('+')}|${p.new.join('+')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const back = c.from !== last - 1 && p.new.length > 0;
        out.push({ status: back ? 'added' : p.status, technical: back ? false : p.technical, moved: back ? false : p.moved, kind: t.kind });
      }
    }
    // A thread new in the newest version has no link from the version before.
    if (t.firstSeen === last && !t.changes.some((c) => c.to === last)) out.push({ status: 'added', technical: false, moved: false, kind: t.kind });
  }
  return out;
}

/**
 * One line on the whole series. The newest version's numbers are counted in the one vocabulary
 * (src/diff/counts.ts) over the last link, so they are the numbers Compare shows for the same
 * two versions; then the threads dropped and reintroduced along the series.
 */
export function historySummary(threads: Thread[], n: number): string {
  const last = n - 1;
  const c = countPairs(newestLinkPairs(threads, n));
  const dropped = threads.filter((t) => t.lastSeen < last).length;
  const back = threads.filter((t) => t.reintroduced).length;
  const words = COUNT_WORDS.map((w) => `${c[w]} ${w}`).join(', ');
  return `${threads.length} paragraph threads; the newest version against the one before: ${words}; along the series, ${dropped} dropped, ${back} reintroduced after a gap`;
}
