/**
 * A direct reader for the front matter resolution files have: `key: value` lines, one level of
 * nested mapping (`provenance:` and its indented keys), double- or single-quoted strings without
 * escapes, plain words and sentences, whole numbers, true/false, and folded or literal blocks
 * with the strip indicator (`>-`, `|-`). It gives what the `yaml` library gives for such text,
 * without loading it: the library is large, and evaluating and running it cold is a fair part
 * of a short `resdiff compare` (issue 14).
 *
 * Anything else — comments, lists, flow collections, anchors, tags, escapes, other block
 * indicators, blank lines inside a block, numbers other than plain whole ones, duplicate keys —
 * returns `undefined`, and markdown.ts gives the text to `yaml`.
 * test/model/front-matter-direct.property.test.ts proves that whenever this reader answers, the
 * answer equals `yaml`'s.
 */

/** A plain scalar this reader takes as a string: starts with a letter, no ": " or " #". */
const PLAIN = /^[\p{L}][^\t]*$/u;
const KEY = /^([A-Za-z][A-Za-z0-9_-]*):(?: (.*))?$/;
const INDENTED_KEY = /^ {2}([A-Za-z][A-Za-z0-9_-]*):(?: (.*))?$/;
/** Words YAML reads as something other than a string (as keys too): left to yaml. */
const KEYWORD = /^(?:true|false|null)$/i;

/**
 * Read simple YAML front matter.
 *
 * @param value the text between the `---` fences
 * @returns the mapping, or undefined when the text is outside this reader's shape
 */
export function directFrontMatter(value: string): Record<string, unknown> | undefined {
  const lines = value.split('\n');
  const out: Record<string, unknown> = {};
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line === '') {
      i++;
      continue;
    }
    const m = KEY.exec(line);
    if (!m || Object.hasOwn(out, m[1]!) || KEYWORD.test(m[1]!)) return undefined;
    const key = m[1]!;
    const raw = m[2];
    i++;
    if (raw === undefined || raw === '') {
      // A nested mapping: the indented key lines that follow.
      const nested: Record<string, unknown> = {};
      let any = false;
      while (i < lines.length && lines[i]!.startsWith('  ')) {
        const n = INDENTED_KEY.exec(lines[i]!);
        if (!n || Object.hasOwn(nested, n[1]!) || KEYWORD.test(n[1]!)) return undefined;
        i++;
        const v = scalarOrBlock(n[2], lines, i, 4);
        if (!v) return undefined;
        i = v.next;
        nested[n[1]!] = v.value;
        any = true;
      }
      if (!any) return undefined; // `key:` alone is null to YAML; left to it
      out[key] = nested;
      continue;
    }
    const v = scalarOrBlock(raw, lines, i, 2);
    if (!v) return undefined;
    i = v.next;
    out[key] = v.value;
  }
  return out;
}

/** A value after `key: `, or a `>-` / `|-` block on the lines from `i`, indented by `indent`. */
function scalarOrBlock(raw: string | undefined, lines: string[], i: number, indent: number): { value: unknown; next: number } | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw === '>-' || raw === '|-') {
    const pad = ' '.repeat(indent);
    const body: string[] = [];
    while (i < lines.length && lines[i]!.startsWith(pad)) {
      const l = lines[i]!.slice(indent);
      // More indentation, tabs or trailing spaces change what folding keeps: left to yaml.
      if (l === '' || l.startsWith(' ') || /[ \t]$/.test(l) || l.includes('\t')) return undefined;
      body.push(l);
      i++;
    }
    if (body.length === 0) return undefined;
    return { value: body.join(raw === '>-' ? ' ' : '\n'), next: i };
  }
  const v = scalar(raw);
  return v === undefined ? undefined : { value: v.value, next: i };
}

/** One scalar value on its line. */
function scalar(raw: string): { value: unknown } | undefined {
  if (raw.endsWith(' ') || raw.includes('\t')) return undefined;
  if (raw.startsWith('"')) return raw.length >= 2 && raw.endsWith('"') && !/["\\]/.test(raw.slice(1, -1)) ? { value: raw.slice(1, -1) } : undefined;
  if (raw.startsWith("'")) return raw.length >= 2 && raw.endsWith("'") && !raw.slice(1, -1).includes("'") ? { value: raw.slice(1, -1) } : undefined;
  if (/^(?:0|[1-9]\d{0,14})$/.test(raw)) return { value: Number(raw) };
  if (raw === 'true' || raw === 'false') return { value: raw === 'true' };
  // Digits with "/" or "-" ("56/2", "2024-07-10"): no YAML 1.2 number or keyword, so a string.
  if (/^\d[\d/-]*$/.test(raw) && /[/-]/.test(raw)) return { value: raw };
  // Other keywords YAML reads as booleans or null ("True", "NULL", "~") start like plain words:
  // left to yaml, as is anything that is not a plain sentence.
  if (KEYWORD.test(raw) || !PLAIN.test(raw) || raw.includes(': ') || raw.endsWith(':') || raw.includes(' #')) return undefined;
  return { value: raw };
}
