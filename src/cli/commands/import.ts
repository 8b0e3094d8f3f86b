/**
 * `resdiff import FILE [--into DIR] [--force]`: read a PDF, DOCX, Markdown or text file and write
 * it into a corpus folder as Markdown with front matter.
 */
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import type { Io } from '../io.js';

/** `--into DIR`: the corpus folder written (env RESDIFF_CORPUS, else ./corpus). */
export function intoOption(): Option {
  return new Option('--into <dir>', 'corpus folder to write into (default: ./corpus)').env('RESDIFF_CORPUS');
}

/** Register the `import` command. */
export function define(program: Command, io: Io): void {
  program
    .command('import')
    .description('read a resolution (PDF, DOCX, HTML, Markdown, text) into a corpus folder: front matter over the text (plain text stays plain text)')
    .argument('<file>', 'the file to import')
    .addOption(intoOption())
    .option('--force', 'replace the corpus file if this symbol is already there')
    .action(async (file: string, opts: { into?: string; force?: boolean }) => {
      const { importFile } = await import('../../corpus/import.js');
      const { printWarnings } = await import('../io.js');
      const r = await importFile(resolve(io.cwd, file), { into: resolve(io.cwd, opts.into ?? 'corpus'), force: !!opts.force });
      printWarnings(io, r.warnings);
      io.stdout(`${r.replaced ? 'replaced' : 'imported'} ${r.resolution.symbol || file} -> ${r.path}\n`);
    });
}
