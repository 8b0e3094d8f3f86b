/**
 * Benchmark of the corpus index at scale: a GENERATED corpus (CONSTRUCTED FOR THE BENCHMARK, not
 * UN documents) of N documents × 70 clauses, made here from the bundled texts (56/2 and the
 * constructed example-2022) with word-level variation: each clause of each document has a few of
 * its words replaced by other words of the corpus, dropped or repeated, and documents are dated
 * across 1990–2024 in 50 series. Measured: index build time and size, phrase and near query time
 * (median and p95 over 200 queries each), provenance for one full comparison (example-2022 →
 * 56/2 against the whole generated corpus), peak memory (max RSS) with the step that reached it and
 * the split of the memory just after (JS heap, buffers, native). At a few sizes on the way, the
 * same queries show how the cost grows with the corpus. Documents are generated as the index takes
 * them, so the peak is the index's and the queries', not a heap of generated text waiting its turn.
 *
 *   npm run build && node dist/test/bench/search-bench.js [documents=5000]
 *
 * runSearchBench() is also run small by test/corpus/search-bench.test.ts (a smoke test, no timings).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openIndex } from '../../src/corpus/search-index.js';
import { addProvenance } from '../../src/corpus/provenance.js';
import { loadResolution } from '../../src/corpus/load.js';
import { compare } from '../../src/diff/compare.js';
import type { Clause, Resolution } from '../../src/model/types.js';
import { CORPUS } from '../support/paths.js';
import { rng } from '../fixtures/series/generate.js';

/** Clauses per generated document. */
const CLAUSES = 70;
/** Documents added per write transaction. */
const BATCH = 250;
/** Queries per kind at the final size (fewer at the checkpoints on the way). */
const QUERIES = 200;

/** What one run measured. */
export interface SearchBenchResult {
  documents: number;
  clauses: number;
  buildMs: number;
  /** The same in CPU time (the machine may be shared: wall time then includes waiting for a core). */
  buildCpuMs: number;
  bytes: number;
  checkpoints: Array<{ documents: number; phrase: Stats & { cpu: Stats }; near: Stats & { cpu: Stats } }>;
  phrase: Stats & { withHits: number; cpu: Stats };
  near: Stats & { withHits: number; cpu: Stats };
  provenanceMs: number;
  provenanceCpuMs: number;
  provenancePairs: number;
  maxRssMb: number;
  /** Where the peak is. */
  memory: MemoryPeak;
}

/** Median and 95th percentile, ms. */
export interface Stats {
  median: number;
  p95: number;
}

/** CPU time of this process, ms (user + system): what a wall clock would show on an idle machine. */
function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Where the peak memory is, MB: the step that set the process's max RSS, and its split just after. */
export interface MemoryPeak {
  /** Max RSS of the process (the peak), MB. */
  maxRssMb: number;
  /** The bench step during which it was reached. */
  step: string;
  /** Just after that step: the RSS then (below the peak when the step's high point was brief) */
  rssMb: number;
  /** of which V8's heap (reserved, and in use including garbage not yet collected). */
  heapTotalMb: number;
  heapUsedMb: number;
  /** Buffers and typed arrays outside the heap. */
  externalMb: number;
  /** The rest of the RSS: native memory (SQLite's page cache and statements, the runtime's own). */
  nativeMb: number;
  /** That native part when the bench started, before the index was opened (Node and the modules loaded). */
  nativeAtStartMb: number;
}

const MB = 2 ** 20;

/**
 * Follows the process's max RSS from step to step: when a step raised it, the step is named and
 * the memory split just after it is kept. The bench is synchronous, so the split is taken between
 * steps; the peak itself (max RSS, from the kernel) includes anything allocated within a step.
 */
class MemoryWatch {
  private peakKb = 0;
  private atStart: number;
  private split: Omit<MemoryPeak, 'maxRssMb' | 'nativeAtStartMb'> = { step: 'start', rssMb: 0, heapTotalMb: 0, heapUsedMb: 0, externalMb: 0, nativeMb: 0 };
  constructor() {
    const m = process.memoryUsage();
    this.atStart = (m.rss - m.heapTotal - m.external) / MB;
    this.note('start');
  }
  note(step: string): void {
    const peak = process.resourceUsage().maxRSS;
    if (peak <= this.peakKb) return;
    this.peakKb = peak;
    const m = process.memoryUsage();
    this.split = { step, rssMb: m.rss / MB, heapTotalMb: m.heapTotal / MB, heapUsedMb: m.heapUsed / MB, externalMb: m.external / MB, nativeMb: (m.rss - m.heapTotal - m.external) / MB };
  }
  peak(): MemoryPeak {
    return { maxRssMb: process.resourceUsage().maxRSS / 1024, ...this.split, nativeAtStartMb: this.atStart };
  }
}

function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

