/**
 * diff2html's view of a unified patch, for the HTML redline's `style: 'diff2html'`.
 *
 * diff2html and its stylesheet are loaded on first use only (the other styles never need them).
 * Prose paragraphs are one line each and longer than diff2html's 200-character limit for
 * matching lines, so the limit is raised (DESIGN §6) and long lines wrap through CSS.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Diff2HtmlModule = typeof import('diff2html');

let lib: Diff2HtmlModule | undefined;
let css: string | undefined;

/** diff2html's own stylesheet, read once from the installed package. */
export function diff2htmlCss(): string {
  css ??= readFileSync(require.resolve('diff2html/bundles/css/diff2html.min.css'), 'utf8');
  return css;
}

/**
 * Render a unified patch with diff2html.
 *
 * @param patch a git-style unified patch (one paragraph per line)
 * @param layout 'inline' gives diff2html's line-by-line view, 'side-by-side' its two columns
 * @returns the HTML fragment and the CSS it needs
 */
export function renderDiff2Html(patch: string, layout: 'inline' | 'side-by-side'): { html: string; css: string } {
  lib ??= require('diff2html') as Diff2HtmlModule;
  const html = lib.html(patch, {
    outputFormat: layout === 'side-by-side' ? 'side-by-side' : 'line-by-line',
    drawFileList: false,
    matching: 'words',
    diffStyle: 'word',
    // Paragraphs run to a thousand characters and more; the defaults skip them (DESIGN §6).
    maxLineSizeInBlockForComparison: 100_000,
    maxLineLengthHighlight: 100_000,
    matchWordsThreshold: 0.25,
    matchingMaxComparisons: 5_000,
    renderNothingWhenEmpty: false,
    colorScheme: 'light' as never,
  });
  return { html: `<section class="d2h" aria-label="Unified patch">${html}</section>`, css: diff2htmlCss() };
}
