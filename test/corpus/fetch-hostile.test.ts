/**
 * `fetch` against a hostile or broken service on 127.0.0.1: a body that never ends and a gzip
 * bomb stop at the 50 MiB cap on the decoded bytes (promptly, not after gigabytes); a redirect
 * loop, a refused connection, a file:// URL and an out-of-range --timeout each give one precise
 * line; a redirect to another port, or to anything but http(s), is not followed.
 */
import { createServer, type Server } from 'node:http';
import { closeLocal, listenLocal, refusedPort } from '../support/http.js';
import { mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadSymbol, MAX_DOWNLOAD_BYTES, redirectAllowed } from '../../src/corpus/fetch.js';
import { InputError } from '../../src/errors.js';
import { runCli } from '../support/cli.js';

const MiB = 1024 * 1024;
let server: Server;
let other: Server;
let base: string;
let otherBase: string;
/** Bytes the endless route wrote before the client went away. */
let endlessSent = 0;
let endlessClosed: Promise<void> = Promise.resolve();
let otherHits = 0;
/** 16 MiB of zeros gzipped (about 16 KB); sent 16 times it inflates to 256 MiB. */
const zeros = gzipSync(Buffer.alloc(16 * MiB), { level: 9 });

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = url.pathname.split('/')[1];
    if (route === 'endless') {
      // 200 and a body that does not end (it stops by itself at 400 MiB so a broken client cannot eat the machine).
      res.writeHead(200, { 'content-type': 'application/pdf' });
      const chunk = Buffer.alloc(MiB, 0x25);
      let done!: () => void;
      endlessClosed = new Promise((ok) => (done = ok));
      endlessSent = 0;
      const pump = () => {
        while (endlessSent < 400 * MiB) {
          endlessSent += chunk.length;
          if (!res.write(chunk)) return;
        }
        res.end();
      };
      res.on('drain', pump);
      res.on('close', () => done());
      pump();
    } else if (route === 'bomb') {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-encoding': 'gzip' });
      for (let i = 0; i < 16; i++) res.write(zeros);
      res.end();
    } else if (route === 'loop-a') res.writeHead(302, { location: '/loop-b/x' }).end();
    else if (route === 'loop-b') res.writeHead(301, { location: '/loop-a/x' }).end();
    else if (route === 'to-other-port') res.writeHead(302, { location: `${otherBase}/pdf` }).end();
    else if (route === 'to-file') res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    else if (route === 'no-location') res.writeHead(302).end();
    else res.writeHead(404).end();
  });
  other = createServer((_req, res) => {
    otherHits++;
    res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 not really');
  });
  base = await listenLocal(server);
  otherBase = await listenLocal(other);
});

afterAll(async () => {
  for (const s of [server, other]) await closeLocal(s);
});

const tmp = () => mkdtempSync(join(tmpdir(), 'resdiff-fetch-'));

describe('fetch: bodies are streamed with a cap on the decoded bytes', () => {
  it('stops a body that never ends at the cap, with a clear message, and closes the connection', async () => {
    const into = tmp();
    const t = performance.now();
    const r = await runCli(['fetch', 'A/HRC/RES/1/1', '--base-url', `${base}/endless/{symbol}`, '--into', into, '--timeout', '60']);
    const ms = performance.now() - t;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^resdiff: A\/HRC\/RES\/1\/1: the download from 127\.0\.0\.1:\d+ is larger than 50 MiB \(decoded\); stopped after 50(\.\d)? MiB\n$/);
    await endlessClosed;
    // The client stopped reading at the cap: the server got no further than the cap plus socket buffers.
    expect(endlessSent).toBeLessThan(MAX_DOWNLOAD_BYTES + 40 * MiB);
    expect(ms).toBeLessThan(60_000); // well before the timeout (about 1 s when the machine is idle)
    expect(readdirSync(into)).toEqual([]);
  });

  it('stops a gzip bomb at the cap on the inflated bytes', async () => {
    const r = await runCli(['fetch', 'A/HRC/RES/1/1', '--base-url', `${base}/bomb/{symbol}`, '--into', tmp()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^resdiff: A\/HRC\/RES\/1\/1: the download from 127\.0\.0\.1:\d+ is larger than 50 MiB \(decoded\); stopped after 50(\.\d)? MiB\n$/);
  });

  it('never pulls the body further than one chunk past the cap (injected fetch)', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled += MiB;
        c.enqueue(new Uint8Array(MiB));
      },
    });
    const fake = (async () => new Response(body, { status: 200, headers: { 'content-type': 'application/pdf' } })) as typeof fetch;
    const err = await downloadSymbol('A/HRC/RES/1/1', { fetch: fake, maxBytes: 8 * MiB }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe('the download from documents.un.org is larger than 8 MiB (decoded); stopped after 9 MiB');
    expect(pulled).toBeLessThanOrEqual(10 * MiB); // one chunk ahead at most (the stream's queue)
  });
});

