/**
 * The CLI: parse arguments, run one command, map errors to exit codes (0 success, 1 bad input,
 * 2 internal error). The one place that decides exit codes.
 */
import { Command, CommanderError } from 'commander';
import { isInputError } from '../errors.js';
import type { Io } from './io.js';
import { define as defineShow } from './commands/show.js';
import { define as defineCompare } from './commands/compare.js';
import { define as defineImport } from './commands/import.js';
import { define as defineFetch } from './commands/fetch.js';
import { define as defineServe } from './commands/serve.js';
import { define as defineHistory } from './commands/history.js';
import { define as defineVotes } from './commands/votes.js';

/** Every command module registers itself here. */
const COMMANDS: Array<(program: Command, io: Io) => void> = [defineShow, defineCompare, defineImport, defineFetch, defineServe, defineHistory, defineVotes];

/** Version of the package, for --version. */
const VERSION = '0.1.0';

/**
 * Run the CLI.
 *
 * @param argv the arguments after `resdiff`
 * @param io streams, cwd and environment
 * @returns the exit code
 */
export async function run(argv: string[], io: Io): Promise<number> {
  const program = new Command('resdiff')
    .description('Compare versions of UN resolutions clause by clause.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  for (const define of COMMANDS) define(program, io);
  program.commands.forEach((c) => c.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) }));
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    return exitCodeFor(e, io);
  }
}

/** Map an error to a message and an exit code. */
function exitCodeFor(e: unknown, io: Io): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    return 1; // commander has printed the usage error
  }
  if (isInputError(e)) {
    io.stderr(`resdiff: ${e.format()}\n`);
    return 1;
  }
  const err = e as Error;
  io.stderr(`resdiff: internal error: ${err?.message ?? String(e)}\n`);
  if (io.env.RESDIFF_DEBUG) io.stderr(`${err?.stack ?? ''}\n`);
  else io.stderr('resdiff: (set RESDIFF_DEBUG=1 for details, and please report this)\n');
  return 2;
}
