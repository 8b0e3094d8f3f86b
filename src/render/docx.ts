/**
 * The Word redline: the later text as a DOCX whose changes are real tracked changes by author
 * "resdiff", so that "Accept all" gives the later text and "Reject all" the earlier one — its
 * clause order, its paragraph numbers, its italics and its footnotes included.
 *
 * Written as WordprocessingML directly (packed with jszip, loaded on first use), because the
 * `docx` library cannot express what a negotiating text needs: tracked moves (w:moveFrom /
 * w:moveTo inside move ranges), tracked paragraph marks of moved paragraphs, tracked changes
 * inside footnotes, and formatting changes (w:rPrChange) on text both versions share.
 *
 * - Operative paragraphs are numbered by Word (numbering.xml), never typed: accepting or
 *   rejecting gives each reading its own numbers, so renumbering is not a change to review.
 * - A moved clause is a move: its earlier place holds the earlier text (w:moveFrom, with the
 *   words the later text dropped as w:del), its later place the later text (w:moveTo, with the
 *   words it added as w:ins).
 * - A split clause is two paragraphs whose mark between them is inserted; a merge, the earlier
 *   paragraphs with the marks between them deleted.
 * - Footnotes are Word footnotes, referenced at the end of their clause; a changed footnote
 *   has its changes tracked inside it, a new or dropped one is inserted or deleted whole.
 * - The head block, chapeau "The Human Rights Council," and closing block (meeting, date,
 *   vote) are compared line by line when the two Resolutions are given.
 * - The summary, the list of changes and the legend are a cover section before the
 *   resolution, outside the tracked text.
 */
import { countsPhrase } from '../diff/counts.js';
import type { Comparison, Pair, VersionInfo } from '../diff/types.js';
import { anyConstructed, CHANGE_KIND_LABEL, changeList, documentOrder, longDate, pieces, summarize, versionName, type OrderEntry as Entry, type RedlineSegment } from './redline.js';
import { chapeauLine, closingLines, headLines, pairFootnotes, type PartLine, type RedlineDocs } from './resolution-parts.js';

/** Options of the Word redline. */
export interface DocxOptions {
  /** Author of the tracked changes (default "resdiff"). */
  author?: string;
  /** Date of the tracked changes (default: now). */
  date?: Date | string;
  /** The two versions, for the head block, chapeau, footnotes and closing block. */
  docs?: RedlineDocs;
  /** Tool version, for the document properties. */
  version?: string;
}

/** How a run or a paragraph mark fares: common text, a tracked insertion, deletion, or one side of a move. */
type Track = 'equal' | 'ins' | 'del' | 'moveFrom' | 'moveTo';

/** Twentieths of a point: the first-line indent of a UN paragraph (about 1.27 cm). */
const INDENT = 720;

