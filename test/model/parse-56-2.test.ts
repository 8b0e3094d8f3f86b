/**
 * HRC resolution 56/2 (real text, as received from the PDF conversion) read by the Markdown parser.
 */
import { describe, expect, it } from 'vitest';
import { parseResolution } from '../../src/model/parse.js';
import { ingest } from '../../src/ingest/index.js';
import { text56_2 } from '../support/paths.js';
import type { Resolution } from '../../src/model/types.js';

async function parse(text: string, file = 'A-HRC-RES-56-2.md'): Promise<Resolution> {
  return parseResolution(await ingest(Buffer.from(text), file));
}

describe('A/HRC/RES/56/2 from Markdown', async () => {
  const r = await parse(text56_2());

  it('reads the head', () => {
    expect(r.symbol).toBe('A/HRC/RES/56/2');
    expect(r.number).toBe('56/2');
    expect(r.title).toBe('Enhancement of international cooperation in the field of human rights');
    expect(r.body).toBe('Human Rights Council');
    expect(r.session).toBe(56);
    expect(r.adopted).toBe('2024-07-10');
    expect(r.issued).toBe('2024-07-11');
    expect(r.agendaItem).toBe('3');
    expect(r.agendaTitle).toBe(
      'Promotion and protection of all human rights, civil, political, economic, social and cultural rights, including the right to development',
    );
    expect(r.meeting).toBe('34th meeting');
    expect(r.originalLanguage).toBe('English');
  });

  it('finds 33 preambular and 37 operative paragraphs with ids in order', () => {
    const pp = r.clauses.filter((c) => c.kind === 'PP');
    const op = r.clauses.filter((c) => c.kind === 'OP');
    expect(pp).toHaveLength(33);
    expect(op).toHaveLength(37);
    expect(pp.map((c) => c.id)).toEqual(pp.map((_, i) => `PP${i + 1}`));
    expect(op.map((c) => c.id)).toEqual(op.map((_, i) => `OP${i + 1}`));
    expect(op.map((c) => c.number)).toEqual(op.map((_, i) => i + 1));
  });

  it('attaches footnote references to PP3, PP8, PP10, OP20 and OP32 only', () => {
    const withNotes = r.clauses.filter((c) => c.footnotes.length).map((c) => [c.id, c.footnotes]);
    expect(withNotes).toEqual([
      ['PP3', [1]],
      ['PP8', [2]],
      ['PP10', [3]],
      ['OP20', [4]],
      ['OP32', [5]],
    ]);
    expect(r.footnotes).toEqual({
      '1': 'See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.',
      '2': 'See E/CN.4/2001/2–E/CN.4/Sub.2/2000/46, chap. II, sect. A.',
      '3': 'See General Assembly resolutions 66/3 and 76/1.',
      '4': 'A/HRC/55/78.',
      '5': 'A/HRC/56/40.',
    });
  });

  it('rejoins PP17, cut in two by a page rule and footnotes 2 and 3', () => {
    const pp17 = r.clauses.find((c) => c.id === 'PP17')!;
    expect(pp17.opening).toBe('Recognizing also');
    expect(pp17.text).toBe(
      'Recognizing also that the promotion and protection of human rights should be based on the principles of cooperation and genuine dialogue in all relevant forums, including in the context of the universal periodic review, and be aimed at strengthening the capacity of Member States to comply with their human rights obligations for the benefit of all human beings,',
    );
  });

  it('keeps marker digits and markup out of clause text', () => {
    const pp3 = r.clauses.find((c) => c.id === 'PP3')!;
    expect(pp3.text.endsWith('and recalling further the Paris Agreement,')).toBe(true);
    for (const c of r.clauses) {
      expect(c.text).not.toMatch(/<\/?sup>|\*|\s{2}|^\s|\s$/);
    }
  });

  it('reads the italic opening phrases', () => {
    const byId = Object.fromEntries(r.clauses.map((c) => [c.id, c.opening]));
    expect(byId.PP9).toBe('Taking note with appreciation');
    expect(byId.PP11).toBe('Deeply concerned');
    expect(byId.PP15).toBe('Recognizing with deep concern');
    expect(byId.OP8).toBe('Expresses its concern');
    expect(byId.OP15).toBe('Also re-emphasizes');
    expect(byId.OP30).toBe('Reiterates its request');
    expect(byId.OP37).toBe('Decides');
    for (const c of r.clauses) expect(c.text.startsWith(c.opening)).toBe(true);
  });

  it('reads the vote: 31 in favour, 14 against, 2 abstaining, 47 names', () => {
    const v = r.vote!;
    expect(v.adoptedWithoutVote).toBe(false);
    expect(v.counts).toEqual({ inFavour: 31, against: 14, abstaining: 2 });
    expect(v.statedCounts).toEqual({ inFavour: 31, against: 14, abstaining: 2 });
    expect(v.inFavour[0]).toBe('Algeria');
    expect(v.inFavour).toContain("Côte d'Ivoire");
    expect(v.inFavour.at(-1)).toBe('Viet Nam');
    expect(v.against).toContain('Netherlands (Kingdom of the)');
    expect(v.against.at(-1)).toBe('United States of America');
    expect(v.abstaining).toEqual(['Argentina', 'Dominican Republic']);
    expect(new Set([...v.inFavour, ...v.against, ...v.abstaining]).size).toBe(47);
  });

  it('has no warnings', () => {
    expect(r.warnings).toEqual([]);
  });

  it('reads CRLF line endings and a UTF-8 BOM exactly like LF', async () => {
    const crlf = await parse(`\uFEFF${text56_2().replace(/\n/g, '\r\n')}`);
    expect(crlf.clauses.map(({ position, ...c }) => c)).toEqual(r.clauses.map(({ position, ...c }) => c));
    expect(crlf.vote).toEqual(r.vote);
    expect(crlf.footnotes).toEqual(r.footnotes);
  });
});
