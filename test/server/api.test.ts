/**
 * The JSON API in-process (app.request): corpus list, compare contract, uploads and their limits,
 * references that try to leave the corpus, headers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp, CONTENT_SECURITY_POLICY } from '../../src/server/app.js';
import { RES_56_2 } from '../support/paths.js';
import { makeDocx, makePdf, findLibreOffice } from '../support/make-docs.js';
import { olderVersion, testCorpus } from './corpus-fixture.js';
import { requestJson, type Json } from '../support/http.js';

const corpus = testCorpus();
const app = createApp({ corpusDir: corpus.dir, maxUploadBytes: 256 * 1024, log: () => {} });


const getJson = (path: string) => requestJson(app, path);

/** Check a comparison against the contract of DESIGN.md §3. */
function expectContract(c: Json): void {
  expect(Object.keys(c).slice(0, 4)).toEqual(['old', 'new', 'pairs', 'summary']);
  for (const side of ['old', 'new'] as const) {
    for (const k of ['file', 'symbol', 'title', 'adopted', 'counts']) expect(c[side]).toHaveProperty(k);
    expect(typeof c[side].counts.PP).toBe('number');
    expect(typeof c[side].counts.OP).toBe('number');
  }
  const seen = { old: new Map<string, number>(), new: new Map<string, number>() };
  for (const p of c.pairs) {
    expect(['unchanged', 'modified', 'added', 'removed', 'split', 'merged']).toContain(p.status);
    for (const k of ['moved', 'technical', 'openingChanged']) expect(typeof p[k]).toBe('boolean');
    expect(p.similarity).toBeGreaterThanOrEqual(0);
    expect(p.similarity).toBeLessThanOrEqual(1);
    for (const d of p.diff) expect(['equal', 'insert', 'delete']).toContain(d.op);
    for (const side of ['old', 'new'] as const) for (const id of p[side] as string[]) seen[side].set(id, (seen[side].get(id) ?? 0) + 1);
  }
  // Every clause of each version in exactly one pair.
  for (const side of ['old', 'new'] as const) {
    const want: string[] = [];
    for (const k of ['PP', 'OP'] as const) for (let i = 1; i <= c[side].counts[k]; i++) want.push(`${k}${i}`);
    expect([...seen[side].keys()].sort()).toEqual(want.sort());
    expect([...seen[side].values()].every((n) => n === 1)).toBe(true);
  }
  for (const k of ['PP', 'OP']) for (const f of ['added', 'removed', 'modified', 'unchanged', 'moved', 'technical']) expect(typeof c.summary[k][f]).toBe('number');
}

describe('GET /api/corpus', () => {
  it('lists the series with its versions, constructed ones marked, and no server paths', async () => {
    const { status, body } = await getJson('/api/corpus');
    expect(status).toBe(200);
    const series = body.series.find((s: Json) => s.id === 'intl-cooperation-human-rights');
    expect(series.title).toBe('Enhancement of international cooperation in the field of human rights');
    const refs = series.versions.map((v: Json) => v.ref);
    expect(refs).toEqual([corpus.oldRef, corpus.newRef]); // oldest first
    const v56 = series.versions.find((v: Json) => v.ref === corpus.newRef);
    expect(v56).toMatchObject({ symbol: 'A/HRC/RES/56/2', adopted: '2024-07-10', constructed: false });
    expect(v56.title).toMatch(/international cooperation/);
    expect(series.versions.find((v: Json) => v.ref === corpus.oldRef).constructed).toBe(true);
    expect(JSON.stringify(body)).not.toContain(corpus.dir);
  });

  it('gives the series manifest at /api/series/:id (the place of the series view)', async () => {
    const { status, body } = await getJson('/api/series/intl-cooperation-human-rights');
    expect(status).toBe(200);
    expect(body.members.map((m: Json) => m.symbol)).toContain('A/HRC/RES/56/2');
    expect(body.members.find((m: Json) => m.symbol === 'A/HRC/RES/56/2').ref).toBe(corpus.newRef);
    expect((await getJson('/api/series/nope')).status).toBe(404);
  });
});

