/**
 * The one check every zoo case must pass: the file reads back as HRC resolution 56/2 (see
 * ./zoo/reading.ts for what is measured).
 *
 *   const r = parseResolution(await ingest(bytes, path));
 *   await expectReadsAs562(r);           // fails with a field-by-field difference
 */
import { expect } from 'vitest';
import type { Resolution } from '../../src/model/types.js';
import { expected562, measure562, summarise562, type Reading562 } from './zoo/reading.js';

export { expected562, measure562, reference562, summarise562, type Reading562 } from './zoo/reading.js';

/**
 * Assert that a resolution read from some rendition is 56/2: no changed clause, 33 PP / 37 OP,
 * footnotes 1–5 on PP3, PP8, PP10, OP20, OP32 with the corpus texts, vote 31–14–2, symbol
 * A/HRC/RES/56/2, title and adoption date 2024-07-10.
 */
export async function expectReadsAs562(r: Resolution, label = ''): Promise<Reading562> {
  const got = await measure562(r);
  const want = await expected562();
  // The expectation itself is pinned, so a change in the corpus or the parser cannot hollow it out.
  expect(want.PP).toBe(33);
  expect(want.OP).toBe(37);
  expect(want.footnoteMarkers).toEqual(['PP3:1', 'PP8:2', 'PP10:3', 'OP20:4', 'OP32:5']);
  expect(want.vote).toBe('31-14-2');
  expect(want.symbol).toBe('A/HRC/RES/56/2');
  expect(want.adopted).toBe('2024-07-10');
  expect(want.title).toMatch(/^Enhancement of international cooperation in the field of human rights$/);
  expect(got, `${label} read as: ${summarise562(got)}`).toEqual(want);
  return got;
}
