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
  const view = layout === 'side-by-side' ? zipSides(html) : html;
  return { html: `<section class="d2h" aria-label="Unified patch">${view}</section>`, css: diff2htmlCss() };
}

/** diff2html's side-by-side view: two tables, one per side, with the same number of rows. */
const SIDES =
  /<div class="d2h-files-diff">\s*<div class="d2h-file-side-diff">\s*<div class="d2h-code-wrapper">\s*<table class="d2h-diff-table">\s*<tbody class="d2h-diff-tbody">([\s\S]*?)<\/tbody>\s*<\/table>\s*<\/div>\s*<\/div>\s*<div class="d2h-file-side-diff">\s*<div class="d2h-code-wrapper">\s*<table class="d2h-diff-table">\s*<tbody class="d2h-diff-tbody">([\s\S]*?)<\/tbody>\s*<\/table>\s*<\/div>\s*<\/div>\s*<\/div>/g;

/**
 * Join diff2html's two side tables into one, row by row. Its two tables only line up while
 * every line fits on one screen line; prose paragraphs wrap, so the sides would drift apart by
 * a paragraph or more. Rows are zipped only when both sides have the same count (diff2html pads
 * the shorter side); otherwise the view is left as diff2html made it. Line texts are escaped by
 * diff2html, so `<tr>` and `</tbody>` only ever occur as markup.
 */
function zipSides(html: string): string {
  return html.replace(SIDES, (whole, left: string, right: string) => {
    const l = rows(left);
    const r = rows(right);
    if (!l || !r || l.length !== r.length) return whole;
    const body = l.map((cells, i) => `<tr>${cells}${r[i]}</tr>`).join('\n');
    return `<div class="d2h-files-diff d2h-zipped"><div class="d2h-code-wrapper"><table class="d2h-diff-table d2h-zipped-table"><colgroup><col class="d2h-col-num"><col class="d2h-col-text"><col class="d2h-col-num"><col class="d2h-col-text"></colgroup><tbody class="d2h-diff-tbody">${body}</tbody></table></div></div>`;
  });
}

/** The cells of each `<tr>…</tr>` of a tbody, or undefined when the markup is not as expected. */
function rows(tbody: string): string[] | undefined {
  const out: string[] = [];
  for (const chunk of tbody.split('</tr>')) {
    const t = chunk.trim();
    if (t === '') continue;
    if (!t.startsWith('<tr>')) return undefined;
    out.push(t.slice(4));
  }
  return out;
}
