/**
 * `resdiff compare OLD NEW [--format text|json|unified|html|pdf|docx] [--all] [--output FILE]
 *  [--layout inline|side-by-side] [--style resdiff|diff2html]`, or `resdiff compare --pairs FILE`
 *  for a batch in one process (each line `OLD NEW OUTPUT`, any format: --format, or else the
 *  OUTPUT's extension; each version read once, PDFs share one browser).
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
  /** --pairs without --format: each line's format comes from its OUTPUT's extension. */
  formatFromOutput?: boolean;
}

/** Register the `compare` command. */
export function define(program: Command, io: Io): void {
  program
    .command('compare')
    .description('align two versions clause by clause and show what changed')
    .argument('[old]', 'the earlier version: a file (Markdown, text, HTML, PDF, DOCX) or a corpus reference such as 56/2')
    .argument('[new]', 'the later version')
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(compareFormats)).default('text'))
    .option('--all', 'show unchanged clauses too (text format)')
    .option('-o, --output <file>', 'write to a file instead of standard output (written atomically; required for pdf and docx)')
    .addOption(new Option('--layout <layout>', 'html/pdf: one text with the changes marked, or old and new side by side').choices(['inline', 'side-by-side']))
    .addOption(
      new Option('--style <style>', "html/pdf: 'resdiff' (colour redline), 'un' (the UN's convention for revised texts: insertions bold, deletions struck through, black only), or 'diff2html' (a developer view of the unified patch, not a redline to send)").choices(['resdiff', 'un', 'diff2html']),
    )
    .option('--changes-only', 'html/pdf: fold unchanged clauses to one line each (id and opening)')
    .option('--pairs <file>', 'compare a batch in one process: each line "OLD NEW OUTPUT"; the format is --format, or else the OUTPUT\'s extension (.txt .json .diff .html .pdf .docx); one browser for all PDFs')
    .addOption(corpusOption())
    .option('--provenance', 'note under each new or changed clause the earlier corpus documents that already contain its new wording (6+ words)')
    .option('--no-color', 'no terminal colours')
    .action(async (oldRef: string | undefined, newRef: string | undefined, opts: CompareCliOptions, cmd: Command) => {
      const { InputError } = await import('../../errors.js');
      const format = compareFormats[opts.format];
      try {
        if (opts.pairs) {
          if (oldRef !== undefined || opts.output) throw new InputError('--pairs takes the versions and outputs from its file: give no OLD NEW or --output');
          await runPairs(opts.pairs, { ...opts, formatFromOutput: cmd.getOptionValueSource('format') === 'default' }, io);
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
  const { InputError } = await import('../../errors.js');
  if (compareFormats[opts.format]!.binary && !opts.output) throw new InputError(`--format ${opts.format} writes a binary file: give --output FILE`);
  compareFormats[opts.format]!.prepare?.({ env: io.env });
  await renderComparison(await comparePair(oldRef, newRef, opts, io), opts, io);
}

/** A comparison with the two versions it was made from. */
interface Compared {
  c: import('../../diff/types.js').Comparison;
  a: import('../../model/types.js').Resolution;
  b: import('../../model/types.js').Resolution;
}

/** What a batch has read and compared already: each version is read once, each pair compared once. */
interface BatchMemo {
  versions: Map<string, Promise<{ resolution: import('../../model/types.js').Resolution; key: string }>>;
  comparisons: Map<string, Promise<Compared>>;
}

/** Load both versions (once per batch) and compare them (once per batch and pair). */
async function comparePair(oldRef: string, newRef: string, opts: CompareCliOptions, io: Io, memo?: BatchMemo): Promise<Compared> {
  const { loadVersion } = await import('../../corpus/load.js');
  const { compare, withVersions } = await import('../../diff/compare.js');
  const { cacheDir, comparisonKey, readCachedComparison, writeCachedComparison } = await import('../../corpus/cache.js');
  const load = (ref: string) => {
    let r = memo?.versions.get(ref);
    if (!r) {
      r = loadVersion(ref, { cwd: io.cwd, corpusDir: opts.corpus });
      memo?.versions.set(ref, r);
    }
    return r;
  };
  const key = `${oldRef}\0${newRef}`;
  let done = memo?.comparisons.get(key);
  if (!done) {
    done = Promise.all([load(oldRef), load(newRef)]).then(async ([va, vb]) => {
      const [a, b] = [va.resolution, vb.resolution];
      // The same two files compared before (the comparison cache, beside the parse cache;
      // RESDIFF_COMPARISON_CACHE=0 turns it off alone, RESDIFF_CACHE=0 both).
      // (`dir` is null when off: an undefined argument would mean "the default folder".)
      const dir = io.env.RESDIFF_COMPARISON_CACHE === '0' ? null : cacheDir();
      const ck = comparisonKey(va.key, vb.key);
      const cached = dir ? readCachedComparison(ck, dir) : undefined;
      let c: import('../../diff/types.js').Comparison;
      if (cached) c = withVersions(cached, a, b);
      else {
        c = compare(a, b);
        if (dir) writeCachedComparison(ck, c, dir);
      }
      if (opts.provenance) await (await import('./search.js')).addCliProvenance(c, io, opts.corpus);
      return { c, a, b };
    });
    memo?.comparisons.set(key, done);
  }
  return done;
}

/** Render a comparison in opts.format and write it to opts.output or standard output. */
async function renderComparison({ c, a, b }: Compared, opts: CompareCliOptions, io: Io, warn = true): Promise<void> {
  const { useColor, printWarnings, writeFileAtomic } = await import('../io.js');
  const { InputError } = await import('../../errors.js');
  const format = compareFormats[opts.format];
  if (format.binary && !opts.output) throw new InputError(`--format ${opts.format} writes a binary file: give --output FILE`);
  const { VERSION } = await import('../../render/index.js');
  if (warn && opts.format !== 'json') printWarnings(io, c.warnings ?? []);
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

/**
 * The format of a batch line: --format when given, else the OUTPUT's extension (each format's
 * `ext`, or the aliases .patch, .htm, .text), else --format's default.
 */
export function formatForOutput(output: string, opts: Pick<CompareCliOptions, 'format' | 'formatFromOutput'>): string {
  if (!opts.formatFromOutput) return opts.format;
  const ext = /\.([A-Za-z0-9]+)$/.exec(output)?.[1]?.toLowerCase();
  if (!ext) return opts.format;
  const aliases: Record<string, string> = { patch: 'unified', htm: 'html', text: 'text' };
  return Object.entries(compareFormats).find(([, f]) => f.ext === ext)?.[0] ?? aliases[ext] ?? opts.format;
}

/**
 * Compare every pair of a --pairs file in this process, writing each output atomically. Each
 * version is read once and each pair compared once, however many lines name it (a JSON, a PDF
 * and a Word redline of the same pair cost one comparison); PDFs share one browser.
 */
export async function runPairs(pairsFile: string, opts: CompareCliOptions, io: Io): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  const { InputError, isInputError } = await import('../../errors.js');
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, pairsFile), 'utf8');
  } catch (e) {
    throw new InputError(`cannot read the pairs file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, pairsFile);
  }
  const pairs = (await parsePairs(text, pairsFile)).map((p) => ({ ...p, format: formatForOutput(p.output, opts) }));
  const used = new Set(pairs.map((p) => p.format));
  for (const f of used) compareFormats[f]?.prepare?.({ env: io.env });
  const memo: BatchMemo = { versions: new Map(), comparisons: new Map() };
  const warned = new Set<string>();
  // A few at a time: while Chromium prints one PDF, the next comparison is read and aligned.
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (next < pairs.length && failed === undefined) {
      const p = pairs[next++]!;
      try {
        const compared = await comparePair(p.old, p.new, opts, io, memo);
        const key = `${p.old}\0${p.new}`;
        const warn = !warned.has(key) && p.format !== 'json';
        if (warn) warned.add(key);
        await renderComparison(compared, { ...opts, format: p.format, output: p.output }, io, warn);
      } catch (e) {
        // A problem with one line names the batch file and the line, then what went wrong.
        failed ??= isInputError(e) ? new InputError(e.format(), pairsFile, p.line) : e;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(3, pairs.length) }, worker));
  } finally {
    for (const f of used) await compareFormats[f]?.dispose?.();
  }
  if (failed !== undefined) throw failed;
}
