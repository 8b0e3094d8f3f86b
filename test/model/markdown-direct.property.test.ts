/**
 * The direct Markdown reader (src/model/markdown-direct.ts) against remark (markdown.ts's
 * remarkMarkdownBlocks): whenever the direct reader answers, its blocks and front matter equal
 * remark's, and it answers for the files resdiff really reads (the corpus, the series fixtures,
 * generated versions). The generated documents are CONSTRUCTED for this test: they are built
 * from pieces of resolution Markdown and from the constructs at the edge of the direct reader's
 * shape (stray and tripled `*`, brackets that could be links, other HTML, entities, escapes,
 * indentation, missing blank lines, setext underlines, trailing spaces), so both answers are
 * exercised.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { directMarkdownBlocks } from '../../src/model/markdown-direct.js';
import { markdownBlocks, remarkMarkdownBlocks } from '../../src/model/markdown.js';
import { CORPUS, ROOT } from '../support/paths.js';
import { editable56_2, toMarkdown } from '../support/variants.js';
import { asCopiedText } from '../support/text-renditions.js';

/** Both readers' answer for a text, errors included (same message, same line). */
function read(fn: typeof markdownBlocks, text: string): unknown {
  try {
    return fn(text, 'doc.md');
  } catch (e) {
    return { error: (e as Error).message, line: (e as { line?: number }).line };
  }
}

/** The direct reader answered (did not leave the text to remark). */
const direct = (text: string) => 'blocks' in directMarkdownBlocks(text);

function expectSame(text: string): void {
  // Strict: a key set to undefined differs from a missing one, as it would in a cached copy.
  expect(read(markdownBlocks, text)).toStrictEqual(read(remarkMarkdownBlocks, text));
}

/** RESDIFF_FUZZ_LONG=1 runs ten times as many generated documents. */
const RUNS = process.env.RESDIFF_FUZZ_LONG === '1' ? 10 : 1;

/** Let vitest's worker answer its runner now and then during a long property run. */
const breathe = (runs: number) => (runs % 50 === 0 ? new Promise((r) => setImmediate(r)) : undefined);

const mdFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => join(dir, f));
const realFiles = [...mdFiles(CORPUS), ...mdFiles(join(ROOT, 'test', 'fixtures')), ...mdFiles(join(ROOT, 'test', 'fixtures', 'series'))];

