/**
 * A bounded load test on loopback: 500 comparison requests (JSON) at 50 connections against the
 * server on 127.0.0.1, as configured by default (recent comparisons kept) and with the comparison
 * cache off (every request aligns and diffs the two texts). No errors, no non-2xx answers; the
 * latencies go to test-output/load.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { afterAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { OUT } from '../support/paths.js';
import { testCorpus } from '../server/corpus-fixture.js';

const corpus = testCorpus();
const servers: RunningServer[] = [];
const report: Record<string, unknown> = {
  requests: 500,
  connections: 50,
  path: `/api/compare?old=${corpus.oldRef}&new=${corpus.newRef}&format=json`,
  machine: { cpus: cpus().length, node: process.version },
  date: new Date().toISOString(),
};

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'load.json'), `${JSON.stringify(report, null, 2)}\n`);
});

async function load(name: string, compareCacheSize: number) {
  const server = await startServer({ port: 0, host: '127.0.0.1', corpusDir: corpus.dir, compareCacheSize, log: (m) => console.error(m) });
  servers.push(server);
  const url = `${server.url}${String(report.path).slice(1)}`;
  expect(new URL(url).hostname).toBe('127.0.0.1');
  // One request first: the server parses each corpus version once and keeps it.
  expect((await fetch(url)).status).toBe(200);
  const r = await autocannon({ url, connections: 50, amount: 500, timeout: 30 });
  report[name] = {
    '2xx': r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: r.latency.mean },
    requestsPerSecond: r.requests.average,
    durationSeconds: r.duration,
  };
  console.log(`load (${name}): ${r['2xx']} × 2xx, p99 ${r.latency.p99} ms, ${Math.round(r.requests.average)} req/s`);
  expect(r.errors).toBe(0);
  expect(r.timeouts).toBe(0);
  expect(r.non2xx).toBe(0);
  expect(r['2xx']).toBe(500);
}

it('answers 500 comparisons at concurrency 50 without an error (default server)', () => load('default', 16), 120_000);

it('answers 500 comparisons at concurrency 50 without an error (comparison cache off)', () => load('uncached', 0), 120_000);
