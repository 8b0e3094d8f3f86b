/**
 * The head every self-contained HTML page resdiff writes shares: no network (a
 * Content-Security-Policy that allows nothing to load), inline CSS, optionally inline script.
 */
/** Escape text for HTML element content and double-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };


/**
 * Lines from `<!doctype html>` to `</head>`.
 *
 * @param title the page title (escaped here)
 * @param css the page's CSS
 * @param opts `script`: allow the page's own inline script (the history page's cell panels)
 */
export function htmlHead(title: string, css: string, opts: { script?: boolean } = {}): string[] {
  const scripts = opts.script ? " script-src 'unsafe-inline';" : '';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No network: the page is a document to send on, complete in itself.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';${scripts} img-src data:">`,
    '<meta name="generator" content="resdiff">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
  ];
}
