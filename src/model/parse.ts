/**
 * Source -> Resolution: head metadata, preambular and operative paragraphs, footnotes, vote.
 *
 * Both readers (Markdown, plain text) produce blocks; this module reads the document's shape from
 * them. Page layout (rules, footnotes flushed mid-paragraph, running heads, job numbers, page
 * numbers) is recognised and removed here, so a paragraph cut by a page break comes out whole.
 */
import { InputError } from '../errors.js';
import type { Source } from '../ingest/source.js';
import { joinBlocks, type Block } from './blocks.js';
import { markdownBlocks } from './markdown.js';
import { plainTextBlocks } from './plaintext.js';
import { recogniseOpening } from './openings.js';
import { artefact } from './furniture.js';
import { parseDate, ordinalToNumber } from './dates.js';
import { parseVote } from './vote.js';
import { checkShape, measure } from './shape.js';
import { MAX_PARAGRAPHS } from '../ingest/text.js';
import type { Clause, ClauseKind, Provenance, Resolution, Subparagraph, Warning } from './types.js';
import { note, type Explain, type ReadOptions } from '../ingest/explain.js';

/** "(a) ", "(ii) ", "(aa) ". */
const SUBPARA = /^\((?:[a-z]{1,2}|[ivxlc]{1,6})\)\s+/;
/** "The Human Rights Council," — the line that opens the preamble. */
const PREAMBLE_START = /^The\s+[\p{Lu}][\p{L}\s,-]{2,80}?,\s*$/u;
/** "34th meeting", "50th plenary meeting". */
const MEETING = /^\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b/i;
const VOTE_START = /^\[?\s*Adopted\b/i;
/**
 * Parse a Source into a Resolution.
 *
 * @param source the text and its format
 * @param options `explain`: a trace to append the parser's decisions to (`show --explain`)
 * @throws InputError when no clauses are found or front matter is invalid
 */
export function parseResolution(source: Source, options: ReadOptions = {}): Resolution {
  const warnings: Warning[] = [];
  const warn = (w: Warning) => warnings.push({ file: source.file, ...w });
  const trace = options.explain;
  for (const w of source.warnings ?? []) warn(w);
  checkShape(measure(source.text), source.file); // shapes no resolution has, before any parser runs
  let frontMatter: Record<string, unknown> = {};
  let blocks: Block[];
  if (source.format === 'markdown') {
    const md = markdownBlocks(source.text, source.file, trace);
    frontMatter = md.frontMatter;
    blocks = md.blocks;
  } else {
    blocks = plainTextBlocks(source.text, trace);
  }
  if (blocks.length > MAX_PARAGRAPHS) throw new InputError(`more than ${MAX_PARAGRAPHS.toLocaleString('en-US')} paragraphs, more than a resolution has`, source.file);

  // Footnote texts: blocks that start with a marker. Taken out wherever they stand.
  const footnotes: Record<string, string> = {};
  const flow: Block[] = [];
  for (const b of blocks) {
    if (b.kind !== 'rule' && b.sups.length > 0 && b.sups[0].at <= leadingSpace(b.text)) {
      for (const [n, text] of splitFootnoteBlock(b)) {
        if (footnotes[n] !== undefined) warn({ rule: 'footnote-duplicate', message: `footnote ${n} has two texts; the first is kept`, line: b.line });
        else footnotes[n] = text;
        note(trace, { stage: 'parse', line: b.line, action: 'footnote', reason: `footnote ${n}'s text (starts with its marker), taken out of the flow`, text });
      }
      flow.push({ ...b, kind: 'rule', text: '', sups: [] }); // a page break stood here
    } else flow.push(b);
  }

  // Zones: head | body | foot.
  let start = flow.findIndex((b) => b.kind !== 'rule' && PREAMBLE_START.test(b.text.trim()) && !b.number);
  const hasPreambleLine = start >= 0;
  const bodyFrom = start >= 0 ? start + 1 : flow.findIndex((b) => looksLikeClause(b));
  if (bodyFrom < 0) throw new InputError('no preambular or operative paragraphs found; is this a resolution?', source.file);
  if (start < 0) start = bodyFrom;
  const head = parseHead(flow.slice(0, start));

  const drafts: Draft[] = [];
  let footFrom = flow.length;
  let broken = false; // a page break (rule, footnotes, running head) since the last text block
  for (let i = bodyFrom; i < flow.length; i++) {
    const b = flow[i];
    const t = b.text.trim();
    if (b.kind === 'rule' || (t === '' && b.number === undefined)) {
      broken = true;
      continue;
    }
    const junk = b.number === undefined ? artefact(t) : undefined;
    if (junk) {
      note(trace, { stage: 'parse', line: b.line, action: 'dropped', reason: junk, text: t });
      broken = true;
      continue;
    }
    if ((MEETING.test(t) || VOTE_START.test(t)) && b.number === undefined) {
      note(trace, { stage: 'parse', line: b.line, action: 'foot', reason: MEETING.test(t) ? 'the meeting line ends the operative part' : 'the vote ends the operative part', text: t });
      footFrom = i;
      break;
    }
    placeBlock(drafts, normaliseNumber(b), broken, warn, trace);
    broken = false;
  }
  // Without "The Human Rights Council," a lone paragraph that merely starts like a clause
  // ("Shopping list: …") is not a resolution: ask for an operative paragraph or two clauses.
  const shapeless = !hasPreambleLine && !drafts.some((d) => d.kind === 'OP') && drafts.length < 2;
  if (drafts.length === 0 || shapeless) throw new InputError('no preambular or operative paragraphs found; is this a resolution?', source.file);

  const clauses = finishClauses(drafts, warn);
  checkNumbering(clauses, warn);
  for (const c of clauses) {
    for (const n of c.footnotes) note(trace, { stage: 'parse', line: c.position?.line, action: 'marker', reason: `footnote ${n} attached to ${c.id}${footnotes[n] === undefined ? ' (no text found for it)' : ''}`, text: footnotes[n] });
  }

  // Foot: meeting, date, vote.
  const foot = flow.slice(footFrom).filter((b) => b.kind !== 'rule' && !artefact(b.text.trim()));
  let meeting: string | undefined;
  let meetingDate = '';
  // Line by line: "*50th plenary meeting*" and its date are often one paragraph of two lines.
  for (const line of foot.flatMap((b) => b.text.split('\n'))) {
    const t = line.trim();
    if (!meeting && MEETING.test(t)) meeting = t.replace(/\s+/g, ' ');
    else if (meeting && !meetingDate && /^\d{1,2} \w+ \d{4}$/.test(t)) meetingDate = parseDate(t);
  }
  const voteBlock = foot.find((b) => VOTE_START.test(b.text.trim()));
  const vote = parseVote(foot.map((b) => b.text).join('\n'), warn, voteBlock?.line);

  // Footnote references that have no text, and texts nobody references.
  const referenced = new Set<number>();
  for (const c of clauses) for (const n of c.footnotes) referenced.add(n);
  for (const n of referenced) {
    if (footnotes[n] === undefined) {
      const c = clauses.find((x) => x.footnotes.includes(n));
      warn({ rule: 'footnote-missing', message: `footnote marker ${n} in ${c?.id} has no footnote text`, line: c?.position?.line });
    }
  }
  for (const n of Object.keys(footnotes)) {
    if (!referenced.has(Number(n))) warn({ rule: 'footnote-unreferenced', message: `footnote ${n} is never referenced in the text` });
  }

  const meta = { ...(source.meta ?? {}), ...frontMatter };
  const str = (k: string): string | undefined => (typeof meta[k] === 'string' || typeof meta[k] === 'number' ? String(meta[k]) : meta[k] instanceof Date ? (meta[k] as Date).toISOString().slice(0, 10) : undefined);
  const body = str('body') ?? head.body ?? '';
  const number = str('number') ?? head.number;
  const symbol = str('symbol') ?? head.symbol ?? deriveSymbol(body, number);
  const sessionRaw = meta.session ?? head.session;
  const res: Resolution = {
    file: source.file,
    symbol,
    number,
    title: str('title') ?? head.title ?? '',
    body,
    session: sessionRaw === undefined || sessionRaw === null ? null : Number(sessionRaw),
    adopted: str('adopted') ?? head.adopted ?? meetingDate,
    agendaItem: str('agendaItem') ?? head.agendaItem ?? '',
    agendaTitle: str('agendaTitle') ?? head.agendaTitle,
    issued: str('issued') ?? head.issued,
    distribution: str('distribution') ?? head.distribution,
    originalLanguage: str('originalLanguage') ?? head.originalLanguage,
    meeting,
    clauses,
    footnotes,
    vote,
    warnings,
  };
  res.constructed = meta.constructed === true;
  if (typeof meta.series === 'string') res.series = meta.series;
  if (meta.provenance && typeof meta.provenance === 'object') res.provenance = meta.provenance as Provenance;
  for (const k of Object.keys(res) as Array<keyof Resolution>) if (res[k] === undefined) delete res[k];
  return res;
}

/** A clause being assembled from one or more blocks. */
interface Draft {
  kind: ClauseKind;
  main: Block;
  subs: Block[];
  number?: number;
}

function leadingSpace(s: string): number {
  return s.length - s.trimStart().length;
}

/** One block may hold several footnote texts when the source had no blank lines between them. */
function splitFootnoteBlock(b: Block): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const starts = b.sups.filter((m, i) => i === 0 || /\n\s*$/.test(b.text.slice(0, m.at)));
  starts.forEach((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].at : b.text.length;
    out.push([String(m.n), collapse(b.text.slice(m.at, end))]);
  });
  return out;
}

