/**
 * The PDF and DOCX cases of the document zoo (test/support/zoo): HRC resolution 56/2 as Chromium,
 * LibreOffice, Ghostscript, pdf-lib (glyph by glyph) and Word-file writers produce it, each read
 * back through the same path as the CLI and compared with the corpus text: no changed clause,
 * 33 PP / 37 OP, five footnotes on PP3, PP8, PP10, OP20 and OP32, vote 31–14–2, symbol, title
 * and date. The renditions are made on first use and cached in the OS temp dir.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingest, type Explain, type Source } from '../../src/ingest/index.js';
import { parseResolution } from '../../src/model/parse.js';
import type { Resolution } from '../../src/model/types.js';
import { ZOO, zooFile } from '../support/zoo/index.js';
import { expectReadsAs562, summarise562 } from '../support/zoo-expect.js';

/**
 * Ghostscript 10's new PDF interpreter rewrites the ToUnicode map of Chromium's fonts so that the
 * curly double quotes read as "<" and "=" — in the file's own text layer, as pdftotext shows too.
 * No reader can know better than the text layer; for that case only, the test maps them back after
 * checking that the text layer really says so, and holds every other fact to the same standard.
 */
function undoGhostscriptQuotes(path: string, r: Resolution): Resolution {
  const layer = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { timeout: 60_000 }).toString();
  if (!/entitled <Transforming/.test(layer)) return r;
  const fix = (s: string) => s.replace(/(^|[\s(])<(?=\S)/g, '$1“').replace(/(?<=\S)=(?=[\s,.;:)]|$)/g, '”');
  return { ...r, clauses: r.clauses.map((c) => ({ ...c, text: fix(c.text), opening: fix(c.opening) })) };
}

/** Each case is read once per run; the --explain tests look at the same reading's trace. */
const readings = new Map<string, Promise<{ path: string; source: Source; trace: Explain }>>();
function read(name: string) {
  let r = readings.get(name);
  if (!r) {
    r = (async () => {
      const path = await zooFile(name);
      const trace: Explain = [];
      const source = await ingest(new Uint8Array(readFileSync(path)), path, { explain: trace });
      return { path, source, trace };
    })();
    readings.set(name, r);
  }
  return r;
}

describe('56/2 from every PDF and DOCX producer', () => {
  for (const c of ZOO.filter((z) => z.kind === 'pdf' || z.kind === 'docx')) {
    it(`${c.name}: ${c.producer}`, async () => {
      const { path, source } = await read(c.name);
      let r = parseResolution(source);
      if (c.name === 'ghostscript-pdf-from-chromium') r = undoGhostscriptQuotes(path, r);
      const m = await expectReadsAs562(r, c.name);
      console.log(`${c.name}: ${summarise562(m)}`);
    }, 240_000);
  }
});

describe('what the readers record for --explain', () => {
  it('a PDF with endnotes says where each footnote text came from', async () => {
    const { trace } = await read('chromium-pdf-plain');
    const notes = trace.filter((s) => s.action === 'footnote' && s.stage === 'pdf');
    expect(notes.map((s) => s.reason.match(/^endnote (\d+)/)?.[1])).toEqual(['1', '2', '3', '4', '5']);
    expect(notes[0].text).toMatch(/^See FCCC\/CP\/2015\/10\/Add\.1/);
  }, 240_000);

  it('a Word file saved from HTML reads its raised digits as markers and its endnote section as footnotes', async () => {
    const { source, trace } = await read('libreoffice-docx-from-html-plain');
    expect(source.text).toContain('recalling further the Paris Agreement,<sup>1</sup>');
    expect(trace.filter((s) => s.action === 'footnote' && s.stage === 'docx')).toHaveLength(5);
  }, 240_000);

  it('a PDF with running heads and a paragraph cut by a page break says what it dropped and joined', async () => {
    const { trace } = await read('pdflib-pdf-glyphs');
    const pdf = trace.filter((s) => s.stage === 'pdf');
    const dropped = pdf.filter((s) => s.action === 'dropped');
    // The symbol on every page after the first, the page numbers, the job number on page 1.
    expect(dropped.filter((s) => s.text === 'A/HRC/RES/56/2').map((s) => s.page)).toEqual([2, 3, 4, 5, 6]);
    expect(dropped.filter((s) => /^page number/.test(s.reason)).map((s) => s.text)).toEqual(['2', '3', '4', '5', '6']);
    expect(dropped.filter((s) => s.text === 'GE.24-12826(E)').map((s) => s.page)).toEqual([1]);
    expect(pdf.filter((s) => s.action === 'joined').length).toBeGreaterThan(0);
    expect(pdf.filter((s) => s.action === 'marker').map((s) => /^footnote marker (\d)/.exec(s.reason)?.[1])).toEqual(['1', '2', '3', '4', '5']);
    expect(pdf.some((s) => s.action === 'note' && /glyph by glyph/.test(s.reason))).toBe(true);
  }, 240_000);

  it('a Word file says which markers are real footnote references and which OP numbers Word printed', async () => {
    const { trace } = await read('docx-footnotes-wordlist');
    expect(trace.filter((s) => s.action === 'marker').map((s) => s.reason)).toEqual([1, 2, 3, 4, 5].map((n) => `footnote marker ${n}: a Word footnote or endnote reference`));
    expect(trace.filter((s) => s.action === 'note' && /Word list numbering/.test(s.reason))).toHaveLength(37);
  }, 240_000);
});
