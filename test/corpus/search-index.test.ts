/**
 * The corpus index: phrase and near search, provenance on a constructed corpus with planted reused
 * language, incremental updates, and a damaged or locked index file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openIndex, type CorpusIndex } from '../../src/corpus/search-index.js';
import { addProvenance } from '../../src/corpus/provenance.js';
import { loadResolution } from '../../src/corpus/load.js';
import { compare } from '../../src/diff/compare.js';
import { sharedTermCount } from '../../src/align/similarity.js';
import { tokenCacheSize } from '../../src/model/tokens.js';
import { CORPUS, ROOT } from '../support/paths.js';
import { EXACT, ONE_WORD_NEW, WRAPPED, extraDoc, writePlantedCorpus } from './search-fixture.js';

const env = { RESDIFF_CACHE: '0' };

/**
 * An index opened before a block's tests and closed after them, in a temporary folder that also
 * holds the planted corpus: of the bundled corpus, or of the planted corpus itself.
 */
function openedIndex(corpus: 'bundled' | 'planted'): { index: CorpusIndex; dir: string } {
  const held = {} as { index: CorpusIndex; dir: string };
  beforeAll(async () => {
    held.dir = writePlantedCorpus();
    held.index = await openIndex(corpus === 'bundled' ? { corpusDir: CORPUS, path: join(held.dir, 'bundled.sqlite'), env } : { corpusDir: held.dir, env });
  });
  afterAll(() => {
    held.index.close();
    rmSync(held.dir, { recursive: true, force: true });
  });
  return held;
}

describe('phrase search on the bundled corpus', () => {
  const t = openedIndex('bundled');

  it('finds the Kampala Declaration in 56/2 PP19, marked', () => {
    const r = t.index.phrase('Kampala Declaration');
    expect(r.hits.map((h) => `${h.symbol} ${h.clause}`)).toEqual(['A/HRC/RES/56/2 PP19']);
    const h = r.hits[0];
    expect(h.marks.map(([s, e]) => h.text.slice(s, e))).toEqual(['Kampala Declaration']);
    expect(h.adopted).toBe('2024-07-10');
    expect(h.constructed).toBe(false);
  });

  it('ignores case, punctuation, pasted footnote markers and line breaks', () => {
    const plain = t.index.phrase('the Paris Agreement').hits.map((h) => `${h.symbol} ${h.clause}`);
    expect(plain.length).toBeGreaterThan(0);
    expect(t.index.phrase('THE PARIS,  agreement').hits.map((h) => `${h.symbol} ${h.clause}`)).toEqual(plain);
    expect(t.index.phrase('the Paris\nAgreement,1').hits.map((h) => `${h.symbol} ${h.clause}`)).toEqual(plain);
    expect(t.index.phrase('the Paris Agreement<sup>2</sup>').hits.map((h) => `${h.symbol} ${h.clause}`)).toEqual(plain);
  });

  it('lists the earliest first and labels constructed texts', () => {
    const r = t.index.phrase('Non-Aligned Countries');
    expect(r.hits.length).toBeGreaterThan(1);
    const dates = r.hits.map((h) => h.adopted);
    expect([...dates].sort()).toEqual(dates);
    expect(r.hits[0].constructed).toBe(true); // example-2022 comes before 56/2
    expect(t.index.phrase('Non-Aligned Countries', { since: 2023 }).hits.every((h) => h.adopted >= '2023')).toBe(true);
    expect(t.index.phrase('Non-Aligned Countries', { limit: 1 })).toMatchObject({ more: true });
  });

  it('near search ranks 56/2 PP9 first for the constructed 2022 wording of PP9', async () => {
    const old = await loadResolution('example-2022', { corpusDir: CORPUS, cache: false });
    const pp9 = old.clauses.find((c) => c.id === 'PP9')!;
    const r = t.index.near(pp9.text, { limit: 5 });
    const top = r.hits.filter((h) => h.symbol !== old.symbol)[0];
    expect(`${top.symbol} ${top.clause}`).toBe('A/HRC/RES/56/2 PP9');
    expect(top.similarity).toBeGreaterThan(0.5);
    expect(r.hits.map((h) => h.similarity!)).toEqual([...r.hits.map((h) => h.similarity!)].sort((a, b) => b - a));
  });
});

describe('near search in a long-running process', () => {
  const t = openedIndex('bundled');

  it('keeps nothing of the clauses it scored: the shared token cache and term tables stay as they were', async () => {
    const old = await loadResolution('example-2022', { corpusDir: CORPUS, cache: false });
    const before = { tokens: tokenCacheSize(), terms: sharedTermCount() };
    let hits = 0;
    for (const c of old.clauses) hits += t.index.near(`${c.text} (asked ${hits})`, { limit: 5 }).hits.length;
    expect(hits).toBeGreaterThan(old.clauses.length); // the queries did score corpus clauses
    expect({ tokens: tokenCacheSize(), terms: sharedTermCount() }).toEqual(before);
  });
});

