/**
 * The PDF redline, printed by a real Chromium and read back with poppler (pdfinfo, pdftotext):
 * A4, the changed words, the running header on every page, "Page X of Y", the summary on page 1,
 * one browser for a batch; the list of changes' page numbers, written after the one print from
 * the PDF's own destinations (checked with pdfjs, an independent reader, and against the text
 * of the page named). Constructed comparisons (see fixtures.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeBrowser, PdfRenderer, renderComparePdf, startBrowser } from '../../src/render/pdf.js';
import { changeList } from '../../src/render/redline.js';
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

  it('writes each change\'s page into the list, also where the list runs over onto page 2, on the row\'s baseline and tagged as the link\'s text', async () => {
    const c = longComparison(60);
    const file = save('long-list.pdf', await r.render(c));
    const pages = Number(pdfinfo(file).Pages);
    const list = changeList(c);
    expect(list.length).toBeGreaterThan(60);
    // The pages the list takes: those before the first that prints a clause.
    const listPages: number[] = [];
    for (let p = 1; p <= pages && !/Preambular paragraphs|Operative paragraphs/.test(pageText(file, p, false)); p++) listPages.push(p);
    expect(listPages.length).toBeGreaterThanOrEqual(2);
    const listText = listPages.map((p) => pageText(file, p, false)).join(' ').replace(/\s+/g, ' ');
    const listed = new Map<string, number>();
    for (const e of list) {
      const m = new RegExp(`(?:^| )${e.ids.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} [a-z ,†]+ p\\. (\\d+)`).exec(listText);
      if (m) listed.set(e.ids, Number(m[1]));
    }
    expect(listed.size).toBe(list.length);

    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0, isEvalSupported: false });
    try {
      const doc = await task.promise;
      for (const e of list) {
        const n = listed.get(e.ids);
        const dest = (await doc.getDestination(e.anchor)) as unknown[] | null;
        expect(dest, e.anchor).not.toBeNull();
        const destPage = (await doc.getPageIndex(dest![0] as Parameters<typeof doc.getPageIndex>[0])) + 1;
        expect(n, e.ids).toBe(destPage);
        expect(n!).toBeGreaterThan(listPages.at(-1)!);
        if (e.ids.startsWith('OP')) expect(pageText(file, n, false), `${e.ids} on p. ${n}`).toMatch(new RegExp(`\\b${e.ids}\\b`));
      }
      // Tagged: on each page of the list, every number is the text of a link in the structure tree.
      for (const p of listPages) {
        const page = await doc.getPage(p);
        const content = await page.getTextContent({ includeMarkedContent: true });
        const text = new Map<string, string>();
        const open: string[] = [];
        for (const it of content.items as Array<{ type?: string; id?: string; str?: string }>) {
          if (it.type === 'beginMarkedContentProps' || it.type === 'beginMarkedContent') open.push(it.id ?? '');
          else if (it.type === 'endMarkedContent') open.pop();
          else if (it.str !== undefined && open.at(-1)) text.set(open.at(-1)!, (text.get(open.at(-1)!) ?? '') + it.str);
        }
        type Node = { role?: string; type?: string; id?: string; children?: Node[] };
        const linkTexts: string[] = [];
        const walk = (n: Node) => {
          if (n.role === 'Link') linkTexts.push((n.children ?? []).filter((k) => k.type === 'content').map((k) => text.get(k.id!) ?? '').join(''));
          for (const k of n.children ?? []) walk(k);
        };
        walk((await page.getStructTree()) as Node);
        const numbers = linkTexts.filter((t) => /^\d+$/.test(t));
        const rows = [...pageText(file, p, false).matchAll(/p\. \d+/g)].length;
        expect(numbers.length, `page ${p}`).toBe(rows);
      }
    } finally {
      await task.destroy();
    }

    // On the row's baseline, at the size of the "p." beside it.
    const words = [...execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', String(listPages.at(-1)), file, '-'], { encoding: 'utf8' }).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), w: m[5]! }));
    let checked = 0;
    words.forEach((w, i) => {
      const next = words[i + 1];
      if (w.w !== 'p.' || !next || !/^\d+$/.test(next.w)) return;
      expect(Math.abs(next.y1 - w.y1)).toBeLessThan(1.5);
      expect(next.x0 - w.x1).toBeGreaterThan(0.5);
      expect(next.x0 - w.x1).toBeLessThan(w.y1 - w.y0);
      checked++;
    });
    expect(checked).toBe(list.length);
  }, 120_000);

  it('prints the running header from any name: quotes, backslashes and markup in a symbol stay text', async () => {
    const c = constructedComparison();
    c.old.symbol = 'A/"X"\\</style><h1>Injected</h1>é';
    const file = save('hostile-head.pdf', await r.render(c));
    const pages = Number(pdfinfo(file).Pages);
    for (let p = 1; p <= pages; p++) {
      const t = pageText(file, p);
      expect(t, `page ${p}`).toContain('Redline: A/"X"\\</style><h1>Injected</h1>é → A/HRC/RES/56/2');
      expect(t, `page ${p}`).toMatch(new RegExp(`Page ${p} of ${pages}`));
    }
  }, 60_000);

  it('prints a batch with one browser', async () => {
    const pdfs = await r.renderAll([constructedComparison(), constructedComparison(), longComparison(5)]);
    expect(pdfs).toHaveLength(3);
    for (const b of pdfs) expect(Buffer.from(b.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(r.connected).toBe(true);
  }, 60_000);
});

describe('the shared browser', () => {
  afterAll(async () => {
    await closeBrowser();
  });
  const bad = { RESDIFF_CHROMIUM: '/nonexistent/chromium' };

  it('a start that failed is reported to its caller and forgotten: the next print starts a browser', async () => {
    await expect(renderComparePdf(constructedComparison(), { env: bad })).rejects.toThrow(/^RESDIFF_CHROMIUM is set to \/nonexistent\/chromium/);
    const pdf = await renderComparePdf(constructedComparison(), { env: {} });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    await closeBrowser();
  }, 120_000);

  it('an early start that failed is reported by the first print (once), and the print after starts again', async () => {
    startBrowser(bad);
    await expect(renderComparePdf(constructedComparison(), { env: {} })).rejects.toThrow(/^RESDIFF_CHROMIUM is set to \/nonexistent\/chromium/);
    const pdf = await renderComparePdf(constructedComparison(), { env: {} });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    await closeBrowser();
  }, 120_000);
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