/** The bundled texts' clauses: the material every generated document is made of. */
async function material(): Promise<{ clauses: Clause[]; vocabulary: string[]; old: Resolution; neu: Resolution }> {
  const [old, neu] = await Promise.all(['example-2022', 'A-HRC-RES-56-2'].map((r) => loadResolution(r, { corpusDir: CORPUS })));
  const clauses = [...old.clauses, ...neu.clauses];
  const vocabulary = [...new Set(clauses.flatMap((c) => c.text.split(' ')).filter((w) => /^[a-z]{3,}$/.test(w)))];
  return { clauses, vocabulary, old: old!, neu: neu! };
}

/** One clause with word-level variation: about one word in twenty replaced, dropped or repeated. */
function vary(text: string, rand: () => number, vocabulary: string[]): string {
  const words = text.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const r = rand();
    if (i > 0 && r < 0.03) out.push(vocabulary[Math.floor(rand() * vocabulary.length)]!);
    else if (i > 0 && r < 0.04) continue;
    else if (r < 0.05) out.push(words[i]!, words[i]!);
    else out.push(words[i]!);
  }
  return out.join(' ');
}

/** The generated documents, one at a time. */
function* generate(count: number, m: { clauses: Clause[]; vocabulary: string[] }, seed = 7): Generator<{ name: string; resolution: Resolution }> {
  const rand = rng(seed);
  for (let d = 0; d < count; d++) {
    const series = d % 50;
    const year = 1990 + Math.floor(rand() * 35);
    const day = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const start = Math.floor(rand() * m.clauses.length);
    const clauses: Clause[] = [];
    for (let k = 0; k < CLAUSES; k++) {
      const base = m.clauses[(start + k) % m.clauses.length]!;
      clauses.push({ id: `${k < 30 ? 'PP' : 'OP'}${k < 30 ? k + 1 : k - 29}`, kind: k < 30 ? 'PP' : 'OP', opening: base.opening, text: vary(base.text, rand, m.vocabulary), footnotes: [] });
    }
    yield {
      name: `generated-${d}.md`,
      resolution: {
        symbol: `GEN/${series}/${d}`,
        number: `${series}/${d}`,
        title: `Generated benchmark text ${d} (constructed)`,
        body: 'Human Rights Council',
        session: null,
        adopted: day,
        agendaItem: '3',
        clauses,
        footnotes: {},
        vote: null,
        warnings: [],
        constructed: true,
        series: `generated-${series}`,
      },
    };
  }
}

/**
 * Build an index of `documents` generated documents in a temporary folder and measure it.
 *
 * @param documents corpus size
 * @param checkpoints sizes on the way at which queries are timed too
 */