/** An escaped or unparsed number ("1\. *Reaffirms*", plain "1. Reaffirms") still counts. */
function normaliseNumber(b: Block): Block {
  if (b.number !== undefined) return b;
  const m = /^(\d{1,4})([.)])\s+(?=\S)/.exec(b.text);
  if (!m) return b;
  const cut = m[0].length;
  return {
    ...b,
    number: Number(m[1]),
    numberPrefix: `${m[1]}${m[2]} `,
    text: b.text.slice(cut),
    italics: b.italics.map(([s, e]) => [Math.max(0, s - cut), Math.max(0, e - cut)] as [number, number]),
    sups: b.sups.map((x) => ({ n: x.n, at: Math.max(0, x.at - cut) })),
  };
}

function looksLikeClause(b: Block): boolean {
  if (b.kind === 'rule') return false;
  return b.number !== undefined || (b.italics.length > 0 && b.italics[0][0] === 0 && recogniseOpening(b.text) !== '') || recogniseOpening(b.text, 'PP') !== '';
}

/** Does this text end a paragraph (or a subparagraph)? */
function endsParagraph(text: string): boolean {
  return /[,;.:!?][\s"”’)\]]*$/.test(text.trimEnd());
}

/**
 * The emphasised opening phrase a block starts with ("*Recalling also*"), or "" when it starts
 * otherwise. Italics over the whole block, or starting in lower case, are not an opening.
 */
function emphasisedOpening(b: Block): string {
  const lead = leadingSpace(b.text);
  const it = b.italics.find(([s]) => s <= lead + 1);
  if (!it) return '';
  const phrase = collapse(b.text.slice(it[0], it[1])).replace(/[\s,:;]+$/, '');
  if (!/^\p{Lu}/u.test(phrase) || phrase.split(' ').length > 10) return '';
  return collapsedLength(b) - phrase.length > 2 ? phrase : '';
}

/** collapse(b.text).length, once per block (both opening checks ask it of the same blocks). */
const collapsedLengths = new WeakMap<Block, number>();
function collapsedLength(b: Block): number {
  let n = collapsedLengths.get(b);
  if (n === undefined) {
    n = collapse(b.text).length;
    collapsedLengths.set(b, n);
  }
  return n;
}

/**
 * Put a body block where it belongs: a new clause, a subparagraph, or the rest of a cut paragraph.
 *
 * An emphasised opening phrase, or the next printed OP number, starts a new clause whatever the
 * block before ends with: drafts, OCR and hand edits lose a final comma often, and one wrongly
 * glued pair would shift every later id. The missing mark is a warning. Only after a page break
 * in mid-sentence does an italic start need to be a phrase UN paragraphs open with, since a page
 * can break just before an italic title.
 */
function placeBlock(drafts: Draft[], b: Block, broken: boolean, warn: (w: Warning) => void, trace?: Explain): void {
  const cur = drafts[drafts.length - 1];
  const last = cur ? (cur.subs.length ? cur.subs[cur.subs.length - 1] : cur.main) : undefined;
  const text = b.text.trim();
  const lastOp = [...drafts].reverse().find((d) => d.kind === 'OP' && d.number !== undefined);
  const expected = lastOp?.number !== undefined ? lastOp.number + 1 : 1;
  const opening = b.number === undefined ? emphasisedOpening(b) : '';
  const id = (kind: ClauseKind) => `${kind}${drafts.filter((d) => d.kind === kind).length + 1}`;
  if (last && cur) {
    const midSentence = !endsParagraph(last.text);
    const lower = /^[\p{Ll}]/u.test(text);
    // A number that is not the next paragraph's (a year, "2015. A year.") after an unfinished
    // sentence is text that Markdown mistook for a list.
    // Four digits only continue the numbering (OP1000 follows OP999); elsewhere they are a year.
    const falseNumber = b.number !== undefined && ((b.number >= 1000 && b.number !== expected) || (midSentence && (b.number !== expected || lower)));
    const startsClause = (b.number !== undefined && !falseNumber) || (opening !== '' && !(midSentence && broken && recogniseOpening(opening) === ''));
    const startsSub = SUBPARA.test(text) && b.number === undefined;
    if (!startsClause && !startsSub && ((midSentence && (broken || lower || b.number === undefined || falseNumber)) || (lower && b.number === undefined) || falseNumber)) {
      const why = falseNumber
        ? `"${b.numberPrefix?.trim()}" is not the next paragraph number (${expected}) after an unfinished sentence: read as text`
        : midSentence && broken
          ? 'the text before the page break ends mid-sentence'
          : midSentence
            ? 'the block before ends without punctuation and this one starts no paragraph'
            : 'starts in lower case: the rest of the paragraph before';
      note(trace, { stage: 'parse', line: b.line, action: 'joined', reason: why, text });
      const joined = joinBlocks(last, falseNumber ? b : { ...b, numberPrefix: undefined });
      if (cur.subs.length) cur.subs[cur.subs.length - 1] = joined;
      else cur.main = joined;
      return;
    }
    if (midSentence) {
      const lastId = cur.subs.length ? `a subparagraph of ${cur.kind}${drafts.filter((d) => d.kind === cur.kind).length}` : `${cur.kind}${drafts.filter((d) => d.kind === cur.kind).length}`;
      warn({ rule: 'punctuation-missing', message: `${lastId} ends without punctuation; the next paragraph starts with ${b.number !== undefined ? `its number ${b.number}` : startsSub ? 'a subparagraph label' : `the opening "${opening}"`}`, line: last.line });
    }
    if (startsSub) {
      note(trace, { stage: 'parse', line: b.line, action: 'subparagraph', reason: `label ${/^\([a-z]+\)/.exec(text)?.[0] ?? ''} of ${cur.kind}${drafts.filter((d) => d.kind === cur.kind).length}`, text });
      cur.subs.push(b);
      return;
    }
  }
  if (b.number !== undefined) {
    note(trace, { stage: 'parse', line: b.line, action: 'clause', reason: `${id('OP')}: printed number ${b.number}`, text });
    drafts.push({ kind: 'OP', main: b, subs: [], number: b.number });
    return;
  }
  const why = opening ? `opening phrase "${opening}"` : 'a paragraph of its own';
  const anyOp = drafts.some((d) => d.kind === 'OP');
  if (anyOp) {
    warn({ rule: 'op-unnumbered', message: `an operative paragraph has no printed number (after OP${drafts.filter((d) => d.kind === 'OP').length})`, line: b.line });
    note(trace, { stage: 'parse', line: b.line, action: 'clause', reason: `${id('OP')}: ${why}, after the operative paragraphs began (no number)`, text });
    drafts.push({ kind: 'OP', main: b, subs: [] });
    return;
  }
  note(trace, { stage: 'parse', line: b.line, action: 'clause', reason: `${id('PP')}: ${why}`, text });
  drafts.push({ kind: 'PP', main: b, subs: [] });
}

/** The opening phrase of a block: its leading italics, else the recogniser. */
function openingOf(b: Block, kind: ClauseKind): string {
  const lead = leadingSpace(b.text);
  const it = b.italics.find(([s]) => s <= lead + 1);
  if (it) {
    const phrase = collapse(b.text.slice(it[0], it[1])).replace(/[\s,:;]+$/, '');
    // Italics over the whole paragraph are not an opening phrase.
    if (phrase && collapsedLength(b) - phrase.length > 2) return phrase;
  }
  return recogniseOpening(b.text.trimStart(), kind);
}

function finishClauses(drafts: Draft[], warn: (w: Warning) => void): Clause[] {
  let pp = 0;
  let op = 0;
  return drafts.map((d) => {
    const id = d.kind === 'PP' ? `PP${++pp}` : `OP${++op}`;
    const parts: Block[] = [d.main, ...d.subs];
    const footnotes: number[] = [];
    for (const p of parts) for (const s of p.sups) if (!footnotes.includes(s.n)) footnotes.push(s.n);
    const text = collapse(parts.map((p) => p.text).join(' '));
    const clause: Clause = { id, kind: d.kind, opening: openingOf(d.main, d.kind), text, footnotes, position: { line: d.main.line } };
    if (d.number !== undefined) clause.number = d.number;
    if (d.subs.length) {
      clause.subparagraphs = d.subs.map((s): Subparagraph => {
        const t = collapse(s.text);
        const m = /^\(([a-z]{1,2}|[ivxlc]{1,6})\)\s*/.exec(t);
        return { label: m ? m[1] : '', text: m ? t.slice(m[0].length) : t };
      });
    }
    if (!clause.opening) warn({ rule: 'opening-missing', message: `${id} has no recognisable opening phrase`, line: d.main.line });
    return clause;
  });
}

/** Printed OP numbers must run 1, 2, 3…: skips and repeats are reported, never fixed. */
function checkNumbering(clauses: Clause[], warn: (w: Warning) => void): void {
  let prev: number | undefined;
  for (const c of clauses) {
    if (c.kind !== 'OP' || c.number === undefined) continue;
    const want = prev === undefined ? 1 : prev + 1;
    if (c.number !== want) {
      if (prev !== undefined && c.number <= prev) {
        warn({ rule: 'op-number-repeat', message: `paragraph number ${c.number} (${c.id}) repeats or goes back after ${prev}`, line: c.position?.line });
      } else {
        warn({ rule: 'op-number-skip', message: `paragraph numbering skips from ${prev ?? 0} to ${c.number} (${c.id})`, line: c.position?.line });
      }
    }
    prev = c.number;
  }
}

interface Head {
  body?: string;
  symbol?: string;
  number?: string;
  title?: string;
  session?: number;
  adopted?: string;
  agendaItem?: string;
  agendaTitle?: string;
  issued?: string;
  distribution?: string;
  originalLanguage?: string;
}

const BODIES = ['Human Rights Council', 'General Assembly', 'Security Council', 'Economic and Social Council'];

/** Read the masthead and title lines before "The Human Rights Council,". */
function parseHead(blocks: Block[]): Head {
  const h: Head = {};
  const lines: Array<{ text: string; bold: boolean }> = [];
  for (const b of blocks) {
    if (b.kind === 'rule') continue;
    for (const l of b.text.split('\n')) if (l.trim()) lines.push({ text: collapse(l), bold: !!b.bold });
  }
  let seenBodies: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    let m: RegExpExecArray | null;
    if ((m = /^Resolution adopted by the (.+?) on (\d{1,2} \w+ \d{4})/i.exec(t))) {
      h.body = m[1];
      h.adopted = parseDate(m[2]);
    } else if ((m = /^Distr\.?:\s*(\w+)/i.exec(t))) {
      h.distribution = m[1];
      const next = lines[i + 1]?.text;
      if (next && parseDate(next) && !/session/i.test(next)) {
        h.issued = parseDate(next);
        i++;
      }
    } else if ((m = /^Original:\s*(\w+)/i.exec(t))) h.originalLanguage = m[1];
    else if ((m = /^([\p{L}-]+)\s+(?:special\s+)?session$/iu.exec(t))) {
      const n = ordinalToNumber(m[1]);
      if (n !== null) h.session = n;
    } else if ((m = /^Agenda items?\s+(.+)$/i.exec(t))) {
      h.agendaItem = m[1].trim();
      // The agenda title follows (bold in the masthead), possibly over several lines.
      const title: string[] = [];
      // It stops at the adoption line or the number-and-title line, which PDFs also print in bold.
      const ends = (t: string) => /^Resolution adopted/i.test(t) || /^\d{1,3}\/\d{1,4}\.\s/.test(t);
      while (lines[i + 1] && !ends(lines[i + 1].text) && (lines[i + 1].bold || (title.length > 0 && /^[\p{Ll}]/u.test(lines[i + 1].text)))) {
        title.push(lines[++i].text);
      }
      if (title.length) h.agendaTitle = collapse(title.join(' '));
    } else if ((m = /^(\d{1,3}\/\d{1,4})\.\s+(.+)$/.exec(t))) {
      h.number = m[1];
      h.title = m[2].trim();
      // A title wrapped onto the next line (plain text keeps the line break).
      while (lines[i + 1] && /^[\p{Ll}]/u.test(lines[i + 1].text)) h.title = `${h.title} ${lines[++i].text}`;
    } else if ((m = /^((?:A|E|S)\/[A-Z0-9./]*RES[A-Z0-9./()\s]*\d\)?)$/.exec(t))) {
      h.symbol = m[1].replace(/\s+/g, ' ');
    } else if (BODIES.includes(t)) seenBodies.push(t);
    else if (!h.adopted && /^\d{1,2} \w+ \d{4}$/.test(t) && !h.issued) {
      // A lone date in the masthead before "Distr." is not the adoption date; ignore.
    }
  }
  if (!h.body && seenBodies.length) {
    seenBodies = seenBodies.filter((b) => b !== 'General Assembly').concat(seenBodies.filter((b) => b === 'General Assembly'));
    h.body = seenBodies[0];
  }
  return h;
}

/** The symbol a resolution number takes in its body's series: 56/2 of the HRC -> A/HRC/RES/56/2. */
export function deriveSymbol(body: string, number: string | undefined): string {
  if (!number) return '';
  if (/human rights council/i.test(body)) return `A/HRC/RES/${number}`;
  if (/general assembly/i.test(body)) return `A/RES/${number}`;
  return '';
}

/** Single spaces, no leading or trailing white space. */
export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
