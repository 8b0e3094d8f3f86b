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
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadResolution } from '../../src/corpus/load.js';
import { compare } from '../../src/diff/compare.js';
import { ingest } from '../../src/ingest/index.js';
import { parseResolution } from '../../src/model/parse.js';
import type { Resolution } from '../../src/model/types.js';
import { CLI, CLI_UNBUNDLED, OUT, ROOT } from '../support/paths.js';
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
  const N = quick ? 5 : Number(process.env.RESDIFF_BENCH_RUNS ?? 15);
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
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

  // 2. Whole processes, each run paired with a `node -e 0` run just before it: the ratio is
  // taken pair by pair, so a machine whose speed drifts (other jobs) moves both alike.
  // The parse cache goes to a fresh folder: the first run fills it, the measured runs use it;
  // the uncached runs turn it off, so both figures are shown.
  const tmp = mkdtempSync(join(tmpdir(), 'resdiff-bench-'));
  const cacheDir = join(tmp, 'cache');
  const peakFile = join(tmp, 'peak.txt');
  const peakHook = join(tmp, 'peak.cjs');
  // Peak memory of a child: its own maxRSS, written at exit by a preloaded hook (Node's only).
  writeFileSync(peakHook, `process.on('exit', () => require('node:fs').appendFileSync(${JSON.stringify(peakFile)}, process.resourceUsage().maxRSS + '\\n'));\n`);
  interface Run {
    args: string[];
    cache?: boolean;
    env?: Record<string, string>;
  }
  const proc = (run: Run, peak = false) => {
    const env: NodeJS.ProcessEnv = { ...process.env, RESDIFF_CACHE_DIR: cacheDir, RESDIFF_CACHE: run.cache === false ? '0' : '1', ...run.env };
    if (peak) env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${peakHook}`.trim();
    const t0 = performance.now();
    const r = spawnSync(process.execPath, run.args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 2 ** 20 });
    if (r.status !== 0) throw new Error(`${run.args.join(' ')} failed: ${r.stderr}`);
    return performance.now() - t0;
  };
  /** Peak resident memory of one run of a command, in MiB. */
  const peakOf = (run: Run): number => {
    rmSync(peakFile, { force: true });
    proc(run, true);
    const kib = Number(readFileSync(peakFile, 'utf8').trim().split('\n').pop());
    return round(kib / 1024);
  };
  // Two Markdown files never seen before: the corpus texts with a word changed at random.
  const nonce = Math.floor(Math.random() * 1e9);
  const heldOut = (name: string, out: string) => {
    const text = readFileSync(join(ROOT, 'corpus', name), 'utf8');
    const at = text.indexOf(' the ', text.indexOf('Council,*'));
    writeFileSync(join(tmp, out), `${text.slice(0, at)} the ${WORDS[nonce % WORDS.length]}-${nonce}${text.slice(at + 4)}`);
    return join(tmp, out);
  };
  const oldFile = heldOut('example-2022.md', 'old.md');
  const newFile = heldOut('A-HRC-RES-56-2.md', 'new.md');
  const heldOutArgs = ['compare', oldFile, newFile, '--format', 'json'];
  const runs: Record<string, Run> = {
    // Rows kept from before the comparison cache measure what they measured then: it is off.
    compareJson: { args: [CLI, 'compare', 'example-2022', '56/2', '--format', 'json'], env: { RESDIFF_COMPARISON_CACHE: '0' } },
    compareJsonUncached: { args: [CLI, 'compare', 'example-2022', '56/2', '--format', 'json'], cache: false },
    showJsonUncached: { args: [CLI, 'show', '56/2', '--format', 'json'], cache: false },
    coldHeldOut: { args: [CLI, ...heldOutArgs], cache: false },
    warmHeldOut: { args: [CLI, ...heldOutArgs], env: { RESDIFF_COMPARISON_CACHE: '0' } },
    warmHeldOutCompared: { args: [CLI, ...heldOutArgs] },
    coldHeldOutNoCodeCache: { args: [CLI, ...heldOutArgs], cache: false, env: { RESDIFF_CODE_CACHE: '0' } },
    coldHeldOutUnbundled: { args: [CLI_UNBUNDLED, ...heldOutArgs], cache: false },
  };
  proc(runs.compareJson); // fills the parse cache
  proc(runs.warmHeldOut);
  proc(runs.warmHeldOutCompared); // fills the comparison cache
  const baseline: number[] = [];
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  const ratios: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  const loadBefore = loadavg()[0];
  for (let i = 0; i < N; i++) {
    for (const [k, run] of Object.entries(runs)) {
      const b = proc({ args: ['-e', '0'] });
      const t = proc(run);
      baseline.push(b);
      times[k].push(t);
      ratios[k].push(t / b);
    }
  }
  const loadAfter = loadavg()[0];
  const historyFiles = generateSeries(8, nonce).map((t, i) => {
    const f = join(tmp, `history-${i + 1}.md`);
    writeFileSync(f, t);
    return f;
  });
  const peaks = {
    nodeBaseline: peakOf({ args: ['-e', '0'] }),
    compareColdHeldOut: peakOf(runs.coldHeldOut),
    history8: peakOf({ args: [CLI, 'history', ...historyFiles, '--format', 'json'], cache: false }),
    comparePdf: peakOf({ args: [CLI, 'compare', 'example-2022', '56/2', '--format', 'pdf', '-o', join(tmp, 'one.pdf')], cache: false }),
  };
  rmSync(tmp, { recursive: true, force: true });

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

  const ratio = (k: string) => stat(ratios[k]!).median;
  const results = {
    machine: { ...machine, loadAverageDuringProcessRuns: [round(loadBefore), round(loadAfter)] },
    inProcess: { parseBoth: stat(parseTimes), compare: stat(compareTimes) },
    process: { nodeBaseline: stat(baseline), ...Object.fromEntries(Object.keys(runs).map((k) => [k, stat(times[k]!)])) } as Record<string, Stat>,
    /** Medians of the per-pair ratios (command / the `node -e 0` run just before it). */
    ratios: Object.fromEntries(Object.keys(runs).map((k) => [k, ratio(k)])) as Record<string, number>,
    ratio: ratio('compareJson'),
    ratioUncached: ratio('compareJsonUncached'),
    peakMiB: peaks,
    chain: { versions: versions.length, clausesPerVersion: clauses, total: stat(chain), perCompare: round(stat(chain).median / (versions.length - 1)) },
  };
  const p = results.process;
  const row = (name: string, s: Stat, k?: string) => `| ${name} | ${s.median} | ${s.min}–${s.max} | ${k ? `${results.ratios[k]}×` : ''} | ${s.runs} |`;
  console.log('\n| measurement (ms) | median | range | ratio to `node -e 0` (median of pairs) | runs |\n| --- | ---: | ---: | ---: | ---: |');
  console.log(row('in-process: parse example-2022 + 56/2 (no cache)', results.inProcess.parseBoth));
  console.log(row('in-process: compare (align + diff)', results.inProcess.compare));
  console.log(row('process: `node -e 0` (baseline)', p.nodeBaseline!));
  console.log(row('process: `resdiff compare example-2022 56/2 --format json` (parse cache warm)', p.compareJson!, 'compareJson'));
  console.log(row('process: the same, parse cache off (corpus texts come parsed with the package)', p.compareJsonUncached!, 'compareJsonUncached'));
  console.log(row('process: `resdiff show 56/2 --format json`, cache off', p.showJsonUncached!, 'showJsonUncached'));
  console.log(row('process: `resdiff compare OLD NEW --format json`, two Markdown files never seen, cache off (cold)', p.coldHeldOut!, 'coldHeldOut'));
  console.log(row('process: the same two files, parse cache warm (comparison cache off)', p.warmHeldOut!, 'warmHeldOut'));
  console.log(row('process: the same two files compared again (parse and comparison cache warm)', p.warmHeldOutCompared!, 'warmHeldOutCompared'));
  console.log(row('process: cold, without the V8 code cache (RESDIFF_CODE_CACHE=0)', p.coldHeldOutNoCodeCache!, 'coldHeldOutNoCodeCache'));
  console.log(row('process: cold, unbundled dist/src/cli/main.js (before the bundle)', p.coldHeldOutUnbundled!, 'coldHeldOutUnbundled'));
  console.log(row(`in-process: chain of ${versions.length} versions × ${clauses} clauses (${versions.length - 1} compares)`, results.chain.total));
  console.log('\n| peak memory (MiB, the Node process) | peak |\n| --- | ---: |');
  console.log(`| \`node -e 0\` | ${peaks.nodeBaseline} |`);
  console.log(`| one comparison (two Markdown files, cold, json) | ${peaks.compareColdHeldOut} |`);
  console.log(`| one history of 8 versions (json) | ${peaks.history8} |`);
  console.log(`| one PDF redline (Node only; Chromium's processes are apart) | ${peaks.comparePdf} |`);
  console.log(`\nload average during the process runs: ${round(loadBefore)} → ${round(loadAfter)} on ${machine.cores} cores`);
  console.log(`compare process / node -e 0 = ${results.ratio}× with the parse cache, ${results.ratioUncached}× without; two files never seen: ${results.ratios.coldHeldOut}× cold (target ≤ 2×), ${results.ratios.warmHeldOut}× with the parse cache warm, ${results.ratios.warmHeldOutCompared}× compared again (target ≤ 1.5× warm); chain: ${results.chain.perCompare} ms per compare`);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(2);
  });
}