export async function runSearchBench(documents: number, checkpoints: number[] = [], queries = QUERIES): Promise<SearchBenchResult> {
  const watch = new MemoryWatch();
  const m = await material();
  const dir = mkdtempSync(join(tmpdir(), 'resdiff-search-bench-'));
  const corpusDir = join(dir, 'corpus');
  (await import('node:fs')).mkdirSync(corpusDir);
  const index = await openIndex({ corpusDir, path: join(dir, 'index.sqlite') });
  try {
    const rand = rng(99);
    // Query material: phrases of 3–8 words and whole paragraphs, taken from generated clauses.
    const sample: string[] = [];
    const gen = generate(documents, m);
    const points: SearchBenchResult['checkpoints'] = [];
    let buildMs = 0;
    let buildCpuMs = 0;
    let added = 0;
    const timeQueries = (n: number, label: string) => {
      const phrase: number[] = [];
      const near: number[] = [];
      const phraseCpu: number[] = [];
      const nearCpu: number[] = [];
      let phraseHits = 0;
      let nearHits = 0;
      for (let q = 0; q < n; q++) {
        const text = sample[Math.floor(rand() * sample.length)]!;
        const words = text.split(' ');
        const len = 3 + Math.floor(rand() * 6);
        const from = Math.floor(rand() * Math.max(1, words.length - len));
        const c0 = cpu();
        const t0 = performance.now();
        const r = index.phrase(words.slice(from, from + len).join(' '), { limit: 20 });
        phrase.push(performance.now() - t0);
        phraseCpu.push(cpu() - c0);
        if (r.hits.length) phraseHits++;
        watch.note(`phrase queries ${label}`);
        const para = vary(text, rand, m.vocabulary);
        const c1 = cpu();
        const t1 = performance.now();
        const n2 = index.near(para, { limit: 10 });
        near.push(performance.now() - t1);
        nearCpu.push(cpu() - c1);
        if (n2.hits.length) nearHits++;
        watch.note(`near queries ${label}`);
      }
      return { phrase: { ...stats(phrase), withHits: phraseHits, cpu: stats(phraseCpu) }, near: { ...stats(near), withHits: nearHits, cpu: stats(nearCpu) } };
    };
    // Documents are made as the index takes them (a batch is a generator, not an array), so the
    // bench never holds more than one generated document; the time spent making them is not
    // counted as building.
    let genMs = 0;
    let genCpuMs = 0;
    function* take(n: number): Generator<{ name: string; resolution: Resolution }> {
      for (let i = 0; i < n; i++) {
        const c0 = cpu();
        const t0 = performance.now();
        const next = gen.next();
        if (!next.done && sample.length < 2000 && rand() < 0.5) sample.push(next.value.resolution.clauses[Math.floor(rand() * CLAUSES)]!.text);
        genMs += performance.now() - t0;
        genCpuMs += cpu() - c0;
        if (next.done) return;
        yield next.value;
      }
    }
    while (added < documents) {
      const end = Math.min(documents, added + BATCH, ...checkpoints.filter((c) => c > added));
      const c0 = cpu();
      const t0 = performance.now();
      const [ms0, cpu0] = [genMs, genCpuMs];
      index.addResolutions(take(end - added));
      buildMs += performance.now() - t0 - (genMs - ms0);
      buildCpuMs += cpu() - c0 - (genCpuMs - cpu0);
      added = end;
      watch.note(`building the index (${added} documents)`);
      if (checkpoints.includes(added) && added < documents) {
        const t = timeQueries(Math.min(100, queries), `at ${added} documents`);
        points.push({ documents: added, phrase: t.phrase, near: t.near });
      }
    }
    const c0 = cpu();
    const t0 = performance.now();
    index.optimize();
    buildMs += performance.now() - t0;
    buildCpuMs += cpu() - c0;
    watch.note('merging the full-text segments');
    const final = timeQueries(queries, `at ${documents} documents`);
    // Provenance for one full comparison: the constructed 2022 text against 56/2, with the
    // generated documents (dated up to 2024) as the earlier corpus.
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let pairs = 0;
    for (let r = 0; r < 5; r++) {
      const c = compare(m.old, m.neu);
      const c0 = cpu();
      const t = performance.now();
      pairs = addProvenance(c, index);
      times.push(performance.now() - t);
      cpuTimes.push(cpu() - c0);
      watch.note('provenance');
    }
    const s = index.stats();
    return {
      documents,
      clauses: s.clauses,
      buildMs,
      buildCpuMs,
      bytes: s.bytes,
      checkpoints: points,
      phrase: final.phrase,
      near: final.near,
      provenanceMs: stats(times).median,
      provenanceCpuMs: stats(cpuTimes).median,
      provenancePairs: pairs,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      memory: watch.peak(),
    };
  } finally {
    index.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const documents = Number(process.argv[2] ?? 5000);
  const checkpoints = [500, 1000, 2500].filter((n) => n < documents);
  console.log(
    `search benchmark: ${documents} GENERATED documents × ${CLAUSES} clauses (the bundled texts with word-level variation; constructed, not UN documents)\n` +
      `machine: ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  );
  const r = await runSearchBench(documents, checkpoints);
  const f = (s: Stats) => `median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`;
  const load = (await import('node:os')).loadavg()[0]!;
  console.log(`load average at the end: ${load.toFixed(1)} (wall times include waiting for a core; CPU times are this process's own)`);
  for (const p of r.checkpoints) console.log(`  at ${String(p.documents).padStart(5)} documents: phrase CPU ${f(p.phrase.cpu)}; near CPU ${f(p.near.cpu)}`);
  console.log(`  index build: ${(r.buildMs / 1000).toFixed(1)} s wall, ${(r.buildCpuMs / 1000).toFixed(1)} s CPU, for ${r.clauses} clauses; file ${(r.bytes / 2 ** 20).toFixed(0)} MB`);
  console.log(`  phrase query (${QUERIES}, 3–8 words): wall ${f(r.phrase)}; CPU ${f(r.phrase.cpu)} (${r.phrase.withHits} with hits)`);
  console.log(`  near query (${QUERIES}, whole paragraphs): wall ${f(r.near)}; CPU ${f(r.near.cpu)} (${r.near.withHits} with hits)`);
  console.log(`  provenance, one full comparison (example-2022 → 56/2): ${r.provenanceMs.toFixed(0)} ms wall, ${r.provenanceCpuMs.toFixed(0)} ms CPU (${r.provenancePairs} pairs with sources)`);
  const p = r.memory;
  const mb = (n: number) => `${n.toFixed(0)} MB`;
  console.log(`  peak memory (max RSS): ${mb(r.maxRssMb)}, reached during: ${p.step}`);
  console.log(
    `    just after it: RSS ${mb(p.rssMb)} = JS heap ${mb(p.heapTotalMb)} (${mb(p.heapUsedMb)} in use) + buffers ${mb(p.externalMb)} + native ${mb(p.nativeMb)} ` +
      `(${mb(p.nativeAtStartMb)} of it Node and the modules at start; the rest mostly SQLite: its page cache, capped at 32 MB, and statements)`,
  );
}
