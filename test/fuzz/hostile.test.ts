/**
 * Generated hostile files (test/fuzz/hostile-files.ts; constructed, none is a UN document) read
 * by the real CLI in a child process: each ends with exit 0 or 1 within a wall-clock limit and a
 * memory bound, never exit 2, a crash or a hang; exit 1 is one line naming the file. Before the
 * limits, these took 30 s to minutes and up to 4 GB each, or killed the process.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as H from './hostile-files.js';
import { runBounded, type BoundedRun } from './run-bounded.js';
import { OUT } from '../support/paths.js';

const dir = join(OUT, 'hostile');
/** Wall-clock limit of one run: the 3 s parse budget set below, plus a slow start on busy cores. */
const LIMIT_MS = 45_000;
/** Peak memory of one run: the worker's 512 MiB heap plus the main thread, with room. */
const MAX_PEAK_MIB = 1100;
/**
 * The parse budget: the default 10 s for files that must end with their own message (on busy
 * cores their read takes a few seconds); 3 s for the shapes that may use it all up.
 */
const BUDGET_S = { normal: '10', short: '3' };

const files = new Map<string, string>();
beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  const make: Record<string, () => Uint8Array | Promise<Uint8Array>> = {
    'start-1e9-letter.docx': () => H.docxHugeStart(1e9, 'lowerLetter'),
    'start-1e11-roman.docx': () => H.docxHugeStart(1e11, 'lowerRoman'),
    'ilvl-1e9.docx': () => H.docxHugeLevel(1e9),
    'zip-bomb-1gib.docx': () => H.docxZipBomb(1024),
    '200k-paragraphs.docx': () => H.docxManyParagraphs(200_000),
    '3mib-text.docx': () => H.docxMuchText(3),
    '60mib-text.docx': () => H.docxMuchText(60),
    'flate-bomb-1gib.pdf': () => H.pdfFlateBomb(1024),
  };
  for (const [name, f] of Object.entries(make)) {
    const path = join(dir, name);
    writeFileSync(path, await f());
    files.set(name, path);
  }
  for (const [name, f] of Object.entries(H.MARKDOWN_SHAPES)) {
    const path = join(dir, `${name}.md`);
    writeFileSync(path, f());
    files.set(name, path);
  }
}, 120_000);

/** `show FILE --format json` within the bounds; the common checks. */
async function show(name: string, budget: keyof typeof BUDGET_S = 'normal'): Promise<BoundedRun> {
  const path = files.get(name)!;
  const r = await runBounded(['show', path, '--format', 'json'], { limitMs: LIMIT_MS, env: { RESDIFF_PARSE_TIMEOUT: BUDGET_S[budget] } });
  expect(r.killed, `${name} was still running after ${LIMIT_MS / 1000} s`).toBe(false);
  expect([0, 1], `${name}: exit ${r.code}: ${r.stderr}`).toContain(r.code);
  expect(r.peakMiB, `${name}: peak memory`).toBeLessThan(MAX_PEAK_MIB);
  if (r.code === 1) {
    expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
    expect(r.stderr).toContain(`resdiff: ${path}`);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  }
  return r;
}

const warnings = (r: BoundedRun) => (JSON.parse(r.stdout) as { warnings: Array<{ message: string }> }).warnings.map((w) => w.message).join('\n');

describe('hostile DOCX files', () => {
  it('a list that starts at 1,000,000,000 (as letters) is read, clamped, with a warning', async () => {
    const r = await show('start-1e9-letter.docx');
    expect(r.code).toBe(0);
    expect(warnings(r)).toMatch(/list numbering starts at 1000000000.*numbered from 9999/);
  });

  it('a list that starts at 1e11 (as roman numerals) is read, clamped, with a warning', async () => {
    const r = await show('start-1e11-roman.docx');
    expect(r.code).toBe(0);
    expect(warnings(r)).toMatch(/starts at 100000000000/);
  });

  it('a paragraph at list level 1,000,000,000 is read as level 8, with a warning', async () => {
    const r = await show('ilvl-1e9.docx');
    expect(r.code).toBe(0);
    expect(warnings(r)).toMatch(/list level of 1000000000 .* read as level 8/);
  });

  it('a zip bomb (document part inflating to 1 GiB) stops at the part limit', async () => {
    const r = await show('zip-bomb-1gib.docx');
    expect(r.stderr).toMatch(/word\/document\.xml inflates to more than 32 MiB/);
  });

  it('200,000 paragraphs are refused at the paragraph limit', async () => {
    expect((await show('200k-paragraphs.docx')).stderr).toMatch(/more than 20,000 paragraphs/);
  });

  it('3 MiB of text is refused at the text limit of a text file', async () => {
    expect((await show('3mib-text.docx')).stderr).toMatch(/more than 2 MiB of text/);
  });

  it('60 MiB of text is refused while inflating', async () => {
    expect((await show('60mib-text.docx')).stderr).toMatch(/inflates to more than/);
  });
});

