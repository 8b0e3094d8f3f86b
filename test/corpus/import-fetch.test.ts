/**
 * `resdiff import` and `resdiff fetch` with the generated 56/2 renditions: the corpus file they
 * write reads back as the same resolution; overwrites need --force; fetch talks only to a local
 * server on 127.0.0.1 and reports offline, unknown-symbol and non-PDF answers in one line.
 */
import { createServer, type Server } from 'node:http';
import { closeLocal, listenLocal, refusedPort } from '../support/http.js';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { importFile } from '../../src/corpus/import.js';
import { downloadSymbol, symbolUrl } from '../../src/corpus/fetch.js';
import { InputError } from '../../src/errors.js';
import { runCli } from '../support/cli.js';
import { makeDocx, makePdf } from '../support/make-docs.js';
import { expectSameResolution, parseFile, reference } from '../ingest/helpers.js';
import type { Resolution } from '../../src/model/types.js';

let pdfPath: string;
let docxPath: string;
let pdfBytes: Buffer;
let ref: Resolution;
let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  ({ pdfPath } = await makePdf());
  ({ docxPath } = await makeDocx());
  pdfBytes = readFileSync(pdfPath);
  ref = await reference();
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    const s = url.searchParams.get('s');
    if (url.pathname !== '/api/symbol/access' || url.searchParams.get('l') !== 'en' || url.searchParams.get('t') !== 'pdf') {
      res.writeHead(400).end('bad request');
    } else if (s === 'A/HRC/RES/56/2') {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdfBytes.length }).end(pdfBytes);
    } else if (s === 'A/HRC/RES/99/1') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Document not found</body></html>');
    } else if (s === 'A/HRC/RES/99/2') {
      setTimeout(() => res.writeHead(200).end('late'), 3000); // slower than the test's timeout
    } else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  base = await listenLocal(server);
}, 240_000);

afterAll(() => closeLocal(server));

const tmp = () => mkdtempSync(join(tmpdir(), 'resdiff-import-'));
const frontMatter = (path: string) => parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(path, 'utf8'))![1]) as Record<string, unknown>;

