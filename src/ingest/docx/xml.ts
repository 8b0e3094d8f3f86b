/**
 * A minimal streaming tokenizer for the well-formed XML parts of a Word document. WordprocessingML
 * is flat enough that tags, attributes and text are all the reader needs; no DOM is built.
 */

/** An opening, closing or empty-element tag. */
export interface Tag {
  kind: 'open' | 'close' | 'empty';
  /** Qualified name as written: "w:p", "w:t". */
  name: string;
  attrs: Record<string, string>;
}

/** Character data between tags (entities decoded). */
export interface Text {
  kind: 'text';
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decode the five XML entities and numeric character references. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (all, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? all;
  });
}

/** Tokens of an XML document in order; comments, processing instructions and doctype are skipped. */
export function* tokens(xml: string): Generator<Tag | Text> {
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[6] !== undefined) yield { kind: 'text', text: decodeEntities(m[6]) };
    else if (m[1] !== undefined) yield { kind: 'text', text: m[1] };
    else if (m[3] !== undefined) {
      const attrs: Record<string, string> = {};
      if (m[4]) for (const a of m[4].matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? '');
      yield { kind: m[2] === '/' ? 'close' : m[5] === '/' ? 'empty' : 'open', name: m[3], attrs };
    }
  }
}

/** A WordprocessingML on/off property: `<w:i/>` is on, `<w:i w:val="0"/>` (or false/off) is off. */
export function onOff(attrs: Record<string, string>): boolean {
  const v = attrs['w:val'];
  return v === undefined || !/^(0|false|off|none)$/i.test(v);
}
