/**
 * `resdiff show FILE|REF [--format text|json] [--explain]`
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { choice, corpusOption } from '../options.js';

/** Register the `show` command. */
export function define(program: Command, io: Io): void {
  program
    .command('show')
    .description('parse one resolution and print its outline (or the JSON model)')
    .argument('<file>', 'a Markdown, text, HTML, PDF or DOCX file, or a corpus reference such as 56/2')
    .addOption(choice('--format <format>', 'output format', ['text', 'json'], 'text'))
    .addOption(corpusOption())
    .option('--no-color', 'no terminal colours')
    .option('--explain', 'how the file was read, step by step: page furniture dropped, footnotes found and attached, paragraphs joined across page breaks, where each clause starts and why (JSON: an "explain" list)')
    .action(async (file: string, opts: { format: 'text' | 'json'; corpus?: string; color?: boolean; explain?: boolean }) => {
      const { loadResolution } = await import('../../corpus/load.js');
      const { useColor } = await import('../io.js');
      const explain = opts.explain ? [] : undefined;
      const r = await loadResolution(file, { cwd: io.cwd, corpusDir: opts.corpus, explain });
      if (explain && opts.format !== 'json') {
        const { renderExplainText } = await import('../../render/show-explain.js');
        io.stdout(renderExplainText(r, explain, { color: useColor(io, opts.color) }));
      } else if (opts.format === 'json') {
        const { renderResolutionJson } = await import('../../render/show-json.js');
        io.stdout(explain ? renderResolutionJson({ ...r, explain } as typeof r) : renderResolutionJson(r));
      } else {
        const { renderResolutionText } = await import('../../render/show-text.js');
        const color = useColor(io, opts.color);
        io.stdout(renderResolutionText(r, { color, width: io.isTTY ? Math.min(io.columns ?? 100, 110) : 0 }));
      }
    });
}
