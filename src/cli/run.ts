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
// Version of the package, for --version (one constant, beside the compare formats).
import { VERSION } from '../render/index.js';
import { define as defineSearch } from './commands/search.js';
import { define as defineIndex } from './commands/corpus-index.js';

/** Every command module registers itself here. */
const COMMANDS: Array<(program: Command, io: Io) => void> = [defineShow, defineCompare, defineImport, defineFetch, defineServe, defineHistory, defineVotes, defineSearch, defineIndex];



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
  program.addHelpText(
    'after',
    `
Examples:
  resdiff compare example-2022 56/2                 what changed, summary first (corpus references)
  resdiff compare old.pdf new.docx --format docx -o redline.docx
                                                    a Word redline with tracked changes
  resdiff compare 50-4.md 56/2 --format pdf -o redline.pdf
  resdiff history --series intl-cooperation-human-rights
  resdiff serve                                     the web page on http://127.0.0.1:8080

A file is Markdown (.md), plain text (.txt), HTML (.html), PDF or DOCX; a reference names a corpus version by
resolution number (56/2), symbol (A/HRC/RES/56/2) or file name. Exit codes: 0 done, 1 bad input,
2 internal error.`,
  );
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
