/**
 * The series API in-process (app.request): GET /api/series/:id/history and /votes over the
 * bundled series (the constructed example-2022 and 56/2), unknown series, ids that try to leave
 * the manifests, headers, the per-series cache.
 */
import { cpSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, CONTENT_SECURITY_POLICY } from '../../src/server/app.js';
import { testCorpus } from './corpus-fixture.js';
import { requestJson, type Json } from '../support/http.js';

const corpus = testCorpus();
const app = createApp({ corpusDir: corpus.dir, log: () => {} });
const SERIES = 'intl-cooperation-human-rights';


const get = (path: string, a = app) => requestJson(a, path);

describe('GET /api/series/:id/history', () => {
  it('aligns the corpus versions of the series, oldest first, the constructed one marked', async () => {
    const { status, body, res } = await get(`/api/series/${SERIES}/history`);
    expect(status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(body.versions.map((v: Json) => v.file)).toEqual([corpus.oldRef, corpus.newRef]);
    expect(body.versions.map((v: Json) => v.constructed)).toEqual([true, false]);
    for (const v of body.versions) for (const k of ['file', 'symbol', 'adopted', 'constructed']) expect(v).toHaveProperty(k);
    // No server paths leak.
    expect(JSON.stringify(body.versions)).not.toContain(corpus.dir);
  });

  it('puts every clause of each version in exactly one thread', async () => {
    const { body } = await get(`/api/series/${SERIES}/history`);
    body.versions.forEach((v: Json, k: number) => {
      const want: string[] = [];
      for (const kind of ['PP', 'OP'] as const) for (let i = 1; i <= v.counts[kind]; i++) want.push(`${kind}${i}`);
      const seen = body.threads.flatMap((t: Json) => t.ids[k] as string[]);
      expect([...seen].sort()).toEqual([...want].sort());
      expect(new Set(seen).size).toBe(seen.length);
    });
    for (const t of body.threads) {
      expect(t.ids).toHaveLength(body.versions.length);
      expect(t.firstSeen).toBeLessThanOrEqual(t.lastSeen);
    }
  });

  it('carries what the page shows: texts, redlines, cells with marks, since and last changed, a legend', async () => {
    const { body } = await get(`/api/series/${SERIES}/history`);
    expect(body.texts).toHaveLength(2);
    const kampala = body.threads.find((t: Json) => t.ids[1].includes('PP19'));
    expect(body.texts[1].PP19).toMatch(/Kampala Declaration of 20 January 2024/);
    expect(kampala.ids[0]).toEqual([]);
    expect(kampala.cells.map((c: Json) => c.mark)).toEqual(['absent', 'new']);
    expect(kampala.cells[1].text).toBe('PP19 +');
    expect(kampala.since).toBe('2024');
    // Modified threads hold the word diff of their step.
    const modified = body.threads.find((t: Json) => t.cells[1].mark === 'modified');
    const change = modified.changes[modified.cells[1].change];
    expect(change.from).toBe(0);
    expect(change.to).toBe(1);
    expect(change.pairs[0].diff.some((d: Json) => d.op !== 'equal')).toBe(true);
    expect(body.legend.map((l: Json) => l.mark)).toEqual(expect.arrayContaining(['new', 'modified', 'technical', 'gone', 'moved']));
    // Rows in the newest text's order.
    const newest = body.threads.filter((t: Json) => t.ids[1].length).map((t: Json) => t.ids[1][0]);
    expect(newest.slice(0, 3)).toEqual(['PP1', 'PP2', 'PP3']);
  });

  it('answers the second request from the cache, and a changed version makes a new history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resdiff-series-api-'));
    cpSync(corpus.dir, dir, { recursive: true });
    const own = createApp({ corpusDir: dir, log: () => {} });
    const path = join(dir, `${corpus.newRef}.md`);
    const stamp = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    utimesSync(path, stamp, stamp);
    const first = await get(`/api/series/${SERIES}/history`, own);
    // Edit the newest version but keep its modification time: a server answering from its cache
    // (keyed by path and time) still gives the first history; one that re-read the file would not.
    // (No wall-clock bound: the suite must pass with the CPUs busy.)
    writeFileSync(path, readFileSync(path, 'utf8').replace('Kampala Declaration of 20 January 2024', 'Kampala Declaration of 21 January 2024'));
    utimesSync(path, stamp, stamp);
    const again = await get(`/api/series/${SERIES}/history`, own);
    expect(again.text).toBe(first.text);
    expect(again.body.texts[1].PP19).toMatch(/20 January 2024/);
    // A changed version (a new modification time) makes a new history.
    const later = new Date(Date.now() + 5000);
    utimesSync(path, later, later);
    const changed = await get(`/api/series/${SERIES}/history`, own);
    expect(changed.body.texts[1].PP19).toMatch(/21 January 2024/);
  });
});

