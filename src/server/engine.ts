/**
 * The library calls the server makes: read corpus versions (only through the corpus index),
 * parse uploads in memory, compare, and render a comparison in each export format.
 *
 * Kept apart from the HTTP layer so the handlers stay thin and the renderers are a record, not
 * a string switch.
 */
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { ingest } from '../ingest/index.js';
import { parseResolution } from '../model/parse.js';
import type { Resolution } from '../model/types.js';
import { findInCorpus, listCorpus, listSeries, type CorpusEntry, type Series } from '../corpus/index.js';
import type { Comparison } from '../diff/types.js';
import type { CellMark, History } from '../diff/history.js';
import type { VoteTable } from '../align/votes.js';

/** The export formats of GET/POST /api/compare. */
export const FORMATS = ['json', 'html', 'pdf', 'docx', 'unified'] as const;
export type Format = (typeof FORMATS)[number];

/** One rendered export. */
export interface Rendered {
  body: string | Uint8Array;
  contentType: string;
  /** File extension for downloads, without the dot. */
  ext: string;
}

/** Options a renderer takes from the query string. */
export interface RenderOptions {
  layout?: 'side-by-side' | 'inline';
  /** JSON: indented, for downloads. */
  pretty?: boolean;
  /** HTML/PDF: the UN's black redline convention instead of colours. */
  style?: 'un';
  /** HTML/PDF: unchanged clauses folded to one line each. */
  changesOnly?: boolean;
}

/** The two versions behind each comparison made here, for the redlines' head, chapeau, footnotes and closing block. */
const versionsOf = new WeakMap<Comparison, { old: Resolution; new: Resolution }>();

/** Renders a comparison in one format; heavy renderers are imported on first use. */
export type Renderer = (c: Comparison, options: RenderOptions) => Promise<Rendered>;

/** An export the running build cannot make (its renderer is not installed): 501. */
export class NotAvailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAvailableError';
  }
}

/** Through the library's record of compare formats (src/render/index.ts), as the CLI does. */
function viaCompareFormats(format: string): Renderer {
  return async (c, o) => {
    const { compareFormats, VERSION } = await import('../render/index.js');
    const f = compareFormats[format];
    if (!f) throw new NotAvailableError(`${format.toUpperCase()} export is not available in this version of resdiff`);
    const body = await f.render(c, { layout: o.layout ?? 'side-by-side', style: o.style, changesOnly: o.changesOnly, docs: versionsOf.get(c), version: VERSION });
    return { body, contentType: f.contentType, ext: f.ext };
  };
}

/** The page's JSON of each kept comparison (comparisons are never changed once made). */
const compactJson = new WeakMap<Comparison, string>();

/** One renderer per export format. */
export const RENDERERS: Record<Format, Renderer> = {
  // Compact for the page; the contract's fields first, as the CLI prints them.
  json: async (c, o) => {
    const contentType = 'application/json; charset=utf-8';
    if (!o.pretty) {
      const cached = compactJson.get(c);
      if (cached) return { body: cached, contentType, ext: 'json' };
    }
    const { comparisonToJson } = await import('../render/compare-json.js');
    const obj = comparisonToJson(c);
    if (o.pretty) return { body: `${JSON.stringify(obj, null, 2)}\n`, contentType, ext: 'json' };
    const body = JSON.stringify(obj);
    compactJson.set(c, body);
    return { body, contentType, ext: 'json' };
  },
  // The page shows side by side, so its exports default to that layout. PDFs share one browser,
  // closed with the server.
  html: viaCompareFormats('html'),
  pdf: viaCompareFormats('pdf'),
  docx: viaCompareFormats('docx'),
  unified: viaCompareFormats('unified'),
};

/** Compare two parsed resolutions (the library's compare, imported on first use). */
export async function compareResolutions(oldRes: Resolution, newRes: Resolution): Promise<Comparison> {
  const { compare } = await import('../diff/compare.js');
  const c = compare(oldRes, newRes);
  versionsOf.set(c, { old: oldRes, new: newRes });
  return c;
}

/** A history cell as the page draws it: the library's mark and words, so page and CLI say the same. */
export interface PageCell {
  mark: CellMark;
  moved: boolean;
  /** "OP3 ~↕", as the text table prints it. */
  text: string;
  /** Index into the thread's `changes` of the change that led to this cell, -1 when none. */
  change: number;
}

/**
 * The page's history: `buildHistory` with `detail`, extended (never renamed) with each thread's
 * cells, "since" and "last changed" labels, and the legend.
 */
export type PageHistory = Omit<History, 'threads'> & {
  threads: Array<History['threads'][number] & { cells: PageCell[]; since: string; lastChangedLabel: string }>;
  legend: Array<{ mark: string; glyph: string; meaning: string }>;
  summary: string;
};

