/**
 * `resdiff search TEXT [--near] [--clause REF:ID] [--format text|json] [--series ID]
 *  [--since YEAR] [--limit N]`: where wording is in the corpus. A phrase is found ignoring case,
 * punctuation, footnote markers and layout, earliest first; `--near` ranks clauses by the
 * aligner's similarity to a whole paragraph (TEXT, or a corpus clause given by --clause).
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { choice, corpusOption } from '../options.js';
import type { CorpusIndex } from '../../corpus/search-index.js';
import type { Comparison } from '../../diff/types.js';

/** Options of `search`. */
interface SearchCliOptions {
  format: 'text' | 'json';
  near?: boolean;
  clause?: string;
  series?: string;
  since?: string;
  limit: string;
  corpus?: string;
  color?: boolean;
}

/** Register the `search` command. */
export function define(program: Command, io: Io): void {
  program
    .command('search')
    .description('find where wording is in the corpus: a phrase, earliest first ("first agreed in"), or --near a whole paragraph')
    .argument('[text...]', 'the phrase (or, with --near, the paragraph) to look for')
    .option('--near', 'rank clauses by similarity to TEXT as a whole paragraph (the aligner\'s measure)')
    .option('--clause <ref:id>', 'near search from a corpus clause, e.g. 56/2:OP12')
    .addOption(choice('--format <format>', 'output format', ['text', 'json'], 'text'))
    .option('--series <id>', 'only this series')
    .option('--since <year>', 'only documents adopted in or after this year')
    .option('--limit <n>', 'at most this many clauses', '20')
    .addOption(corpusOption())
    .option('--no-color', 'no terminal colours')
    .action(async (words: string[], opts: SearchCliOptions) => {
      const { InputError } = await import('../../errors.js');
      const { useColor } = await import('../io.js');
      const text = words.join(' ').trim();
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new InputError(`--limit takes a whole number of clauses, not "${opts.limit}"`);
      let since: number | undefined;
      if (opts.since !== undefined) {
        if (!/^\d{4}$/.test(opts.since.trim())) throw new InputError(`--since takes a year such as 2015, not "${opts.since}"`);
        since = Number(opts.since);
      }
      if (opts.clause && text) throw new InputError('give the text or --clause REF:ID, not both');
      if (!opts.clause && !text) throw new InputError('search needs a phrase (or --near TEXT, or --clause REF:ID)');
      const index = await openCliIndex(io, opts.corpus, false);
      try {
        const filter = { series: opts.series, since, limit };
        let result;
        if (opts.clause) {
          const m = /^(.+):((?:PP|OP)\d+)$/i.exec(opts.clause.trim());
          if (!m) throw new InputError(`--clause takes a reference and a clause id such as 56/2:OP12, not "${opts.clause}"`);
          const c = index.clauseText(m[1]!, m[2]!);
          if (!c) throw new InputError(`no clause ${m[2]!.toUpperCase()} of "${m[1]}" in the corpus index`, opts.clause);
          const found = index.near(c.text, { ...filter, limit: limit + 1 });
          const hits = found.hits.filter((h) => !(h.symbol === c.symbol && h.clause.toUpperCase() === m[2]!.toUpperCase())).slice(0, limit);
          result = { mode: 'near' as const, query: `${c.symbol} ${m[2]!.toUpperCase()}`, hits, more: found.more || found.hits.length > hits.length + 1 };
        } else if (opts.near) {
          result = { mode: 'near' as const, query: text, ...index.near(text, filter) };
        } else {
          const found = index.phrase(text, filter);
          if (!found.words.length) throw new InputError(`nothing to search for in "${text}" (no words)`);
          result = { mode: 'phrase' as const, query: text, hits: found.hits, more: found.more };
        }
        if (opts.format === 'json') {
          const { renderSearchJson } = await import('../../render/search-text.js');
          io.stdout(renderSearchJson(result));
        } else {
          const { renderSearchText } = await import('../../render/search-text.js');
          io.stdout(renderSearchText(result, { color: useColor(io, opts.color), width: io.isTTY ? Math.min(io.columns ?? 100, 110) : 0 }));
        }
      } finally {
        index.close();
      }
    });
}

/**
 * Open the corpus index for a command: synced with the folder, warnings on stderr, a progress
 * bar while files are read.
 *
 * @param rebuild start from an empty index (`resdiff index`)
 */
export async function openCliIndex(io: Io, corpus: string | undefined, rebuild: boolean): Promise<CorpusIndex> {
  const { openIndex } = await import('../../corpus/search-index.js');
  const { defaultCorpusDir } = await import('../../corpus/index.js');
  const { progress } = await import('../progress.js');
  const { resolve } = await import('node:path');
  const bar = progress(io);
  const doing = rebuild ? 'indexing' : 'updating the index:';
  try {
    return await openIndex({
      corpusDir: corpus ? resolve(io.cwd, corpus) : defaultCorpusDir(),
      rebuild,
      env: io.env,
      onProgress: (done, total, file) => bar.update(done, total, `${doing} ${file}`),
      onWarning: (message, file) => {
        bar.end();
        io.stderr(`resdiff: ${file ? `${file}: ` : ''}warning: ${message}\n`);
      },
    });
  } finally {
    bar.end();
  }
}

/** `compare --provenance`: add to each new or changed pair the earlier corpus clauses with its new wording. */
export async function addCliProvenance(c: Comparison, io: Io, corpus: string | undefined): Promise<void> {
  const { addProvenance } = await import('../../corpus/provenance.js');
  const index = await openCliIndex(io, corpus, false);
  try {
    addProvenance(c, index);
  } finally {
    index.close();
  }
}
