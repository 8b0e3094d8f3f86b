/**
 * The Word redline negotiates: accepting every tracked change gives the later text and rejecting
 * every change gives the earlier one — clause order, Word's list numbers, text, italic openings,
 * footnotes, head and closing blocks — read by script over the XML (test/support/wordml.ts), on
 * the bundled comparison (constructed example-2022 → the real 56/2) and on constructed edits of
 * 56/2 (random moves, drops, insertions, splits, merges; footnotes added, changed and dropped).
 * LibreOffice opens the file and finds the tracked changes.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { renderCompareDocx } from '../../src/render/docx.js';
import { compare } from '../../src/diff/compare.js';
import { loadResolution } from '../../src/corpus/load.js';
import { ingest } from '../../src/ingest/index.js';
import { parseResolution } from '../../src/model/parse.js';
import type { Resolution } from '../../src/model/types.js';
import { readDocx, type Mode, type ReadParagraph } from '../support/wordml.js';
import { copy, editable56_2, parseVariant, type Editable } from '../support/variants.js';
import { constructedComparison, INJECTED } from './fixtures.js';
import { fuzz } from '../support/fuzz.js';

const DATE = '2024-07-10T09:00:00Z';

/** The clause paragraphs of a reading: after the chapeau, before the closing block. */
function clauseParas(ps: ReadParagraph[], r: Resolution): ReadParagraph[] {
  const body = ps.filter((p) => !p.cover);
  const start = body.findIndex((p) => p.text === `The ${r.body},`);
  const end = r.meeting ? body.findIndex((p) => p.text === r.meeting) : body.length;
  return body.slice(start + 1, end < 0 ? body.length : end).filter((p) => p.text !== '');
}

/** What Word shows for each clause of a resolution: number, text, italic opening, footnotes. */
function expected(r: Resolution) {
  return r.clauses.map((c) => ({ number: c.kind === 'OP' ? c.number : undefined, text: c.text, italic: c.opening, elsewhere: '', footnotes: c.footnotes.map((n) => r.footnotes[String(n)] ?? '') }));
}
function shown(ps: ReadParagraph[]) {
  return ps.map((p) => ({ number: p.number, text: p.text, italic: p.italicStart, elsewhere: p.italicElsewhere, footnotes: p.footnotes }));
}

async function reading(bytes: Uint8Array, mode: Mode, r: Resolution) {
  return shown(clauseParas(await readDocx(bytes, mode), r));
}