/** The history of a series' versions, oldest first, with texts and diffs (imported on first use). */
export async function seriesHistory(versions: Resolution[]): Promise<PageHistory> {
  const { buildHistory, threadCells } = await import('../diff/history.js');
  const L = await import('../render/history-labels.js');
  const h = buildHistory(versions, { detail: true });
  return {
    ...h,
    threads: h.threads.map((t) => ({
      ...t,
      cells: threadCells(t).map((c) => ({ mark: c.mark, moved: c.moved, text: L.cellText(c), change: c.change ? t.changes.indexOf(c.change) : -1 })),
      since: L.sinceLabel(t, h.versions),
      lastChangedLabel: L.lastChangedLabel(t, h.versions),
    })),
    legend: [...L.LEGEND_ORDER.map((m) => ({ mark: m, ...L.MARKS[m] })), { mark: 'moved', ...L.MOVED }],
    summary: L.historySummary(h.threads, h.versions.length),
  };
}

/** The vote table of a series' versions, oldest first (imported on first use). */
export async function seriesVotes(versions: Resolution[]): Promise<VoteTable> {
  const { buildVoteTable } = await import('../align/votes.js');
  return buildVoteTable(versions);
}

/**
 * A series id as a client may send it: the manifest's id ("intl-cooperation-human-rights").
 * Ids are only ever looked up among the manifests, never joined onto a folder; anything else
 * is refused with a 400 all the same.
 */
const SAFE_SERIES_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/;

/** Check a series id's shape. @throws InputError (400) for anything path-like. */
export function checkSeriesId(id: string | undefined): string {
  if (id === undefined || id === '') throw new InputError('missing the series id');
  if (!SAFE_SERIES_ID.test(id) || id.includes('..')) throw new InputError('not a series id (expected the id of a series manifest, such as intl-cooperation-human-rights)');
  return id;
}

/** Release what renderers hold (the PDF renderer's browser), if one was ever started. */
export async function closeRenderers(): Promise<void> {
  if (!pdfUsed) return;
  const { closeBrowser } = await import('../render/pdf.js');
  await closeBrowser();
}
let pdfUsed = false;
/** Note that a PDF was rendered, so closing the server closes the renderer's browser. */
export function notePdfUsed(): void {
  pdfUsed = true;
}

/**
 * A reference as a client may send it: a file id ("A-HRC-RES-56-2", "example-2022"), a symbol
 * ("A/HRC/RES/56/2") or a number ("56/2"). Anything that looks like a path is refused before the
 * corpus index is even consulted; the index is the only way to a file.
 */
const SAFE_REF = /^[A-Za-z0-9][A-Za-z0-9 ._/-]{0,119}$/;

/** Check a reference's shape. @throws InputError (400) for anything path-like. */
export function checkRef(ref: string | undefined, name: string): string {
  if (ref === undefined || ref.trim() === '') throw new InputError(`missing the "${name}" reference`);
  const r = ref.trim();
  if (!SAFE_REF.test(r) || r.includes('..') || r.includes('//')) {
    throw new InputError(`"${name}" is not a corpus reference (expected a symbol such as A/HRC/RES/56/2, a number such as 56/2, or a corpus id)`);
  }
  return r;
}

/** An error for a reference the corpus does not hold (404). */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/**
 * The corpus as the server sees it: the index (re-read when the folder changes) and parsed
 * versions cached by file path and modification time, so a request parses nothing twice.
 */
export class CorpusStore {
  private entries: CorpusEntry[] | undefined;
  private entriesStamp = 0;
  private readonly parsed = new Map<string, { mtimeMs: number; res: Promise<Resolution> }>();
  /** Recent comparisons of corpus pairs, least recently used first. */
  private readonly compared = new Map<string, Promise<Comparison>>();
  /** Corpus files that cannot be indexed: name in the folder -> what is wrong (no path). */
  readonly unreadable = new Map<string, string>();
  private readonly logged = new Set<string>();
  /** Series analyses (history, votes) as compact JSON, least recently used first. */
  private readonly analysed = new Map<string, Promise<string>>();

  /**
   * @param dir the corpus folder
   * @param cacheSize how many comparisons of corpus pairs to keep (0: none)
   */
  constructor(
    readonly dir: string,
    private readonly cacheSize = 16,
    private readonly log: (message: string) => void = () => {},
  ) {}

  /** Skip a file that cannot be indexed: one log line the first time, listed in `unreadable`. */
  private readonly skip = (name: string, e: InputError): void => {
    const key = `${name}\0${e.message}`;
    if (!this.logged.has(key)) this.log(`resdiff serve: skipping corpus file ${name}: ${e.message}`);
    this.logged.add(key);
    this.unreadable.set(name, e.message);
  };

