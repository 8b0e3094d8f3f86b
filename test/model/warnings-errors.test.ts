/**
 * Recoverable oddities become warnings; unusable input becomes one InputError naming the file.
 * The small texts here are CONSTRUCTED for the tests (not UN documents).
 */
import { describe, expect, it } from 'vitest';
import { parseResolution } from '../../src/model/parse.js';
import { ingest, MAX_TEXT_BYTES } from '../../src/ingest/index.js';
import { InputError } from '../../src/errors.js';

const HEAD = `# Human Rights Council\n\n### 99/1. A constructed test resolution\n\n*The Human Rights Council,*\n\n*Recalling* its earlier resolutions,\n\n`;

async function parse(text: string | Uint8Array, file = 'constructed.md') {
  return parseResolution(await ingest(typeof text === 'string' ? Buffer.from(text) : text, file));
}

async function error(text: string | Uint8Array, file = 'constructed.md'): Promise<InputError> {
  try {
    await parse(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('warnings', () => {
  it('reports printed OP numbers that skip, without renumbering', async () => {
    const r = await parse(`${HEAD}1. *Decides* one;\n\n2. *Decides* two;\n\n4. *Decides* four.\n`);
    expect(r.clauses.filter((c) => c.kind === 'OP').map((c) => [c.id, c.number])).toEqual([
      ['OP1', 1],
      ['OP2', 2],
      ['OP3', 4],
    ]);
    expect(r.warnings).toEqual([expect.objectContaining({ rule: 'op-number-skip', line: 13, file: 'constructed.md' })]);
    expect(r.warnings[0].message).toContain('skips from 2 to 4');
  });

  it('reports printed OP numbers that repeat', async () => {
    const r = await parse(`${HEAD}1. *Decides* one;\n\n2. *Decides* two;\n\n2. *Decides* two again.\n`);
    expect(r.warnings.map((w) => w.rule)).toEqual(['op-number-repeat']);
    expect(r.clauses.at(-1)).toMatchObject({ id: 'OP3', number: 2 });
  });

  it('reports a vote whose counts disagree with its lists', async () => {
    const r = await parse(
      `${HEAD}1. *Decides* to act.\n\n*1st meeting*\n\n*1 January 2030*\n\n[Adopted by a recorded vote of 3 to 1, with 1 abstention. The voting was as follows:\n\n*In favour:*\n\nAlpha, Beta\n\n*Against:*\n\nGamma\n\n*Abstaining:*\n\nDelta]\n`,
    );
    expect(r.vote?.counts).toEqual({ inFavour: 2, against: 1, abstaining: 1 });
    expect(r.vote?.statedCounts).toEqual({ inFavour: 3, against: 1, abstaining: 1 });
    expect(r.warnings).toEqual([expect.objectContaining({ rule: 'vote-count-mismatch' })]);
    expect(r.warnings[0].message).toContain('in favour 3 stated but 2 listed');
  });

  it('reads "Adopted without a vote"', async () => {
    const r = await parse(`${HEAD}1. *Decides* to act.\n\n*1st meeting*\n\n*1 January 2030*\n\n[Adopted without a vote.]\n`);
    expect(r.vote).toMatchObject({ adoptedWithoutVote: true, inFavour: [], counts: { inFavour: 0, against: 0, abstaining: 0 } });
    expect(r.adopted).toBe('2030-01-01');
  });

  it('reports a footnote marker with no text', async () => {
    const r = await parse(`${HEAD}1. *Takes note* of the report;<sup>7</sup>\n\n2. *Decides* to act.\n`);
    expect(r.clauses.find((c) => c.id === 'OP1')?.footnotes).toEqual([7]);
    expect(r.warnings).toEqual([expect.objectContaining({ rule: 'footnote-missing', line: 9 })]);
  });

  it('keeps subparagraphs with their clause', async () => {
    const r = await parse(`${HEAD}1. *Requests* the Secretary-General:\n\n(a) To report;\n\n(b) To consult States;\n\n2. *Decides* to act.\n`);
    const op1 = r.clauses.find((c) => c.id === 'OP1')!;
    expect(op1.subparagraphs).toEqual([
      { label: 'a', text: 'To report;' },
      { label: 'b', text: 'To consult States;' },
    ]);
    expect(op1.text).toBe('Requests the Secretary-General: (a) To report; (b) To consult States;');
    expect(r.clauses.filter((c) => c.kind === 'OP')).toHaveLength(2);
  });

  it('does not take a year at the start of a continued paragraph for a paragraph number', async () => {
    // "2015. A year." would start a Markdown list (DESIGN §6).
    const r = await parse(`${HEAD}1. *Recalls* the decisions of\n\n---\n\n2015. A year of decisions;\n\n2. *Decides* to act.\n`);
    const op = r.clauses.filter((c) => c.kind === 'OP');
    expect(op.map((c) => c.text)).toEqual(['Recalls the decisions of 2015. A year of decisions;', 'Decides to act.']);
    expect(r.warnings).toEqual([]);
  });
});

describe('errors name the file, one line each', () => {
  it('empty file', async () => {
    expect((await error('')).format()).toBe('constructed.md: the file is empty');
  });
  it('white space only', async () => {
    expect((await error('  \n\n ')).message).toContain('no text');
  });
  it('binary data', async () => {
    const e = await error(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 'picture.md');
    expect(e.format()).toMatch(/^picture\.md: binary data/);
  });
  it('no clauses', async () => {
    const e = await error('# Notes\n\nSome text about the weather.\n');
    expect(e.format()).toBe('constructed.md: no preambular or operative paragraphs found; is this a resolution?');
  });
  it('too large to be one resolution', async () => {
    const e = await error(Buffer.alloc(MAX_TEXT_BYTES + 1, 'a'));
    expect(e.message).toMatch(/too large to be one resolution/);
  });
  it('undecodable text, with the line', async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEAD}1. *Decides* `), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from(' to act.\n')]);
    const e = await error(bytes);
    expect(e.format()).toBe('constructed.md:9: the text is not valid UTF-8 (line 9, byte 145); save it as UTF-8');
  });
  it('invalid YAML front matter, with the line', async () => {
    const e = await error(`---\nsymbol: [unclosed\ntitle: x\n---\n${HEAD}1. *Decides* to act.\n`);
    expect(e.message).toMatch(/^invalid YAML front matter/);
    expect(e.line).toBeGreaterThan(1);
  });
  it('every message is a single line', async () => {
    for (const input of ['', '\0', '# x\n\nweather\n']) expect((await error(input)).format()).not.toContain('\n');
  });
});

describe('a General Assembly resolution (constructed fixture in the GA masthead style)', () => {
  it('reads body, symbol, session, agenda item, adoption and meeting; no vote recorded in the text', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { FIXTURES } = await import('../support/paths.js');
    const r = await parse(readFileSync(join(FIXTURES, 'constructed-ga-resolution.md')), 'constructed-ga-resolution.md');
    expect(r).toMatchObject({
      symbol: 'A/RES/99/1',
      body: 'General Assembly',
      session: 79,
      adopted: '2098-12-19',
      issued: '2099-01-03',
      agendaItem: '71 (b)',
      agendaTitle: 'Promotion and protection of human rights: human rights questions',
      meeting: '50th plenary meeting',
      vote: null,
      warnings: [],
    });
    expect(r.clauses.map((c) => [c.id, c.opening])).toEqual([
      ['PP1', 'Recalling'],
      ['OP1', 'Decides'],
    ]);
  });
});