describe('GET /api/compare', () => {
  it('gives the compare contract; the Kampala paragraph PP19 is new', async () => {
    const { status, body, res } = await getJson(`/api/compare?old=${corpus.oldRef}&new=${corpus.newRef}`);
    expect(status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expectContract(body);
    expect(body.new.symbol).toBe('A/HRC/RES/56/2');
    expect(body.old.constructed).toBe(true);
    const pp19 = body.pairs.find((p: Json) => p.new.includes('PP19'));
    expect(pp19.status).toBe('added');
    expect(pp19.diff.map((d: Json) => d.text).join('')).toMatch(/Kampala Declaration of 20 January 2024/);
    expect(body.summary.PP.addedIds).toContain('PP19');
  });

  it('takes symbols and numbers as references', async () => {
    const { status, body } = await getJson(`/api/compare?old=${corpus.oldRef}&new=${encodeURIComponent('A/HRC/RES/56/2')}`);
    expect(status).toBe(200);
    expect(body.new.symbol).toBe('A/HRC/RES/56/2');
    expect((await getJson(`/api/compare?old=${corpus.oldRef}&new=56/2`)).status).toBe(200);
  });

  it('renders HTML and unified exports as downloads, HTML under its own sandboxed policy', async () => {
    const res = await app.request(`/api/compare?old=${corpus.oldRef}&new=${corpus.newRef}&format=html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="resdiff-[\w-]+\.html"$/);
    expect(res.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(await res.text()).toMatch(/Kampala Declaration/);
    const uni = await app.request(`/api/compare?old=${corpus.oldRef}&new=${corpus.newRef}&format=unified`);
    expect(uni.status).toBe(200);
    expect(await uni.text()).toMatch(/^\+.*Kampala Declaration/m);
  });

  it('JSON with download=1 is an indented attachment', async () => {
    const res = await app.request(`/api/compare?old=${corpus.oldRef}&new=${corpus.newRef}&download=1`);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".*\.json"/);
    expect(await res.text()).toMatch(/^\{\n {2}"old"/);
  });

  it('answers 400 for a missing reference or an unknown format, 404 for an unknown reference', async () => {
    const a = await getJson(`/api/compare?old=${corpus.oldRef}`);
    expect(a.status).toBe(400);
    expect(a.body.error).toMatch(/missing the "new" reference/);
    const b = await getJson(`/api/compare?old=${corpus.oldRef}&new=${corpus.newRef}&format=exe`);
    expect(b.status).toBe(400);
    expect(b.body.error).toMatch(/unknown format/);
    const c = await getJson(`/api/compare?old=${corpus.oldRef}&new=99/99`);
    expect(c.status).toBe(404);
    expect(c.body.error).toMatch(/no corpus version matches "99\/99"/);
  });
});

describe('references never leave the corpus', () => {
  const attempts = [
    '../../../../etc/passwd',
    '..%2f..%2f..%2fetc%2fpasswd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '%2e%2e/%2e%2e/package.json',
    '%252e%252e%252fpackage.json',
    '/etc/passwd',
    '%2fetc%2fpasswd',
    '..\\..\\package.json',
    '..%5c..%5cpackage.json',
    'C:\\Windows\\win.ini',
    'corpus/../package.json',
    'series/../../package.json',
    'package.json',
    'README.md',
    'series/intl-cooperation-human-rights.yaml',
    'src/server/app.ts',
    'A-HRC-RES-56-2.md%00.txt',
    'file:///etc/passwd',
    '~/.bashrc',
    '.',
    '..',
    '',
  ];
  for (const ref of attempts) {
    it(`refuses old=${ref || '(empty)'}`, async () => {
      const res = await app.request(`/api/compare?old=${ref}&new=${corpus.newRef}`);
      expect([400, 404]).toContain(res.status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const text = await res.text();
      expect(JSON.parse(text)).toHaveProperty('error');
      expect(text).not.toMatch(/root:|"name": ?"resdiff"|\[extensions\]|import \{|symbol: A\/HRC/);
    });
  }

  const paths = [
    '/../package.json',
    '/..%2fpackage.json',
    '/%2e%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/..%5cpackage.json',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/web/../package.json',
    '/package.json',
    '/corpus/A-HRC-RES-56-2.md',
    '/src/server/app.ts',
    '/dist/src/server/app.js',
    '/app.js%00.png',
    '/index.html/..%2f..%2fpackage.json',
    '/api/../package.json',
    '/api/..%2f..%2fpackage.json',
  ];
  for (const path of paths) {
    it(`serves nothing outside web/ for ${path}`, async () => {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toMatch(/root:|"name": ?"resdiff"|import |symbol: A\/HRC/);
    });
  }
});

describe('POST /api/compare (uploads)', () => {
  const md56 = readFileSync(RES_56_2);
  const mdOld = Buffer.from(olderVersion(), 'utf8');

  function form(files: Record<string, [Uint8Array | string, string]>, fields: Record<string, string> = {}): FormData {
    const f = new FormData();
    for (const [name, [bytes, fileName]] of Object.entries(files)) f.append(name, new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)]), fileName);
    for (const [k, v] of Object.entries(fields)) f.append(k, v);
    return f;
  }

  it('compares two uploaded Markdown files in memory', async () => {
    const res = await app.request('/api/compare', { method: 'POST', body: form({ old: [mdOld, 'older.md'], new: [md56, 'A-HRC-RES-56-2.md'] }) });
    expect(res.status).toBe(200);
    const c = (await res.json()) as Json;
    expectContract(c);
    expect(c.old.file).toBe('older.md');
    expect(c.summary.PP.addedIds).toContain('PP19');
  });

  it('takes a Word document', async () => {
    const { docxPath } = await makeDocx();
    const res = await app.request('/api/compare', { method: 'POST', body: form({ old: [mdOld, 'older.md'], new: [readFileSync(docxPath), '56-2.docx'] }) });
    expect(res.status).toBe(200);
    const c = (await res.json()) as Json;
    expect(c.new.symbol).toBe('A/HRC/RES/56/2');
    expect(c.pairs.find((p: Json) => p.new.includes('PP19')).status).toBe('added');
  }, 60_000);

  it.skipIf(!findLibreOffice())('takes a PDF', async () => {
    const { pdfPath } = await makePdf();
    const res = await app.request('/api/compare', { method: 'POST', body: form({ old: [mdOld, 'older.md'], new: [readFileSync(pdfPath), '56-2.pdf'] }) });
    expect(res.status).toBe(200);
    const c = (await res.json()) as Json;
    expect(c.new.symbol).toBe('A/HRC/RES/56/2');
    expect(c.pairs.find((p: Json) => p.new.includes('PP19')).status).toBe('added');
  }, 240_000);

  it('answers 413 for a file over the limit, and for a body over the limit', async () => {
    const big = Buffer.alloc(300 * 1024, 'a');
    const a = await app.request('/api/compare', { method: 'POST', body: form({ old: [big, 'big.md'], new: [md56, 'new.md'] }) });
    expect(a.status).toBe(413);
    expect(((await a.json()) as Json).error).toMatch(/larger than the 256 KiB limit|too large/);
    const huge = Buffer.alloc(700 * 1024, 'a');
    const b = await app.request('/api/compare', { method: 'POST', body: form({ old: [huge, 'huge.md'], new: [huge, 'huge2.md'] }) });
    expect(b.status).toBe(413);
    expect(((await b.json()) as Json).error).toMatch(/too large/);
  });

  it('answers 400 with the file name for a file that is not a resolution', async () => {
    const res = await app.request('/api/compare', { method: 'POST', body: form({ old: ['just some words\n', 'notes.txt'], new: [md56, 'new.md'] }) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Json;
    expect(body.error).toMatch(/^notes\.txt/);
    expect(body.error).not.toMatch(/\n\s+at /);
  });

  it('answers 400 for a broken PDF, a missing file or a non-multipart body', async () => {
    const pdf = await app.request('/api/compare', { method: 'POST', body: form({ old: ['%PDF-1.7 nonsense', 'broken.pdf'], new: [md56, 'new.md'] }) });
    expect(pdf.status).toBe(400);
    expect(((await pdf.json()) as Json).error).toMatch(/^broken\.pdf/);
    const missing = await app.request('/api/compare', { method: 'POST', body: form({ old: [md56, 'a.md'] }) });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as Json).error).toMatch(/missing the "new" file/);
    const json = await app.request('/api/compare', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(json.status).toBe(400);
  });

  it('keeps only the last segment of an uploaded file name', async () => {
    const res = await app.request('/api/compare', { method: 'POST', body: form({ old: [mdOld, '../../etc/older.md'], new: [md56, 'C:\\x\\new.md'] }) });
    expect(res.status).toBe(200);
    const c = (await res.json()) as Json;
    expect(c.old.file).toBe('older.md');
    expect(c.new.file).toBe('new.md');
  });
});

describe('the page shares the library code', () => {
  it("serves the library's count vocabulary at /lib/counts.js, the module the page classifies pairs with", async () => {
    const res = await app.request('/lib/counts.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    const js = await res.text();
    const lib = await import('../../src/diff/counts.js');
    // The same words, in the same order, as the library's module.
    expect(js).toContain(`export const COUNT_WORDS = ${JSON.stringify(lib.COUNT_WORDS).replace(/,/g, ', ').replace(/"/g, "'")}`);
    expect(js).toMatch(/export function statusWord\(/);
  });
});

describe('headers', () => {
  it('sends a restrictive CSP, nosniff and a referrer policy on the page, the API and errors', async () => {
    for (const path of ['/', '/app.js', '/api/corpus', '/api/compare?old=..', '/nothing-here']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toBe(CONTENT_SECURITY_POLICY);
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('serves the page with the right types and no inline script', async () => {
    const page = await app.request('/');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toMatch(/<script type="module" src="\/app\.js"><\/script>/);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/);
    expect((await app.request('/app.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await app.request('/style.css')).headers.get('content-type')).toMatch(/^text\/css/);
  });
});