  /**
   * Compare two corpus versions. A comparison is a pure function of the two files, so the
   * recent ones are kept (keyed by path and modification time): the page asks for the JSON and
   * then for the exports of the same pair.
   */
  async compare(oldEntry: CorpusEntry, newEntry: CorpusEntry): Promise<Comparison> {
    const [so, sn] = await Promise.all([stat(oldEntry.path), stat(newEntry.path)]);
    const key = `${oldEntry.path}\0${so.mtimeMs}\0${newEntry.path}\0${sn.mtimeMs}`;
    const hit = this.compared.get(key);
    if (hit) {
      this.compared.delete(key);
      this.compared.set(key, hit);
      return hit;
    }
    const result = (async () => {
      const [a, b] = await Promise.all([this.load(oldEntry), this.load(newEntry)]);
      return compareResolutions(a, b);
    })();
    if (this.cacheSize > 0) {
      this.compared.set(key, result);
      result.catch(() => this.compared.delete(key));
      while (this.compared.size > this.cacheSize) this.compared.delete(this.compared.keys().next().value as string);
    }
    return result;
  }

  /**
   * A series' history (`buildHistory` with `detail`, for the page's cell texts and redlines) or
   * vote table, as compact JSON. Kept per series, keyed by the versions' paths and modification
   * times like the comparisons, so a changed or imported version makes a new one.
   *
   * @param id the series id (shape already checked)
   * @param what which analysis
   * @throws NotFoundError for an unknown series, InputError when the corpus holds too few versions
   */
  async seriesJson(id: string, what: 'history' | 'votes'): Promise<string> {
    const s = this.series().find((x) => x.id === id);
    if (!s) throw new NotFoundError(`no series "${id}"`);
    const min = what === 'history' ? 2 : 1;
    if (s.versions.length < min) {
      throw new InputError(`the ${what} of a series needs at least ${min === 2 ? 'two versions' : 'one version'}; the corpus holds ${s.versions.length} of series "${s.id}"`);
    }
    const stamps = await Promise.all(s.versions.map(async (e) => `${e.path}\0${(await stat(e.path)).mtimeMs}`));
    const key = `${what}\0${stamps.join('\0')}`;
    const hit = this.analysed.get(key);
    if (hit) {
      this.analysed.delete(key);
      this.analysed.set(key, hit);
      return hit;
    }
    const result = (async () => {
      const versions = await Promise.all(s.versions.map((e) => this.load(e)));
      return JSON.stringify(what === 'history' ? await seriesHistory(versions) : await seriesVotes(versions));
    })();
    if (this.cacheSize > 0) {
      this.analysed.set(key, result);
      result.catch(() => this.analysed.delete(key));
      while (this.analysed.size > this.cacheSize) this.analysed.delete(this.analysed.keys().next().value as string);
    }
    return result;
  }

  /** The corpus index (cached for a second; it only reads front matter). */
  list(): CorpusEntry[] {
    const now = Date.now();
    if (!this.entries || now - this.entriesStamp > 1000) {
      this.unreadable.clear();
      this.entries = listCorpus(this.dir, this.skip);
      this.entriesStamp = now;
    }
    return this.entries;
  }

  /** Series manifests matched with the corpus. */
  series(): Series[] {
    return listSeries(this.dir, this.skip);
  }

  /** Find a version by reference. @throws NotFoundError, InputError */
  find(ref: string): CorpusEntry {
    const entry = findInCorpus(ref, this.list());
    if (!entry) throw new NotFoundError(`no corpus version matches "${ref}"`);
    return entry;
  }

  /** Load and parse a corpus version (cached). */
  async load(entry: CorpusEntry): Promise<Resolution> {
    const st = await stat(entry.path);
    const hit = this.parsed.get(entry.path);
    if (hit && hit.mtimeMs === st.mtimeMs) return hit.res;
    const res = (async () => {
      const bytes = await readFile(entry.path);
      // The reference, not the server's path, names the file in messages and in the comparison.
      const r = parseResolution(await ingest(bytes, `${entry.id}.md`));
      return { ...r, file: entry.id, constructed: r.constructed ?? entry.constructed };
    })();
    this.parsed.set(entry.path, { mtimeMs: st.mtimeMs, res });
    res.catch(() => this.parsed.delete(entry.path));
    return res;
  }
}

/**
 * The name of an uploaded file as messages show it: the last segment of what the browser sent,
 * without control characters.
 */
export function uploadName(name: string): string {
  return (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'upload';
}

/**
 * Parse an uploaded file in memory, in this thread (the server reads uploads through its
 * bounded pool instead; this is for library users who trust their files).
 *
 * @param bytes the file contents
 * @param name the name the browser sent (only its last segment is kept, for messages)
 */
export async function parseUpload(bytes: Uint8Array, name: string): Promise<Resolution> {
  const base = uploadName(name);
  const r = parseResolution(await ingest(bytes, base));
  return { ...r, file: base };
}
