/**
 * `resdiff fetch --series ID` against a local stand-in for the UN document service (127.0.0.1
 * only): a redirect, a 404, a slow answer, a stalled answer (timeout, then retried), a 503 once
 * (retried), an HTML error page served with 200, and small CONSTRUCTED PDFs for the rest. A
 * second run fetches only what is missing; no partial or temporary file is ever left.
 */
import { createServer, type Server } from 'node:http';
import { closeLocal, listenLocal } from '../support/http.js';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { importBytes } from '../../src/corpus/import.js';
import { fetchSeries } from '../../src/corpus/fetch-series.js';
import { runCli } from '../support/cli.js';
import { smallPdfs } from '../support/small-pdfs.js';

const SYMBOLS = ['A/HRC/RES/91/1', 'A/HRC/RES/91/2', 'A/HRC/RES/91/3', 'A/HRC/RES/91/4', 'A/HRC/RES/91/5', 'A/HRC/RES/91/6', 'A/HRC/RES/91/7', 'A/HRC/RES/91/8'];
let pdfs: Map<string, Buffer>;
let server: Server;
let base: string;
/** Requests seen: symbol and the time it arrived. */
let requests: { s: string; at: number; path: string }[] = [];
/** How many times each symbol was asked for. */
const asked = new Map<string, number>();
/** Second phase: the 404 and HTML members are served as PDFs. */
let healed = false;
/** Symbols that always answer 503 (library test). */
const always503 = new Set(['A/HRC/RES/92/1']);

beforeAll(async () => {
  pdfs = await smallPdfs(SYMBOLS);
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/files/')) {
      const s = decodeURIComponent(url.pathname.slice('/files/'.length));
      const pdf = pdfs.get(s);
      if (!pdf) return void res.writeHead(404).end();
      return void res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length }).end(pdf);
    }
    const s = url.searchParams.get('s') ?? '';
    requests.push({ s, at: Date.now(), path: url.pathname + url.search });
    const n = (asked.get(s) ?? 0) + 1;
    asked.set(s, n);
    const pdf = pdfs.get(s);
    const send = () => res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
    if (always503.has(s)) return void res.writeHead(503, { 'retry-after': s.endsWith('/2') ? '1' : 'x' }).end('busy');
    if (s === 'A/HRC/RES/92/2') return void res.writeHead(429, { 'retry-after': '1' }).end('slow down');
    if (!pdf) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    switch (s) {
      case 'A/HRC/RES/91/1': // the document service answers with a redirect to the file
        return void res.writeHead(302, { location: `/files/${encodeURIComponent(s)}` }).end();
      case 'A/HRC/RES/91/2':
        return void (healed ? send() : res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not found</body></html>'));
      case 'A/HRC/RES/91/3': // slow, but within the timeout
        return void setTimeout(send, 800);
      case 'A/HRC/RES/91/4': // an error page served with 200
        return void (healed ? send() : res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Error</title><p>The document service is under maintenance.</p>'));
      case 'A/HRC/RES/91/5': // a server error once
        return void (n === 1 ? res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable') : send());
      case 'A/HRC/RES/91/8': // stalls once: no answer within the timeout
        if (n === 1) return; // never answered; closed with the server
        return void send();
      default:
        return void send();
    }
  });
  base = await listenLocal(server);
}, 240_000);

afterAll(() => closeLocal(server));

/** A corpus folder with the test series manifest and 91/6 already imported. */
async function corpusWithManifest(): Promise<string> {
  const into = mkdtempSync(join(tmpdir(), 'resdiff-series-'));
  mkdirSync(join(into, 'series'));
  writeFileSync(
    join(into, 'series', 'fetch-test.yaml'),
    `# CONSTRUCTED manifest for the fetch tests; the symbols are invented.\nid: fetch-test\ntitle: Constructed test series\nbody: Human Rights Council\nmembers:\n${SYMBOLS.map((s) => `  - { symbol: ${s}, year: 2099 }\n`).join('')}`,
  );
  await importBytes(pdfs.get('A/HRC/RES/91/6')!, 'A-HRC-RES-91-6.pdf', { into });
  return into;
}

