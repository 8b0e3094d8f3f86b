/**
 * Property: line endings and where page rules (with their flushed footnotes) fall do not change
 * the parsed clauses. Page breaks are placed at random paragraph boundaries and inside paragraphs
 * (where a sentence is unfinished, as a real page break leaves it).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseResolution } from '../../src/model/parse.js';
import { ingest } from '../../src/ingest/index.js';
import { text56_2 } from '../support/paths.js';
import type { Resolution } from '../../src/model/types.js';
import { fuzz } from '../support/fuzz.js';

async function parse(text: string): Promise<Resolution> {
  return parseResolution(await ingest(Buffer.from(text), 'layout.md'));
}

const clean = (r: Resolution) => r.clauses.map(({ position, ...c }) => c);

/** Body paragraphs of 56/2 (between the preamble line and the meeting line). */
const source = text56_2();
const paragraphs = source.split(/\n\n+/);

/** Places inside a paragraph where a page can break: after a word with no punctuation, outside italics. */
function breakPoints(p: string): number[] {
  const out: number[] = [];
  const italicEnd = p.startsWith('*') ? p.indexOf('*', 1) + 1 : p.match(/^\d+\. \*/) ? p.indexOf('*', p.indexOf('*') + 1) + 1 : 0;
  for (let i = italicEnd + 1; i < p.length - 1; i++) {
    if (p[i] === ' ' && /[\p{L}\d]/u.test(p[i - 1]) && !p.slice(0, i).includes('<sup') ) out.push(i);
  }
  return out;
}

const clausePara = paragraphs.map((p, i) => ({ p, i })).filter(({ p }) => /^(\*[A-Z]|\d+\. \*)/.test(p) && !p.startsWith('*The ') && !/^\*\d/.test(p));

interface Break {
  para: number;
  at: number; // fraction within the paragraph; <0 means at the boundary after it
  setext: boolean;
  note: number;
}

function applyBreaks(breaks: Break[]): string {
  const paras = [...paragraphs];
  const byPara = new Map<number, Break>();
  for (const b of breaks) byPara.set(clausePara[b.para % clausePara.length].i, b);
  for (const [idx, b] of byPara) {
    const p = paras[idx];
    const rule = (b.setext ? '\n---' : '\n\n---') + `\n\n<sup>${90 + b.note}</sup> A constructed page-foot note.\n\n`;
    if (b.at < 0) {
      paras[idx] = p + rule.trimEnd();
      continue;
    }
    const points = breakPoints(p);
    if (!points.length) continue;
    const cut = points[Math.floor(b.at * points.length)];
    paras[idx] = p.slice(0, cut) + rule + p.slice(cut + 1);
  }
  return paras.join('\n\n');
}

describe('layout does not change the parsed clauses', async () => {
  const base = clean(await parse(source));

  it('holds for random page breaks and line endings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ para: fc.nat(), at: fc.oneof(fc.constant(-1), fc.double({ min: 0, max: 0.999, noNaN: true })), setext: fc.boolean(), note: fc.nat(9) }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.constantFrom('\n', '\r\n', '\r'),
        async (breaks, eol) => {
          const text = applyBreaks(breaks).replace(/\n/g, eol);
          expect(clean(await parse(text))).toEqual(base);
        },
      ),
      fuzz(60),
    );
  });
});
