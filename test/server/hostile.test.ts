/**
 * The server under hostile input: uploads are read in bounded workers, so one slow or huge file
 * neither stalls other requests nor kills the process; a full pool answers 503 with Retry-After;
 * a corpus file that does not parse is skipped, listed as unreadable, and no answer names a
 * server path.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type ResdiffApp } from '../../src/server/app.js';
import { isLoopback, startServer } from '../../src/server/index.js';
import { docxHugeStart, MARKDOWN_SHAPES } from '../fuzz/hostile-files.js';
import { RES_56_2 } from '../support/paths.js';
import { testCorpus } from './corpus-fixture.js';

const corpus = testCorpus();
const apps: ResdiffApp[] = [];
afterAll(async () => {
  await Promise.all(apps.map((a) => a.dispose()));
});

function form(oldFile: [Uint8Array | string, string], newFile: [Uint8Array | string, string]): FormData {
  const f = new FormData();
  const part = (x: Uint8Array | string) => (typeof x === 'string' ? x : new Uint8Array(x));
  f.set('old', new File([part(oldFile[0])], oldFile[1]));
  f.set('new', new File([part(newFile[0])], newFile[1]));
  return f;
}

const res56 = readFileSync(RES_56_2);
const slow = MARKDOWN_SHAPES['setext-runs'](); // minutes for remark without a budget

describe('uploads in bounded workers', () => {
  it('a DOCX numbered from 1,000,000,000 is compared (numbering clamped), not the end of the server', async () => {
    const app = createApp({ corpusDir: corpus.dir, log: () => {} });
    apps.push(app);
    const res = await app.request('/api/compare', { method: 'POST', body: form([res56, 'a.md'], [await docxHugeStart(1e9, 'lowerLetter'), 'b.docx']) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { warnings: Array<{ message: string }> };
    expect(body.warnings.map((w) => w.message).join('\n')).toMatch(/list numbering starts at 1000000000/);
  }, 60_000);

  it('block quotes 5,000 deep: 400 with one line, not 500', async () => {
    const app = createApp({ corpusDir: corpus.dir, log: () => {} });
    apps.push(app);
    const res = await app.request('/api/compare', { method: 'POST', body: form([res56, 'a.md'], [MARKDOWN_SHAPES['deep-quotes'](), 'deep.md']) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^deep\.md:\d+: block quotes or lists nested 5000 deep/);
  }, 60_000);

  it('keeps answering while a slow upload is read; a full pool answers 503 with Retry-After; the slow one ends at its budget', async () => {
    const app = createApp({ corpusDir: corpus.dir, log: () => {}, uploads: { size: 1, maxQueue: 0, timeoutMs: 4000 } });
    apps.push(app);
    const first = app.request('/api/compare', { method: 'POST', body: form([res56, 'a.md'], [slow, 'slow.md']) });
    // Let the first upload reach its worker.
    await new Promise((r) => setTimeout(r, 300));
    // The event loop is free: the corpus list is answered while the slow read is still going on
    // (an order, not a wall-clock bound, so busy cores cannot make it fail).
    let firstDone = false;
    void Promise.resolve(first).then(() => (firstDone = true));
    const list = await app.request('/api/corpus');
    expect(list.status).toBe(200);
    expect(firstDone).toBe(false);
    const second = await app.request('/api/compare', { method: 'POST', body: form([res56, 'a.md'], [res56, 'b.md']) });
    expect(second.status).toBe(503);
    expect(Number(second.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(((await second.json()) as { error: string }).error).toMatch(/busy/);
    const done = await first;
    expect(done.status).toBe(400);
    expect(((await done.json()) as { error: string }).error).toMatch(/^a\.md and slow\.md: took longer than 4 s to read|^slow\.md: took longer/);
  }, 60_000);
});

describe('a corpus file that does not parse', () => {
  it('is skipped with one log line and listed as unreadable; every route still answers; no server path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resdiff-bad-corpus-'));
    cpSync(corpus.dir, dir, { recursive: true });
    writeFileSync(join(dir, 'broken.md'), '---\nsymbol: [unclosed\n---\nThe Human Rights Council,\n');
    const logs: string[] = [];
    const app = createApp({ corpusDir: dir, log: (m) => logs.push(m) });
    apps.push(app);
    const list = await app.request('/api/corpus');
    const text = await list.text();
    expect(list.status).toBe(200);
    const body = JSON.parse(text) as { versions: Array<{ ref: string }>; unreadable: Array<{ file: string; error: string }> };
    expect(body.versions.map((v) => v.ref)).toContain(corpus.newRef);
    expect(body.unreadable).toEqual([{ file: 'broken.md', error: expect.stringMatching(/^invalid YAML front matter/) }]);
    expect(text).not.toContain(dir);
    const cmp = await app.request(`/api/compare?old=${corpus.oldRef}&new=${corpus.newRef}`);
    expect(cmp.status).toBe(200);
    const series = await app.request('/api/series/intl-cooperation-human-rights');
    expect(series.status).toBe(200);
    const missing = await app.request('/api/compare?old=broken&new=56/2');
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain(dir);
    expect(logs.filter((l) => l.includes('broken.md'))).toHaveLength(1);
    expect(logs[0]).toMatch(/^resdiff serve: skipping corpus file broken\.md: invalid YAML front matter/);
  }, 60_000);
});

describe('--host', () => {
  it('127.1 and 127.0.1 are loopback (short forms of 127.0.0.1); 128.0.0.1 is not', () => {
    expect(isLoopback('127.1')).toBe(true);
    expect(isLoopback('127.0.1')).toBe(true);
    expect(isLoopback('[::1]')).toBe(true);
    expect(isLoopback('128.0.0.1')).toBe(false);
    expect(isLoopback('127.example.org')).toBe(false);
  });

  it('binds to [::1] as written in a URL', async () => {
    const server = await startServer({ corpusDir: corpus.dir, port: 0, host: '[::1]', log: () => {} });
    try {
      expect(server.url).toMatch(/^http:\/\/\[::1\]:\d+\/$/);
      const res = await fetch(`${server.url}api/corpus`, { signal: AbortSignal.timeout(20_000) });
      expect(res.status).toBe(200);
    } finally {
      await server.close();
    }
  }, 30_000);
});