describe('direct Markdown reader', () => {
  it('reads the corpus and the series fixtures itself, with remark’s blocks', () => {
    for (const f of realFiles) {
      const text = readFileSync(f, 'utf8');
      expectSame(text);
      // The HTML comment that opens the constructed GA fixture is remark's to read.
      if (!f.endsWith('constructed-ga-resolution.md')) expect(direct(text), f).toBe(true);
    }
    expect(realFiles.length).toBeGreaterThanOrEqual(10);
  });

  it('reads generated versions of 56/2 and their re-wrapped copies like remark', () => {
    const e = editable56_2();
    const md = toMarkdown(e);
    expectSame(md);
    expect(direct(md)).toBe(true);
    // Re-wrapped "copied" text, read as Markdown (a user can save it as .md).
    for (const width of [60, 90, 140]) for (const blank of [true, false]) expectSame(asCopiedText(md, width, blank));
  });

  it('gives remark’s answer, or leaves the text to remark, for documents at the edge of its shape', async () => {
    // Words of resolution Markdown, often; the constructs at the edge of the shape, now and then.
    const plain = fc.constantFrom('Recalling', 'the', 'Council', 'resolution', '56/2', '(A/HRC/56/2)', '“Kampala”', 'States’', "States'", '2024.', '19', 'and,', 'inter alia,', '–', '—', '[Adopted', 'vote.]', '[on the report]', 'x\u00a0y', '1.', '#5', '|', '~', '!');
    const emphasis = fc.constantFrom('*Recalling*', '*Recalling,*', '*Recalling also*', '**Agenda item 3**', '*Notes*', '(*x*)', '*“y”*', '“*z*”', '<sup>1</sup>', '<sup>12</sup>', 'x<sup>3</sup>,');
    const edge = fc.constantFrom(
      '*', '**', '***', '*a', 'a*', 'x*y*z', '*,*', '<sup>0</sup>', '<sup> 1</sup>', '<sup>x</sup>', '<br>', '<b>', '<', '>', 'a<b',
      ']', '[x](y)', '[x][y]', '[x]:', '![i]', '&', '&amp;', '&#42;', 'AT&T', '\\*', '`code`', '_x_', 'a_b', '\u00a0', '#', '2)',
    );
    // Half the documents keep to resolution words (the direct reader should answer), half mix in
    // the edge constructs (it should mostly refuse, and answer like remark when it does not).
    const doc = fc.boolean().chain((edgy) => {
      const word = edgy ? fc.oneof({ weight: 30, arbitrary: plain }, { weight: 8, arbitrary: emphasis }, { weight: 2, arbitrary: edge }) : fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: emphasis });
      return documents(fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' ')), edgy);
    });
    const documents = (inline: fc.Arbitrary<string>, edgy: boolean) => {
    const trailing = fc.constantFrom('', '', '', '', '', ' ', '  ', '   ');
    const paraLines = fc.array(fc.tuple(inline, trailing), { minLength: 1, maxLength: 3 }).map((ls) => ls.map(([l, t]) => l + t).join('\n'));
    // The usual form, and (in the edge half) now and then one of the rare ones.
    const often = <T,>(usual: T, ...rare: T[]) => (edgy ? fc.oneof({ weight: 3 * rare.length, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: fc.constantFrom(...rare) }) : fc.constant(usual));
    const block = fc.oneof(
      { weight: 12, arbitrary: paraLines },
      { weight: 6, arbitrary: fc.tuple(fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 99999 })), often('. ', ') ', '.  ', '.', '. \n'), paraLines).map(([n, m, p]) => `${n}${m}${p}`) },
      { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), often(' ', '  ', ''), inline, often('', ' #', ' ##', '  ')).map(([d, s, t, c]) => `${'#'.repeat(d)}${s}${t}${c}`) },
      { weight: 3, arbitrary: often('---', '----', '--- ', '--', '-', '***', '* * *', '- - -', '===', '___', '~~~', '```') },
      { weight: edgy ? 1 : 0, arbitrary: fc.tuple(fc.constantFrom(' ', '  ', '    ', '> ', '- ', '* ', '+ ', '<div>', '<!-- '), inline).map(([p, t]) => p + t) },
    );
    // A single "\n" (no blank line) in both halves: numbered lines in a row, a rule right under
    // a paragraph (a setext heading to CommonMark), a heading right under a paragraph.
    const sep = fc.constantFrom('\n\n', '\n\n', '\n\n', '\n\n\n', '\n', '\n  \n');
    const frontMatter = often('---\nsymbol: X/1\nconstructed: true\n---\n\n', '', '---\nsymbol: X/1\n---\n', '---\n---\n\n', '--- \nsymbol: X\n---\n\n', '---\na: [1, 2]\nb: x_y\n---\n\n', '---\nbad: [\n---\n\n', '---\n\n# Heading\n\n---\n');
    return fc.tuple(frontMatter, fc.array(fc.tuple(block, sep), { minLength: 1, maxLength: 10 })).map(([fm, bs]) => fm + bs.map(([b, s]) => b + s).join(''));
    };
    let answered = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(doc, async (text) => {
        runs++;
        if (direct(text)) answered++;
        expectSame(text);
        await breathe(runs);
      }),
      { numRuns: 800 * RUNS, seed: 14 },
    );
    // Both sides of the line are exercised: neither all refused nor all accepted.
    console.log(`direct reader answered ${answered} of ${runs} generated documents`);
    expect(answered / runs).toBeGreaterThan(0.3);
    expect(answered / runs).toBeLessThan(0.9);
  }, 120_000);

  it('gives remark’s answer for mutations of 56/2 (a character inserted, deleted or swapped)', async () => {
    // The head and first clauses of 56/2 (headings, bold title, hard breaks, rules, footnotes).
    const base = readFileSync(join(CORPUS, 'A-HRC-RES-56-2.md'), 'utf8').split('\n').slice(0, 75).join('\n');
    const ch = fc.constantFrom('*', '**', '<', '[', ']', '(', ' ', '  ', '\n', '\n\n', '#', '1. ', '---', '<sup>3</sup>', '_', '&', 'x', '“');
    const mutation = fc.tuple(fc.nat({ max: base.length - 1 }), fc.nat({ max: 3 }), ch);
    let answered = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
        let text = base;
        for (const [at, del, ins] of ms) text = text.slice(0, at) + ins + text.slice(at + del);
        if (direct(text)) answered++;
        expectSame(text);
        await breathe(++runs);
      }),
      { numRuns: 250 * RUNS, seed: 56 },
    );
    expect(answered).toBeGreaterThan(25 * RUNS);
    expect(answered).toBeLessThan(250 * RUNS);
  }, 120_000);
});
