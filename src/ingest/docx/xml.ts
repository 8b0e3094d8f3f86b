/**
 * The XML parts of a Word document as a flat stream of tags and text, read with saxes (a
 * conformant, well-kept SAX parser): WordprocessingML is flat enough that tags, attributes and
 * text are all the reader needs, so no DOM is built. Malformed XML is an error the caller turns
 * into a message about the file.
 */
import { SaxesParser } from 'saxes';

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

/** How much XML is fed to the parser at a time: tokens are handed on per slice, never all held. */
const SLICE = 64 * 1024;

/**
 * Tokens of an XML document in order; comments, processing instructions and doctype are skipped.
 * A generator: the XML is parsed a slice at a time, so a reader that stops early (a limit
 * reached) never pays for the rest, and the tokens of a large part are never all in memory.
 *
 * @throws Error when the XML is not well-formed
 */
export function* tokens(xml: string): Generator<Tag | Text> {
  let out: Array<Tag | Text> = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (node) => {
    out.push({ kind: node.isSelfClosing ? 'empty' : 'open', name: node.name, attrs: { ...(node.attributes as Record<string, string>) } });
  });
  parser.on('closetag', (node) => {
    if (!node.isSelfClosing) out.push({ kind: 'close', name: node.name, attrs: {} });
  });
  parser.on('text', (text) => out.push({ kind: 'text', text }));
  parser.on('cdata', (text) => out.push({ kind: 'text', text }));
  parser.on('error', (e) => {
    throw e;
  });
  for (let i = 0; i < xml.length; i += SLICE) {
    // Never split a surrogate pair between slices.
    let end = Math.min(xml.length, i + SLICE);
    const c = xml.charCodeAt(end - 1);
    if (end < xml.length && c >= 0xd800 && c <= 0xdbff) end++;
    parser.write(xml.slice(i, end));
    i = end - SLICE;
    const ready = out;
    out = [];
    yield* ready;
  }
  parser.close();
  yield* out;
}

/** A WordprocessingML on/off property: `<w:i/>` is on, `<w:i w:val="0"/>` (or false/off) is off. */
export function onOff(attrs: Record<string, string>): boolean {
  const v = attrs['w:val'];
  return v === undefined || !/^(0|false|off|none)$/i.test(v);
}
