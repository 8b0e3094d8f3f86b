/**
 * `resdiff fetch SYMBOL [--base-url URL] [--into DIR] [--force]`: download the English PDF of a
 * symbol from the UN's public document service and import it.
 * `resdiff fetch --series ID`: every member of the series not yet in the corpus, one at a time.
 */
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import type { Io } from '../io.js';
import { intoOption } from './import.js';

interface FetchFlags {
  baseUrl?: string;
  into?: string;
  force?: boolean;
  timeout: string;
  series?: string;
  pause: string;
  retries: string;
}

/** Register the `fetch` command. */
export function define(program: Command, io: Io): void {
  program
    .command('fetch')
    .description("download a symbol's English PDF from the UN document service and import it; with --series, every member not yet in the corpus")
    .argument('[symbol]', 'a document symbol, e.g. A/HRC/RES/56/2')
    .option('--series <id>', 'fetch every member of this series manifest that the corpus does not hold (resumable)')
    .addOption(
      new Option('--base-url <url>', 'document service: a URL template with {symbol}, or a base URL (default: the UN document service)').env(
        'RESDIFF_FETCH_URL',
      ),
    )
    .addOption(intoOption())
    .option('--force', 'replace the corpus file if this symbol is already there')
    .option('--timeout <seconds>', 'give up on one request after this many seconds', '60')
    .option('--pause <seconds>', 'with --series: wait this long between requests', '2')
    .option('--retries <n>', 'with --series: retries after a timeout or a server error (with back-off)', '3')
    .action(async (symbol: string | undefined, opts: FetchFlags) => {
      const { checkTimeout, DEFAULT_FETCH_URL } = await import('../../corpus/fetch.js');
      const { printWarnings } = await import('../io.js');
      const { InputError } = await import('../../errors.js');
      const seconds = Number(opts.timeout);
      if (!/^\s*[0-9.eE+]+\s*$/.test(opts.timeout) || !(seconds > 0)) throw new InputError(`--timeout must be a positive number of seconds, not "${opts.timeout}"`);
      const timeoutMs = checkTimeout(seconds * 1000, '--timeout');
      const into = resolve(io.cwd, opts.into ?? 'corpus');
      const urlTemplate = opts.baseUrl || io.env.RESDIFF_FETCH_URL || DEFAULT_FETCH_URL;
      if (opts.series !== undefined) {
        if (symbol) throw new InputError('give a symbol or --series, not both');
        if (opts.force) throw new InputError('--force is for one symbol; --series fetches only what the corpus does not hold');
        await fetchSeriesCommand(io, opts.series, { into, urlTemplate, timeoutMs, pause: opts.pause, retries: opts.retries });
        return;
      }
      if (!symbol) throw new InputError('give a document symbol (e.g. A/HRC/RES/56/2) or --series ID');
      const { fetchSymbol } = await import('../../corpus/fetch.js');
      const r = await fetchSymbol(symbol, { into, force: !!opts.force, urlTemplate, timeoutMs });
      printWarnings(io, r.warnings);
      io.stdout(`${r.replaced ? 'replaced' : 'imported'} ${r.resolution.symbol || symbol} from ${r.url} -> ${r.path}\n`);
    });
}

async function fetchSeriesCommand(
  io: Io,
  id: string,
  o: { into: string; urlTemplate: string; timeoutMs: number; pause: string; retries: string },
): Promise<void> {
  const { fetchSeries } = await import('../../corpus/fetch-series.js');
  const { progress } = await import('../progress.js');
  const { printWarnings } = await import('../io.js');
  const { InputError } = await import('../../errors.js');
  const pause = Number(o.pause);
  if (!/^\s*[0-9.]+\s*$/.test(o.pause) || !(pause >= 0) || pause > 3600) throw new InputError(`--pause must be a number of seconds from 0 to 3600, not "${o.pause}"`);
  const retries = Number(o.retries);
  if (!/^\s*\d+\s*$/.test(o.retries) || retries > 20) throw new InputError(`--retries must be a whole number from 0 to 20, not "${o.retries}"`);
  const bar = progress(io);
  let finished = 0;
  let total = 0;
  const secs = (ms: number) => `${+(ms / 1000).toFixed(1)} s`;
  let result;
  try {
    result = await fetchSeries(id, {
      into: o.into,
      urlTemplate: o.urlTemplate,
      timeoutMs: o.timeoutMs,
      pauseMs: pause * 1000,
      retries,
      onProgress: (e) => {
        if (e.type === 'start') {
          total = e.total;
          bar.log(`series ${e.series}: ${e.total} members, ${e.missing} to fetch`);
          bar.update(0, total, '');
        } else if (e.type === 'member') {
          bar.update(finished, total, `${e.symbol}${e.attempt > 1 ? ` (attempt ${e.attempt})` : ''}`);
        } else if (e.type === 'retry') {
          bar.log(`${e.symbol}: ${e.reason}; retrying in ${secs(e.waitMs)}`);
        } else {
          finished = e.index;
          const out = e.outcome;
          if (out.status !== 'present' || !io.isTTY) {
            bar.log(`[${e.index}/${e.total}] ${out.symbol}: ${out.status === 'fetched' ? 'fetched' : out.status === 'present' ? 'already present' : `failed: ${out.reason}`}`);
          }
          bar.update(finished, total, '');
        }
      },
    });
  } finally {
    bar.end();
  }
  for (const out of result.outcomes) printWarnings(io, out.warnings);
  const lines = [`${result.series.id}: fetched ${result.fetched}, already present ${result.present}, failed ${result.failed}`];
  for (const out of result.outcomes) {
    if (out.status === 'fetched') lines.push(`  fetched          ${out.symbol} -> ${out.path}`);
    else if (out.status === 'present') lines.push(`  already present  ${out.symbol} (${out.path})`);
    else lines.push(`  failed           ${out.symbol}: ${out.reason}`);
  }
  io.stdout(lines.join('\n') + '\n');
  if (result.failed > 0) {
    throw new InputError(`${result.failed} of ${result.outcomes.length} members of ${result.series.id} could not be fetched (see above); run the same command again to retry them`);
  }
}
