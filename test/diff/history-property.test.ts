/**
 * Properties of `buildHistory` on random series made from the wording of 56/2 (CONSTRUCTED FOR
 * TESTS by test/fixtures/series/generate.ts): a history of two versions says what `compare` says,
 * and in a longer series every step's links are the direct comparison of the two versions.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHistory, linksBetween } from '../../src/diff/history.js';
import { idfOf, profile } from '../../src/align/similarity.js';
import { compare } from '../../src/diff/compare.js';
import type { Resolution } from '../../src/model/types.js';
import { baseClauses, randomVersion, rng, toResolution, type GenClause } from '../fixtures/series/generate.js';
import { fuzz } from '../support/fuzz.js';

let base: GenClause[];
beforeAll(async () => {
  base = (await baseClauses()).clauses;
});

const key = (p: { old: string[]; new: string[] }) => `${p.old.join('+')}>${p.new.join('+')}`;

/** A chain of `n` versions from 56/2, each with `edits` random edits. */
function chain(seed: number, n: number, edits: number): Resolution[] {
  const rand = rng(seed);
  const serial = { n: 0 };
  let cs = randomVersion(base, rand, edits, serial);
  const out = [toResolution({ year: 2000, symbol: 'TEST/P/0', adopted: '2000-01-01', session: 1, clauses: cs, vote: 'without' })];
  for (let k = 1; k < n; k++) {
    cs = randomVersion(cs, rand, edits, serial);
    out.push(toResolution({ year: 2000 + k, symbol: `TEST/P/${k}`, adopted: `${2000 + k}-01-01`, session: k + 1, clauses: cs, vote: 'without' }));
  }
  return out;
}

describe('buildHistory properties', () => {
  it('history A B agrees with compare A B: the same pairs of ids, statuses and flags', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 25 }), (seed, edits) => {
        const [a, b] = chain(seed, 2, edits);
        const h = buildHistory([a, b]);
        const c = compare(a, b);
        expect(linksBetween(h, 0, 1).map(key).sort()).toEqual(c.pairs.map(key).sort());
        // The step's pairs carry what compare says about each pair.
        const fromHistory = h.threads.flatMap((t) => t.changes.flatMap((ch) => ch.pairs));
        const summary = (p: { old: string[]; new: string[]; status: string; technical: boolean; moved: boolean; openingChanged: boolean }) =>
          `${key(p)} ${p.status} t=${p.technical} m=${p.moved} o=${p.openingChanged}`;
        expect(fromHistory.map(summary).sort()).toEqual(c.pairs.map(summary).sort());
      }),
      fuzz(40),
    );
  });

  it('in a longer series, covers every clause once and links each step as the direct comparison does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 3, max: 6 }), fc.integer({ min: 1, max: 12 }), (seed, n, edits) => {
        const vs = chain(seed, n, edits);
        const h = buildHistory(vs);
        const idf = idfOf(vs.flatMap((r) => r.clauses.map((c) => profile(c.text))));
        vs.forEach((r, k) => expect(h.threads.flatMap((t) => t.ids[k]).sort()).toEqual(r.clauses.map((c) => c.id).sort()));
        for (let k = 1; k < n; k++) {
          expect(linksBetween(h, k - 1, k).map(key).sort()).toEqual(compare(vs[k - 1], vs[k], { idf }).pairs.map(key).sort());
        }
        for (const t of h.threads) {
          expect(t.firstSeen).toBe(t.ids.findIndex((ids) => ids.length));
          expect(t.lastSeen).toBe(t.ids.length - 1 - [...t.ids].reverse().findIndex((ids) => ids.length));
          for (const ch of t.changes) expect(ch.from).toBeLessThan(ch.to);
        }
      }),
      fuzz(25),
    );
  });

  it('a clause dropped and restored later rejoins its thread, whatever happens in between', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 4 }), (seed, gap) => {
        const rand = rng(seed);
        const victim = Math.floor(rand() * base.length);
        const dropped = base.filter((_, i) => i !== victim);
        const meta = (k: number, clauses: GenClause[]) =>
          toResolution({ year: 2000 + k, symbol: `TEST/G/${k}`, adopted: `${2000 + k}-01-01`, session: k + 1, clauses, vote: 'without' });
        const vs = [meta(0, base), ...Array.from({ length: gap }, (_, g) => meta(g + 1, dropped)), meta(gap + 1, base)];
        const id = vs[0].clauses[victim].id;
        // Only when compare itself sees the drop: a dropped clause whose phrasing is mostly in its
        // neighbour is taken by align as merged into it (56/2's OP32 into OP33), and history follows compare.
        fc.pre(compare(vs[0], vs[1]).pairs.some((p) => p.status === 'removed' && p.old[0] === id));
        const h = buildHistory(vs);
        const t = h.threads.find((x) => x.ids[0].includes(id))!;
        for (let k = 1; k <= gap; k++) expect(t.ids[k]).toEqual([]);
        expect(t.ids[vs.length - 1]).toEqual([id]);
        expect(t.reintroduced).toEqual([vs.length - 1]);
        expect(h.threads.length).toBe(base.length);
      }),
      fuzz(20),
    );
  });
});
