/**
 * `resdiff compare OLD NEW [--format text|json|unified|html|pdf|docx] [--all] [--output FILE]
 *  [--layout inline|side-by-side] [--style resdiff|diff2html]`, or `resdiff compare --pairs FILE`
 *  for a batch (each line `OLD NEW OUTPUT`; PDFs share one browser).
 */
import { Option, type Command } from 'commander';
import type { Io } from '../io.js';
import { corpusOption } from '../options.js';
import { compareFormats } from '../../render/index.js';

/** Options of `compare`. */
export interface CompareCliOptions {
  format: string;
  all?: boolean;
  output?: string;
  corpus?: string;
  color?: boolean;
  layout?: 'inline' | 'side-by-side';
  style?: 'resdiff' | 'un' | 'diff2html';
  /** html/pdf: unchanged clauses folded to one line. */
  changesOnly?: boolean;
  /** A batch file: one `OLD NEW OUTPUT` per line. */
  pairs?: string;
  /** Look up inserted wording in earlier corpus documents (the corpus index). */
  provenance?: boolean;
}

/** Register the `compare` command. */
export function define(program: Command, io: Io): void {
  program
    .command('compare')
    .description('align two versions clause by clause and show what changed')
    .argument('[old]', 'the earlier version: a file (Markdown, text, PDF, DOCX) or a corpus reference such as 56/2')
    .argument('[new]', 'the later version')
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(compareFormats)).default('text'))
    .option('--all', 'show unchanged clauses too (text format)')
    .option('-o, --output <file>', 'write to a file instead of standard output (written atomically; required for pdf and docx)')
    .addOption(new Option('--layout <layout>', 'html/pdf: one text with the changes marked, or old and new side by side').choices(['inline', 'side-by-side']))
    .addOption(
      new Option('--style <style>', "html/pdf: 'resdiff' (colour redline), 'un' (the UN's convention for revised texts: insertions bold, deletions struck through, black only), or 'diff2html' (a developer view of the unified patch, not a redline to send)").choices(['resdiff', 'un', 'diff2html']),
    )
    .option('--changes-only', 'html/pdf: fold unchanged clauses to one line each (id and opening)')
    .option('--pairs <file>', 'compare a batch: each line "OLD NEW OUTPUT" (one browser for all PDFs)')
    .addOption(corpusOption())
    .option('--provenance', 'note under each new or changed clause the earlier corpus documents that already contain its new wording (6+ words)')
    .option('--no-color', 'no terminal colours')
    .action(async (oldRef: string | undefined, newRef: string | undefined, opts: CompareCliOptions) => {
      const { InputError } = await import('../../errors.js');
      const format = compareFormats[opts.format];
      try {
        if (opts.pairs) {
          if (oldRef !== undefined || opts.output) throw new InputError('--pairs takes the versions and outputs from its file: give no OLD NEW or --output');
          await runPairs(opts.pairs, opts, io);
        } else {
          if (oldRef === undefined || newRef === undefined) throw new InputError('compare needs two versions (OLD NEW), or --pairs FILE');
          await runCompare(oldRef, newRef, opts, io);
        }
      } finally {
        await format.dispose?.();
      }
    });
}

/** Load both versions, compare, render, write. */
export async function runCompare(oldRef: string, newRef: string, opts: CompareCliOptions, io: Io): Promise<void> {
  const { loadResolution } = await import('../../corpus/load.js');
  const { compare } = await import('../../diff/compare.js');
  const { useColor, printWarnings, writeFileAtomic } = await import('../io.js');
  const { InputError } = await import('../../errors.js');
  const format = compareFormats[opts.format];
  if (format.binary && !opts.output) throw new InputError(`--format ${opts.format} writes a binary file: give --output FILE`);
  const [a, b] = await Promise.all([
    loadResolution(oldRef, { cwd: io.cwd, corpusDir: opts.corpus }),
    loadResolution(newRef, { cwd: io.cwd, corpusDir: opts.corpus }),
  ]);
  const c = compare(a, b);
  const { VERSION } = await import('../../render/index.js');
  if (opts.provenance) await (await import('./search.js')).addCliProvenance(c, io, opts.corpus);
  if (opts.format !== 'json') printWarnings(io, c.warnings ?? []);
  const toTerminal = !opts.output && io.isTTY;
  const body = await format.render(c, {
    color: opts.format === 'text' && !opts.output && useColor(io, opts.color),
    width: toTerminal ? Math.min(io.columns ?? 100, 110) : 0,
    all: opts.all,
    layout: opts.layout,
    style: opts.style,
    changesOnly: opts.changesOnly,
    docs: { old: a, new: b },
    version: VERSION,
    env: io.env,
  });
  if (opts.output) {
    const path = writeFileAtomic(io.cwd, opts.output, body);
    io.stderr(`resdiff: wrote ${path}\n`);
  } else io.stdout(body);
}

/** One line of a --pairs file. */
export interface PairsLine {
  old: string;
  new: string;
  output: string;
  line: number;
}

/**
 * Read a --pairs file: one `OLD NEW OUTPUT` per line (whitespace-separated); blank lines and
 * lines starting with # are skipped.
 *
 * @param text the file's contents
 * @param file its name, for error messages
 */
export async function parsePairs(text: string, file: string): Promise<PairsLine[]> {
  const { InputError } = await import('../../errors.js');
  const out: PairsLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const l = raw.trim();
    if (l === '' || l.startsWith('#')) return;
    const fields = l.split(/\s+/);
    if (fields.length !== 3) throw new InputError(`expected "OLD NEW OUTPUT", found ${fields.length} field${fields.length === 1 ? '' : 's'}`, file, i + 1);
    out.push({ old: fields[0]!, new: fields[1]!, output: fields[2]!, line: i + 1 });
  });
  if (out.length === 0) throw new InputError('no pairs in the file (expected lines "OLD NEW OUTPUT")', file);
  return out;
}

/** Compare every pair of a --pairs file, writing each output atomically. */
export async function runPairs(pairsFile: string, opts: CompareCliOptions, io: Io): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  const { InputError } = await import('../../errors.js');
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, pairsFile), 'utf8');
  } catch (e) {
    throw new InputError(`cannot read the pairs file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, pairsFile);
  }
  const pairs = await parsePairs(text, pairsFile);
  // A few at a time: while Chromium prints one PDF, the next comparison is read and aligned.
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (next < pairs.length && failed === undefined) {
      const p = pairs[next++]!;
      try {
        await runCompare(p.old, p.new, { ...opts, output: p.output }, io);
      } catch (e) {
        failed ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(3, pairs.length) }, worker));
  if (failed !== undefined) throw failed;
}
