/**
 * `resdiff compare --format unified`: a git-style patch with one paragraph per line, which
 * diff2html, delta and git tools accept. Clause ids go in hunk headers' section text.
 */
import type { Comparison } from '../diff/types.js';
import { newTextOf, oldTextOf } from '../diff/word-diff.js';
import { pairIds } from './labels.js';
import { documentOrder } from './redline.js';

/** Options of the unified patch. */
export interface UnifiedOptions {
  /** Lines of context around each change (default 1). */
  context?: number;
  /**
   * One file name for both sides instead of each version's symbol (diff2html reads two names
   * as a rename and badges it; the view is of one document's versions).
   */
  name?: string;
}

/**
 * Render a comparison as a unified diff: one clause per line, each side of a split or merged
 * pair a line per clause, a moved clause removed from its old place and added at its new one,
 * so every aligned pair that is not unchanged in place is in a hunk.
 */
export function renderUnified(c: Comparison, opts: UnifiedOptions | number = {}): string {
  const o = typeof opts === 'number' ? { context: opts } : opts;
  const context = o.context ?? 1;
  const oldName = pathName(o.name ?? (c.old.symbol || c.old.file || 'old'));
  const newName = pathName(o.name ?? (c.new.symbol || c.new.file || 'new'));
  // Both orders merged (as the Word redline does): a moved clause is removed where it was and
  // added where it is, so the patch applies to the earlier text. Each pair contributes one line
  // per clause of each side it has here.
  const rows = documentOrder(c).map(({ pair: p, role }) => ({
    p,
    role,
    oldLines: p.old.length && role !== 'to' ? cut(oldTextOf(p.diff), p.oldBreaks) : [],
    newLines: p.new.length && role !== 'from' ? cut(newTextOf(p.diff), p.newBreaks) : [],
  }));
  const changed = rows.map((r) => r.p.status !== 'unchanged' || r.role !== 'both');
  const out: string[] = [`diff --git a/${oldName} b/${newName}`, `--- a/${oldName}`, `+++ b/${newName}`];
  let k = 0;
  let oldLine = 1;
  let newLine = 1;
  // Line numbers of each row on each side.
  const pos = rows.map((r) => {
    const here = { o: oldLine, n: newLine };
    oldLine += r.oldLines.length;
    newLine += r.newLines.length;
    return here;
  });
  while (k < rows.length) {
    if (!changed[k]) {
      k++;
      continue;
    }
    let start = Math.max(0, k - context);
    let end = k;
    // Extend the hunk while changes are within 2·context of each other.
    for (;;) {
      let next = end + 1;
      while (next < rows.length && !changed[next]) next++;
      if (next < rows.length && next - end <= 2 * context) end = next;
      else break;
    }
    const stop = Math.min(rows.length - 1, end + context);
    start = Math.max(0, start);
    const lines: string[] = [];
    let oc = 0;
    let nc = 0;
    for (let r = start; r <= stop; r++) {
      const { oldLines, newLines } = rows[r];
      if (!changed[r]) {
        for (const n of newLines) lines.push(` ${n}`);
        oc += newLines.length;
        nc += newLines.length;
        continue;
      }
      for (const x of oldLines) lines.push(`-${x}`);
      for (const x of newLines) lines.push(`+${x}`);
      oc += oldLines.length;
      nc += newLines.length;
    }
    const os = oc ? pos[start].o : pos[start].o - 1;
    const ns = nc ? pos[start].n : pos[start].n - 1;
    // The section text names every changed pair of the hunk, once.
    const names = [...new Set(rows.slice(start, stop + 1).filter((_, i) => changed[start + i]).map((r) => pairIds(r.p)))];
    out.push(`@@ -${os},${oc} +${ns},${nc} @@ ${names.join('; ')}`);
    out.push(...lines);
    k = stop + 1;
  }
  return `${out.join('\n')}\n`;
}

/** A side's joined text cut into its clauses at the pair's breaks. */
function cut(text: string, breaks: number[] | undefined): string[] {
  if (!breaks || breaks.length < 2) return [text];
  return breaks.map((b, i) => text.slice(b, i + 1 < breaks.length ? breaks[i + 1]! - 1 : undefined));
}

function pathName(s: string): string {
  return s.replace(/[\s\\]+/g, '_').replace(/^\/+/, '');
}
