/**
 * `resdiff compare OLD NEW [--format text|json|unified|…] [--all] [--output FILE]`
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
  style?: 'resdiff' | 'diff2html';
}

/** Register the `compare` command. */
export function define(program: Command, io: Io): void {
  program
    .command('compare')
    .description('align two versions clause by clause and show what changed')
    .argument('<old>', 'the earlier version: a file (Markdown, text, PDF, DOCX) or a corpus reference such as 56/2')
    .argument('<new>', 'the later version')
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(compareFormats)).default('text'))
    .option('--all', 'show unchanged clauses too (text format)')
    .option('-o, --output <file>', 'write to a file instead of standard output (written atomically)')
    .addOption(corpusOption())
    .option('--no-color', 'no terminal colours')
    .action(async (oldRef: string, newRef: string, opts: CompareCliOptions) => {
      await runCompare(oldRef, newRef, opts, io);
    });
}

/** Load both versions, compare, render, write. */
export async function runCompare(oldRef: string, newRef: string, opts: CompareCliOptions, io: Io): Promise<void> {
  const { loadResolution } = await import('../../corpus/load.js');
  const { compare } = await import('../../diff/compare.js');
  const { useColor, printWarning, writeFileAtomic } = await import('../io.js');
  const { InputError } = await import('../../errors.js');
  const format = compareFormats[opts.format];
  if (format.binary && !opts.output) throw new InputError(`--format ${opts.format} writes a binary file: give --output FILE`);
  const [a, b] = await Promise.all([
    loadResolution(oldRef, { cwd: io.cwd, corpusDir: opts.corpus }),
    loadResolution(newRef, { cwd: io.cwd, corpusDir: opts.corpus }),
  ]);
  const c = compare(a, b);
  if (opts.format !== 'json') for (const w of c.warnings ?? []) printWarning(io, w);
  const toTerminal = !opts.output && io.isTTY;
  const body = await format.render(c, {
    color: opts.format === 'text' && !opts.output && useColor(io, opts.color),
    width: toTerminal ? Math.min(io.columns ?? 100, 110) : 0,
    all: opts.all,
    layout: opts.layout,
    style: opts.style,
  });
  if (opts.output) {
    const path = writeFileAtomic(io.cwd, opts.output, body);
    io.stderr(`resdiff: wrote ${path}\n`);
  } else io.stdout(body);
}