describe('fetch: precise one-line messages', () => {
  it('a redirect loop', async () => {
    const r = await runCli(['fetch', 'A/HRC/RES/1/1', '--base-url', `${base}/loop-a/{symbol}`, '--into', tmp()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^resdiff: A\/HRC\/RES\/1\/1: redirect loop: 127\.0\.0\.1:\d+ redirected back to http:\/\/127\.0\.0\.1:\d+\/loop-b\/x\n$/);
  });

  it('a redirect without a Location', async () => {
    const r = await runCli(['fetch', 'A/HRC/RES/1/1', '--base-url', `${base}/no-location/{symbol}`, '--into', tmp()]);
    expect(r.stderr).toMatch(/answered HTTP 302 \(a redirect\) without saying where to\n$/);
  });

  it('a refused connection', async () => {
    const port = await refusedPort();
    const r = await runCli(['fetch', 'A/HRC/RES/1/1', '--base-url', `http://127.0.0.1:${port}`, '--into', tmp()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`resdiff: A/HRC/RES/1/1: cannot reach 127.0.0.1:${port} (ECONNREFUSED): connection refused\n`);
  });

  it('a file:// URL', async () => {
    const r = await runCli(['fetch', 'A/HRC/RES/1/1', '--base-url', 'file:///etc/{symbol}', '--into', tmp()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('resdiff: the fetch URL must start with http:// or https://, not file:// (file:///etc/A%2FHRC%2FRES%2F1%2F1)\n');
  });

  it('a --timeout out of range (no "delay" from the timer leaks)', async () => {
    for (const t of ['1e10', '0', '-3', 'abc', 'Infinity']) {
      const r = await runCli(['fetch', 'A/HRC/RES/1/1', '--base-url', base, '--into', tmp(), '--timeout', t]);
      expect(r.code, t).toBe(1);
      expect(r.stderr, t).toMatch(/^resdiff: --timeout must be (a positive number of seconds, not|more than 0 and at most 3600 seconds)/);
      expect(r.stderr).not.toMatch(/delay|out of range|internal/);
    }
    const err = await downloadSymbol('A/HRC/RES/1/1', { timeoutMs: 1e13 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
  });
});

describe('fetch: which redirects are followed', () => {
  it('not one to another port on 127.0.0.1: nothing is asked of it', async () => {
    otherHits = 0;
    const r = await runCli(['fetch', 'A/HRC/RES/1/1', '--base-url', `${base}/to-other-port/{symbol}`, '--into', tmp()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/redirected to http:\/\/127\.0\.0\.1:\d+\/pdf, which is not followed \(only http\(s\) redirects within http:\/\/127\.0\.0\.1:\d+ or to https:\/\/\*\.un\.org are\)\n$/);
    expect(otherHits).toBe(0);
  });

  it('not one to file://', async () => {
    const r = await runCli(['fetch', 'A/HRC/RES/1/1', '--base-url', `${base}/to-file/{symbol}`, '--into', tmp()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/redirected to file:\/\/\/etc\/passwd, which is not followed/);
  });

  it('the policy: same origin, http to https on the same host, or https on the UN document hosts', () => {
    const ok = (from: string, to: string) => redirectAllowed(new URL(from), new URL(to));
    const svc = 'https://documents.un.org/api/symbol/access?s=A';
    expect(ok(svc, 'https://documents.un.org/doc/undoc/gen/g24/128/26/pdf/g2412826.pdf')).toBe(true);
    expect(ok(svc, 'https://docs.un.org/en/A/RES/78/199')).toBe(true);
    expect(ok(svc, 'https://un.org/x')).toBe(true);
    expect(ok('http://documents.un.org/x', 'https://documents.un.org/x')).toBe(true);
    expect(ok('http://127.0.0.1:8080/a', 'http://127.0.0.1:8080/b')).toBe(true);
    expect(ok(svc, 'http://docs.un.org/x')).toBe(false); // downgrade to http off the origin
    expect(ok(svc, 'https://docs.un.org:8443/x')).toBe(false);
    expect(ok(svc, 'https://un.org.example.com/x')).toBe(false);
    expect(ok(svc, 'https://evil-un.org/x')).toBe(false);
    expect(ok('http://127.0.0.1:8080/a', 'http://127.0.0.1:8081/b')).toBe(false);
    expect(ok('http://127.0.0.1:8080/a', 'http://localhost:8080/b')).toBe(false);
    expect(ok(svc, 'ftp://documents.un.org/x')).toBe(false);
    expect(ok(svc, 'data:application/pdf,%PDF-')).toBe(false);
  });
});
