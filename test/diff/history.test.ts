/**
 * The constructed seven-version series (test/fixtures/series, CONSTRUCTED FOR TESTS from the
 * wording of A/HRC/RES/56/2): threads checked against the known lineage link by link, and the
 * links between any two versions against a direct comparison of the two.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHistory, linksBetween, threadCells, type History, type Thread } from '../../src/diff/history.js';
import { idfOf, profile } from '../../src/align/similarity.js';
import { loadResolution } from '../../src/corpus/load.js';
import { compare } from '../../src/diff/compare.js';
import type { Resolution } from '../../src/model/types.js';
import { FIXTURES } from '../support/paths.js';

const DIR = join(FIXTURES, 'series');
/** For each file: [clause id, lineage tag] in document order, written by generate.ts. */
const LINEAGE = JSON.parse(readFileSync(join(DIR, 'lineage.json'), 'utf8')) as Record<string, Array<[string, string]>>;
const FILES = Object.keys(LINEAGE);

let versions: Resolution[];
let h: History;

beforeAll(async () => {
  versions = await Promise.all(FILES.map((f) => loadResolution(join(DIR, f))));
  h = buildHistory(versions);
});

/** The thread holding a clause id in a version. */
function threadAt(k: number, id: string): Thread {
  const t = h.threads.find((x) => x.ids[k].includes(id));
  if (!t) throw new Error(`no thread holds ${id} in version ${k}`);
  return t;
}

/** The version index of a year. */
const v = (year: number) => FILES.indexOf(`test-series-${year}.md`);

/** The id of a lineage tag (a 56/2 clause id) in a year's version. */
const idOf = (year: number, tag: string) => LINEAGE[`test-series-${year}.md`].find(([, t]) => t === tag)![0];

const key = (p: { old: string[]; new: string[] }) => `${p.old.join('+')}>${p.new.join('+')}`;

describe('the constructed series', () => {
  it('is marked constructed and parses into the clauses the generator wrote', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(6);
    versions.forEach((r, k) => {
      expect(r.constructed).toBe(true);
      expect(readFileSync(join(DIR, FILES[k]), 'utf8')).toContain('constructed for tests');
      expect(r.clauses.map((c) => c.id)).toEqual(LINEAGE[FILES[k]].map(([id]) => id));
      expect(r.warnings).toEqual([]);
    });
  });
});

