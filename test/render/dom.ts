/** A few helpers over parse5's tree, so HTML tests check structure rather than strings. */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

/** Parse a whole page the way a browser does. */
export function parsePage(html: string): DefaultTreeAdapterMap['document'] {
  return parse(html);
}

function isElement(n: Node): n is Element {
  return 'tagName' in n;
}

function children(n: Node): Node[] {
  const kids = 'childNodes' in n ? (n.childNodes as Node[]) : [];
  // <template> content is a separate fragment
  if (isElement(n) && n.tagName === 'template') return [...kids, ...((n as unknown as { content: { childNodes: Node[] } }).content.childNodes)];
  return kids;
}

/** Every element under `root` (document order) that passes `pred`. */
export function findAll(root: Node, pred: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    if (isElement(n) && pred(n)) out.push(n);
    for (const c of children(n)) walk(c);
  };
  walk(root);
  return out;
}

/** An attribute's value, or undefined. */
export function attr(e: Element, name: string): string | undefined {
  return e.attrs.find((a) => a.name === name)?.value;
}

/** Does the element carry this class? */
export function hasClass(e: Element, cls: string): boolean {
  return (attr(e, 'class') ?? '').split(/\s+/).includes(cls);
}

/** Elements by tag name. */
export const byTag = (root: Node, tag: string): Element[] => findAll(root, (e) => e.tagName === tag);
/** Elements by class. */
export const byClass = (root: Node, cls: string): Element[] => findAll(root, (e) => hasClass(e, cls));

/** The text content of a node, as the DOM's textContent. */
export function text(n: Node): string {
  if ('value' in n && n.nodeName === '#text') return (n as { value: string }).value;
  return children(n).map(text).join('');
}

/** The text content of a node, leaving out elements with the given tag names. */
export function textWithout(n: Node, tags: string[]): string {
  if (isElement(n) && tags.includes(n.tagName)) return '';
  if ('value' in n && n.nodeName === '#text') return (n as { value: string }).value;
  return children(n).map((c) => textWithout(c, tags)).join('');
}
