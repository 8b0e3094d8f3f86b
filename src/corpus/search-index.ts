/**
 * The corpus index: every clause of every corpus version in an embedded SQLite database with a
 * full-text index (FTS5), kept beside the corpus (corpus/.resdiff-index.sqlite) and brought up to
 * date whenever it is opened: a file whose size and time are unchanged is skipped, a changed one is
 * hashed (SHA-256) and re-read only when its bytes differ, a deleted one is dropped.
 *
 * Clause rows are numbered so that the FTS5 rowid order is adoption order:
 *   rowid = day × 2^32 + document serial × 2^10 + clause index
 * (day = days since 1900-01-01; undated documents sort last). FTS5 walks its matches in rowid
 * order, so "earliest first, first N" stops after N matches instead of sorting every match, and
 * "adopted before D" or "since YEAR" is a rowid range FTS5 applies itself.
 *
 * better-sqlite3 is a native module; it is loaded only here, and this module only by the commands
 * that need the index (index, search, compare --provenance, the server's search routes).
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { InputError } from '../errors.js';
import type { Resolution } from '../model/types.js';
import { profileOfKeys, similarity, termId, termIds, termKeys, weigh, type Idf } from '../align/similarity.js';
import { cacheDir } from './cache.js';
import { cleanPhrase, findPhrase, foldWord, ftsPhrase, searchWords } from './search-words.js';

type Db = BetterSqlite3.Database;

/** Bump when the schema or what is stored changes: an index of another version is rebuilt. */
const SCHEMA_VERSION = '1';
/** Name of the index file inside the corpus folder. */
export const INDEX_FILE = '.resdiff-index.sqlite';

const DAY_FACTOR = 2 ** 32;
const SERIAL_FACTOR = 2 ** 10;
/** Clauses per document the rowid scheme has room for. */
const MAX_CLAUSES = SERIAL_FACTOR;
/** Documents the rowid scheme has room for (2^22). */
const MAX_SERIAL = 2 ** 22 - 1;
/** The day number undated documents get: after every real date. */
const UNDATED = 200000;

/** Near search: how many full-text candidates are re-ranked with the aligner's similarity. */
const NEAR_CANDIDATES = 150;
/**
 * Near search: when the query's rarest words together occur in more clauses than this, an OR of
 * them would score that many rows; the candidates then come from clauses holding all of the
 * rarest few (AND), which for a paragraph with many near-copies in the corpus is the right set.
 */
const NEAR_OR_BUDGET = 5000;
/** Near search: how many of the query's rarest words pick the candidates. */
const NEAR_TERMS = 12;
/** Document frequencies remembered between queries (a corpus's vocabulary fits many times). */
const DF_MEMO_LIMIT = 200000;
/** Near search: below this similarity a clause is not "near" (the aligner pairs from 0.3). */
export const NEAR_MIN = 0.2;

/** Days since 1900-01-01 of an ISO date ("2024-07-10", "2024-07", "2024"); UNDATED when unknown. */
export function dayNumber(iso: string | undefined): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso ?? '');
  if (!m) return UNDATED;
  const t = Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1));
  const d = Math.floor(t / 86400000) + 25567;
  return d > 0 && d < UNDATED ? d : UNDATED;
}

/** One clause found by a search. */
export interface SearchHit {
  symbol: string;
  /** The resolution's number ("56/2"), when known. */
  number?: string;
  /** ISO adoption date, "" when unknown. */
  adopted: string;
  /** Clause id in its document ("PP19", "OP5"). */
  clause: string;
  kind: 'PP' | 'OP';
  opening: string;
  text: string;
  series?: string;
  /** A text written to exercise the tool, not a UN document. */
  constructed: boolean;
  /** The corpus file (name without folder). */
  file: string;
  /** Character ranges of the matching words in `text`. */
  marks: Array<[number, number]>;
  /** Near search: the aligner's similarity to the query, 0..1. */
  similarity?: number;
}

/** Filters every query takes. */
export interface QueryFilter {
  /** Only this series. */
  series?: string;
  /** Only documents adopted in or after this year. */
  since?: number;
  /** Only documents adopted strictly before this ISO date (undated: any dated document). */
  before?: string;
  /** Leave out this document (symbol). */
  excludeSymbol?: string;
  /** At most this many hits (default 20). */
  limit?: number;
}

/** What `sync` did. */
export interface SyncReport {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  skipped: number;
}