describe('hostile PDF files', () => {
  it('a flate stream inflating to 1 GiB is refused by the pre-scan', async () => {
    expect((await show('flate-bomb-1gib.pdf')).stderr).toMatch(/compressed streams inflate to more than 128 MiB/);
  });
});

describe('hostile Markdown shapes', () => {
  it('block quotes 5,000 deep: refused with the line, not a stack overflow', async () => {
    expect((await show('deep-quotes')).stderr).toMatch(/:10: block quotes or lists nested 5000 deep/);
  });

  it('lists 5,000 deep: refused with the line', async () => {
    expect((await show('deep-lists')).stderr).toMatch(/:10: block quotes or lists nested 5000 deep/);
  });

  it('100,000 paragraphs: refused before parsing', async () => {
    expect((await show('many-paragraphs')).stderr).toMatch(/100,004 paragraphs, more than a resolution has/);
  });

  it('30,000 YAML anchors in the front matter: refused', async () => {
    expect((await show('yaml-anchors')).stderr).toMatch(/front matter uses 60,000 YAML anchors and aliases/);
  });

  // Shapes remark is super-linear on: read in the bounded worker; done or refused within the budget.
  for (const name of ['lt-runs', 'star-runs', 'setext-runs', 'nested-brackets']) {
    it(`${name}: done or "took longer than 3 s", within the bounds`, async () => {
      const r = await show(name, 'short');
      if (r.code === 1) expect(r.stderr).toMatch(/took longer than 3 s to read|no preambular or operative paragraphs/);
    });
  }
});

describe('size limits say the size exactly', () => {
  it('2,097,174 bytes is not "2.0 MiB" against a 2 MiB limit', async () => {
    const path = join(dir, 'just-over.md');
    writeFileSync(path, `${H.SMALL_RESOLUTION}${'x'.repeat(2_097_174 - Buffer.byteLength(H.SMALL_RESOLUTION))}`);
    const r = await runBounded(['show', path], { limitMs: LIMIT_MS });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`resdiff: ${path}: the file is too large to be one resolution: 2,097,174 bytes, over the 2 MiB limit (2,097,152 bytes)`);
  });
});

describe('YAML tags', () => {
  it('a `!!js/function` tag in front matter is read as data, with no raw YAMLWarning on stderr', async () => {
    const path = join(dir, 'js-function.md');
    writeFileSync(path, `---\nsymbol: !!js/function "function () {}"\nconstructed: true\n---\n${H.SMALL_RESOLUTION}`);
    const r = await runBounded(['show', path, '--format', 'json'], { limitMs: LIMIT_MS });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/YAMLWarning|\(node:\d+\)/);
    expect(JSON.parse(r.stdout).clauses).toHaveLength(3);
  });
});

describe('import reads untrusted files within the same budget', () => {
  it('`import` of a Markdown shape that stalls remark ends at the parse budget with one line, writing nothing', async () => {
    const into = join(dir, 'import-target');
    mkdirSync(into, { recursive: true });
    const path = files.get('star-runs')!;
    const r = await runBounded(['import', path, '--into', into], { limitMs: LIMIT_MS, env: { RESDIFF_PARSE_TIMEOUT: BUDGET_S.short } });
    expect(r.killed, `import was still running after ${LIMIT_MS / 1000} s`).toBe(false);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr.trim()).toMatch(new RegExp(`^resdiff: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: took longer than 3 s to read`));
    expect(readdirSync(into)).toEqual([]);
  });
});