describe('buildHistory on the constructed series', () => {
  it('covers every clause of every version exactly once', () => {
    versions.forEach((r, k) => {
      const ids = h.threads.flatMap((t) => t.ids[k]).sort();
      expect(ids).toEqual(r.clauses.map((c) => c.id).sort());
    });
  });

  it('makes one thread per lineage: the threads are exactly the generator’s tags', () => {
    const expected = new Map<string, string[]>();
    FILES.forEach((f, k) => {
      for (const [id, tag] of LINEAGE[f]) expected.set(tag, [...(expected.get(tag) ?? []), `${k}:${id}`]);
    });
    const actual = h.threads.map((t) => t.ids.flatMap((ids, k) => ids.map((id) => `${k}:${id}`)).sort().join(' '));
    expect(actual.sort()).toEqual([...expected.values()].map((l) => l.sort().join(' ')).sort());
  });

  it('links each version to the next as the lineage says, link by link', () => {
    for (let k = 1; k < FILES.length; k++) {
      const prev = new Map(LINEAGE[FILES[k - 1]].map(([id, tag]) => [id, tag]));
      const next = new Map(LINEAGE[FILES[k]].map(([id, tag]) => [id, tag]));
      for (const link of linksBetween(h, k - 1, k)) {
        const tags = new Set([...link.old.map((id) => prev.get(id)), ...link.new.map((id) => next.get(id))]);
        expect(tags.size, `${FILES[k - 1]} → ${FILES[k]}: ${key(link)}`).toBe(1);
      }
    }
  });

  it('gives the same links between any two versions as comparing them directly', () => {
    const idf = idfOf(versions.flatMap((r) => r.clauses.map((c) => profile(c.text))));
    for (let i = 0; i < versions.length; i++)
      for (let j = i + 1; j < versions.length; j++) {
        const direct = compare(versions[i], versions[j], { idf }).pairs.map(key).sort();
        expect(linksBetween(h, i, j).map(key).sort(), `${FILES[i]} vs ${FILES[j]}`).toEqual(direct);
      }
  });

  it('rolls references over as technical updates every year', () => {
    const t = threadAt(v(2024), 'OP37'); // "Decides to continue … at its fifty-ninth session"
    expect(t.firstSeen).toBe(0);
    expect(t.changes.map((c) => [c.status, c.technical])).toEqual(FILES.slice(1).map(() => ['modified', true]));
    expect(threadCells(t).slice(1).map((c) => c.mark)).toEqual(FILES.slice(1).map(() => 'technical'));
    expect(t.lastChanged).toBe(v(2024));
    expect(t.lastSubstantiveChange).toBe(0);
  });

  it('finds the split of OP22 in 2020', () => {
    const t = threadAt(v(2024), 'OP22');
    expect(t.ids[v(2019)]).toEqual(['OP23']);
    expect(t.ids[v(2020)]).toEqual(['OP23', 'OP24']);
    expect(t.ids[v(2024)]).toEqual(['OP22', 'OP23']);
    const c = t.changes.find((x) => x.to === v(2020))!;
    expect(c.status).toBe('split');
    expect(c.pairs.map(key)).toEqual(['OP23>OP23+OP24']);
    expect(threadCells(t)[v(2020)].mark).toBe('split');
    expect(threadCells(t)[v(2021)].mark).toBe('unchanged');
  });

  it('finds the merge of two preambular paragraphs in 2021', () => {
    const t = threadAt(v(2024), 'PP12');
    expect(t.ids[v(2020)]).toEqual(['PP14', 'PP15']);
    expect(t.ids[v(2021)]).toEqual(['PP13']);
    expect(t.changes.find((x) => x.to === v(2021))!.status).toBe('merged');
  });

  it('follows a preambular paragraph that became operative in 2021', () => {
    const t = threadAt(v(2024), 'OP3');
    expect(t.ids.slice(0, v(2021))).toEqual([['PP12'], ['PP12'], ['PP13']]);
    expect(t.kind).toBe('OP');
    const c = t.changes.find((x) => x.to === v(2021))!;
    expect(c.pairs[0].crossKind).toBe(true);
    expect(c.moved).toBe(true);
    expect(c.status).toBe('modified');
    expect(t.firstSeen).toBe(0);
  });

  it('joins language dropped in 2020 and back in 2022 to its old thread, marked reintroduced', () => {
    const t = threadAt(v(2024), 'OP26');
    expect(t.firstSeen).toBe(0);
    expect(t.ids[v(2020)]).toEqual([]);
    expect(t.ids[v(2021)]).toEqual([]);
    expect(t.ids[v(2022)]).toEqual(['OP27']);
    expect(t.reintroduced).toEqual([v(2022)]);
    const back = t.changes.find((c) => c.reintroduced)!;
    expect([back.from, back.to, back.status]).toEqual([v(2019), v(2022), 'unchanged']);
    expect(t.changes.find((c) => c.to === v(2020))!.status).toBe('removed');
    expect(threadCells(t).map((c) => c.mark)).toEqual(['first', 'unchanged', 'gone', 'absent', 'reintroduced', 'unchanged', 'unchanged']);
    // Coming back is the thread's last change, though the words are those of 2019.
    expect(t.lastChanged).toBe(v(2022));
    expect(t.lastSubstantiveChange).toBe(v(2022));
  });

  it('keeps heavy redrafts in their threads as modifications, not new language', () => {
    const op8 = threadAt(v(2024), 'OP8');
    expect(op8.firstSeen).toBe(0);
    const c8 = op8.changes.find((x) => x.to === v(2021))!;
    expect([c8.status, c8.technical]).toEqual(['modified', false]);
    expect(c8.pairs[0].openingChanged).toBe(true);
    expect(c8.pairs[0].similarity).toBeLessThan(0.7);
    const op12 = threadAt(v(2024), 'OP12');
    expect(op12.changes.find((x) => x.to === v(2020))!.status).toBe('modified');
    expect(op12.lastSubstantiveChange).toBe(v(2020));
  });

  it('marks the move of OP30 in 2022 and the opening change of OP10 in 2023', () => {
    const t = threadAt(v(2024), 'OP30');
    expect(t.ids[v(2021)]).toEqual(['OP22']);
    expect(threadCells(t)[v(2022)].moved).toBe(true);
    expect(threadCells(t)[v(2023)].moved).toBe(false);
    const op10 = threadAt(v(2024), 'OP10');
    const c = op10.changes.find((x) => x.to === v(2023))!;
    expect(c.pairs[0].openingChanged).toBe(true);
    expect(c.status).toBe('modified');
  });

  it('shows new and dropped-for-good language', () => {
    const kampala = threadAt(v(2024), idOf(2024, 'PP19'));
    expect(kampala.firstSeen).toBe(v(2024));
    expect(threadCells(kampala)[v(2024)].mark).toBe('new');
    expect(threadCells(kampala).slice(0, -1).every((c) => c.mark === 'absent')).toBe(true);
    expect(threadAt(v(2024), 'OP34').firstSeen).toBe(v(2019));
    const op5 = threadAt(v(2022), 'OP6');
    expect(op5.lastSeen).toBe(v(2022));
    expect(threadCells(op5)[v(2023)].mark).toBe('gone');
    expect(threadCells(op5)[v(2024)].mark).toBe('absent');
  });

  it('orders threads as the newest text, dropped ones where they used to stand', () => {
    const last = FILES.length - 1;
    const present = h.threads.filter((t) => t.ids[last].length).map((t) => t.ids[last][0]);
    expect(present).toEqual(versions[last].clauses.map((c) => c.id).filter((id) => present.includes(id)));
    // 56/2's OP5 (dropped in 2023; OP6 in 2022) stands right after 56/2's OP4 (OP5 in 2024, after the PP turned OP3).
    const i = h.threads.findIndex((t) => t.lastSeen === v(2022) && t.kind === 'OP');
    expect(h.threads[i - 1].ids[last]).toEqual(['OP5']);
  });

  it('needs at least two versions', () => {
    expect(() => buildHistory(versions.slice(0, 1))).toThrow('history needs at least two versions');
  });

  it('looks back only as far as told', () => {
    const none = buildHistory(versions, { lookBack: 0 });
    const t = none.threads.find((x) => x.ids[v(2022)].includes('OP27'))!;
    expect(t.firstSeen).toBe(v(2022));
    expect(t.reintroduced).toBeUndefined();
  });
});
