/**
 * The PDF a delegation negotiates from, on the bundled comparison (the constructed example-2022
 * against the real 56/2), printed by a real Chromium and read back with pdfjs and poppler:
 * page 1 lists every change with the page it is on (checked against where the clause is
 * printed), one bookmark per changed clause, metadata (title, both symbols, date, version,
 * Creator "resdiff"), the chapeau, footnotes and closing block; --changes-only folds unchanged
 * clauses; --style un prints insertions bold and deletions struck through, in black.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadResolution } from '../../src/corpus/load.js';
import { compare } from '../../src/diff/compare.js';
import type { Comparison } from '../../src/diff/types.js';
import type { Resolution } from '../../src/model/types.js';
import { PdfRenderer } from '../../src/render/pdf.js';
import { changeList } from '../../src/render/redline.js';
import { renderCompareHtml } from '../../src/render/html.js';
import { launchChromium } from '../../src/render/browser.js';
import { OUT } from '../support/paths.js';
import { byClass, byTag, parsePage, text } from './dom.js';
import { runCli } from '../support/cli.js';
import { readDocx } from '../support/wordml.js';
import { readFileSync } from 'node:fs';

const DIR = join(OUT, 'render');
const squash = (t: string) => t.replace(/\s+/g, ' ').trim();

function pageText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, file, '-'], { encoding: 'utf8', timeout: 60_000 });
}

/** The titles of a PDF's outline, depth first. */
async function outlineTitles(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false });
  try {
    const doc = await task.promise;
    const out: string[] = [];
    const walk = (items: Array<{ title: string; items: unknown[] }> | null) => {
      for (const it of items ?? []) {
        out.push(it.title);
        walk(it.items as Array<{ title: string; items: unknown[] }>);
      }
    };
    walk((await doc.getOutline()) as Array<{ title: string; items: unknown[] }> | null);
    return out;
  } finally {
    await task.destroy();
  }
}