/** How to open the index. */
export interface IndexOptions {
  /** The corpus folder. */
  corpusDir: string;
  /** The index file (default: beside the corpus, else in the cache folder when it is read-only). */
  path?: string;
  /** Start from an empty index (`resdiff index`). */
  rebuild?: boolean;
  /** Recoverable problems: a corpus file that cannot be read, an index that had to be rebuilt. */
  onWarning?: (message: string, file?: string) => void;
  /** Called as files are (re)read: done of total, and the file. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** How long to wait for another process's write lock (ms, default 5000). */
  busyTimeoutMs?: number;
  /** Environment (RESDIFF_INDEX: the index file; RESDIFF_CACHE_DIR: where a read-only corpus's index goes). */
  env?: Record<string, string | undefined>;
}

let DatabaseCtor: typeof BetterSqlite3 | undefined;
/** better-sqlite3, loaded on first use. */
function sqlite(): typeof BetterSqlite3 {
  if (!DatabaseCtor) {
    try {
      DatabaseCtor = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
    } catch (e) {
      throw new Error(`the corpus index needs the better-sqlite3 module, which failed to load (${(e as Error).message.split('\n')[0]}); run "npm rebuild better-sqlite3"`);
    }
  }
  return DatabaseCtor;
}

/** Where the index of a corpus folder lives. */
export function indexPath(corpusDir: string, env: Record<string, string | undefined> = process.env): string {
  if (env.RESDIFF_INDEX) return resolve(env.RESDIFF_INDEX);
  const dir = resolve(corpusDir);
  try {
    accessSync(dir, constants.W_OK);
    return join(dir, INDEX_FILE);
  } catch {
    // A read-only corpus (an installed package): keep its index in the cache folder.
    const cache = cacheDir(env);
    if (!cache) return ':memory:';
    return join(cache, `index-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}.sqlite`);
  }
}

const SCHEMA = `
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE files(name TEXT PRIMARY KEY, size INTEGER, mtime REAL, sha256 TEXT, doc INTEGER) WITHOUT ROWID;
CREATE TABLE docs(id INTEGER PRIMARY KEY, file TEXT, symbol TEXT, number TEXT, series TEXT, adopted TEXT,
                  title TEXT, body TEXT, constructed INTEGER);
CREATE INDEX docs_symbol ON docs(symbol);
CREATE TABLE clauses(rowid INTEGER PRIMARY KEY, doc INTEGER, seq INTEGER, clause TEXT, kind TEXT,
                     number INTEGER, opening TEXT, text TEXT);
CREATE INDEX clauses_doc ON clauses(doc);
CREATE VIRTUAL TABLE fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
CREATE TABLE terms(term TEXT PRIMARY KEY, df INTEGER) WITHOUT ROWID;
`;

interface FileRow {
  name: string;
  size: number;
  mtime: number;
  sha256: string;
  doc: number | null;
}

interface HitRow {
  rowid: number;
  clause: string;
  kind: 'PP' | 'OP';
  opening: string;
  text: string;
  symbol: string;
  number: string | null;
  adopted: string;
  series: string | null;
  constructed: number;
  file: string;
}

const HIT_COLUMNS = `c.rowid AS rowid, c.clause AS clause, c.kind AS kind, c.opening AS opening, c.text AS text,
  d.symbol AS symbol, d.number AS number, d.adopted AS adopted, d.series AS series, d.constructed AS constructed, d.file AS file`;

