/**
 * `resdiff index [--corpus DIR]`: rebuild the corpus index from scratch (every command that
 * needs it keeps it up to date by itself; this is for a fresh start), with a progress bar.
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { corpusOption } from '../options.js';

/** Register the `index` command. */
export function define(program: Command, io: Io): void {
  program
    .command('index')
    .description('rebuild the search index of the corpus (kept up to date by search and compare --provenance anyway)')
    .addOption(corpusOption())
    .action(async (opts: { corpus?: string }) => {
      const { openCliIndex } = await import('./search.js');
      const started = Date.now();
      const index = await openCliIndex(io, opts.corpus, true);
      try {
        const s = index.stats();
        const where = index.path === ':memory:' ? 'in memory only' : index.path;
        const size = s.bytes ? `, ${(s.bytes / 1048576).toFixed(1)} MB` : '';
        io.stderr(`resdiff: indexed ${s.documents} document${s.documents === 1 ? '' : 's'}, ${s.clauses} clauses in ${((Date.now() - started) / 1000).toFixed(1)} s (${where}${size})\n`);
      } finally {
        index.close();
      }
    });
}