/** Escape text for XML content and attributes; drop characters XML 1.0 cannot hold. */
function esc(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Writes the XML of one document, numbering the tracked changes. */
class Writer {
  private nextId = 1;
  private moveName = 0;
  /** Footnotes by Word id (ids 0 and 1 are the separators). */
  readonly footnotes: string[] = [];

  constructor(
    private readonly author: string,
    private readonly date: string,
  ) {}

  /** Attributes of a tracked change. */
  private attrs(): string {
    return `w:id="${this.nextId++}" w:author="${esc(this.author)}" w:date="${this.date}"`;
  }

  /** One run: text with italics / bold, as the given track (rPrChange when the old italics differ). */
  run(text: string, track: Track, fmt: { italic?: boolean; bold?: boolean; italicOld?: boolean; sup?: boolean } = {}): string {
    if (!text) return '';
    const props = (italic?: boolean) => `${fmt.bold ? '<w:b/>' : ''}${italic ? '<w:i/>' : ''}`;
    let rPr = props(fmt.italic);
    if (fmt.italicOld !== undefined && fmt.italicOld !== !!fmt.italic && (track === 'equal' || track === 'moveTo')) {
      rPr += `<w:rPrChange ${this.attrs()}><w:rPr>${props(fmt.italicOld)}</w:rPr></w:rPrChange>`;
    }
    const deleted = track === 'del' || track === 'moveFrom';
    const t = deleted ? 'w:delText' : 'w:t';
    const r = `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<${t} xml:space="preserve">${esc(text)}</${t}></w:r>`;
    return this.wrap(r, track);
  }

  /** Wrap run XML in its tracked-change element. */
  wrap(r: string, track: Track): string {
    if (track === 'equal' || !r) return r;
    return `<w:${track} ${this.attrs()}>${r}</w:${track}>`;
  }

  /** A paragraph mark's properties for its track. */
  mark(track: Track): string {
    return track === 'equal' ? '' : `<w:rPr><w:${track} ${this.attrs()}/></w:rPr>`;
  }

  /** A paragraph. */
  para(content: string, o: { track?: Track; numbered?: boolean; style?: string; center?: boolean; indent?: boolean; keepNext?: boolean; after?: number } = {}): string {
    const pPr = [
      o.style ? `<w:pStyle w:val="${o.style}"/>` : '',
      o.keepNext ? '<w:keepNext/>' : '',
      o.numbered ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' : '',
      o.after !== undefined ? `<w:spacing w:after="${o.after}"/>` : '',
      o.indent ? `<w:ind w:firstLine="${INDENT}"/>` : '',
      o.center ? '<w:jc w:val="center"/>' : o.indent || o.numbered ? '<w:jc w:val="both"/>' : '',
      this.mark(o.track ?? 'equal'),
    ].join('');
    return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${content}</w:p>`;
  }

  /** A move range around paragraphs: start and end markers to put inside the first and last. */
  moveRange(kind: 'moveFrom' | 'moveTo', name: string): { start: string; end: string } {
    const id = this.nextId++;
    return { start: `<w:${kind}RangeStart w:id="${id}" w:name="${name}" w:author="${esc(this.author)}" w:date="${this.date}"/>`, end: `<w:${kind}RangeEnd w:id="${id}"/>` };
  }

  newMoveName(): string {
    return `resdiff-move-${++this.moveName}`;
  }

  /**
   * A footnote: its content paragraph written now, its reference run returned (tracked as given).
   *
   * @param content runs of the footnote's text
   * @param track how the reference (and a whole new or dropped footnote) fares
   */
  footnote(content: string, track: Track): string {
    const id = this.footnotes.length + 2;
    const refMark = this.wrap('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>', track === 'equal' ? 'equal' : track);
    this.footnotes.push(`<w:footnote w:id="${id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>${refMark}${this.run(' ', track)}${content}</w:p></w:footnote>`);
    return this.wrap(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`, track);
  }
}

/** Which side's kind a clause id names ("OP12" → OP). */
function kindOfId(id: string): 'PP' | 'OP' {
  return id.startsWith('OP') ? 'OP' : 'PP';
}

/** Runs of one segment of a clause, in a paragraph of the given role. */
function segmentRuns(w: Writer, s: RedlineSegment, role: Entry['role'], whole?: Track): string {
  let track: Track;
  if (whole) track = whole;
  else if (role === 'from') track = s.op === 'equal' ? 'moveFrom' : 'del';
  else if (role === 'to') track = s.op === 'equal' ? 'moveTo' : 'ins';
  else track = s.op === 'equal' ? 'equal' : s.op === 'insert' ? 'ins' : 'del';
  return w.run(s.text, track, { italic: s.italic, italicOld: role === 'both' ? s.italicOld : undefined });
}

/** The paragraphs of one entry. */
function entryParagraphs(w: Writer, e: Entry, docs: RedlineDocs | undefined): string[] {
  const p = e.pair;
  const side = e.role === 'from' ? 'old' : e.role === 'to' ? 'new' : undefined;
  const ps = pieces(p, side);
  const whole: Track | undefined = e.role === 'both' ? (p.status === 'added' ? 'ins' : p.status === 'removed' ? 'del' : undefined) : undefined;
  const between: Track | undefined = e.role === 'from' ? 'moveFrom' : e.role === 'to' ? 'moveTo' : ps.length > 1 ? (ps[0]!.side === 'new' ? 'ins' : 'del') : undefined;
  const range = e.role === 'from' || e.role === 'to' ? w.moveRange(e.role === 'from' ? 'moveFrom' : 'moveTo', moveNames.get(p) ?? setMoveName(w, p)) : undefined;
  // Footnotes go at the end of their clause: the later text's in place and where the clause
  // moved to, the earlier text's where it moved from; a dropped clause keeps its own. When a
  // pair is cut into clauses (split, merged), each footnote goes with the clause that has it.
  const notes: string[] = ps.map(() => '');
  if (docs) {
    const owner = (f: { old?: number; new?: number }): number => {
      for (let k = 0; k < ps.length; k++) {
        const piece = ps[k]!;
        const r = piece.side === 'old' ? docs.old : docs.new;
        const n = piece.side === 'old' ? f.old : f.new;
        if (n !== undefined && r.clauses.find((x) => x.id === piece.id)?.footnotes.includes(n)) return k;
      }
      return ps.length - 1;
    };
    for (const f of pairFootnotes(p, docs)) {
      if (e.role === 'from' && f.old === undefined) continue;
      if (e.role === 'to' && f.new === undefined) continue;
      let track: Track;
      let content: string;
      if (e.role === 'from' || e.role === 'to') {
        track = e.role === 'from' ? 'moveFrom' : 'moveTo';
        const text = f.parts.filter((x) => x.op === 'equal' || x.op === (e.role === 'from' ? 'delete' : 'insert')).map((x) => x.text).join('');
        content = w.run(text, 'equal');
      } else {
        track = whole ?? (f.old === undefined ? 'ins' : f.new === undefined ? 'del' : 'equal');
        content = f.parts.map((x) => w.run(x.text, whole ?? (x.op === 'equal' ? track : x.op === 'insert' ? 'ins' : 'del'))).join('');
      }
      notes[owner(f)] += w.footnote(content, track);
    }
  }
  return ps.map((piece, i) => {
    const last = i === ps.length - 1;
    const markTrack: Track = whole ?? (e.role !== 'both' ? between! : !last && between ? between : 'equal');
    let runs = piece.segments.map((s) => segmentRuns(w, s, e.role, whole)).join('');
    if (e.role === 'both' && piece.joint && piece.joint.op === 'equal') {
      // A space both texts had: it stays in the reading where the clauses are one paragraph.
      runs += w.run(piece.joint.text, between === 'ins' ? 'del' : 'ins');
    }
    runs += notes[i];
    if (range && i === 0) runs = range.start + runs;
    if (range && last) runs += range.end;
    const kind = e.role === 'from' ? kindOfId(piece.id) : e.role === 'to' ? kindOfId(piece.id) : piece.side === 'old' ? kindOfId(piece.id) : p.kind;
    return w.para(runs, { track: markTrack, numbered: kind === 'OP', indent: true });
  });
}

const moveNames = new WeakMap<Pair, string>();
function setMoveName(w: Writer, p: Pair): string {
  const n = w.newMoveName();
  moveNames.set(p, n);
  return n;
}

/** A line of the head or closing block as a paragraph. */
function partParagraph(w: Writer, l: PartLine, o: { center?: boolean; indent?: boolean } = {}): string {
  const ops = new Set(l.parts.map((x) => x.op));
  const whole: Track | undefined = !ops.has('equal') && ops.size === 1 ? (ops.has('insert') ? 'ins' : 'del') : undefined;
  const runs = l.parts.map((x) => w.run(x.text, x.op === 'equal' ? 'equal' : x.op === 'insert' ? 'ins' : 'del', { italic: l.italic, bold: l.bold })).join('');
  return w.para(runs, { track: whole ?? 'equal', center: o.center, indent: o.indent });
}

/** The cover section: title, both versions, counts, the list of changes, how to read the changes. */
function cover(w: Writer, c: Comparison, generated: string, toolVersion: string | undefined): string[] {
  const s = summarize(c);
  const plain = (text: string, fmt: { bold?: boolean; italic?: boolean } = {}) => w.run(text, 'equal', fmt);
  const version = (label: string, v: VersionInfo) =>
    w.para(
      plain(`${label}: `, { bold: true }) +
        plain(versionName(v), { bold: true }) +
        plain(v.title ? ` — ${v.title}` : '') +
        plain(v.adopted ? `, adopted ${longDate(v.adopted)}` : '') +
        (v.constructed ? plain(' (constructed example, not an official document)', { bold: true }) : ''),
      { after: 60 },
    );
  const out = [
    w.para(plain(`Redline: ${versionName(c.old)} → ${versionName(c.new)}`), { style: 'Title' }),
    version('Earlier text', c.old),
    version('Later text', c.new),
  ];
  if (anyConstructed(c)) out.push(w.para(plain('A constructed example is part of this comparison; it is not an official UN text.', { italic: true })));
  out.push(w.para(plain(`Generated ${longDate(generated.slice(0, 10))} by resdiff${toolVersion ? ` ${toolVersion}` : ''}.`)));
  out.push(w.para(plain('Summary', { bold: true }), { keepNext: true }));
  out.push(w.para(plain(`Preambular paragraphs: ${countsPhrase(s.PP)}.`), { after: 40 }));
  out.push(w.para(plain(`Operative paragraphs: ${countsPhrase(s.OP)}.`)));
  const list = changeList(c);
  out.push(w.para(plain(`Changes (${list.length})`, { bold: true }), { keepNext: true }));
  for (const e of list) {
    out.push(w.para(plain(`${e.ids}: `, { bold: true }) + plain(CHANGE_KIND_LABEL[e.kind] + (e.alsoMoved ? ', moved' : '')), { after: 20 }));
  }
  out.push(
    w.para(plain('How to read this document', { bold: true }), { keepNext: true }),
    w.para(
      plain(
        'The resolution after this page is the later text with every change from the earlier text tracked (author "resdiff"). Accept all changes to get the later text, reject all changes to get the earlier text: its paragraph order, its numbers (operative paragraphs are numbered by Word), its italics and its footnotes. Moved paragraphs are tracked as moves. This cover page is not part of either text.',
      ),
    ),
  );
  return out;
}

/** Page size and margins (A4, 2 cm). */
const PAGE = '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>';

/**
 * Render a comparison as a Word document with tracked changes.
 *
 * @param c the comparison
 * @param opts author and date of the changes; the two versions for the whole resolution
 * @returns the .docx bytes
 */
export async function renderCompareDocx(c: Comparison, opts: DocxOptions = {}): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const author = opts.author ?? 'resdiff';
  const now = opts.date ?? new Date();
  const date = isoSeconds(now);
  const w = new Writer(author, date);
  const docs = opts.docs;

  const body: string[] = [...cover(w, c, date, opts.version)];
  // The cover ends its own section; the resolution starts on a new page.
  body.push(`<w:p><w:pPr><w:sectPr>${PAGE}</w:sectPr></w:pPr></w:p>`);
  if (docs) for (const l of headLines(docs)) body.push(partParagraph(w, l, { center: true }));
  const ch = chapeauLine(docs?.old.body ?? c.old.body, docs?.new.body ?? c.new.body);
  if (ch) body.push(partParagraph(w, ch, { indent: true }));
  for (const e of documentOrder(c)) body.push(...entryParagraphs(w, e, docs));
  if (docs) for (const l of closingLines(docs)) body.push(partParagraph(w, l, { indent: l.role === 'vote' || l.role === 'voteHead' || l.role === 'voteList' }));
  else body.push(w.para(''));

  const names = `${versionName(c.old)} → ${versionName(c.new)}`;
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${NS}><w:body>${body.join('')}<w:sectPr><w:type w:val="nextPage"/>${PAGE}</w:sectPr></w:body></w:document>`;
  const footnotes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes ${NS}><w:footnote w:type="separator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>${w.footnotes.join('')}</w:footnotes>`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', ROOT_RELS);
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(`Redline: ${names}`)}</dc:title><dc:subject>${esc(`${versionName(c.old)}; ${versionName(c.new)}`)}</dc:subject><dc:creator>${esc(author)}</dc:creator><dc:description>${esc(`Tracked changes from ${versionName(c.old)} to ${versionName(c.new)}, generated by resdiff${opts.version ? ` ${opts.version}` : ''}`)}</dc:description><dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created></cp:coreProperties>`,
  );
  zip.file('docProps/app.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>resdiff${opts.version ? ` ${esc(opts.version)}` : ''}</Application></Properties>`);
  zip.file('word/document.xml', document);
  zip.file('word/footnotes.xml', footnotes);
  zip.file('word/styles.xml', STYLES);
  zip.file('word/numbering.xml', NUMBERING);
  zip.file('word/settings.xml', SETTINGS);
  zip.file('word/_rels/document.xml.rels', DOC_RELS);
  const buf = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return buf;
}

/** "2024-07-10T12:00:00Z": w:date without milliseconds. */
function isoSeconds(d: Date | string): string {
  const date = typeof d === 'string' ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${String(d)}`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const DOC_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>`;

const SETTINGS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings ${NS}><w:trackRevisions/><w:defaultTabStop w:val="567"/><w:footnotePr><w:footnote w:id="0"/><w:footnote w:id="1"/></w:footnotePr><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

/** Operative paragraphs: "1.", "2.", … then a tab, the number at the first-line indent as printed. */
const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${NS}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="${INDENT + 567}"/></w:tabs><w:ind w:left="0" w:firstLine="${INDENT}"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="200"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr></w:style><w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style></w:styles>`;
