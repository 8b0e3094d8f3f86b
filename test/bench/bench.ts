/**
 * `npm run bench`: how fast resdiff compares, measured honestly.
 *
 * - medians of repeated runs (and the spread), never a single best run;
 * - the machine noted (CPU, cores, load, Node);
 * - a baseline in the same run: `node -e 0` interleaved with the whole CLI process, so a busy
 *   machine slows both alike and the ratio stays meaningful.
 *
 * Workloads: the bundled comparison (constructed example-2022 vs the real 56/2) in-process and as
 * a whole `resdiff compare … --format json` process; a generated series of 100 versions × 70
 * clauses (random edits of 56/2, seeded) compared as a chain. Writes test-output/bench.json.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadResolution } from '../../src/corpus/load.js';
import { compare } from '../../src/diff/compare.js';
import { ingest } from '../../src/ingest/index.js';
import { parseResolution } from '../../src/model/parse.js';
import type { Resolution } from '../../src/model/types.js';
import { CLI, OUT, ROOT } from '../support/paths.js';
import { editable56_2, toMarkdown, type Editable } from '../support/variants.js';
import { rng } from '../fixtures/series/generate.js';

/** Median and spread of timings in ms. */
interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number;
}

function stat(xs: number[]): Stat {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median: round(median), min: round(s[0]), max: round(s[s.length - 1]), runs: s.length };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const WORDS = ['international', 'cooperation', 'solidarity', 'development', 'dialogue', 'capacity-building', 'States', 'mechanisms', 'multilateralism', 'resilience'];

/** Generate a chain of versions: each one is the previous one with a few random edits. */
export function generateSeries(count: number, seed = 42): string[] {
  const r = rng(seed);
  let e: Editable = editable56_2();
  const out: string[] = [];
  for (let v = 0; v < count; v++) {
    e = { pps: [...e.pps], ops: [...e.ops] };
    const edits = 1 + Math.floor(r() * 4);
    for (let k = 0; k < edits; k++) {
      const list = r() < 0.5 ? e.pps : e.ops;
      const i = Math.floor(r() * list.length);
      const x = r();
      if (x < 0.5) list[i] = list[i].replace(/ the /, ` the ${WORDS[Math.floor(r() * WORDS.length)]} `);
      else if (x < 0.65 && list.length > 30) list.splice(i, 1);
      else if (x < 0.8) list.splice(i, 0, `${list === e.pps ? '*Noting*' : '*Notes*'} the generated paragraph ${v}.${k} on ${WORDS[Math.floor(r() * WORDS.length)]} and ${WORDS[Math.floor(r() * WORDS.length)]}${list === e.pps ? ',' : ';'}`);
      else list.splice(Math.floor(r() * list.length), 0, list.splice(i, 1)[0]);
    }
    out.push(toMarkdown(e, `generated version ${v}`));
  }
  return out;
}

async function parseAll(texts: string[]): Promise<Resolution[]> {
  return Promise.all(texts.map(async (t, i) => parseResolution(await ingest(Buffer.from(t), `generated-${i}.md`))));
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const N = quick ? 5 : 21;
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    date: new Date().toISOString(),
  };
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.loadAverage.join(' ')}`);

  // 1. In-process, the bundled comparison.
  const parseTimes: number[] = [];
  const compareTimes: number[] = [];
  for (let i = 0; i < N; i++) {
    let a!: Resolution;
    let b!: Resolution;
    parseTimes.push(await time(async () => {
      a = await loadResolution('example-2022', { cache: false });
      b = await loadResolution('56/2', { cache: false });
    }));
    compareTimes.push(await time(() => compare(a, b)));
  }

  // 2. Whole processes, interleaved with the baseline.
  // The parse cache goes to a fresh folder: the first run fills it, the measured runs use it;
  // the uncached runs turn it off, so both figures are shown.
  const cacheDir = mkdtempSync(join(tmpdir(), 'resdiff-bench-cache-'));
  const proc = (args: string[], cache = true) => {
    const env = { ...process.env, RESDIFF_CACHE_DIR: cacheDir, RESDIFF_CACHE: cache ? '1' : '0' };
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    return performance.now() - t0;
  };
  const baseline: number[] = [];
  const cli: number[] = [];
  const cliUncached: number[] = [];
  const show: number[] = [];
  const compareArgs = [CLI, 'compare', 'example-2022', '56/2', '--format', 'json'];
  proc(compareArgs); // fills the cache
  for (let i = 0; i < N; i++) {
    baseline.push(proc(['-e', '0']));
    cli.push(proc(compareArgs));
    cliUncached.push(proc(compareArgs, false));
    show.push(proc([CLI, 'show', '56/2', '--format', 'json'], false));
  }
  rmSync(cacheDir, { recursive: true, force: true });

  // 3. A generated series compared as a chain.
  const texts = generateSeries(100);
  const versions = await parseAll(texts);
  const chain: number[] = [];
  const chainRuns = quick ? 1 : 3;
  for (let k = 0; k < chainRuns; k++) {
    chain.push(await time(() => {
      for (let v = 1; v < versions.length; v++) compare(versions[v - 1], versions[v]);
    }));
  }
  const clauses = Math.round(versions.reduce((n, r) => n + r.clauses.length, 0) / versions.length);

  const results = {
    machine,
    inProcess: { parseBoth: stat(parseTimes), compare: stat(compareTimes) },
    process: { nodeBaseline: stat(baseline), compareJson: stat(cli), compareJsonUncached: stat(cliUncached), showJsonUncached: stat(show) },
    ratio: round(stat(cli).median / stat(baseline).median),
    ratioUncached: round(stat(cliUncached).median / stat(baseline).median),
    chain: { versions: versions.length, clausesPerVersion: clauses, total: stat(chain), perCompare: round(stat(chain).median / (versions.length - 1)) },
  };
  const row = (name: string, s: Stat) => `| ${name} | ${s.median} | ${s.min}–${s.max} | ${s.runs} |`;
  console.log('\n| measurement (ms) | median | range | runs |\n| --- | ---: | ---: | ---: |');
  console.log(row('in-process: parse example-2022 + 56/2 (no cache)', results.inProcess.parseBoth));
  console.log(row('in-process: compare (align + diff)', results.inProcess.compare));
  console.log(row('process: `node -e 0` (baseline)', results.process.nodeBaseline));
  console.log(row('process: `resdiff compare example-2022 56/2 --format json` (parse cache warm)', results.process.compareJson));
  console.log(row('process: the same, parse cache off (both texts parsed)', results.process.compareJsonUncached));
  console.log(row('process: `resdiff show 56/2 --format json`, cache off', results.process.showJsonUncached));
  console.log(row(`in-process: chain of ${versions.length} versions × ${clauses} clauses (${versions.length - 1} compares)`, results.chain.total));
  console.log(`\ncompare process / node -e 0 = ${results.ratio}× with the parse cache, ${results.ratioUncached}× without (target ≤ 3×); chain: ${results.chain.perCompare} ms per compare`);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(2);
  });
}