describe('GET /api/series/:id/votes', () => {
  it('lines up the votes: 56/2 records 47 countries, names matched across spellings', async () => {
    const { status, body } = await get(`/api/series/${SERIES}/votes`);
    expect(status).toBe(200);
    expect(body.versions.map((v: Json) => v.constructed)).toEqual([true, false]);
    const real = body.versions[1];
    expect(real.recorded).toBe(true);
    expect(real.totals).toEqual({ yes: 31, no: 14, abstain: 2 });
    const recorded = body.countries.filter((c: Json) => c.votes[1] !== 'not-recorded');
    expect(recorded).toHaveLength(47);
    const nl = body.countries.find((c: Json) => c.key === 'netherlands');
    expect(nl.name).toBe('Netherlands (Kingdom of the)');
    expect(nl.votes.every((v: string) => v !== 'not-recorded')).toBe(true);
    // One row per country: no second Netherlands.
    expect(body.countries.filter((c: Json) => /Netherlands/.test(c.name))).toHaveLength(1);
  });
});

describe('series ids', () => {
  it('answers 404 JSON for an unknown series, with the security headers', async () => {
    for (const what of ['history', 'votes']) {
      const { status, body, res } = await get(`/api/series/no-such-series/${what}`);
      expect(status).toBe(404);
      expect(body.error).toMatch(/no series "no-such-series"/);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('refuses ids that try to leave the manifests with a 4xx, never reading a file', async () => {
    const tries = [
      '..%2F..%2Fetc%2Fpasswd',
      '..%2Fseries%2Fintl-cooperation-human-rights',
      '%2e%2e%2f%2e%2e%2fpackage.json',
      '..%5C..%5Cwindows',
      '%2Fetc%2Fpasswd',
      '..',
      '%00',
      'intl-cooperation-human-rights%00',
    ];
    for (const id of tries) {
      for (const what of ['history', 'votes']) {
        const res = await app.request(`/api/series/${id}/${what}`);
        expect(res.status, `${id}/${what}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${id}/${what}`).toBeLessThan(500);
        const text = await res.text();
        expect(text).not.toMatch(/root:|"name": "resdiff"/);
        expect(JSON.parse(text).error).toBeTruthy();
      }
    }
  });

  it('explains a series with too few versions for a history (400)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resdiff-series-one-'));
    cpSync(corpus.dir, dir, { recursive: true });
    writeFileSync(join(dir, 'series', 'lonely.yaml'), 'id: lonely\ntitle: A series of one\nmembers:\n  - { symbol: A/HRC/RES/56/2 }\n');
    const own = createApp({ corpusDir: dir, log: () => {} });
    const h = await get('/api/series/lonely/history', own);
    expect(h.status).toBe(400);
    expect(h.body.error).toMatch(/at least two versions/);
    const v = await get('/api/series/lonely/votes', own);
    expect(v.status).toBe(200);
    expect(v.body.versions).toHaveLength(1);
  });
});
