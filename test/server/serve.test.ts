/**
 * `resdiff serve` as a real process and the server over real HTTP: the URL it prints, loopback by
 * default, raw request paths that no URL parser has tidied, internal errors without stacks, and
 * a clean exit on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isLoopback, startServer, type RunningServer } from '../../src/server/index.js';
import { createApp } from '../../src/server/app.js';
import { CLI, ROOT } from '../support/paths.js';
import { runCli } from '../support/cli.js';
import { testCorpus } from './corpus-fixture.js';

const corpus = testCorpus();

/** GET a raw path (sent as is, not normalised). */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the server over HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, corpusDir: corpus.dir });
  });
  afterAll(() => server?.close());

  it('binds to 127.0.0.1 by default', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  const raw = [
    '/../../../../etc/passwd',
    '/..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/..\\..\\package.json',
    '/.%2e/.%2e/package.json',
    '//etc/passwd',
    '/api/compare?old=../../../../etc/passwd&new=56/2',
    '/api/compare?old=..%2f..%2fpackage.json&new=56/2',
    '/api/compare?old=%2fetc%2fpasswd&new=56/2',
  ];
  for (const path of raw) {
    it(`answers ${path} with a 4xx and no file`, async () => {
      const r = await rawGet(server.port, path);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.body).not.toMatch(/root:|"name": ?"resdiff"|symbol: A\/HRC/);
    });
  }

  it('closes cleanly, twice', async () => {
    const s = await startServer({ port: 0, corpusDir: corpus.dir });
    await s.close();
    await s.close();
    await expect(fetch(s.url)).rejects.toThrow();
  });

  it('says clearly when the port is taken', async () => {
    await expect(startServer({ port: server.port, corpusDir: corpus.dir })).rejects.toThrow(/port \d+ is already in use/);
  });
});

describe('errors', () => {
  it('answers 500 with a JSON error and no stack trace, and logs the details', async () => {
    const logged: string[] = [];
    const app = createApp({ corpusDir: corpus.dir, log: (m) => logged.push(m) });
    const engine = await import('../../src/server/engine.js');
    const spy = vi.spyOn(engine.RENDERERS, 'unified').mockRejectedValue(new Error('renderer exploded at /secret/path'));
    try {
      const res = await app.request(`/api/compare?old=${corpus.oldRef}&new=${corpus.newRef}&format=unified`);
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text).error).toMatch(/^internal error/);
      expect(text).not.toMatch(/exploded|secret|\bat \S+:\d+/);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(logged.join('\n')).toMatch(/renderer exploded/);
    } finally {
      spy.mockRestore();
    }
  });

  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'example.org']) expect(isLoopback(h), h).toBe(false);
  });
});

describe('resdiff serve', () => {
  it('checks its options', async () => {
    const r = await runCli(['serve', '--port', 'eighty']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--port must be a number/);
    const c = await runCli(['serve', '--corpus', 'no-such-folder', '--port', '0']);
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(/corpus folder not found/);
    expect(c.stderr).not.toMatch(/warning/);
  });

  it('warns when told to bind to anything but loopback', async () => {
    // The missing corpus stops it before anything is bound.
    const r = await runCli(['serve', '--host', '0.0.0.0', '--corpus', 'no-such-folder']);
    expect(r.stderr).toMatch(/warning: binding to 0\.0\.0\.0, not loopback/);
    expect(r.code).toBe(1);
  });

  it.skipIf(!existsSync(CLI))('prints the URL, serves the page and the API, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--corpus', corpus.dir], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${err}`)), 20_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`exited early (${code}): ${err}`)));
    });
    expect(err).not.toMatch(/warning/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<title>resdiff/);
    const list = (await (await fetch(`${url}api/corpus`)).json()) as { series: unknown[] };
    expect(list.series.length).toBeGreaterThan(0);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(err).toMatch(/SIGTERM, closing the server/);
  }, 30_000);
});
