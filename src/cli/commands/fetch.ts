/**
 * `resdiff fetch SYMBOL [--base-url URL] [--into DIR] [--force]`: download the English PDF of a
 * symbol from the UN's public document service and import it.
 */
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import type { Io } from '../io.js';
import { intoOption } from './import.js';

/** Register the `fetch` command. */
export function define(program: Command, io: Io): void {
  program
    .command('fetch')
    .description("download a symbol's English PDF from the UN document service and import it")
    .argument('<symbol>', 'a document symbol, e.g. A/HRC/RES/56/2')
    .addOption(
      new Option('--base-url <url>', 'document service: a URL template with {symbol}, or a base URL (default: the UN document service)').env(
        'RESDIFF_FETCH_URL',
      ),
    )
    .addOption(intoOption())
    .option('--force', 'replace the corpus file if this symbol is already there')
    .option('--timeout <seconds>', 'give up after this many seconds', '60')
    .action(async (symbol: string, opts: { baseUrl?: string; into?: string; force?: boolean; timeout: string }) => {
      const { fetchSymbol, DEFAULT_FETCH_URL } = await import('../../corpus/fetch.js');
      const { printWarnings } = await import('../io.js');
      const { InputError } = await import('../../errors.js');
      const seconds = Number(opts.timeout);
      if (!(seconds > 0)) throw new InputError(`--timeout must be a positive number of seconds, not "${opts.timeout}"`);
      const r = await fetchSymbol(symbol, {
        into: resolve(io.cwd, opts.into ?? 'corpus'),
        force: !!opts.force,
        urlTemplate: opts.baseUrl || io.env.RESDIFF_FETCH_URL || DEFAULT_FETCH_URL,
        timeoutMs: seconds * 1000,
      });
      printWarnings(io, r.warnings);
      io.stdout(`${r.replaced ? 'replaced' : 'imported'} ${r.resolution.symbol || symbol} from ${r.url} -> ${r.path}\n`);
    });
}