describe('Word redline: accept all / reject all (example-2022 → 56/2)', async () => {
  const oldRes = await loadResolution('example-2022');
  const newRes = await loadResolution('56/2');
  const c = compare(oldRes, newRes);
  const bytes = await renderCompareDocx(c, { date: DATE, docs: { old: oldRes, new: newRes } });
  const accepted = await readDocx(bytes, 'accept');
  const rejected = await readDocx(bytes, 'reject');

  it('accepting every change gives 56/2: order, numbers, text, italic openings, footnotes', () => {
    expect(shown(clauseParas(accepted, newRes))).toEqual(expected(newRes));
  });

  it('rejecting every change gives the earlier text: its order (PP20 back in place, OP21/OP22 not swapped), its numbers, its italics', () => {
    const got = shown(clauseParas(rejected, oldRes));
    expect(got).toEqual(expected(oldRes));
    expect(got.filter((p) => p.number !== undefined).map((p) => p.number)).toEqual(oldRes.clauses.filter((x) => x.kind === 'OP').map((_, i) => i + 1));
    // Old PP12 keeps its italic "Recalling"; in the later text the split's "Also requests" is italic.
    expect(got[11]!.italic).toBe('Recalling');
    expect(shown(clauseParas(accepted, newRes)).find((p) => p.number === 22)!.italic).toBe('Also requests');
  });

  it('the head block, chapeau and closing block read as each version', () => {
    const body = (ps: ReadParagraph[]) => ps.filter((p) => !p.cover).map((p) => p.text);
    const a = body(accepted);
    expect(a.slice(0, 7)).toEqual([
      'Human Rights Council',
      'Fifty-sixth session',
      'Agenda item 3',
      newRes.agendaTitle,
      'Resolution adopted by the Human Rights Council on 10 July 2024',
      `56/2. ${newRes.title}`,
      'The Human Rights Council,',
    ]);
    expect(a.slice(-9, -1)).toEqual([
      '34th meeting',
      '10 July 2024',
      `[Adopted by a recorded vote of 31 to 14, with 2 abstentions. The voting was as follows:`,
      'In favour:',
      newRes.vote!.inFavour.join(', '),
      'Against:',
      newRes.vote!.against.join(', '),
      'Abstaining:',
    ]);
    expect(a[a.length - 1]).toBe(`${newRes.vote!.abstaining.join(', ')}]`);
    const r = body(rejected);
    expect(r[1]).toBe('Fiftieth session');
    expect(r).toContain('33rd meeting');
    expect(r).toContain('[Adopted by a recorded vote of 31 to 15, with 2 abstentions. The voting was as follows:');
    expect(r).toContain(oldRes.vote!.against.join(', '));
  });

  it('the summary and legend are a cover section, outside both texts', () => {
    const cover = accepted.filter((p) => p.cover).map((p) => p.text).join('\n');
    expect(cover).toContain('Operative paragraphs: 2 new, 1 dropped, 2 changed (1 split), 3 technical, 1 moved, 28 unchanged.');
    expect(cover).toContain('new OP26: new');
    expect(cover).toContain('Generated 10 July 2024 by resdiff.');
    expect(cover).toContain('old OP26 (dropped; numbering of the earlier text): dropped');
    expect(cover).toContain('old PP20 → new PP33: moved');
    expect(cover).toMatch(/Accept all changes to get the later text, reject all changes to get the earlier text/);
  });

  it('moves are tracked moves, with named ranges on both sides', async () => {
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const names = (k: string) => [...xml.matchAll(new RegExp(`<w:${k}RangeStart [^>]*w:name="([^"]+)"`, 'g'))].map((m) => m[1]).sort();
    expect(names('moveFrom')).toHaveLength(2);
    expect(names('moveFrom')).toEqual(names('moveTo'));
    expect(xml).toMatch(/<w:moveFrom w:id="\d+" w:author="resdiff" w:date="2024-07-10T09:00:00Z"><w:r><w:rPr><w:i\/><\/w:rPr><w:delText xml:space="preserve">Stressing<\/w:delText>/);
    const ids = [...xml.matchAll(/<w:(?:ins|del|moveFrom|moveTo|rPrChange)(?:RangeStart)? w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    // OP numbers are Word's numbering, never typed.
    expect(xml).not.toMatch(/<w:t xml:space="preserve">\d+\.<\/w:t>/);
  });

  it('LibreOffice opens it and finds the tracked changes (bounded run)', async (ctx) => {
    const soffice = ['soffice', 'libreoffice'].find((b) => spawnSync(b, ['--version'], { timeout: 60_000 }).status === 0);
    if (!soffice) return ctx.skip();
    const dir = mkdtempSync(join(tmpdir(), 'resdiff-docx-'));
    writeFileSync(join(dir, 'redline.docx'), bytes);
    const profile = `file://${join(dir, 'profile')}`;
    execFileSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'fodt', '--outdir', dir, join(dir, 'redline.docx')], { timeout: 180_000, stdio: 'ignore' });
    const fodt = readFileSync(join(dir, 'redline.fodt'), 'utf8');
    const regions = [...fodt.matchAll(/<text:changed-region [^>]*>([\s\S]*?)<\/text:changed-region>/g)];
    const kinds = regions.map((m) => /<text:(insertion|deletion|format-change)/.exec(m[1]!)?.[1]);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const tracked = (k: string) => [...xml.matchAll(new RegExp(`<w:${k} w:id=`, 'g'))].length;
    // Every insertion and deletion we wrote (text and paragraph marks, moves as LibreOffice's
    // insertions/deletions) is a change LibreOffice shows; it may merge neighbours into one.
    expect(kinds.filter((k) => k === 'insertion').length).toBeGreaterThan(0);
    expect(kinds.filter((k) => k === 'deletion').length).toBeGreaterThan(0);
    expect(regions.length).toBeLessThanOrEqual(tracked('ins') + tracked('del') + tracked('moveFrom') + tracked('moveTo') + tracked('rPrChange'));
    expect(regions.length).toBeGreaterThanOrEqual(changeCountFloor(xml));
    execFileSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'redline.docx')], { timeout: 180_000, stdio: 'ignore' });
    expect(existsSync(join(dir, 'redline.pdf'))).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'redline.pdf'), '-'], { timeout: 60_000 }).toString();
    // Both sides of a change are printed (the changes are shown, not applied).
    for (const w of ['Baku', 'Kampala', 'fifty-fourth', 'sixty-third']) expect(text).toContain(w);
  }, 400_000);
});

