/**
 * CONSTRUCTED test versions, made from the real text of 56/2 by scripted edits. They exist only
 * in the tests; they are not UN documents.
 */
import { ingest } from '../../src/ingest/index.js';
import { parseResolution } from '../../src/model/parse.js';
import type { Resolution } from '../../src/model/types.js';
import { text56_2 } from './paths.js';

/** 56/2 as editable lists of Markdown paragraphs: preamble (PPs) and operative (OPs, without numbers). */
export interface Editable {
  pps: string[];
  ops: string[];
}

const FOOT = '\n\n*34th meeting*\n\n*10 July 2024*\n\n[Adopted without a vote.]\n';

/** Split 56/2 into its clause paragraphs (page rules and footnotes dropped; PP17 rejoined). */
export function editable56_2(): Editable {
  const src = text56_2();
  const body = src.slice(src.indexOf('*The Human Rights Council,*') + '*The Human Rights Council,*'.length, src.indexOf('*34th meeting*'));
  const paras = body
    .split(/\n\n+/)
    .map((p) => p.trim())
    .filter((p) => p && p !== '---' && !p.startsWith('<sup>'));
  const joined: string[] = [];
  for (const p of paras) {
    if (joined.length && /^[a-z]/.test(p)) joined[joined.length - 1] += ` ${p}`;
    else joined.push(p);
  }
  const pps = joined.filter((p) => !/^\d+\. /.test(p));
  const ops = joined.filter((p) => /^\d+\. /.test(p)).map((p) => p.replace(/^\d+\. /, ''));
  return { pps, ops };
}

/** Markdown of a constructed version. */
export function toMarkdown(e: Editable, label = 'constructed test version'): string {
  return [
    `---\nsymbol: TEST/${label.replace(/\W+/g, '-')}\nconstructed: true\n---\n`,
    `# ${label} (constructed for tests; not a UN document)\n`,
    '*The Human Rights Council,*\n',
    ...e.pps.map((p) => `${p}\n`),
    ...e.ops.map((p, i) => `${i + 1}. ${p}\n`),
  ].join('\n') + FOOT;
}

/** Parse a constructed version. */
export async function parseVariant(e: Editable, label?: string): Promise<Resolution> {
  return parseResolution(await ingest(Buffer.from(toMarkdown(e, label)), `${label ?? 'variant'}.md`));
}

/** A deep copy to edit. */
export function copy(e: Editable): Editable {
  return { pps: [...e.pps], ops: [...e.ops] };
}