describe('the PDF redline of example-2022 → 56/2', () => {
  let r: PdfRenderer;
  let oldRes: Resolution;
  let newRes: Resolution;
  let c: Comparison;
  let full: Uint8Array;
  let file: string;
  beforeAll(async () => {
    oldRes = await loadResolution('example-2022');
    newRes = await loadResolution('56/2');
    c = compare(oldRes, newRes);
    r = await PdfRenderer.launch();
    full = await r.render(c, { docs: { old: oldRes, new: newRes }, version: '9.9.9', generated: new Date('2026-01-02T03:04:05Z') });
    mkdirSync(DIR, { recursive: true });
    file = join(DIR, 'redline-56-2.pdf');
    writeFileSync(file, full);
  }, 180_000);
  afterAll(async () => {
    await r?.close();
  });

  it('page 1 lists every change, its kind and the page where the clause is printed', () => {
    const p1 = squash(pageText(file, 1));
    const list = changeList(c);
    expect(list).toHaveLength(14);
    for (const e of list) {
      const m = new RegExp(`${e.ids.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} [a-z ,†]+ p\\. (\\d+)`).exec(p1);
      expect(m, e.ids).not.toBeNull();
      const page = Number(m![1]);
      expect(page).toBeGreaterThan(1);
      // The clause's heading is printed on that page.
      expect(squash(pageText(file, page)), `${e.ids} on p. ${page}`).toContain(e.ids);
    }
    expect(p1).toContain('new OP26 new');
    expect(p1).toContain('old OP26 (dropped; numbering of the earlier text) dropped');
    expect(p1).toContain('old OP22 → new OP21 + OP22 split');
    expect(p1).toContain('old PP11 + PP12 → new PP11 merged');
    expect(p1).toContain('old PP20 → new PP33 moved');
    expect(p1).toContain('PP4 technical update');
  });

  it('has one bookmark per changed clause', async () => {
    const titles = await outlineTitles(full);
    for (const e of changeList(c)) expect(titles).toContain(e.ids);
    // and none for the 56 clauses unchanged in place
    expect(titles.filter((t) => /^(PP|OP)\d+$/.test(t))).toEqual(changeList(c).filter((e) => /^(PP|OP)\d+$/.test(e.ids)).map((e) => e.ids));
  });

  it('carries its metadata: title, both symbols, date, tool version, Creator resdiff', () => {
    const info = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8', timeout: 60_000 });
    expect(info).toMatch(/Title:\s+Redline: EXAMPLE\/HRC\/2022 → A\/HRC\/RES\/56\/2/);
    expect(info).toMatch(/Subject:\s+Changes from EXAMPLE\/HRC\/2022 to A\/HRC\/RES\/56\/2/);
    expect(info).toMatch(/Creator:\s+resdiff\n/);
    expect(info).toMatch(/Producer:\s+resdiff 9\.9\.9/);
    expect(info).toMatch(/CreationDate:\s+2026-01-02T03:04:05/);
    expect(pageText(file, 1)).toContain('Generated 2 January 2026 by resdiff 9.9.9');
  });

  it('prints the whole resolution: head block, chapeau, footnotes and the closing block', () => {
    const all = squash(pageText(file));
    expect(all).toContain('The Human Rights Council,');
    expect(all).toContain('Resolution adopted by the Human Rights Council on');
    for (const n of Object.keys(newRes.footnotes)) expect(all).toContain(squash(newRes.footnotes[n]!));
    expect(all).toContain('Footnotes');
    expect(all).toMatch(/34th\W+meeting/);
    expect(all).toContain('[Adopted by a recorded vote of 31 to');
    expect(all).toContain('Abstaining:');
  });

  it('--changes-only folds the unchanged clauses to one line each and prints fewer pages', async () => {
    const short = await r.render(c, { docs: { old: oldRes, new: newRes }, changesOnly: true });
    const f = join(DIR, 'redline-56-2-changes-only.pdf');
    writeFileSync(f, short);
    const pages = (b: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [b], { encoding: 'utf8' }))![1]);
    expect(pages(f)).toBeLessThan(pages(file));
    expect(pages(f)).toBeLessThanOrEqual(6);
    const doc = parsePage(renderCompareHtml(c, { docs: { old: oldRes, new: newRes }, changesOnly: true }));
    const folded = byClass(doc, 'folded');
    expect(folded).toHaveLength(c.pairs.filter((p) => p.status === 'unchanged' && !p.moved).length);
    expect(squash(text(folded[0]!))).toBe('PP1 Reaffirming … unchanged');
    expect(byTag(doc, 'article')).toHaveLength(14);
  }, 120_000);

  it('--style un: insertions bold, deletions struck through, black only; technical updates carry a dagger', async () => {
    const html = renderCompareHtml(c, { docs: { old: oldRes, new: newRes }, style: 'un' });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(60_000);
      await page.setContent(html);
      const style = (sel: string) =>
        page.$eval(sel, (e) => {
          const s = getComputedStyle(e);
          return { weight: s.fontWeight, line: s.textDecorationLine, color: s.color, bg: s.backgroundColor, after: getComputedStyle(e, '::after').content };
        });
      const ins = await style('article.substantive ins');
      const del = await style('article.substantive del');
      const tech = await style('article.technical ins.tech');
      expect(Number(ins.weight)).toBeGreaterThanOrEqual(700);
      expect(ins.line).toBe('none');
      expect(del.line).toBe('line-through');
      for (const s of [ins, del, tech]) expect(s.color).toBe('rgb(0, 0, 0)');
      expect(ins.bg).toBe('rgba(0, 0, 0, 0)');
      expect(tech.after).toBe('"†"');
    } finally {
      await browser.close();
    }
    const un = await r.render(c, { docs: { old: oldRes, new: newRes }, style: 'un', changesOnly: true });
    writeFileSync(join(DIR, 'redline-56-2-un.pdf'), un);
    expect(squash(pageText(join(DIR, 'redline-56-2-un.pdf'), 1))).toContain('inserted text (bold)');
  }, 120_000);
});

describe('resdiff compare: redline options on the command line', () => {
  it('--style un --changes-only on HTML; --help calls diff2html a developer view', async () => {
    const r = await runCli(['compare', 'example-2022', '56/2', '--format', 'html', '--style', 'un', '--changes-only']);
    expect(r.code, r.stderr).toBe(0);
    const doc = parsePage(r.stdout);
    expect(r.stdout).toMatch(/<body class="[^"]*style-un[^"]*changes-only/);
    expect(byClass(doc, 'folded')).toHaveLength(56);
    expect(byClass(doc, 'chapeau').map(text)).toEqual(['The Human Rights Council,']);
    const help = await runCli(['compare', '--help']);
    expect(squash(help.stdout)).toMatch(/diff2html' \(a developer view/);
    const bad = await runCli(['compare', 'example-2022', '56/2', '--format', 'html', '--style', 'neon']);
    expect(bad.code).toBe(1);
  }, 120_000);

  it('--format docx from the CLI carries the whole resolution (the two versions are passed on)', async () => {
    const out = join(DIR, 'cli-redline.docx');
    mkdirSync(DIR, { recursive: true });
    const r = await runCli(['compare', 'example-2022', '56/2', '--format', 'docx', '--output', out]);
    expect(r.code, r.stderr).toBe(0);
    const acc = (await readDocx(new Uint8Array(readFileSync(out)), 'accept')).filter((p) => !p.cover).map((p) => p.text);
    expect(acc[0]).toBe('Human Rights Council');
    expect(acc).toContain('The Human Rights Council,');
    expect(acc).toContain('34th meeting');
  }, 120_000);
});