function isBusy(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/**
 * The index of one corpus folder. Open it with `openIndex`, which also brings it up to date.
 */
export class CorpusIndex {
  /** The index file (":memory:" when it could not be kept on disk). */
  readonly path: string;
  readonly corpusDir: string;
  private db: Db;
  /** Prepared statements by SQL text, for `db` (compiled once, not once per document or query). */
  private stmts = new Map<string, BetterSqlite3.Statement>();
  private readonly opts: IndexOptions;
  private dfMemo = new Map<string, number>();
  private clauseCount = -1;

  private constructor(db: Db, path: string, opts: IndexOptions) {
    this.db = db;
    this.path = path;
    this.corpusDir = resolve(opts.corpusDir);
    this.opts = opts;
  }

  /** Open (creating or repairing as needed) and sync the index of a corpus folder. */
  static async open(opts: IndexOptions): Promise<CorpusIndex> {
    const dir = resolve(opts.corpusDir);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError('corpus folder not found', opts.corpusDir);
    const env = opts.env ?? process.env;
    let path = opts.path ?? indexPath(dir, env);
    const warn = opts.onWarning ?? (() => {});
    let db: Db;
    try {
      db = openDb(path, !!opts.rebuild, opts.busyTimeoutMs ?? 5000);
    } catch (e) {
      if (isBusy(e)) {
        warn(`the corpus index is locked by another process; using a fresh index in memory for this run`, path);
        path = ':memory:';
      } else {
        warn(`the corpus index could not be read (${(e as Error).message.split('\n')[0]}); rebuilding it`, path);
        try {
          removeDbFiles(path);
          db = openDb(path, true, opts.busyTimeoutMs ?? 5000);
        } catch (e2) {
          warn(`the corpus index cannot be written (${(e2 as Error).message.split('\n')[0]}); using an index in memory for this run`, path);
          path = ':memory:';
        }
      }
      if (path === ':memory:') db = openDb(path, true, 0);
    }
    const index = new CorpusIndex(db!, path, opts);
    try {
      await index.sync();
    } catch (e) {
      if (e instanceof InputError) throw e;
      index.db.close();
      if (isBusy(e)) {
        // Another process holds the write lock longer than we wait: never delete its file.
        warn(`the corpus index is locked by another process; using a fresh index in memory for this run`, path);
        (index as { path: string }).path = ':memory:';
        index.useDb(openDb(':memory:', true, 0));
      } else if (path !== ':memory:') {
        // A file that turns out damaged only when read past its header: start again, once.
        warn(`the corpus index is damaged (${(e as Error).message.split('\n')[0]}); rebuilding it`, path);
        try {
          removeDbFiles(path);
          index.useDb(openDb(path, true, opts.busyTimeoutMs ?? 5000));
        } catch {
          (index as { path: string }).path = ':memory:';
          index.useDb(openDb(':memory:', true, 0));
        }
      } else index.useDb(openDb(':memory:', true, 0));
      await index.sync();
    }
    return index;
  }

  /** Switch to another database (after a damaged or locked file): statements belong to the old one. */
  private useDb(db: Db): void {
    this.db = db;
    this.stmts.clear();
  }

  /** A prepared statement, compiled on first use. */
  private sql(text: string): BetterSqlite3.Statement {
    let st = this.stmts.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.stmts.set(text, st);
    }
    return st;
  }

  /** Close the database. */
  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Documents and clauses in the index. */
  stats(): { documents: number; clauses: number; bytes: number } {
    const documents = (this.sql('SELECT count(*) AS n FROM docs').get() as { n: number }).n;
    const clauses = (this.sql('SELECT count(*) AS n FROM clauses').get() as { n: number }).n;
    let bytes = 0;
    if (this.path !== ':memory:') if (existsSync(this.path)) bytes += statSync(this.path).size;
    return { documents, clauses, bytes };
  }

  /**
   * Bring the index up to date with the corpus folder: new files are read, changed ones (by
   * SHA-256) re-read, deleted ones dropped. Safe to run from several processes at once: each
   * document is replaced in its own write transaction that first checks another process has not
   * already done it.
   */
  async sync(): Promise<SyncReport> {
    const report: SyncReport = { added: 0, changed: 0, removed: 0, unchanged: 0, skipped: 0 };
    const names = readdirSync(this.corpusDir)
      .filter((n) => /\.(md|markdown|txt)$/i.test(n) && !/^readme/i.test(n))
      .sort();
    const rows = new Map((this.sql('SELECT name, size, mtime, sha256, doc FROM files').all() as FileRow[]).map((r) => [r.name, r]));
    const todo: Array<{ name: string; size: number; mtime: number; row?: FileRow }> = [];
    for (const name of names) {
      let st;
      try {
        st = statSync(join(this.corpusDir, name));
      } catch {
        continue; // removed while we looked
      }
      if (!st.isFile()) continue;
      const row = rows.get(name);
      if (row && row.size === st.size && row.mtime === st.mtimeMs) report.unchanged++;
      else todo.push({ name, size: st.size, mtime: st.mtimeMs, row });
    }
    const present = new Set(names);
    const gone = [...rows.values()].filter((r) => !present.has(r.name));
    let manifest: Map<string, string> | undefined;
    let done = 0;
    for (const t of todo) {
      this.opts.onProgress?.(done++, todo.length, t.name);
      const path = join(this.corpusDir, t.name);
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch {
        continue;
      }
      const sha = createHash('sha256').update(bytes).digest('hex');
      if (t.row && t.row.sha256 === sha) {
        this.sql('UPDATE files SET size = ?, mtime = ? WHERE name = ?').run(t.size, t.mtime, t.name);
        report.unchanged++;
        continue;
      }
      let r: Resolution | undefined;
      try {
        const { loadResolution } = await import('./load.js');
        r = await loadResolution(path, { corpusDir: this.corpusDir });
      } catch (e) {
        const msg = e instanceof InputError ? e.message : (e as Error).message;
        this.opts.onWarning?.(`not in the search index: ${msg}`, t.name);
        report.skipped++;
      }
      if (r) {
        manifest ??= manifestSeries(this.corpusDir);
        r.series ??= manifest.get(normSymbol(r.symbol));
      }
      const wrote = this.write(() => {
        const now = this.sql('SELECT name, size, mtime, sha256, doc FROM files WHERE name = ?').get(t.name) as FileRow | undefined;
        if (now && now.sha256 === sha) return false; // another process got here first
        if (now?.doc != null) this.deleteDoc(now.doc);
        const doc = r ? this.insertDoc(r, t.name) : null;
        this.sql('INSERT OR REPLACE INTO files(name, size, mtime, sha256, doc) VALUES (?, ?, ?, ?, ?)').run(t.name, t.size, t.mtime, sha, doc);
        return true;
      });
      if (wrote && r) {
        if (t.row) report.changed++;
        else report.added++;
      }
    }
    if (todo.length) this.opts.onProgress?.(todo.length, todo.length, '');
    for (const g of gone) {
      this.write(() => {
        const now = this.sql('SELECT doc FROM files WHERE name = ?').get(g.name) as { doc: number | null } | undefined;
        if (!now) return false;
        if (now.doc != null) this.deleteDoc(now.doc);
        this.sql('DELETE FROM files WHERE name = ?').run(g.name);
        return true;
      });
      report.removed++;
    }
    if (todo.length || gone.length) {
      this.dfMemo.clear();
      this.clauseCount = -1;
    }
    return report;
  }

  /**
   * Add parsed resolutions that are not corpus files (the bench's generated corpus), in one
   * transaction. Each gets a pseudo file name so that a later sync leaves it alone only if the
   * folder has no such file: use an index whose corpus folder does not hold them.
   */
  addResolutions(docs: Iterable<{ name: string; resolution: Resolution }>): number {
    let n = 0;
    this.write(() => {
      const df = new Map<string, number>();
      for (const { name, resolution } of docs) {
        const doc = this.insertDoc(resolution, name, df);
        this.sql('INSERT OR REPLACE INTO files(name, size, mtime, sha256, doc) VALUES (?, 0, 0, ?, ?)').run(name, `generated-${n}`, doc);
        n++;
      }
      this.addDf(df, 1);
      return true;
    });
    this.dfMemo.clear();
    this.clauseCount = -1;
    return n;
  }

  /** Merge the full-text index's segments into one (after a large batch of additions). */
  optimize(): void {
    this.write(() => this.sql("INSERT INTO fts(fts) VALUES ('optimize')").run());
  }

  /** Run a write in an immediate transaction (waits for another writer up to the busy timeout). */
  private write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  private insertDoc(r: Resolution, name: string, batchDf?: Map<string, number>): number {
    const last = (this.sql('SELECT max(id) AS m FROM docs').get() as { m: number | null }).m ?? 0;
    const serial = last + 1;
    if (serial > MAX_SERIAL) throw new Error('the corpus index is full; run "resdiff index" to renumber it');
    this.sql('INSERT INTO docs(id, file, symbol, number, series, adopted, title, body, constructed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(serial, name, r.symbol, r.number ?? null, r.series ?? null, r.adopted, r.title, r.body, r.constructed ? 1 : 0);
    const base = dayNumber(r.adopted) * DAY_FACTOR + serial * SERIAL_FACTOR;
    const insClause = this.sql('INSERT INTO clauses(rowid, doc, seq, clause, kind, number, opening, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const insFts = this.sql('INSERT INTO fts(rowid, text) VALUES (?, ?)');
    const df = new Map<string, number>();
    r.clauses.slice(0, MAX_CLAUSES).forEach((c, i) => {
      insClause.run(base + i, serial, i, c.id, c.kind, c.number ?? null, c.opening, c.text);
      insFts.run(base + i, c.text);
      for (const k of new Set(termKeys(c.text))) df.set(k, (df.get(k) ?? 0) + 1);
    });
    if (r.clauses.length > MAX_CLAUSES) this.opts.onWarning?.(`only the first ${MAX_CLAUSES} clauses are indexed`, name);
    if (batchDf) for (const [k, n] of df) batchDf.set(k, (batchDf.get(k) ?? 0) + n);
    else this.addDf(df, 1);
    return serial;
  }

  private deleteDoc(doc: number): void {
    const rows = this.sql('SELECT rowid, text FROM clauses WHERE doc = ?').all(doc) as Array<{ rowid: number; text: string }>;
    const del = this.sql('DELETE FROM fts WHERE rowid = ?');
    const df = new Map<string, number>();
    for (const row of rows) {
      del.run(row.rowid);
      for (const k of new Set(termKeys(row.text))) df.set(k, (df.get(k) ?? 0) + 1);
    }
    this.addDf(df, -1);
    this.sql('DELETE FROM clauses WHERE doc = ?').run(doc);
    this.sql('DELETE FROM docs WHERE id = ?').run(doc);
  }

  private addDf(df: Map<string, number>, sign: 1 | -1): void {
    const up = this.sql('INSERT INTO terms(term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df');
    for (const [k, n] of df) up.run(k, sign * n);
    if (sign < 0) this.sql('DELETE FROM terms WHERE df <= 0').run();
  }

  /** The rowid range and extra SQL for a filter. */
  private range(f: QueryFilter): { lo: number; hi: number; where: string; params: unknown[] } {
    let lo = 0;
    let hi = (UNDATED + 1) * DAY_FACTOR;
    if (f.since !== undefined) lo = dayNumber(`${f.since}-01-01`) * DAY_FACTOR;
    if (f.before !== undefined) hi = Math.min(hi, dayNumber(f.before) * DAY_FACTOR);
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.series) {
      where.push('d.series = ?');
      params.push(f.series);
    }
    if (f.excludeSymbol) {
      where.push('d.symbol <> ?');
      params.push(f.excludeSymbol);
    }
    return { lo, hi, where: where.map((w) => ` AND ${w}`).join(''), params };
  }

  /**
   * Clauses containing a run of words (already folded; see searchWords), earliest first.
   *
   * @returns the hits (at most `limit`) and whether there are more
   */
  phraseWords(words: readonly string[], f: QueryFilter = {}): { hits: SearchHit[]; more: boolean } {
    if (words.length === 0) return { hits: [], more: false };
    const limit = f.limit ?? 20;
    const { lo, hi, where, params } = this.range(f);
    const rows = this.sql(
      `SELECT ${HIT_COLUMNS} FROM fts JOIN clauses c ON c.rowid = fts.rowid JOIN docs d ON d.id = c.doc
         WHERE fts MATCH ? AND fts.rowid >= ? AND fts.rowid < ?${where} ORDER BY fts.rowid LIMIT ?`,
    ).all(ftsPhrase(words), lo, hi, ...params, limit + 1) as HitRow[];
    const hits = rows.slice(0, limit).map((row) => toHit(row, findPhrase(row.text, words)));
    return { hits, more: rows.length > limit };
  }

  /** Is this run of words in any clause matching the filter? */
  containsWords(words: readonly string[], f: QueryFilter = {}): boolean {
    return this.phraseWords(words, { ...f, limit: 1 }).hits.length > 0;
  }

  /**
   * Phrase search: clauses whose wording contains the text (case, punctuation, footnote markers
   * and layout ignored), earliest first.
   */
  phrase(text: string, f: QueryFilter = {}): { words: string[]; hits: SearchHit[]; more: boolean } {
    const words = searchWords(cleanPhrase(text)).map((w) => w.norm);
    return { words, ...this.phraseWords(words, f) };
  }

  /** Clauses in the index. */
  private clauses(): number {
    if (this.clauseCount < 0) this.clauseCount = (this.sql('SELECT count(*) AS n FROM clauses').get() as { n: number }).n;
    return this.clauseCount;
  }

  /** Document frequency of a term key (see termKeys) over the whole index. */
  private df(key: string): number {
    let n = this.dfMemo.get(key);
    if (n === undefined) {
      n = (this.sql('SELECT df FROM terms WHERE term = ?').get(key) as { df: number } | undefined)?.df ?? 0;
      // Bounded: the server looks up the words of every query it is sent.
      if (this.dfMemo.size >= DF_MEMO_LIMIT) this.dfMemo.clear();
      this.dfMemo.set(key, n);
    }
    return n;
  }

  /**
   * Near search: clauses close to a whole paragraph, ranked by the aligner's similarity
   * (0.5·cosine of tf-idf + 0.5·Dice of word trigrams) with idf over every clause of the corpus.
   * Candidates come from the full-text index (the query's rarest words, best BM25 first).
   */
  near(text: string, f: QueryFilter = {}): { hits: SearchHit[]; more: boolean } {
    const limit = f.limit ?? 20;
    // Tokenized without the shared token cache and interned in tables of this query only: the
    // candidates are a stream of corpus texts, mostly seen once, which a long-running server would
    // otherwise keep (every word and trigram of every candidate ever scored).
    const qKeys = termKeys(text);
    const keys = [...new Set(qKeys)];
    const pick = keys
      .filter((k) => /^[\p{L}\p{N}]+$/u.test(k))
      .map((k) => ({ k: foldWord(k), df: this.df(k) }))
      .filter((x) => x.df > 0)
      .sort((a, b) => a.df - b.df)
      .slice(0, NEAR_TERMS);
    if (pick.length === 0) return { hits: [], more: false };
    const { lo, hi, where, params } = this.range(f);
    const stmt = this.sql(
      `SELECT ${HIT_COLUMNS} FROM fts JOIN clauses c ON c.rowid = fts.rowid JOIN docs d ON d.id = c.doc
       WHERE fts MATCH ? AND fts.rowid >= ? AND fts.rowid < ?${where} ORDER BY fts.rank LIMIT ?`,
    );
    const terms = [...new Set(pick.map((p) => p.k))].map((k) => ftsPhrase([k]));
    let rows: HitRow[] = [];
    if (pick.reduce((n, p) => n + p.df, 0) > NEAR_OR_BUDGET) {
      // Many near-copies: all of the rarest few words, relaxing to fewer while too little is found.
      for (let k = Math.min(4, terms.length); k >= 2 && rows.length < limit; k--) {
        rows = stmt.all(terms.slice(0, k).join(' AND '), lo, hi, ...params, NEAR_CANDIDATES) as HitRow[];
      }
    }
    if (rows.length < limit) rows = stmt.all(terms.join(' OR '), lo, hi, ...params, NEAR_CANDIDATES) as HitRow[];
    const n = Math.max(1, this.clauses());
    const ids = termIds();
    const idf: Idf = new Map();
    const rowKeys = rows.map((row) => termKeys(row.text));
    const need = new Set(keys);
    for (const ks of rowKeys) for (const k of ks) need.add(k);
    for (const k of need) {
      const d = this.df(k);
      if (d > 0) idf.set(termId(k, ids), Math.log(1 + n / d));
    }
    const q = weigh(profileOfKeys(qKeys, ids), idf);
    const qTri = trigramSet(searchWords(text).map((w) => w.norm));
    const scored = rows
      .map((row, i) => ({ row, s: similarity(q, weigh(profileOfKeys(rowKeys[i]!, ids), idf)) }))
      .filter((x) => x.s >= NEAR_MIN)
      .sort((a, b) => b.s - a.s || a.row.rowid - b.row.rowid);
    const hits = scored.slice(0, limit).map(({ row, s }) => ({ ...toHit(row, sharedRuns(row.text, qTri)), similarity: Math.round(s * 1000) / 1000 }));
    return { hits, more: scored.length > limit };
  }

  /** One clause of an indexed document, by reference (symbol, number or file name) and clause id. */
  clauseText(ref: string, clause: string): { symbol: string; adopted: string; text: string } | undefined {
    const r = ref.trim().toUpperCase().replace(/-/g, '/').replace(/\.(MD|TXT)$/, '');
    const docs = this.sql('SELECT id, symbol, number, file, adopted FROM docs').all() as Array<{ id: number; symbol: string; number: string | null; file: string; adopted: string }>;
    const doc =
      docs.find((d) => d.symbol.toUpperCase() === r || d.file.toUpperCase().replace(/-/g, '/').replace(/\.(MD|TXT|MARKDOWN)$/, '') === r) ??
      docs.find((d) => (d.number && d.number.toUpperCase() === r) || d.symbol.toUpperCase().endsWith(`/${r}`));
    if (!doc) return undefined;
    const row = this.sql('SELECT text FROM clauses WHERE doc = ? AND upper(clause) = ?').get(doc.id, clause.toUpperCase()) as { text: string } | undefined;
    return row ? { symbol: doc.symbol, adopted: doc.adopted, text: row.text } : undefined;
  }
}

/** Open and sync the index of a corpus folder (see CorpusIndex). */
export function openIndex(opts: IndexOptions): Promise<CorpusIndex> {
  return CorpusIndex.open(opts);
}

function openDb(path: string, fresh: boolean, busyMs: number): Db {
  const Database = sqlite();
  if (path !== ':memory:') {
    mkdirSync(resolve(path, '..'), { recursive: true });
    if (fresh) removeDbFiles(path);
  }
  const db = new Database(path, { timeout: busyMs });
  try {
    db.pragma(`busy_timeout = ${busyMs}`);
    // A rollback journal that stays in place (TRUNCATE), not WAL: WAL's -wal and -shm files come
    // and go with each process, and a copy of the corpus folder taken meanwhile (cp -r) fails on
    // the file that vanished. Readers and writers take turns within the busy timeout.
    if (path !== ':memory:') db.pragma('journal_mode = TRUNCATE');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -32000'); // 32 MB of page cache: the full-text index's b-trees stay in memory while building
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
    const version = hasMeta ? (db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined)?.value : undefined;
    if (version !== SCHEMA_VERSION) {
      db.transaction(() => {
        // Another process may have created it meanwhile.
        const again = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
        const v = again ? (db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined)?.value : undefined;
        if (v === SCHEMA_VERSION) return;
        for (const t of ['fts', 'terms', 'clauses', 'docs', 'files', 'meta']) db.exec(`DROP TABLE IF EXISTS ${t}`);
        db.exec(SCHEMA);
        db.prepare("INSERT INTO meta(key, value) VALUES ('schema', ?)").run(SCHEMA_VERSION);
      }).immediate();
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function removeDbFiles(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(p, { force: true });
}

function toHit(row: HitRow, marks: Array<[number, number]>): SearchHit {
  return {
    symbol: row.symbol,
    ...(row.number ? { number: row.number } : {}),
    adopted: row.adopted,
    clause: row.clause,
    kind: row.kind,
    opening: row.opening,
    text: row.text,
    ...(row.series ? { series: row.series } : {}),
    constructed: row.constructed === 1,
    file: row.file,
    marks,
  };
}

function trigramSet(words: string[]): Set<string> {
  const s = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) s.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return s;
}

/** Ranges of a text covered by word trigrams it shares with the query: the shared wording. */
function sharedRuns(text: string, qTri: Set<string>): Array<[number, number]> {
  const w = searchWords(text);
  const on = new Array<boolean>(w.length).fill(false);
  for (let i = 0; i + 2 < w.length; i++) if (qTri.has(`${w[i].norm} ${w[i + 1].norm} ${w[i + 2].norm}`)) on[i] = on[i + 1] = on[i + 2] = true;
  const out: Array<[number, number]> = [];
  for (let i = 0; i < w.length; i++) {
    if (!on[i]) continue;
    let j = i;
    while (j + 1 < w.length && on[j + 1]) j++;
    out.push([w[i].start, w[j].end]);
    i = j;
  }
  return out;
}

function normSymbol(s: string): string {
  return s.trim().toUpperCase().replace(/\s+/g, '');
}

/** Symbol -> series id, from the corpus's series manifests (for files whose front matter names none). */
function manifestSeries(corpusDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const sdir = join(corpusDir, 'series');
  let names: string[] = [];
  try {
    names = readdirSync(sdir).filter((n) => /\.ya?ml$/i.test(n));
  } catch {
    return out;
  }
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  for (const n of names) {
    try {
      const data = parse(readFileSync(join(sdir, n), 'utf8')) as { id?: string; members?: Array<{ symbol?: string }> };
      const id = String(data?.id ?? n.replace(/\.ya?ml$/i, ''));
      for (const m of data?.members ?? []) if (m?.symbol) out.set(normSymbol(String(m.symbol)), id);
    } catch {
      // A broken manifest is reported by the commands that read series; here it only names less.
    }
  }
  return out;
}
