/**
 * Terminal styling: a few ANSI codes, switched off when output is not a terminal or NO_COLOR is set.
 */

/** Styling functions; identity functions when colour is off. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  italic(s: string): string;
  red(s: string): string;
  green(s: string): string;
  blue(s: string): string;
  yellow(s: string): string;
  underline(s: string): string;
  strike(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

/** Make a style; `color` false gives plain text. */
export function makeStyle(color: boolean): Style {
  if (!color) {
    const id = (s: string) => s;
    return { bold: id, dim: id, italic: id, red: id, green: id, blue: id, yellow: id, underline: id, strike: id };
  }
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    italic: wrap(3, 23),
    underline: wrap(4, 24),
    strike: wrap(9, 29),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    blue: wrap(34, 39),
  };
}

/** Wrap text to a width, keeping words whole; continuation lines get `indent`. */
export function wrapText(text: string, width: number, indent = ''): string {
  if (width <= 0) return text;
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  let visible = 0;
  for (const w of words) {
    const wl = w.replace(/\u001b\[[0-9;]*m/g, '').length;
    if (line && visible + 1 + wl > width) {
      lines.push(line);
      line = indent + w;
      visible = indent.length + wl;
    } else {
      line = line ? `${line} ${w}` : w;
      visible += (line === w ? 0 : 1) + wl;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
