/**
 * `resdiff history V1 … Vn [--format text|json|html] [--series ID] [--corpus DIR] [--output FILE]`
 */
import { Option, type Command } from 'commander';
import type { Io } from '../io.js';
import { choice, corpusOption } from '../options.js';
import type { Resolution } from '../../model/types.js';

/** Options of `history` (and, but for look-back, of `votes`). */
export interface SeriesCliOptions {
  format: string;
  series?: string;
  corpus?: string;
  output?: string;
  color?: boolean;
  lookBack?: string;
}

/** Register the `history` command. */
export function define(program: Command, io: Io): void {
  program
    .command('history')
    .description('align a whole series into clause threads: since when each paragraph is in the text, when it last changed')
    .argument('[versions...]', 'the versions, oldest first: files (Markdown, text, HTML, PDF, DOCX) or corpus references such as 56/2')
    .addOption(choice('--format <format>', 'output format', ['text', 'json', 'html'], 'text'))
    .option('--series <id>', 'take the versions of a corpus series (corpus/series/ID.yaml), ordered by adoption date')
    .addOption(corpusOption())
    .addOption(new Option('--look-back <n>', 'earlier versions searched for language that comes back after a gap').default('10'))
    .option('-o, --output <file>', 'write to a file instead of standard output (written atomically)')
    .option('--no-color', 'no terminal colours')
    .action(async (refs: string[], opts: SeriesCliOptions) => {
      const { buildHistory } = await import('../../diff/history.js');
      const { historyFormats } = await import('../../render/history-formats.js');
      const { InputError } = await import('../../errors.js');
      const { useColor } = await import('../io.js');
      const lookBack = Number(opts.lookBack ?? '10');
      if (!Number.isInteger(lookBack) || lookBack < 0) throw new InputError(`--look-back takes a whole number of versions, not "${opts.lookBack}"`);
      const versions = await loadVersions(refs, opts, io, 2, 'history');
      const format = historyFormats[opts.format];
      const h = buildHistory(versions, { lookBack, detail: format.detail });
      const body = await format.render(h, { color: opts.format === 'text' && !opts.output && useColor(io, opts.color) });
      await emit(body, opts, io);
    });
}

/**
 * The versions a series command works on: the references given, or a corpus series.
 *
 * @param refs files or corpus references, oldest first
 * @param min the fewest versions the command can use
 * @param command the command's name, for messages
 */
export async function loadVersions(refs: string[], opts: SeriesCliOptions, io: Io, min: number, command: string): Promise<Resolution[]> {
  const { loadResolution } = await import('../../corpus/load.js');
  const { InputError } = await import('../../errors.js');
  const { printWarnings } = await import('../io.js');
  let paths = refs;
  if (opts.series !== undefined) {
    if (refs.length) throw new InputError(`give the versions or --series, not both`);
    const { defaultCorpusDir, listSeries } = await import('../../corpus/index.js');
    const dir = opts.corpus ?? defaultCorpusDir();
    const all = listSeries(dir);
    const s = all.find((x) => x.id === opts.series);
    if (!s) throw new InputError(`no series "${opts.series}" in the corpus (known: ${all.map((x) => x.id).join(', ') || 'none'})`, dir);
    paths = s.versions.map((e) => e.path);
    if (paths.length < min) throw new InputError(`${command} needs at least ${min === 2 ? 'two versions' : `${min} version`}; the corpus holds ${paths.length} of series "${s.id}"`);
  }
  if (paths.length < min) throw new InputError(min === 2 ? `${command} needs at least two versions` : `${command} needs at least one version (or --series ID)`);
  const versions = await Promise.all(paths.map((p) => loadResolution(p, { cwd: io.cwd, corpusDir: opts.corpus })));
  if (opts.format !== 'json') printWarnings(io, versions.flatMap((r) => r.warnings));
  return versions;
}

/** Write the output to stdout or, atomically, to --output. */
export async function emit(body: string, opts: SeriesCliOptions, io: Io): Promise<void> {
  if (opts.output) {
    const { writeFileAtomic } = await import('../io.js');
    const path = writeFileAtomic(io.cwd, opts.output, body);
    io.stderr(`resdiff: wrote ${path}\n`);
  } else io.stdout(body);
}