describe('provenance on a corpus with planted reused language', () => {
  const t = openedIndex('planted');

  it('finds every planted source, and reports nothing else as exact', async () => {
    const [a, b] = await Promise.all(['plant-2023.md', 'plant-2024.md'].map((f) => loadResolution(join(t.dir, f), { cache: false })));
    const c = compare(a, b);
    addProvenance(c, t.index);
    const byNew = new Map(c.pairs.filter((p) => p.new.length).map((p) => [b.clauses.find((x) => x.id === p.new[0])!.text, p]));
    const of = (text: string) => [...byNew.entries()].find(([t]) => t.includes(text.split(' ').slice(1, 8).join(' ')))![1];
    const exact = c.pairs.flatMap((p) => (p.provenance ?? []).filter((s) => s.exact).map((s) => `${s.symbol} ${s.clause}`));
    expect(exact.sort()).toEqual(['PLANT/2012 OP2', 'PLANT/2013 PP2', 'PLANT/2014 OP1']);
    expect(of(EXACT).provenance!.map((s) => [s.symbol, s.clause, s.adopted, s.exact, s.words])).toEqual([['PLANT/2012', 'OP2', '2012-03-20', true, 21]]);
    expect(of(WRAPPED).provenance!.map((s) => `${s.symbol} ${s.clause}`)).toEqual(['PLANT/2014 OP1']);
    // One word changed: the stretches on either side of it, both from the 2015 text.
    const oneWord = of(ONE_WORD_NEW).provenance!;
    expect(new Set(oneWord.map((s) => `${s.symbol} ${s.clause} ${s.exact}`))).toEqual(new Set(['PLANT/2015 OP2 false']));
    expect(oneWord.reduce((n, s) => n + s.words, 0)).toBe(ONE_WORD_NEW.split(' ').length - 1);
    // The 2025 text repeats the wording but was adopted later; wording found nowhere earlier has no note.
    expect(c.pairs.some((p) => p.provenance?.some((s) => s.symbol === 'PLANT/2025' || s.symbol === 'PLANT/2024'))).toBe(false);
    expect(of('Requests the secretariat to prepare a study on moonlit ferry').provenance).toBeUndefined();
  });
});

describe('incremental updates and damaged index files', () => {
  it('adds, re-reads and drops corpus files by their SHA-256', async () => {
    const dir = writePlantedCorpus();
    try {
      const first = await openIndex({ corpusDir: dir, env });
      expect(first.stats().documents).toBe(7);
      first.close();
      const unique = '*Welcomes* the albatross protocol on migratory seabird corridors across the southern ocean';
      writeFileSync(join(dir, 'plant-2016.md'), extraDoc('PLANT/2016', '2016-05-05', unique));
      // Touched but identical: re-hashed, not re-read.
      const p12 = join(dir, 'plant-2012.md');
      utimesSync(p12, new Date(), new Date(Date.now() + 5000));
      const second = await openIndex({ corpusDir: dir, env });
      expect(await second.sync()).toMatchObject({ added: 0, changed: 0, removed: 0 });
      expect(second.phrase('albatross protocol').hits.map((h) => h.symbol)).toEqual(['PLANT/2016']);
      second.close();
      writeFileSync(join(dir, 'plant-2016.md'), extraDoc('PLANT/2016', '2016-05-05', unique.replace('albatross', 'petrel')));
      const third = await openIndex({ corpusDir: dir, env });
      expect(third.phrase('albatross protocol').hits).toEqual([]);
      expect(third.phrase('petrel protocol').hits.map((h) => h.symbol)).toEqual(['PLANT/2016']);
      unlinkSync(join(dir, 'plant-2016.md'));
      expect(await third.sync()).toMatchObject({ removed: 1 });
      expect(third.phrase('petrel protocol').hits).toEqual([]);
      expect(third.stats().documents).toBe(7);
      third.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file that is not a database is rebuilt with a warning', async () => {
    const dir = writePlantedCorpus();
    try {
      const path = join(dir, '.resdiff-index.sqlite');
      writeFileSync(path, 'this is not an SQLite database, only some text that sits where the index should be'.repeat(100));
      const warnings: string[] = [];
      const index = await openIndex({ corpusDir: dir, env, onWarning: (m) => warnings.push(m) });
      expect(warnings.join('\n')).toMatch(/could not be read|damaged/);
      expect(index.phrase(EXACT).hits.map((h) => h.symbol)).toEqual(['PLANT/2012', 'PLANT/2024', 'PLANT/2025']);
      index.close();
      expect(readFileSync(path).subarray(0, 15).toString()).toBe('SQLite format 3');
      // A valid database whose pages were overwritten half way.
      const bytes = readFileSync(path);
      bytes.fill(0x5a, 4096, Math.min(bytes.length, 4096 * 6));
      writeFileSync(path, bytes);
      rmSync(`${path}-wal`, { force: true });
      const again: string[] = [];
      const index2 = await openIndex({ corpusDir: dir, env, onWarning: (m) => again.push(m) });
      expect(index2.phrase(WRAPPED).hits.map((h) => h.symbol)).toEqual(['PLANT/2014', 'PLANT/2024']);
      index2.close();
      expect(again.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an index locked by another process is replaced by one in memory, with a warning', async () => {
    const dir = writePlantedCorpus();
    try {
      const path = join(dir, '.resdiff-index.sqlite');
      (await openIndex({ corpusDir: dir, env })).close();
      appendFileSync(join(dir, 'plant-2012.md'), '\n'); // so that opening needs to write
      const holder = spawn(
        process.execPath,
        ['-e', `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(path)}); db.exec('BEGIN EXCLUSIVE'); process.stdout.write('locked\\n'); setTimeout(() => process.exit(0), 20000);`],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], timeout: 30000 },
      );
      try {
        await new Promise<void>((res, rej) => {
          const t = setTimeout(() => rej(new Error('the lock holder did not start')), 20000);
          holder.stdout!.on('data', () => {
            clearTimeout(t);
            res();
          });
        });
        const warnings: string[] = [];
        const index = await openIndex({ corpusDir: dir, env, busyTimeoutMs: 200, onWarning: (m) => warnings.push(m) });
        expect(warnings.join('\n')).toMatch(/locked/);
        expect(index.path).toBe(':memory:');
        expect(index.phrase(EXACT).hits.map((h) => h.symbol)).toEqual(['PLANT/2012', 'PLANT/2024', 'PLANT/2025']);
        index.close();
      } finally {
        holder.kill();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
