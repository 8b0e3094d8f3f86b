/**
 * The plain-text and HTML cases of the document zoo (test/support/zoo): HRC resolution 56/2 as
 * pdftotext writes it (default and -layout) from the Chromium and LibreOffice PDFs, as a PDF
 * viewer copies it (pdf.js text content, joined as the viewer's copy joins it), and as HTML pages
 * (<i> and <em> openings, <sup> markers, typed, <ol> and CSS-counter OP numbers, endnotes, a
 * page paginated by Chromium with footnotes at each page foot). Each is read back through the
 * CLI's path and must be 56/2: no changed clause, 33 PP / 37 OP, the five footnotes on PP3, PP8,
 * PP10, OP20 and OP32, vote 31–14–2, symbol, title and date.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { parseResolution } from '../../src/model/parse.js';
import { ZOO, zooFile } from '../support/zoo/index.js';
import { expectReadsAs562, summarise562 } from '../support/zoo-expect.js';

async function read(bytes: Uint8Array, name: string) {
  return parseResolution(await ingest(bytes, name));
}

/**
 * What selecting all and copying gives in a PDF viewer built on pdf.js: each page's text items in
 * stream order, a line break where pdf.js marks the end of a line, pages one after another with
 * no form feed.
 */
async function viewerCopy(pdfPath: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdfPath)), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    let out = '';
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        out += item.str;
        if (item.hasEOL) out += '\n';
      }
      out += '\n';
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

describe('56/2 from text extracted out of PDFs', () => {
  for (const c of ZOO.filter((z) => z.kind === 'text')) {
    it(`${c.name}: ${c.producer}`, async () => {
      const path = await zooFile(c.name);
      const m = await expectReadsAs562(await read(new Uint8Array(readFileSync(path)), path), c.name);
      console.log(`${c.name}: ${summarise562(m)}`);
    }, 240_000);
  }

  for (const pdf of ['libreoffice-pdf-from-docx', 'chromium-pdf-endnotes']) {
    it(`viewer-copy-${pdf}: a PDF viewer's copy (pdf.js text content) of ${pdf}`, async () => {
      const text = await viewerCopy(await zooFile(pdf));
      const m = await expectReadsAs562(await read(Buffer.from(text), `viewer-copy-${pdf}.txt`), `viewer-copy-${pdf}`);
      console.log(`viewer-copy-${pdf}: ${summarise562(m)}`);
    }, 240_000);
  }
});

describe('56/2 from HTML pages', () => {
  for (const c of ZOO.filter((z) => z.kind === 'html')) {
    it(`${c.name}: ${c.producer}`, async () => {
      const path = await zooFile(c.name);
      const r = await read(new Uint8Array(readFileSync(path)), path);
      const m = await expectReadsAs562(r, c.name);
      expect(r.warnings).toEqual([]);
      console.log(`${c.name}: ${summarise562(m)}`);
    }, 240_000);
  }
});
