/**
 * YAML front matter on a plain-text file. The corpus keeps an imported `.txt` in its own format
 * (read again as plain text, it is the same document); its metadata (symbol, series,
 * `constructed`, provenance) goes in front matter as in a Markdown corpus file. The front matter
 * is taken off before the text is read and its lines are left blank, so line numbers in
 * warnings still point into the file.
 */
import { InputError } from '../errors.js';

/** `---`, YAML, `---` at the very start (LF line endings, no BOM: decodeText has normalised them). */
const FRONT_MATTER = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

/** Front matter larger than this is not looked for (a corpus file's is under 2 KiB). */
const MAX_FRONT_MATTER = 64 * 1024;

/**
 * Split front matter off a plain text.
 *
 * @returns the text with the front matter lines blanked, and the mapping (undefined when there is none)
 * @throws InputError when the block is a YAML mapping that does not parse
 */
export async function splitTextFrontMatter(text: string, file: string): Promise<{ text: string; meta?: Record<string, unknown> }> {
  if (!text.startsWith('---\n')) return { text };
  const m = FRONT_MATTER.exec(text.slice(0, MAX_FRONT_MATTER));
  // Only a block that looks like a mapping ("key: value" on its first line) is front matter; a
  // text that merely opens with a rule stays as it is.
  if (!m || !/^[A-Za-z_][\w-]*:(?:\s|$)/.test(m[1])) return { text };
  const { parse, YAMLParseError } = await import('yaml');
  let data: unknown;
  try {
    data = parse(m[1]);
  } catch (e) {
    const yl = e instanceof YAMLParseError ? e.linePos?.[0]?.line : undefined;
    throw new InputError(`invalid YAML front matter: ${(e as Error).message.split('\n')[0]}`, file, yl !== undefined ? 1 + yl : 1);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { text };
  const lines = m[0].split('\n').length - (m[0].endsWith('\n') ? 1 : 0);
  return { text: '\n'.repeat(lines) + text.slice(m[0].length), meta: data as Record<string, unknown> };
}
