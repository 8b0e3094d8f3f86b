/** Shared checks for documents read back from their PDF and DOCX renditions. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { parseResolution } from '../../src/model/parse.js';
import type { Resolution } from '../../src/model/types.js';
import { RES_56_2 } from '../support/paths.js';

/** Parse a file through the same path the CLI takes. */
export async function parseFile(path: string): Promise<{ r: Resolution; markdown: string; meta: Record<string, unknown>; ms: number }> {
  const t = performance.now();
  const source = await ingest(new Uint8Array(readFileSync(path)), path);
  const ms = performance.now() - t;
  return { r: parseResolution(source), markdown: source.text, meta: source.meta ?? {}, ms };
}

/** 56/2 as parsed from its corpus Markdown: the reference. */
export async function reference(): Promise<Resolution> {
  return (await parseFile(RES_56_2)).r;
}

/** The fields of a clause that must survive a round trip through PDF or DOCX. */
const clauseFacts = (r: Resolution) => r.clauses.map((c) => ({ id: c.id, kind: c.kind, number: c.number, opening: c.opening, text: c.text, footnotes: c.footnotes, subparagraphs: c.subparagraphs }));

/** Assert that a resolution read from a rendition is the reference, clause for clause. */
export function expectSameResolution(got: Resolution, ref: Resolution): void {
  expect(got.clauses.filter((c) => c.kind === 'PP')).toHaveLength(33);
  expect(got.clauses.filter((c) => c.kind === 'OP')).toHaveLength(37);
  expect(clauseFacts(got)).toEqual(clauseFacts(ref));
  expect(got.footnotes).toEqual(ref.footnotes);
  expect(Object.keys(got.footnotes)).toHaveLength(5);
  expect(got.vote).toEqual(ref.vote);
  expect(got.vote?.counts).toEqual({ inFavour: 31, against: 14, abstaining: 2 });
  expect(got.vote!.inFavour.length + got.vote!.against.length + got.vote!.abstaining.length).toBe(47);
  for (const k of ['symbol', 'number', 'title', 'body', 'session', 'adopted', 'agendaItem', 'agendaTitle', 'issued', 'distribution', 'originalLanguage', 'meeting'] as const) {
    expect(got[k], k).toEqual(ref[k]);
  }
  expect(got.warnings).toEqual([]);
}
