/**
 * `resdiff compare --format unified`: a git-style patch with one paragraph per line, which
 * diff2html, delta and git tools accept. Clause ids go in hunk headers' section text.
 */
import type { Comparison } from '../diff/types.js';
import { newTextOf, oldTextOf } from '../diff/word-diff.js';
import { pairIds } from './labels.js';

/** Render a comparison as a unified diff. */
export function renderUnified(c: Comparison, context = 1): string {
  const oldName = pathName(c.old.symbol || c.old.file || 'old');
  const newName = pathName(c.new.symbol || c.new.file || 'new');
  // Each pair contributes one line per side, in the new text's order.
  const rows = c.pairs.map((p) => ({
    p,
    oldLine: p.old.length ? oldTextOf(p.diff) : undefined,
    newLine: p.new.length ? newTextOf(p.diff) : undefined,
  }));
  const changed = rows.map((r) => r.p.status !== 'unchanged');
  const out: string[] = [`diff --git a/${oldName} b/${newName}`, `--- a/${oldName}`, `+++ b/${newName}`];
  let k = 0;
  let oldLine = 1;
  let newLine = 1;
  // Line numbers of each row on each side.
  const pos = rows.map((r) => {
    const here = { o: oldLine, n: newLine };
    if (r.oldLine !== undefined) oldLine++;
    if (r.newLine !== undefined) newLine++;
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
      const { oldLine: o, newLine: n, p } = rows[r];
      if (p.status === 'unchanged') {
        lines.push(` ${n}`);
        oc++;
        nc++;
        continue;
      }
      if (o !== undefined) {
        lines.push(`-${o}`);
        oc++;
      }
      if (n !== undefined) {
        lines.push(`+${n}`);
        nc++;
      }
    }
    const os = oc ? pos[start].o : pos[start].o - 1;
    const ns = nc ? pos[start].n : pos[start].n - 1;
    out.push(`@@ -${os},${oc} +${ns},${nc} @@ ${pairIds(rows[k].p)}`);
    out.push(...lines);
    k = stop + 1;
  }
  return `${out.join('\n')}\n`;
}

function pathName(s: string): string {
  return s.replace(/[\s\\]+/g, '_').replace(/^\/+/, '');
}