const frontMatter = (path: string) => parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(path, 'utf8'))![1]) as Record<string, unknown>;

describe('fetch --series', () => {
  it('fetches what is missing, retries, reports each member, and a second run fetches only the rest', async () => {
    const into = await corpusWithManifest();
    requests = [];
    asked.clear();
    healed = false;
    const first = await runCli(['fetch', '--series', 'fetch-test', '--base-url', base, '--into', into, '--pause', '0.2', '--timeout', '4']);
    expect(first.code).toBe(1);
    const summary = first.stdout.split('\n');
    expect(summary[0]).toBe('fetch-test: fetched 5, already present 1, failed 2');
    expect(first.stdout).toMatch(/^ {2}already present {2}A\/HRC\/RES\/91\/6 \(.*A-HRC-RES-91-6\.md\)$/m);
    expect(first.stdout).toMatch(/^ {2}failed {11}A\/HRC\/RES\/91\/2: unknown symbol: 127\.0\.0\.1:\d+ has no English PDF of it \(HTTP 404\)$/m);
    expect(first.stdout).toMatch(/^ {2}failed {11}A\/HRC\/RES\/91\/4: 127\.0\.0\.1:\d+ did not return a PDF for this symbol \(it sent text\/html/m);
    for (const s of ['91/1', '91/3', '91/5', '91/7', '91/8']) expect(first.stdout).toMatch(new RegExp(`^ {2}fetched {10}A/HRC/RES/${s} -> `, 'm'));
    // Plain progress lines (not a terminal), the retries said, and the last line of stderr is the one error.
    expect(first.stderr).not.toContain('\r');
    expect(first.stderr).toMatch(/^\[1\/8\] A\/HRC\/RES\/91\/1: fetched$/m);
    expect(first.stderr).toMatch(/^A\/HRC\/RES\/91\/5: the document service at .* answered HTTP 503 Service Unavailable; retrying in 2 s$/m);
    expect(first.stderr).toMatch(/^A\/HRC\/RES\/91\/8: no answer from 127\.0\.0\.1:\d+ within 4 s; retrying in 2 s$/m);
    expect(first.stderr.trim().split('\n').at(-1)).toBe('resdiff: 2 of 8 members of fetch-test could not be fetched (see above); run the same command again to retry them');
    // One at a time, with the pause between requests; the member already present is not asked for;
    // a 404 and an error page are not retried; the 503 and the stalled answer are.
    expect(asked.get('A/HRC/RES/91/6')).toBeUndefined();
    expect(asked.get('A/HRC/RES/91/2')).toBe(1);
    expect(asked.get('A/HRC/RES/91/4')).toBe(1);
    expect(asked.get('A/HRC/RES/91/5')).toBe(2);
    expect(asked.get('A/HRC/RES/91/8')).toBe(2);
    for (let i = 1; i < requests.length; i++) expect(requests[i].at - requests[i - 1].at).toBeGreaterThanOrEqual(190);
    // Whole files only: the fetched members and the manifest, no temporary file.
    const names = readdirSync(into).sort();
    expect(names).toEqual(['A-HRC-RES-91-1.md', 'A-HRC-RES-91-3.md', 'A-HRC-RES-91-5.md', 'A-HRC-RES-91-6.md', 'A-HRC-RES-91-7.md', 'A-HRC-RES-91-8.md', 'series']);
    const fm = frontMatter(join(into, 'A-HRC-RES-91-1.md'));
    expect(fm).toMatchObject({ symbol: 'A/HRC/RES/91/1', series: 'fetch-test', constructed: true, provenance: { via: 'pdf', url: `${base}/files/A%2FHRC%2FRES%2F91%2F1` } });

    // Second run, on a terminal: only the two missing members are asked for, with a progress bar.
    healed = true;
    requests = [];
    const second = await runCli(['fetch', '--series', 'fetch-test', '--base-url', base, '--into', into, '--pause', '0.05'], { isTTY: true });
    expect(second.stderr).toBe(second.stderr); // (shown on failure)
    expect(second.code).toBe(0);
    expect(second.stdout.split('\n')[0]).toBe('fetch-test: fetched 2, already present 6, failed 0');
    expect(requests.map((r) => r.s)).toEqual(['A/HRC/RES/91/2', 'A/HRC/RES/91/4']);
    expect(second.stderr).toMatch(/\r\x1b\[2K\[#*-*\] 0\/8 /);
    expect(second.stderr).toMatch(/\r\x1b\[2K\[#+-*\] \d\/8 A\/HRC\/RES\/91\/4/);
    expect(second.stderr.endsWith('\r\x1b[2K')).toBe(true); // the bar is cleared at the end

    // Third run: nothing to do, nothing asked.
    requests = [];
    const third = await runCli(['fetch', '--series', 'fetch-test', '--base-url', base, '--into', into, '--pause', '0']);
    expect(third.code).toBe(0);
    expect(third.stdout.split('\n')[0]).toBe('fetch-test: fetched 0, already present 8, failed 0');
    expect(requests).toEqual([]);
  }, 120_000);

  it('backs off exponentially, honours Retry-After, and gives the reason after the last attempt', async () => {
    const into = mkdtempSync(join(tmpdir(), 'resdiff-series-'));
    mkdirSync(join(into, 'series'));
    writeFileSync(join(into, 'series', 'busy.yaml'), 'id: busy\ntitle: Constructed busy series\nmembers:\n  - { symbol: A/HRC/RES/92/1 }\n  - { symbol: A/HRC/RES/92/2 }\n');
    const waits: number[] = [];
    const events: string[] = [];
    const r = await fetchSeries('busy', {
      into,
      urlTemplate: base,
      pauseMs: 300,
      retries: 3,
      backoffMs: 10,
      timeoutMs: 10_000,
      sleep: async (ms) => void waits.push(ms),
      onProgress: (e) => events.push(e.type),
    });
    expect(r.failed).toBe(2);
    expect(r.outcomes[0]).toMatchObject({ symbol: 'A/HRC/RES/92/1', status: 'failed', attempts: 4 });
    expect(r.outcomes[0].reason).toMatch(/answered HTTP 503 .*\(after 4 attempts\)$/);
    // 92/1: back-off 10, 20, 40 ms (its Retry-After is not a number); then the pause; 92/2: Retry-After 1 s wins.
    expect(waits).toEqual([10, 20, 40, 300, 1000, 1000, 1000]);
    expect(r.outcomes[1]).toMatchObject({ status: 'failed', attempts: 4 });
    expect(r.outcomes[1].reason).toMatch(/HTTP 429/);
    expect(events[0]).toBe('start');
    expect(events.filter((e) => e === 'done')).toHaveLength(2);
    expect(readdirSync(into)).toEqual(['series']);
  });

  it('names the known series when the id is unknown, and refuses a symbol with --series', async () => {
    const r = await runCli(['fetch', '--series', 'no-such-series', '--into', mkdtempSync(join(tmpdir(), 'resdiff-series-'))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^resdiff: no series "no-such-series" \(known: .*intl-cooperation-human-rights.*\)\n$/);
    const both = await runCli(['fetch', 'A/HRC/RES/56/2', '--series', 'intl-cooperation-human-rights', '--into', mkdtempSync(join(tmpdir(), 'resdiff-series-'))]);
    expect(both.code).toBe(1);
    expect(both.stderr).toBe('resdiff: give a symbol or --series, not both\n');
    const pause = await runCli(['fetch', '--series', 'intl-cooperation-human-rights', '--pause', '-1', '--into', mkdtempSync(join(tmpdir(), 'resdiff-series-'))]);
    expect(pause.code).toBe(1);
    expect(pause.stderr).toMatch(/--pause must be a number of seconds/);
  });

  it('refuses a file that names another symbol, before writing anything', async () => {
    const into = mkdtempSync(join(tmpdir(), 'resdiff-series-'));
    const err = await importBytes(pdfs.get('A/HRC/RES/91/7')!, 'x.pdf', { into, symbol: 'A/HRC/RES/91/3' }).catch((e: Error) => e);
    expect((err as Error).message).toBe('the file is A/HRC/RES/91/7, not the A/HRC/RES/91/3 that was asked for');
    expect(readdirSync(into)).toEqual([]);
  });
});
