/**
 * The three redline formats on the bundled comparison: the constructed earlier version
 * `example-2022` (front matter `constructed: true`) against the real HRC resolution 56/2, through
 * the library and through `resdiff compare` (CLI in-process), one browser for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { loadResolution } from '../../src/corpus/load.js';
import { compare } from '../../src/diff/compare.js';
import type { Comparison } from '../../src/diff/types.js';
import type { Resolution } from '../../src/model/types.js';
import { renderCompareHtml } from '../../src/render/html.js';
import { renderCompareDocx } from '../../src/render/docx.js';
import { PdfRenderer } from '../../src/render/pdf.js';
import { runCli } from '../support/cli.js';
import { OUT, ROOT } from '../support/paths.js';
import { attr, byClass, byTag, findAll, hasClass, parsePage, text, textWithout } from './dom.js';

const DIR = join(OUT, 'render');
let oldRes: Resolution;
let newRes: Resolution;
let c: Comparison;

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  oldRes = await loadResolution('example-2022', { cwd: ROOT });
  newRes = await loadResolution('56/2', { cwd: ROOT });
  c = compare(oldRes, newRes);
});

const squash = (t: string) => t.replace(/\s+/g, ' ').trim();

describe('HTML on the bundled comparison', () => {
  it('heads with both versions, labels the constructed one and lists new and dropped OPs', () => {
    const doc = parsePage(renderCompareHtml(c));
    expect(byClass(doc, 'symbol').map(text)).toEqual([c.old.symbol, 'A/HRC/RES/56/2']);
    expect(byClass(byClass(doc, 'old')[0]!, 'constructed-label')).toHaveLength(1);
    const changes = byClass(doc, 'change').map((r) => text(byTag(r, 'td')[0]!));
    for (const id of c.summary.OP.addedIds) expect(changes).toContain(`new ${id}`);
    for (const id of c.summary.OP.removedIds) expect(changes).toContain(`old ${id} (dropped; numbering of the earlier text)`);
  });

  it('has one article per pair, in order, and each new clause reads back from its side', () => {
    for (const layout of ['inline', 'side-by-side'] as const) {
      const doc = parsePage(renderCompareHtml(c, { layout }));
      const arts = byTag(doc, 'article');
      expect(arts).toHaveLength(c.pairs.length);
      arts.forEach((a, i) => expect(attr(a, 'data-new')).toBe(c.pairs[i]!.new.join(' ')));
      if (layout === 'side-by-side') {
        // one paragraph per new clause: a split clause's new side is two paragraphs
        const newSides = findAll(doc, (e) => hasClass(e, 'side') && hasClass(e, 'new') && !hasClass(e, 'empty'));
        const got = newSides.flatMap((s) => byClass(s, 'clause').map((cl) => squash(textWithout(cl, ['sup'])).replace(/^[\d.–, ]+(?=\D)/, '')));
        const byId = new Map(newRes.clauses.map((cl) => [cl.id, cl.text]));
        expect(got).toEqual(c.pairs.flatMap((p) => p.new.map((id) => squash(byId.get(id)!))));
      }
    }
  });

  it('shows the Kampala Summit as inserted and the Baku Summit as deleted', () => {
    const doc = parsePage(renderCompareHtml(c));
    const ins = squash(byTag(doc, 'ins').map(text).join(' | '));
    const del = squash(byTag(doc, 'del').map(text).join(' | '));
    expect(ins).toContain('Kampala');
    expect(del).toContain('Baku');
  });

  it('renders the diff2html style with diff2html markup and no scripts', () => {
    for (const layout of ['inline', 'side-by-side'] as const) {
      const doc = parsePage(renderCompareHtml(c, { style: 'diff2html', layout }));
      expect(byClass(doc, 'd2h-wrapper')).toHaveLength(1);
      expect(byTag(doc, 'script')).toHaveLength(0);
      // word-level matching happened on long prose lines (DESIGN §6): changed words are marked
      expect(findAll(doc, (e) => e.tagName === 'ins' || e.tagName === 'del').length).toBeGreaterThan(0);
      expect(text(doc)).toContain('Kampala');
      if (layout === 'side-by-side') {
        // the two sides are one table, so wrapped paragraphs stay level with each other
        const tables = byClass(doc, 'd2h-zipped-table');
        expect(tables).toHaveLength(1);
        for (const tr of byTag(tables[0]!, 'tr')) expect(byTag(tr, 'td')).toHaveLength(4);
      }
      // no rename badge, no resdiff legend over diff2html's colours
      expect(text(doc)).not.toMatch(/renamed/i);
      expect(byClass(doc, 'legend')).toHaveLength(0);
    }
  });

  it('diff2html view: every pair that is not unchanged in place, one clause per line, split and merged pieces apart', () => {
    const doc = parsePage(renderCompareHtml(c, { style: 'diff2html', layout: 'inline' }));
    const lines = findAll(doc, (e) => hasClass(e, 'd2h-code-line-ctn')).map((e) => squash(text(e)));
    const byOld = new Map(oldRes.clauses.map((cl) => [cl.id, squash(cl.text)]));
    const byNew = new Map(newRes.clauses.map((cl) => [cl.id, squash(cl.text)]));
    for (const p of c.pairs) {
      if (p.status === 'unchanged' && !p.moved) continue;
      for (const id of p.old) expect(lines, `old ${id}`).toContain(byOld.get(id));
      for (const id of p.new) expect(lines, `new ${id}`).toContain(byNew.get(id));
    }
    // the moved PP20 → PP33 is there, and the merged PP11 + PP12 are two lines
    expect(lines.filter((l) => l.startsWith('Stressing the need to explore ways and means'))).toHaveLength(2);
    expect(lines).toContain(byOld.get('PP12'));
  });
});

describe('DOCX on the bundled comparison', () => {
  it('accepted (as mammoth reads it) is the text of 56/2, clause by clause', async () => {
    const bytes = await renderCompareDocx(c);
    writeFileSync(join(DIR, 'bundled.docx'), bytes);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const body = value.split('The Human Rights Council,')[1]!;
    const paras = body.split(/\n+/).map((s) => s.trim()).filter(Boolean);
    // one paragraph per clause of 56/2: a split clause is two paragraphs, merged ones one (the
    // numbers are Word's numbering, which mammoth's raw text leaves out)
    const byId = new Map(newRes.clauses.map((cl) => [cl.id, cl]));
    const expected = c.pairs.flatMap((p) => p.new.map((id) => byId.get(id)!.text));
    expect(paras).toEqual(expected.map((s) => s.trim()));
    expect(c.pairs.some((p) => p.status === 'split') && c.pairs.some((p) => p.status === 'merged')).toBe(true);
    // and the new-side texts are the clauses of 56/2 (split clauses joined)
    const texts = paras.map((t) => t.replace(/^[\d.–, ]+\t/, '')).join(' ');
    expect(squash(texts)).toBe(squash(newRes.clauses.map((cl) => cl.text).join(' ')));
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:ins [^>]*w:author="resdiff"[^>]*>.*?Kampala/s);
    expect(xml).toMatch(/<w:del [^>]*w:author="resdiff"[^>]*>.*?Baku/s);
  });
});

describe('PDF on the bundled comparison (one browser)', () => {
  let r: PdfRenderer;
  beforeAll(async () => {
    r = await PdfRenderer.launch();
  }, 60_000);
  afterAll(async () => {
    await r?.close();
  });

  it('holds the changed words, the running header and page X of Y, and the summary on page 1', async () => {
    const file = join(DIR, 'bundled.pdf');
    writeFileSync(file, await r.render(c));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(3);
    const t1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'], { encoding: 'utf8' });
    expect(t1).toContain(`Redline: ${c.old.symbol} → A/HRC/RES/56/2`);
    expect(t1).toMatch(new RegExp(`Page 1 of ${pages}`));
    expect(t1).toContain('Summary');
    for (const id of c.summary.OP.addedIds) expect(t1).toContain(`new ${id}`);
    const all = squash(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    expect(all).toContain('Kampala');
    expect(all).toContain('Baku');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, join(DIR, 'bundled-page')]);
  }, 60_000);
});

describe('resdiff compare --format html|pdf|docx', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'resdiff-redline-'));

  it('writes each format to --output, and refuses binary formats without it', async () => {
    for (const [format, magic] of [['html', '<!doctype html>'], ['pdf', '%PDF-'], ['docx', 'PK']] as const) {
      const out = join(tmp, `r.${format}`);
      const r = await runCli(['compare', 'example-2022', '56/2', '--format', format, '--output', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(out).subarray(0, magic.length).toString('latin1')).toBe(magic);
    }
    const r = await runCli(['compare', 'example-2022', '56/2', '--format', 'docx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('resdiff: --format docx writes a binary file: give --output FILE\n');
    expect(r.bytes.length).toBe(0);
  }, 90_000);

  it('takes --layout and --style for HTML on standard output', async () => {
    const r = await runCli(['compare', 'example-2022', '56/2', '--format', 'html', '--layout', 'side-by-side', '--style', 'diff2html']);
    expect(r.code, r.stderr).toBe(0);
    const doc = parsePage(r.stdout);
    expect(hasClass(byTag(doc, 'body')[0]!, 'layout-side-by-side')).toBe(true);
    expect(byClass(doc, 'd2h-files-diff').length).toBeGreaterThan(0);
  });

  it('runs a --pairs batch, one PDF per line, and names the bad line of a broken file', async () => {
    const pairs = join(tmp, 'pairs.txt');
    writeFileSync(pairs, `# old new output\nexample-2022 56/2 ${join(tmp, 'batch', 'a.pdf')}\n\n56/2 example-2022 ${join(tmp, 'batch', 'b.pdf')}\n`);
    const r = await runCli(['compare', '--pairs', pairs, '--format', 'pdf']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(tmp, 'batch')).sort()).toEqual(['a.pdf', 'b.pdf']);
    writeFileSync(pairs, `example-2022 56/2 ${join(tmp, 'c.pdf')}\nexample-2022 56/2\n`);
    const bad = await runCli(['compare', '--pairs', pairs, '--format', 'pdf']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(`resdiff: ${pairs}:2: expected "OLD NEW OUTPUT", found 2 fields\n`);
    expect(existsSync(join(tmp, 'c.pdf'))).toBe(false);
  }, 90_000);

  it('says how to install a browser when the one named does not exist, and writes nothing', async () => {
    const out = join(tmp, 'none.pdf');
    const r = await runCli(['compare', 'example-2022', '56/2', '--format', 'pdf', '--output', out], { env: { RESDIFF_CHROMIUM: '/nonexistent/chromium' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('resdiff: RESDIFF_CHROMIUM is set to /nonexistent/chromium, which does not exist; install one (apt-get install chromium) or set RESDIFF_CHROMIUM to its path\n');
    expect(existsSync(out)).toBe(false);
  });
});
