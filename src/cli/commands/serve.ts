/**
 * `resdiff serve [--port N] [--host H] [--corpus DIR]`: the web page and its JSON API, on
 * 127.0.0.1 unless told otherwise. Runs until SIGINT or SIGTERM, then closes cleanly.
 */
import { Option, type Command } from 'commander';
import { InputError } from '../../errors.js';
import type { Io } from '../io.js';
import { corpusOption } from '../options.js';

/** Options of `serve`. */
interface ServeOptions {
  port: string;
  host: string;
  corpus?: string;
  maxUpload: string;
}

/** Register the `serve` command. */
export function define(program: Command, io: Io): void {
  program
    .command('serve')
    .description('serve the web page: browse the corpus, compare versions or uploaded files, export redlines')
    .addOption(new Option('--port <n>', 'port to listen on (0 picks a free one)').default('8080').env('PORT'))
    .addOption(new Option('--host <host>', 'address to bind; anything but loopback exposes the corpus and uploads to the network').default('127.0.0.1'))
    .addOption(corpusOption())
    .addOption(new Option('--max-upload <MiB>', 'largest uploaded file, in MiB').default('10'))
    .action(async (opts: ServeOptions) => {
      const port = Number(opts.port);
      if (!/^\d+$/.test(opts.port) || port > 65535) throw new InputError(`--port must be a number from 0 to 65535, not "${opts.port}"`);
      const maxMiB = Number(opts.maxUpload);
      if (!Number.isFinite(maxMiB) || maxMiB <= 0 || maxMiB > 50) throw new InputError(`--max-upload must be a number of MiB from 0 to 50, not "${opts.maxUpload}"`);
      const { resolve } = await import('node:path');
      const { defaultCorpusDir, listCorpus } = await import('../../corpus/index.js');
      const { startServer, isLoopback } = await import('../../server/index.js');
      const corpusDir = opts.corpus ? resolve(io.cwd, opts.corpus) : defaultCorpusDir();
      if (!isLoopback(opts.host)) {
        io.stderr(
          `resdiff: warning: binding to ${opts.host}, not loopback: anyone who can reach this machine can read the corpus and use the server. Use --host 127.0.0.1 to keep it local.\n`,
        );
      }
      listCorpus(corpusDir); // a missing or unreadable corpus is reported now, not on the first request
      const server = await startServer({ port, host: opts.host, corpusDir, maxUploadBytes: Math.round(maxMiB * 1048576) });
      io.stdout(`resdiff: serving ${server.url} (corpus: ${corpusDir}); press Ctrl+C to stop\n`);
      await new Promise<void>((done) => {
        const stop = (signal: NodeJS.Signals) => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          io.stderr(`resdiff: ${signal}, closing the server\n`);
          void server.close().then(done, done);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