/** Paragraphs holding at least one tracked change: LibreOffice shows at least one region for each. */
function changeCountFloor(xml: string): number {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].filter((m) => /<w:(ins|del|moveFrom|moveTo) w:id=/.test(m[1]!)).length;
}

/** Constructed edits of 56/2 (scripted; not UN text). */
type Edit = { kind: 'move' | 'drop' | 'add' | 'split' | 'merge' | 'word' | 'toOp'; at: number; to: number };
function applyEdits(base: Editable, edits: Edit[]): Editable {
  const e = copy(base);
  for (const ed of edits) {
    const list = ed.at % 3 === 0 ? e.pps : e.ops;
    if (list.length < 3) continue;
    const i = ed.at % list.length;
    const j = ed.to % list.length;
    switch (ed.kind) {
      case 'move': {
        const [x] = list.splice(i, 1);
        list.splice(j, 0, x!);
        break;
      }
      case 'drop':
        list.splice(i, 1);
        break;
      case 'add':
        list.splice(i, 0, list === e.ops ? '*Encourages* States to share good practices on cooperation through voluntary peer exchanges among national institutions;' : '*Noting* the constructive contribution of regional arrangements to the dialogue on cooperation in the field of human rights,');
        break;
      case 'split': {
        const t = list[i]!;
        const k = t.indexOf(', and ');
        if (k > 40 && list === e.ops) list.splice(i, 1, `${t.slice(0, k)};`, `*Also decides* ${t.slice(k + 6)}`);
        break;
      }
      case 'merge':
        if (i + 1 < list.length && list === e.pps) list.splice(i, 2, `${list[i]!.replace(/,$/, '')} and ${list[i + 1]!.replace(/^\*([^*]+)\*/, (_, w: string) => w.toLowerCase())}`);
        break;
      case 'word':
        list[i] = list[i]!.replace(/ the /, ' the relevant ');
        break;
      case 'toOp': {
        if (list !== e.pps) break;
        const [x] = e.pps.splice(i, 1);
        e.ops.splice(j % e.ops.length, 0, x!.replace(/,$/, ';'));
        break;
      }
    }
  }
  return e;
}

