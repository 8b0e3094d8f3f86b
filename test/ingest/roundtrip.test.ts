/**
 * HRC resolution 56/2 read back from the documents users hold: a Word rendition built from the
 * corpus text (masthead, running heads, job number, Word-numbered OPs, real footnotes) and the PDF
 * LibreOffice makes of it. Both must give the same resolution as the Markdown, clause for clause.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { makeDocx, makePdf } from '../support/make-docs.js';
import { expectSameResolution, parseFile, reference } from './helpers.js';
import type { Resolution } from '../../src/model/types.js';

let ref: Resolution;
beforeAll(async () => {
  ref = await reference();
});

/** Checks common to both renditions: no page furniture in the text, masthead in metadata. */
function expectCleanText(markdown: string, meta: Record<string, unknown>): void {
  expect(meta).toMatchObject({ symbol: 'A/HRC/RES/56/2', distribution: 'General', issued: '2024-07-11', originalLanguage: 'English', jobNumber: 'GE.24-12826(E)' });
  expect(meta.constructed).toBe(true);
  const paras = markdown.split(/\n\n+/).map((p) => p.trim());
  expect(markdown).not.toContain('GE.24-12826');
  expect(paras).not.toContain('A/HRC/RES/56/2');
  expect(paras.filter((p) => /^\d{1,2}$/.test(p))).toEqual([]); // page numbers
  // Footnote texts come once, after the rule, never in the flow.
  expect(markdown.match(/^---$/gm)).toHaveLength(1);
  expect(markdown.split('\n---\n')[1].match(/^<sup>\d<\/sup> /gm)).toHaveLength(5);
  // The paragraph that the page break cut in two (PP17) is whole again.
  expect(markdown).toContain('including in the context of the universal periodic review');
  // Real hyphens kept at line ends.
  for (const w of ['Non-Aligned', 'COVID-19', 'South-South', 'non-selectivity', 'fifty-ninth', 'above-mentioned']) expect(markdown).toContain(w);
  expect(paras).toContain('*The Human Rights Council,*');
  expect(paras).toContain('12. *Considers* that international cooperation in the field of human rights, consistent with the purposes and principles set out in the Charter and international law, should make an effective and practical contribution to the urgent task of preventing violations of human rights and fundamental freedoms;');
  expect(paras).toContain('*Recalling also* General Assembly resolution 69/313 of 27 July 2015 on the Addis Ababa Action Agenda of the Third International Conference on Financing for Development, which is an integral part of the 2030 Agenda for Sustainable Development, and recalling further the Paris Agreement,<sup>1</sup>');
}

describe('56/2 from its DOCX', () => {
  it('gives the same clauses, footnotes, vote and head as the Markdown', async () => {
    const { docxPath } = await makeDocx();
    const { r, markdown, meta, ms } = await parseFile(docxPath);
    console.log(`DOCX read in ${ms.toFixed(0)} ms`);
    expectSameResolution(r, ref);
    expectCleanText(markdown, meta);
  });
});

describe('56/2 from its PDF', () => {
  it('gives the same clauses, footnotes, vote and head as the Markdown', async () => {
    const { pdfPath } = await makePdf();
    const { r, markdown, meta, ms } = await parseFile(pdfPath);
    console.log(`PDF read in ${ms.toFixed(0)} ms`);
    expectSameResolution(r, ref);
    expectCleanText(markdown, meta);
    expect(meta.pages).toBeGreaterThanOrEqual(5);
  }, 240_000);

  it('undoes end-of-line hyphenation in a hyphenated rendition and keeps real hyphens', async () => {
    const { pdfPath } = await makePdf('A-HRC-RES-56-2', { hyphenate: true });
    // The rendition really is hyphenated: many lines end in a hyphen inside a word.
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdfPath)), isEvalSupported: false, verbosity: 0 }).promise;
    let broken = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const tc = await (await doc.getPage(n)).getTextContent();
      for (const it of tc.items) if ('str' in it && /[a-z] ?-$/.test(it.str) && it.hasEOL) broken++;
    }
    await doc.destroy();
    expect(broken, 'LibreOffice did not hyphenate: apt-get install -y hyphen-en-us').toBeGreaterThan(20);
    const { r, markdown, meta } = await parseFile(pdfPath);
    expectSameResolution(r, ref);
    expectCleanText(markdown, meta);
  }, 240_000);
});

describe('a New York rendition', () => {
  it('reads the New York job number and drops it from the text', async () => {
    const { pdfPath } = await makePdf('A-HRC-RES-56-2', { jobNumber: '24-12826 (E) 110724' });
    const { r, markdown, meta } = await parseFile(pdfPath);
    expect(meta.jobNumber).toBe('24-12826 (E) 110724');
    expect(markdown).not.toContain('24-12826');
    expectSameResolution(r, ref);
  }, 240_000);
});

describe('show takes PDF and DOCX paths directly', () => {
  it('prints the same JSON model as for the Markdown', async () => {
    const { runCli } = await import('../support/cli.js');
    const { RES_56_2 } = await import('../support/paths.js');
    const { pdfPath, docxPath } = await makePdf();
    const md = JSON.parse((await runCli(['show', RES_56_2, '--format', 'json'])).stdout);
    for (const path of [pdfPath, docxPath]) {
      const r = await runCli(['show', path, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const got = JSON.parse(r.stdout);
      // Line numbers point into each source (the rebuilt Markdown for PDF/DOCX); all else is equal.
      const strip = (cs: Record<string, unknown>[]) => cs.map(({ line: _line, position: _position, ...rest }) => rest);
      expect(strip(got.clauses)).toEqual(strip(md.clauses));
      expect(got.vote).toEqual(md.vote);
      expect(got.footnotes).toEqual(md.footnotes);
    }
  }, 240_000);
});
