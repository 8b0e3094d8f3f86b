/**
 * Property over page layout in plain text (as pdftotext writes a PDF of 56/2): wherever the
 * pages break (a page foot with the page's footnotes, the job number and the page number, then a
 * form feed and the running head), at whatever width the lines wrap, and whether the footnote
 * texts stand at their page's foot or all at the end, the parsed clauses are those of the
 * Markdown: same ids, texts and footnotes. Built from the real corpus text in the test.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseResolution } from '../../src/model/parse.js';
import { ingest } from '../../src/ingest/index.js';
import { text56_2 } from '../support/paths.js';
import { wrap } from '../support/text-renditions.js';
import type { Resolution } from '../../src/model/types.js';
import { fuzz } from '../support/fuzz.js';

const facts = (r: Resolution) => r.clauses.map((c) => [c.id, c.text, c.footnotes.join(',')].join(' | '));

/** Body paragraphs of 56/2 with their markers glued ("Agreement,1"), and the footnote texts. */
function pieces(): { paras: string[]; notes: Map<number, string> } {
  const md = text56_2().replace(/^---\n[\s\S]*?\n---\n/, '');
  const notes = new Map<number, string>();
  const paras: string[] = [];
  for (const raw of md.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p && p !== '---')) {
    const note = /^<sup>(\d+)<\/sup>\s*([\s\S]*)$/.exec(raw);
    if (note) {
      notes.set(Number(note[1]), note[2].replace(/\s+/g, ' '));
      continue;
    }
    const p = raw.replace(/^#+\s*/, '').replace(/<sup>(\d+)<\/sup>/g, '$1').replace(/\*+/g, '').replace(/\s+/g, ' ');
    const prev = paras[paras.length - 1];
    if (prev && /^[a-z]/.test(p)) paras[paras.length - 1] = `${prev} ${p}`;
    else paras.push(p);
  }
  return { paras, notes };
}

function render(width: number, breaks: number[], atEnd: boolean): string {
  const { paras, notes } = pieces();
  const lines = paras.flatMap((p) => wrap(p, width));
  const start = lines.findIndex((l) => l === 'The Human Rights Council,') + 1;
  const end = lines.findIndex((l) => l === '34th meeting');
  const cuts = [...new Set(breaks.map((b) => start + Math.floor(b * (end - start))))].sort((a, b) => a - b);
  const out: string[] = [];
  let page = 1;
  let pending = [...notes.keys()];
  const marked = (upTo: number) => pending.filter((n) => lines.slice(0, upTo).some((l) => new RegExp(`[,;.]${n}(?:\\s|$)`).test(l)));
  let from = 0;
  for (const cut of [...cuts, lines.length]) {
    out.push(...lines.slice(from, cut));
    if (cut === lines.length) break;
    if (!atEnd) {
      for (const n of marked(cut)) out.push(`${n} ${notes.get(n)}`);
      pending = pending.filter((n) => !marked(cut).includes(n));
    }
    out.push('GE.24-12826(E)', String(page), `\fA/HRC/RES/56/2`);
    page++;
    from = cut;
  }
  for (const n of pending) out.push(`${n} ${notes.get(n)}`);
  return `${out.join('\n')}\n`;
}

describe('plain-text layout does not change the parsed clauses', async () => {
  const base = facts(parseResolution(await ingest(Buffer.from(text56_2()), '56-2.md')));

  it('holds for page breaks anywhere, any width, footnotes at the page foot or the end', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 70, max: 130 }), fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 2, maxLength: 7 }), fc.boolean(), async (width, breaks, atEnd) => {
        const r = parseResolution(await ingest(Buffer.from(render(width, breaks, atEnd)), 'layout.txt'));
        expect(facts(r)).toEqual(base);
        expect(Object.keys(r.footnotes)).toHaveLength(5);
      }),
      fuzz(30),
    );
  });
});
