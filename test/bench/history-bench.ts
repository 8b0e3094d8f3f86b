/**
 * Benchmark of `resdiff history` as a whole process: generated series of 10, 50 and 100 versions
 * (~70 clauses each; the wording of 56/2 with random edits, CONSTRUCTED FOR TESTS) written to a
 * temporary folder, then `node dist/src/cli/main.js history … --format json` timed, median of
 * repeated runs. Markdown files (the corpus format) and plain-text files are both measured.
 *
 *   npx tsc -p tsconfig.json && node dist/test/bench/history-bench.js [runs]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseClauses, clauseText, numbered, randomSeries, toMarkdown, type GenVersion } from '../fixtures/series/generate.js';
import { CLI } from '../support/paths.js';

const runs = Number(process.argv[2] ?? 5);
const sizes = [10, 50, 100];

/** The same version as plain text (what copying out of a PDF gives). */
function toText(v: GenVersion): string {
  const lines = ['Human Rights Council', '', 'Agenda item 3', '', `${v.symbol}. Enhancement of international cooperation in the field of human rights (constructed for tests)`, '', 'The Human Rights Council,', ''];
  for (const c of numbered(v.clauses)) lines.push(c.kind === 'PP' ? clauseText(c, false) : `${c.number}. ${clauseText(c, c.last)}`, '');
  lines.push('30th meeting', '', '[Adopted without a vote.]', '');
  return lines.join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const { clauses } = await baseClauses();
const dir = mkdtempSync(join(tmpdir(), 'resdiff-history-bench-'));
try {
  const series = randomSeries(clauses, Math.max(...sizes), 42, 6);
  const avg = series.reduce((n, v) => n + v.clauses.length, 0) / series.length;
  const files: Record<'md' | 'txt', string[]> = { md: [], txt: [] };
  series.forEach((v, k) => {
    const name = `v${String(k + 1).padStart(3, '0')}`;
    writeFileSync(join(dir, `${name}.md`), toMarkdown(v, 'CONSTRUCTED FOR TESTS (benchmark): the wording of 56/2 with random edits.'));
    writeFileSync(join(dir, `${name}.txt`), toText(v));
    files.md.push(join(dir, `${name}.md`));
    files.txt.push(join(dir, `${name}.txt`));
  });
  console.log(`history benchmark: ${series.length} generated versions, ${avg.toFixed(1)} clauses on average; median of ${runs} runs, whole process (node ${process.version})`);
  for (const ext of ['md', 'txt'] as const) {
    for (const n of sizes) {
      const times: number[] = [];
      let threads = 0;
      for (let r = 0; r < runs; r++) {
        const t0 = performance.now();
        const p = spawnSync(process.execPath, [CLI, 'history', ...files[ext].slice(0, n), '--format', 'json'], { maxBuffer: 256 * 1024 * 1024 });
        times.push(performance.now() - t0);
        if (p.status !== 0) throw new Error(`history failed: ${p.stderr.toString()}`);
        threads = (JSON.parse(p.stdout.toString()) as { threads: unknown[] }).threads.length;
      }
      const m = median(times);
      console.log(`  ${ext.padEnd(3)} ${String(n).padStart(3)} versions: ${m.toFixed(0).padStart(5)} ms  (${(m / n).toFixed(1)} ms/version, ${threads} threads)`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