describe('import', () => {
  it('writes a PDF into the corpus as Markdown with front matter that reads back as the same resolution', async () => {
    const into = tmp();
    const now = new Date('2025-01-02T03:04:05Z');
    const r = await importFile(pdfPath, { into, now: () => now });
    expect(r.path).toBe(join(into, 'A-HRC-RES-56-2.md'));
    const fm = frontMatter(r.path);
    expect(fm).toMatchObject({
      symbol: 'A/HRC/RES/56/2',
      body: 'Human Rights Council',
      session: 56,
      adopted: '2024-07-10',
      title: 'Enhancement of international cooperation in the field of human rights',
      series: 'intl-cooperation-human-rights',
      constructed: true,
      provenance: { source: 'A-HRC-RES-56-2.pdf', importedAt: '2025-01-02T03:04:05.000Z', via: 'pdf', jobNumber: 'GE.24-12826(E)' },
    });
    expect((fm.provenance as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    expectSameResolution((await parseFile(r.path)).r, ref);
    expect(readdirSync(into)).toEqual(['A-HRC-RES-56-2.md']); // no temporary file left
  });

  it('refuses to overwrite without --force, replaces with it', async () => {
    const into = tmp();
    await importFile(docxPath, { into });
    const err = await importFile(pdfPath, { into }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/already in the corpus.*--force/);
    expect(frontMatter(join(into, 'A-HRC-RES-56-2.md'))).toMatchObject({ provenance: { via: 'docx' } });
    const r = await importFile(pdfPath, { into, force: true });
    expect(r.replaced).toBe(true);
    expect(frontMatter(r.path)).toMatchObject({ provenance: { via: 'pdf' } });
  });

  it('runs from the CLI and the result is usable by show', async () => {
    const into = tmp();
    const r = await runCli(['import', docxPath, '--into', into]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^imported A\/HRC\/RES\/56\/2 -> .*A-HRC-RES-56-2\.md\n$/);
    const again = await runCli(['import', docxPath, '--into', into]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    const show = await runCli(['show', join(into, 'A-HRC-RES-56-2.md'), '--format', 'json']);
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout).clauses).toHaveLength(70);
  });

  it('names a missing file', async () => {
    const r = await runCli(['import', 'no-such-file.pdf', '--into', tmp()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no-such-file\.pdf: no such file/);
  });
});

describe('fetch', () => {
  it('builds the document service URL from a template or a base URL', () => {
    expect(symbolUrl('A/HRC/RES/56/2')).toBe('https://documents.un.org/api/symbol/access?s=A%2FHRC%2FRES%2F56%2F2&l=en&t=pdf');
    expect(symbolUrl('A/RES/78/199', 'http://127.0.0.1:9/')).toBe('http://127.0.0.1:9/api/symbol/access?s=A%2FRES%2F78%2F199&l=en&t=pdf');
    expect(symbolUrl('A/RES/78/199', 'http://127.0.0.1:9/pdf/{symbol}')).toBe('http://127.0.0.1:9/pdf/A%2FRES%2F78%2F199');
  });

  it('downloads a symbol from the local server and imports it', async () => {
    const into = tmp();
    const r = await runCli(['fetch', 'A/HRC/RES/56/2', '--base-url', base, '--into', into]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(requests).toContain('/api/symbol/access?s=A%2FHRC%2FRES%2F56%2F2&l=en&t=pdf');
    const path = join(into, 'A-HRC-RES-56-2.md');
    expect(frontMatter(path)).toMatchObject({ symbol: 'A/HRC/RES/56/2', provenance: { source: 'A-HRC-RES-56-2.pdf', via: 'pdf', url: `${base}/api/symbol/access?s=A%2FHRC%2FRES%2F56%2F2&l=en&t=pdf` } });
    expectSameResolution((await parseFile(path)).r, ref);
  });

  it('takes the service from RESDIFF_FETCH_URL', async () => {
    const into = tmp();
    const prev = process.env.RESDIFF_FETCH_URL;
    process.env.RESDIFF_FETCH_URL = `${base}/api/symbol/access?s={symbol}&l=en&t=pdf`;
    try {
      const r = await runCli(['fetch', 'A/HRC/RES/56/2', '--into', into], { env: { RESDIFF_FETCH_URL: process.env.RESDIFF_FETCH_URL } });
      expect(r.code).toBe(0);
      expect(existsSync(join(into, 'A-HRC-RES-56-2.md'))).toBe(true);
    } finally {
      if (prev === undefined) delete process.env.RESDIFF_FETCH_URL;
      else process.env.RESDIFF_FETCH_URL = prev;
    }
  });

  it('reports an unknown symbol (HTTP 404)', async () => {
    const r = await runCli(['fetch', 'A/HRC/RES/99/9', '--base-url', base, '--into', tmp()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^resdiff: A\/HRC\/RES\/99\/9: unknown symbol: 127\.0\.0\.1:\d+ has no English PDF of it \(HTTP 404\)\n$/);
  });

  it('reports an answer that is not a PDF', async () => {
    const r = await runCli(['fetch', 'A/HRC/RES/99/1', '--base-url', base, '--into', tmp()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/did not return a PDF .*text\/html/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reports a service that cannot be reached', async () => {
    // A port on 127.0.0.1 that was just free: connection refused, nothing leaves the machine.
    const port = await refusedPort();
    const r = await runCli(['fetch', 'A/HRC/RES/56/2', '--base-url', `http://127.0.0.1:${port}`, '--into', tmp()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  it('reports an unknown host without the network (injected fetch)', async () => {
    const offline = async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND documents.un.org'), { code: 'ENOTFOUND' }) });
    };
    const err = await downloadSymbol('A/HRC/RES/56/2', { fetch: offline }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).format()).toBe('A/HRC/RES/56/2: cannot reach documents.un.org (ENOTFOUND); are you offline? (a different service can be given with --base-url or RESDIFF_FETCH_URL)');
  });

  it('gives up after the timeout', async () => {
    const r = await runCli(['fetch', 'A/HRC/RES/99/2', '--base-url', base, '--into', tmp(), '--timeout', '0.5']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no answer from 127\.0\.0\.1:\d+ within 0.5 s/);
  });

  it('refuses something that is not a symbol', async () => {
    const r = await runCli(['fetch', 'hello world', '--base-url', base, '--into', tmp()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a document symbol/);
  });
});
