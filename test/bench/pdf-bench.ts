/**
 * PDF timing: one comparison cold (browser launch included) and a batch of ten through one
 * browser, on the bundled comparison (example-2022 → 56/2). Targets: cold ≤ 3 s, ten ≤ 2× one.
 * The CLI rows are whole processes, one and ten alternated run by run (so both see the same
 * load); the ratio is of the medians, and the median of the runs' own ratios is printed beside
 * it, with the load average, since the machine may be shared.
 *
 * Run: npm run build && node dist/test/bench/pdf-bench.js [runs]   (default 5)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os, { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadResolution } from '../../src/corpus/load.js';
import { compare } from '../../src/diff/compare.js';
import { PdfRenderer } from '../../src/render/pdf.js';
import { CLI, ROOT } from '../support/paths.js';

const runs = Number(process.argv[2] ?? 5);
const c = compare(await loadResolution('example-2022', { cwd: ROOT }), await loadResolution('56/2', { cwd: ROOT }));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`load average at start: ${load()} (1, 5, 15 min; ${os.availableParallelism()} CPUs)`);
const cold: number[] = [];
const ten: number[] = [];
const seq: number[] = [];
const perExtra: number[] = [];
for (let i = 0; i < runs; i++) {
  let t = performance.now();
  let r = await PdfRenderer.launch();
  await r.render(c);
  cold.push(performance.now() - t);
  await r.close();

  t = performance.now();
  r = await PdfRenderer.launch();
  await r.renderAll(Array.from({ length: 10 }, () => c), {}, 1);
  seq.push(performance.now() - t);
  await r.close();

  t = performance.now();
  r = await PdfRenderer.launch();
  await r.renderAll(Array.from({ length: 10 }, () => c));
  const total = performance.now() - t;
  ten.push(total);
  perExtra.push((total - cold[cold.length - 1]!) / 9);
  await r.close();
}
const one = median(cold);
const batch = median(ten);
console.log(`PDF, bundled comparison (${c.pairs.length} pairs), median of ${runs} runs:`);
console.log(`  one document cold (launch included): ${(one / 1000).toFixed(2)} s   (target ≤ 3 s)`);
console.log(`  ten documents, one browser, 3 pages: ${(batch / 1000).toFixed(2)} s   = ${(batch / one).toFixed(2)}× one (in one process; the ≤ 2× target is on whole processes, below)`);
console.log(`  ten documents, one at a time:        ${(median(seq) / 1000).toFixed(2)} s   = ${(median(seq) / one).toFixed(2)}× one`);
console.log(`  per extra document in the batch:     ${(median(perExtra) / 1000).toFixed(2)} s`);

// The same through the CLI, as a user runs it: a fresh process each time (Node start, reading
// and comparing both versions, browser launch, printing, atomic write).
const tmp = mkdtempSync(join(tmpdir(), 'resdiff-bench-'));
const pairs = join(tmp, 'ten.txt');
writeFileSync(pairs, Array.from({ length: 10 }, (_, i) => `example-2022 56/2 ${join(tmp, `o${i}.pdf`)}`).join('\n'));
const cli = (args: string[]) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(r.stderr || String(r.error));
  return performance.now() - t;
};
const cliOne: number[] = [];
const cliTen: number[] = [];
for (let i = 0; i < runs; i++) {
  cliOne.push(cli(['compare', 'example-2022', '56/2', '--format', 'pdf', '--output', join(tmp, 'one.pdf')]));
  cliTen.push(cli(['compare', '--pairs', pairs, '--format', 'pdf']));
}
console.log(`CLI (resdiff compare --format pdf), median of ${runs} runs:`);
console.log(`  one comparison, cold process:        ${(median(cliOne) / 1000).toFixed(2)} s   (target ≤ 3 s)`);
console.log(`  ten comparisons, --pairs:            ${(median(cliTen) / 1000).toFixed(2)} s   = ${(median(cliTen) / median(cliOne)).toFixed(2)}× one (target ≤ 2×)`);
console.log(`  runs' own ratios (ten / one):        ${cliTen.map((t, i) => (t / cliOne[i]!).toFixed(2)).join(' ')}   median ${median(cliTen.map((t, i) => t / cliOne[i]!)).toFixed(2)}×`);
console.log(`load average at end: ${load()}`);