describe('Word redline: accept all / reject all on constructed edits of 56/2', () => {
  const base = editable56_2();
  it('random moves, drops, insertions, splits, merges: accept gives the later text, reject the earlier', async () => {
    const v0 = await parseVariant(base, 'base');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ kind: fc.constantFrom<Edit['kind']>('move', 'drop', 'add', 'split', 'merge', 'word', 'toOp'), at: fc.nat(200), to: fc.nat(200) }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (edits, reverse) => {
          const v1 = await parseVariant(applyEdits(base, edits), 'edited');
          const [a, b] = reverse ? [v1, v0] : [v0, v1];
          const bytes = await renderCompareDocx(compare(a, b), { date: DATE, docs: { old: a, new: b } });
          expect(await reading(bytes, 'accept', b)).toEqual(expected(b));
          expect(await reading(bytes, 'reject', a)).toEqual(expected(a));
        },
      ),
      fuzz(25),
    );
  }, 300_000);

  it('footnotes added, changed, dropped and moved are Word footnotes with tracked changes', async () => {
    // Constructed texts (not UN documents): four clauses with footnotes, edited.
    const doc = async (pps: string[], ops: string[], notes: string[]) =>
      parseResolution(
        await ingest(
          Buffer.from(
            `---\nsymbol: TEST/FN\nconstructed: true\n---\n\n# Constructed footnote test (not a UN document)\n\n*The Human Rights Council,*\n\n${pps.join('\n\n')}\n\n${ops.map((o, i) => `${i + 1}. ${o}`).join('\n\n')}\n\n---\n\n${notes.join('\n\n')}\n\n*1st meeting*\n\n*1 January 2024*\n\n[Adopted without a vote.]\n`,
          ),
          'fn.md',
        ),
      );
    const a = await doc(
      ['*Recalling* the Paris Agreement,<sup>1</sup>', '*Noting* the report of the Secretary-General,<sup>2</sup>', '*Stressing* the need for dialogue among all States,'],
      ['*Welcomes* the report of the Office;<sup>3</sup>', '*Requests* the Office to report to the Council at its next session;', '*Decides* to continue its consideration of the matter.'],
      ['<sup>1</sup> See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.', '<sup>2</sup> A/HRC/54/36.', '<sup>3</sup> A/HRC/55/78.'],
    );
    const b = await doc(
      ['*Recalling* the Paris Agreement,<sup>1</sup>', '*Noting with appreciation* the report of the Secretary-General,<sup>2</sup>', '*Noting also* the declaration of the summit,<sup>3</sup>'],
      ['*Requests* the Office to report to the Council at its next session;', '*Welcomes* the report of the Office;<sup>4</sup>', '*Decides* to continue its consideration of the matter.'],
      ['<sup>1</sup> See FCCC/CP/2015/10/Add.1, decision 1/CP.21.', '<sup>2</sup> A/HRC/57/21.', '<sup>3</sup> See A/79/100, annex.', '<sup>4</sup> A/HRC/55/78.'],
    );
    const c = compare(a, b);
    const bytes = await renderCompareDocx(c, { date: DATE, docs: { old: a, new: b } });
    expect(await reading(bytes, 'accept', b)).toEqual(expected(b));
    expect(await reading(bytes, 'reject', a)).toEqual(expected(a));
    const fx = await (await JSZip.loadAsync(bytes)).file('word/footnotes.xml')!.async('string');
    expect(fx).toMatch(/<w:del [^>]*><w:r><w:delText xml:space="preserve">, annex<\/w:delText>/);
    expect(fx).toMatch(/<w:ins [^>]*><w:r><w:t xml:space="preserve">See A\/79\/100, annex\.<\/w:t>/);
  });
});

describe('Word redline without the two versions (a comparison alone)', () => {
  it('still accepts to the later clauses and keeps injected markup as text', async () => {
    const c = constructedComparison({ injected: true });
    const bytes = await renderCompareDocx(c, { date: DATE });
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).not.toContain('<script>');
    const acc = (await readDocx(bytes, 'accept')).filter((p) => !p.cover).map((p) => p.text).join('\n');
    expect(acc).toContain(INJECTED);
    for (const m of xml.matchAll(/<w:(ins|del) ([^>]*)\/?>/g)) expect(m[2]).toMatch(/w:id="\d+" w:author="resdiff" w:date="2024-07-10T09:00:00Z"/);
  });
});
