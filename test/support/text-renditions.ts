/**
 * Plain-text renditions of a corpus Markdown text, as users get them: copied out of a PDF viewer
 * (no emphasis, no footnote markers, lines wrapped at a width, with or without blank lines).
 * Built from the real text in the tests; never committed.
 */

/** Greedy wrap of one paragraph at `width` characters. */
export function wrap(p: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of p.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  lines.push(line);
  return lines;
}

/** The Markdown flattened to what a PDF viewer's copy gives. */
export function asCopiedText(md: string, width: number, blankLines: boolean): string {
  const body = md.replace(/^---\n[\s\S]*?\n---\n/, '');
  const paras = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p && p !== '---' && !p.startsWith('<sup>'))
    .map((p) => p.replace(/^#+\s*/, '').replace(/<sup>\d+<\/sup>/g, '').replace(/\*+/g, '').replace(/\s+/g, ' '));
  // Rejoin PP17, which the page break cut (a viewer's copy has no page rules).
  const joined: string[] = [];
  for (const p of paras) {
    const prev = joined[joined.length - 1];
    if (prev && /^[a-z]/.test(p)) joined[joined.length - 1] = `${prev} ${p}`;
    else joined.push(p);
  }
  return joined.map((p) => wrap(p, width).join('\n')).join(blankLines ? '\n\n' : '\n') + '\n';
}
