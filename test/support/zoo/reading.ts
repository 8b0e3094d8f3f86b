/**
 * What a reading of 56/2 is measured by: the file reads back as HRC resolution 56/2. Compared
 * with the corpus text through the real comparison (align + word diff): no clause changed, 33 PP
 * and 37 OP, the five footnotes on PP3, PP8, PP10, OP20 and OP32 with their texts, the vote
 * 31–14–2, the symbol, title and adoption date.
 *
 *   const r = parseResolution(await ingest(bytes, path));
 *   console.log(summarise562(r));        // "0 changed, 33 PP / 37 OP, notes PP3 PP8 …" for reports
 */
import { readFileSync } from 'node:fs';
import { compare } from '../../../src/diff/compare.js';
import { ingest } from '../../../src/ingest/index.js';
import { parseResolution } from '../../../src/model/parse.js';
import type { Resolution } from '../../../src/model/types.js';
import { RES_56_2 } from '../paths.js';

let reference: Promise<Resolution> | undefined;

/** 56/2 parsed from its corpus Markdown. */
export function reference562(): Promise<Resolution> {
  reference ??= ingest(new Uint8Array(readFileSync(RES_56_2)), RES_56_2).then(parseResolution);
  return reference;
}

/** What a reading of 56/2 is measured by. */
export interface Reading562 {
  /** Pairs of the comparison with the corpus text that are not `unchanged` (any status, technical included). */
  changed: number;
  PP: number;
  OP: number;
  /** Clause ids carrying footnote markers, with the marker numbers ("PP3:1"). */
  footnoteMarkers: string[];
  /** Footnote texts by number, white space collapsed. */
  footnotes: Record<string, string>;
  vote: string;
  symbol?: string;
  title?: string;
  adopted?: string;
  /** The first few changed pairs, for the failure message ("PP9 ≠ PP9: -foo +bar"). */
  examples: string[];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Measure a resolution against 56/2 as the corpus has it. */
export async function measure562(r: Resolution): Promise<Reading562> {
  const ref = await reference562();
  const cmp = compare(ref, r);
  const changed = cmp.pairs.filter((p) => p.status !== 'unchanged');
  const v = r.vote?.counts;
  return {
    changed: changed.length,
    PP: r.clauses.filter((c) => c.kind === 'PP').length,
    OP: r.clauses.filter((c) => c.kind === 'OP').length,
    footnoteMarkers: r.clauses.flatMap((c) => (c.footnotes ?? []).map((n) => `${c.id}:${n}`)),
    footnotes: Object.fromEntries(Object.entries(r.footnotes ?? {}).map(([k, t]) => [k, squash(String(t))])),
    vote: r.vote ? (r.vote.adoptedWithoutVote ? 'without a vote' : `${v?.inFavour}-${v?.against}-${v?.abstaining}`) : 'none',
    symbol: r.symbol,
    title: r.title,
    adopted: r.adopted,
    examples: changed.slice(0, 4).map((p) => {
      const edits = p.diff
        .filter((d) => d.op !== 'equal')
        .map((d) => `${d.op === 'insert' ? '+' : '-'}${JSON.stringify(d.text.slice(0, 60))}`)
        .slice(0, 4)
        .join(' ');
      return `${p.status} ${p.old.join('+') || '∅'} → ${p.new.join('+') || '∅'}: ${edits}`;
    }),
  };
}

/** The reading every zoo case must give. */
export async function expected562(): Promise<Reading562> {
  const ref = await measure562(await reference562());
  return { ...ref, examples: [] };
}

/** One line for reports: "0 changed, 33 PP / 37 OP, notes PP3:1 PP8:2 …, vote 31-14-2, A/HRC/RES/56/2". */
export function summarise562(m: Reading562): string {
  return `${m.changed} changed, ${m.PP} PP / ${m.OP} OP, notes ${m.footnoteMarkers.join(' ') || 'none'}, vote ${m.vote}, ${m.symbol ?? 'no symbol'}, adopted ${m.adopted ?? '?'}`;
}

