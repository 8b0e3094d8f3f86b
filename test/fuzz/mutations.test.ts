/**
 * Fuzzing with fixed seeds: the corpus texts mutated (byte flips, truncation, shuffled and
 * duplicated lines, stripped punctuation, odd Unicode) are read in-process as Markdown and as
 * plain text. Each read either gives a Resolution or a one-line InputError (never another
 * exception) within a time bound; every Resolution compares with itself as all unchanged, and its
 * comparison with the original rebuilds both texts pair by pair and covers every clause once.
 *
 * CI runs a short pass; RESDIFF_FUZZ_LONG=1 runs a long one (nightly).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/diff/compare.js';
import { newTextOf, oldTextOf } from '../../src/diff/word-diff.js';
import { InputError } from '../../src/errors.js';
import { ingest } from '../../src/ingest/index.js';
import { parseResolution } from '../../src/model/parse.js';
import type { Resolution } from '../../src/model/types.js';
import { CORPUS } from '../support/paths.js';

const LONG = process.env.RESDIFF_FUZZ_LONG === '1';
const RUNS = LONG ? 2000 : 40;
const SEED = 20_241_201;
/** One read of a 50 KB text: well under a second; the bound leaves room for busy cores. */
const READ_MS = 15_000;

const sources = ['A-HRC-RES-56-2.md', 'example-2022.md'].map((n) => readFileSync(join(CORPUS, n)));

/** Characters that break naive text handling: bidi marks, zero-width, combining, NBSP, lone surrogate halves, BOM. */
const ODD = ['\u200f', '\u202e', '\u200b', '\u2060', '\u0301', '\u00a0', '\ufeff', '\ud800', '\udc00', '\u0000', '\u2028', '\r', '<', '*', '[', '>', '---'];

type Mutation =
  | { kind: 'flip'; at: number; bits: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'shuffle'; seed: number; span: number }
  | { kind: 'duplicate'; at: number; count: number }
  | { kind: 'strip'; chars: string }
  | { kind: 'unicode'; at: number; what: number; times: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('shuffle' as const), seed: fc.integer(), span: fc.integer({ min: 2, max: 400 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), count: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('strip' as const), chars: fc.constantFrom('.,;:', '*', '()', '0123456789', '\n', ' ', '-', '<>/') }),
  fc.record({ kind: fc.constant('unicode' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), what: fc.nat(ODD.length - 1), times: fc.integer({ min: 1, max: 50 }) }),
);

/** Apply mutations to bytes (flips and truncation work on bytes, the rest on lines of text). */
function mutate(bytes: Buffer, ms: Mutation[]): Buffer {
  let b = Buffer.from(bytes);
  for (const m of ms) {
    if (m.kind === 'flip') {
      const i = Math.floor(m.at * (b.length - 1));
      b[i] ^= m.bits;
    } else if (m.kind === 'truncate') b = b.subarray(0, Math.max(1, Math.floor(m.at * b.length)));
    else {
      let text = b.toString('utf8');
      const lines = text.split('\n');
      if (m.kind === 'shuffle') {
        let s = m.seed >>> 0;
        const start = s % Math.max(1, lines.length - m.span);
        const part = lines.slice(start, start + m.span);
        for (let i = part.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
          const j = s % (i + 1);
          [part[i], part[j]] = [part[j], part[i]];
        }
        lines.splice(start, part.length, ...part);
        text = lines.join('\n');
      } else if (m.kind === 'duplicate') {
        const i = Math.floor(m.at * (lines.length - 1));
        lines.splice(i, 0, ...Array<string>(m.count).fill(lines[i]));
        text = lines.join('\n');
      } else if (m.kind === 'strip') text = text.replace(new RegExp(`[${m.chars.replace(/[\]\\^-]/g, '\\$&')}]`, 'g'), '');
      else {
        const i = Math.floor(m.at * text.length);
        text = text.slice(0, i) + ODD[m.what].repeat(m.times) + text.slice(i);
      }
      b = Buffer.from(text, 'utf8');
    }
  }
  return b;
}

/** Read bytes as a file of this name: a Resolution, or undefined after a proper InputError. */
async function read(bytes: Buffer, name: string): Promise<Resolution | undefined> {
  const t = performance.now();
  try {
    return parseResolution(await ingest(bytes, name));
  } catch (e) {
    if (!(e instanceof InputError)) throw new Error(`${name}: not an InputError: ${(e as Error)?.stack ?? String(e)}`);
    expect(e.format()).not.toContain('\n');
    expect(e.format().startsWith(name)).toBe(true);
    return undefined;
  } finally {
    expect(performance.now() - t, `${name}: read time`).toBeLessThan(READ_MS);
  }
}

/** The invariants of a comparison of two readable versions. */
function checkComparison(a: Resolution, b: Resolution): void {
  const c = compare(a, b);
  expect(c.pairs.flatMap((p) => p.old).sort()).toEqual(a.clauses.map((x) => x.id).sort());
  expect(c.pairs.flatMap((p) => p.new).sort()).toEqual(b.clauses.map((x) => x.id).sort());
  const ta = new Map(a.clauses.map((x) => [x.id, x.text]));
  const tb = new Map(b.clauses.map((x) => [x.id, x.text]));
  for (const p of c.pairs) {
    expect(oldTextOf(p.diff)).toBe(p.old.map((i) => ta.get(i)).join(' '));
    expect(newTextOf(p.diff)).toBe(p.new.map((i) => tb.get(i)).join(' '));
  }
}

describe(`mutated corpus texts (seed ${SEED}, ${RUNS} runs${LONG ? ', long' : ''})`, () => {
  it('each read ends in a Resolution or a one-line InputError; the invariants hold', async () => {
    let parsed = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(sources.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.constantFrom('mutant.md', 'mutant.txt'), async (src, ms, name) => {
        const original = await read(sources[src], name);
        const r = await read(mutate(sources[src], ms), name);
        if (!r) {
          refused++;
          return;
        }
        parsed++;
        const self = compare(r, r);
        expect(self.pairs.every((p) => p.status === 'unchanged' && !p.moved)).toBe(true);
        if (original) checkComparison(original, r);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // Many mutants are refused (a flipped byte is invalid UTF-8, a NUL is binary data), but enough
    // read for the invariants to be exercised.
    expect(parsed).toBeGreaterThanOrEqual(Math.ceil(RUNS / 4));
    expect(parsed + refused).toBe(RUNS);
  }, LONG ? 3_600_000 : 120_000);
});
