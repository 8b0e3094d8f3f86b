/**
 * GET /api/search and provenance in GET /api/compare, in-process; and the server reading the
 * index while `resdiff import` writes new versions into its corpus and another process updates
 * the same index file.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app.js';
import { testCorpus } from './corpus-fixture.js';
import { requestJson, type Json } from '../support/http.js';
import { CLI } from '../support/paths.js';
import { extraDoc, writePlantedCorpus } from '../corpus/search-fixture.js';

const corpus = testCorpus();
const app = createApp({ corpusDir: corpus.dir, log: () => {} });
const planted = writePlantedCorpus();
const plantApp = createApp({ corpusDir: planted, log: () => {} });
afterAll(async () => {
  await app.dispose();
  await plantApp.dispose();
  rmSync(planted, { recursive: true, force: true });
});

describe('GET /api/search', () => {
  it('finds a phrase, earliest first, with the document and its previous version', async () => {
    const { status, body } = await requestJson(app, `/api/search?q=${encodeURIComponent('Kampala Declaration')}`);
    expect(status).toBe(200);
    expect(body.mode).toBe('phrase');
    expect(body.hits.map((h: Json) => `${h.symbol} ${h.clause}`)).toEqual(['A/HRC/RES/56/2 PP19']);
    expect(body.hits[0]).toMatchObject({ ref: corpus.newRef, previous: corpus.oldRef, adopted: '2024-07-10', constructed: false });
    const h = body.hits[0];
    expect(h.marks.map(([s, e]: [number, number]) => h.text.slice(s, e))).toEqual(['Kampala Declaration']);
    expect(JSON.stringify(body)).not.toContain(corpus.dir);
  });

  it('near search from a clause, ranked by similarity; filters', async () => {
    const { body } = await requestJson(app, `/api/search?mode=near&clause=${encodeURIComponent(`${corpus.oldRef}:PP9`)}&limit=3`);
    expect(body.mode).toBe('near');
    expect(`${body.hits[0].symbol} ${body.hits[0].clause}`).toBe('A/HRC/RES/56/2 PP9');
    const since = await requestJson(app, `/api/search?q=human%20rights&since=2024&limit=50`);
    expect(since.body.hits.length).toBeGreaterThan(0);
    expect(since.body.hits.every((x: Json) => x.adopted >= '2024')).toBe(true);
  });

  it('bad parameters are a 400 with a one-line error', async () => {
    for (const q of ['', 'q=', 'q=a&mode=fuzzy', 'q=a&limit=0', 'q=a&limit=abc', 'q=a&since=12', 'clause=56/2', 'clause=56/2:OP999', 'q=%2C%2C']) {
      const { status, body } = await requestJson(app, `/api/search?${q}`);
      expect(status, q).toBe(400);
      expect(body.error, q).toMatch(/^[^\n]+$/);
    }
  });
});

describe('GET /api/compare?provenance=1', () => {
  it('adds the earlier sources of new wording to the pairs, and only when asked', async () => {
    const { body } = await requestJson(plantApp, '/api/compare?old=plant-2023&new=plant-2024&provenance=1');
    const exact = body.pairs.flatMap((p: Json) => (p.provenance ?? []).filter((s: Json) => s.exact).map((s: Json) => `${s.symbol} ${s.clause}`));
    expect(exact.sort()).toEqual(['PLANT/2012 OP2', 'PLANT/2013 PP2', 'PLANT/2014 OP1']);
    const plain = await requestJson(plantApp, '/api/compare?old=plant-2023&new=plant-2024');
    expect(plain.body.pairs.some((p: Json) => p.provenance)).toBe(false);
  });
});

/** Run a child process to its end (bounded). */
function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'], timeout: 90000 });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('the server reads the index while import writes', () => {
  it('answers every search while versions are imported and another process updates the index; then finds them', async () => {
    const dir = writePlantedCorpus();
    const src = mkdtempSync(join(tmpdir(), 'resdiff-import-src-'));
    const server = createApp({ corpusDir: dir, log: () => {} });
    try {
      const words = ['albatross', 'petrel', 'cormorant', 'gannet'];
      words.forEach((w, i) => writeFileSync(join(src, `new-${w}.md`), extraDoc(`PLANT/203${i}`, `203${i}-01-0${i + 1}`, `*Welcomes* the ${w} accord on migratory seabird corridors across the southern ocean`)));
      expect((await requestJson(server, '/api/search?q=seabird%20corridors')).body.hits).toEqual([]);
      let done = false;
      const writers = (async () => {
        for (const w of words) {
          const r = await run(['import', join(src, `new-${w}.md`), '--into', dir]);
          expect(r.code, r.stderr).toBe(0);
          // Another process brings the same index file up to date meanwhile.
          const s = await run(['search', 'harbour commissions', '--corpus', dir]);
          expect(s.code, s.stderr).toBe(0);
        }
        done = true;
      })();
      const statuses: number[] = [];
      const deadline = Date.now() + 120000;
      while (!done && Date.now() < deadline) {
        const r = await requestJson(server, '/api/search?q=harbour%20commissions');
        statuses.push(r.status);
        expect(r.body.hits.length).toBeGreaterThan(0);
        await new Promise((res) => setTimeout(res, 50));
      }
      await writers;
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.every((s) => s === 200)).toBe(true);
      await new Promise((res) => setTimeout(res, 1100)); // the server re-checks the folder once a second
      const after = await requestJson(server, '/api/search?q=seabird%20corridors');
      expect(after.body.hits.map((h: Json) => h.symbol)).toEqual(['PLANT/2030', 'PLANT/2031', 'PLANT/2032', 'PLANT/2033']);
    } finally {
      await server.dispose();
      rmSync(dir, { recursive: true, force: true });
      rmSync(src, { recursive: true, force: true });
    }
  }, 180000);
});
