/**
 * `resdiff votes V1 … Vn [--format text|json|html] [--series ID] [--corpus DIR] [--output FILE]`
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { choice, corpusOption } from '../options.js';
import type { SeriesCliOptions } from './history.js';

/** Register the `votes` command. */
export function define(program: Command, io: Io): void {
  program
    .command('votes')
    .description('per country, its vote in each version, with changes and totals')
    .argument('[versions...]', 'the versions, oldest first: files or corpus references such as 56/2')
    .addOption(choice('--format <format>', 'output format', ['text', 'json', 'html'], 'text'))
    .option('--series <id>', 'take the versions of a corpus series, ordered by adoption date')
    .addOption(corpusOption())
    .option('-o, --output <file>', 'write to a file instead of standard output (written atomically)')
    .option('--no-color', 'no terminal colours')
    .action(async (refs: string[], opts: SeriesCliOptions) => {
      const { loadVersions, emit } = await import('./history.js');
      const { buildVoteTable } = await import('../../align/votes.js');
      const { votesFormats } = await import('../../render/history-formats.js');
      const { useColor } = await import('../io.js');
      const versions = await loadVersions(refs, opts, io, 1, 'votes');
      const body = await votesFormats[opts.format].render(buildVoteTable(versions), { color: opts.format === 'text' && !opts.output && useColor(io, opts.color) });
      await emit(body, opts, io);
    });
}
