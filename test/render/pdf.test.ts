/**
 * The PDF redline, printed by a real Chromium and read back with poppler (pdfinfo, pdftotext):
 * A4, the changed words, the running header on every page, "Page X of Y", the summary on page 1,
 * one browser for a batch. Constructed comparisons (see fixtures.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PdfRenderer } from '../../src/render/pdf.js';
import { findChromium } from '../../src/render/browser.js';
import { InputError } from '../../src/errors.js';
import { constructedComparison, longComparison } from './fixtures.js';
import { OUT } from '../support/paths.js';

const DIR = join(OUT, 'render');

function save(name: string, bytes: Uint8Array): string {
  mkdirSync(DIR, { recursive: true });
  const file = join(DIR, name);
  writeFileSync(file, bytes);
  return file;
}

function pdfinfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

function pageText(file: string, page?: number, layout = true): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), ...range, file, '-'], { encoding: 'utf8' });
}

describe('renderComparePdf', () => {
  let r: PdfRenderer;
  beforeAll(async () => {
    r = await PdfRenderer.launch();
  }, 60_000);
  afterAll(async () => {
    await r?.close();
  });

  it('prints an A4 redline with the changed words, a running header and page X of Y', async () => {
    const file = save('long-inline.pdf', await r.render(longComparison(40)));
    const info = pdfinfo(file);
    expect(info['Page size']).toMatch(/^595\.\d+ x 841\.\d+|^595\.\d+ x 842\.\d+/);
    const pages = Number(info.Pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    const all = pageText(file);
    for (const w of ['Kampala Summit of January 2024', 'Baku Summit of October 2019', 'redouble efforts towards', 'Durban Declaration']) {
      expect(all.replace(/\s+/g, ' ')).toContain(w);
    }
    for (let p = 1; p <= pages; p++) {
      const t = pageText(file, p);
      expect(t, `page ${p}`).toContain('Redline: A/HRC/RES/EXAMPLE/2022 → A/HRC/RES/56/2');
      expect(t, `page ${p}`).toMatch(new RegExp(`page ${p} of ${pages}`, 'i'));
    }
    const first = pageText(file, 1);
    expect(first).toContain('Summary');
    expect(first).toContain('new OP2');
    expect(first).toContain('old OP2 (dropped; numbering of the earlier text)');
    expect(first).toMatch(/constructed example/i);
  }, 60_000);

  it('prints the side-by-side layout and the diff2html style', async () => {
    const side = save('side-by-side.pdf', await r.render(constructedComparison(), { layout: 'side-by-side' }));
    const t = pageText(side).replace(/\s+/g, ' ');
    expect(t).toContain('Kampala Summit of');
    expect(t).toContain('(not in the earlier text)');
    const d2h = save('diff2html.pdf', await r.render(constructedComparison(), { style: 'diff2html', layout: 'side-by-side' }));
    // two columns: read in reading order, not as laid out (which interleaves the sides)
    const d = pageText(d2h, undefined, false).replace(/\s+/g, ' ');
    expect(d).toContain('Kampala Summit of January 2024');
    expect(d).toContain('Baku Summit of October 2019');
    expect(pageText(d2h, 1)).toMatch(/Page 1 of \d+/);
  }, 60_000);

  it('prints a batch with one browser', async () => {
    const pdfs = await r.renderAll([constructedComparison(), constructedComparison(), longComparison(5)]);
    expect(pdfs).toHaveLength(3);
    for (const b of pdfs) expect(Buffer.from(b.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(r.connected).toBe(true);
  }, 60_000);
});

describe('findChromium', () => {
  it('takes RESDIFF_CHROMIUM first, and names a missing one in a one-line error', async () => {
    const found = await findChromium({});
    expect(await findChromium({ RESDIFF_CHROMIUM: found })).toBe(found);
    const e = await findChromium({ RESDIFF_CHROMIUM: '/nonexistent/chromium' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toBe(
      'RESDIFF_CHROMIUM is set to /nonexistent/chromium, which does not exist; install one (apt-get install chromium) or set RESDIFF_CHROMIUM to its path',
    );
    const e2 = await findChromium({ CHROME_PATH: '/nonexistent/chrome' }).catch((x: unknown) => x);
    expect((e2 as InputError).message).toMatch(/^CHROME_PATH is set to \/nonexistent\/chrome/);
  }, 30_000);
});
