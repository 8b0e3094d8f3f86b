/**
 * The server's corpus search: GET /api/search (phrase or near search over the corpus index) and
 * provenance for comparisons (GET /api/compare?provenance=1). One index per server, opened on the
 * first request that needs it (better-sqlite3 loads only then) and synced with the corpus folder
 * at most once a second, so a version imported while the server runs is found without a restart;
 * another process writing the index at the same time (`resdiff search`, a second server) waits
 * for SQLite's lock (readers and writers take turns within its busy timeout).
 */
import type { Hono } from 'hono';
import { InputError } from '../errors.js';
import type { Comparison } from '../diff/types.js';
import type { CorpusIndex, SearchHit } from '../corpus/search-index.js';
import type { Series } from '../corpus/index.js';

/** How often (ms) the server re-checks the corpus folder for new or changed files. */
const SYNC_INTERVAL_MS = 1000;
/** Most hits a request may ask for. */
const MAX_LIMIT = 200;

/** The index of the server's corpus, opened on demand. */
export class SearchService {
  private index: Promise<CorpusIndex> | undefined;
  private syncing: Promise<unknown> | undefined;
  private lastSync = 0;

  /**
   * @param corpusDir the corpus folder
   * @param log where index warnings go (a damaged index rebuilt, a file that cannot be read)
   */
  constructor(
    readonly corpusDir: string,
    private readonly log: (message: string) => void,
  ) {}

  /** The index, synced with the folder if the last sync is older than SYNC_INTERVAL_MS. */
  async get(): Promise<CorpusIndex> {
    if (!this.index) {
      const { openIndex } = await import('../corpus/search-index.js');
      this.index = openIndex({ corpusDir: this.corpusDir, onWarning: (m, f) => this.log(`resdiff serve: ${f ? `${f}: ` : ''}warning: ${m}`) });
      this.index.catch(() => (this.index = undefined));
      this.lastSync = Date.now();
    }
    const index = await this.index;
    if (Date.now() - this.lastSync > SYNC_INTERVAL_MS) {
      this.syncing ??= index.sync().finally(() => {
        this.lastSync = Date.now();
        this.syncing = undefined;
      });
      await this.syncing;
    }
    return index;
  }

  /** A copy of a comparison with provenance on its new and modified pairs (the cached one stays as it is). */
  async withProvenance(c: Comparison): Promise<Comparison> {
    const { addProvenance } = await import('../corpus/provenance.js');
    const copy: Comparison = { ...c, pairs: c.pairs.map((p) => ({ ...p })) };
    addProvenance(copy, await this.get());
    return copy;
  }

  /** Close the index. */
  async close(): Promise<void> {
    const i = this.index;
    this.index = undefined;
    if (i) (await i.catch(() => undefined))?.close();
  }
}

/** A hit as the page gets it: the corpus reference of its document and of the version before it in its series. */
export interface PageHit extends SearchHit {
  /** Corpus reference of the document (for ?old=…&new=… links). */
  ref: string;
  /** The version before it in its series, when the corpus holds one. */
  previous: string | null;
}

function intParam(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,6}$/.test(value) || Number(value) < min || Number(value) > max) throw new InputError(`${name} takes a whole number from ${min} to ${max}, not "${value.slice(0, 20)}"`);
  return Number(value);
}

/**
 * Register GET /api/search.
 *
 * Parameters: `q` (the phrase, or the paragraph with mode=near), `mode` (phrase | near),
 * `clause` (near search from a corpus clause, "56/2:OP12"), `series`, `since` (a year), `limit`.
 * Answers `{ mode, query, hits: [...], more }`, each hit as `resdiff search --format json` gives it
 * plus `ref` and `previous`.
 */
export function registerSearch(app: Hono, svc: SearchService, series: () => Series[]): void {
  app.get('/api/search', async (c) => {
    const q = c.req.query();
    const mode = q.mode === undefined || q.mode === '' ? 'phrase' : q.mode;
    if (mode !== 'phrase' && mode !== 'near') throw new InputError(`unknown mode "${mode.slice(0, 20)}" (expected phrase or near)`);
    const text = (q.q ?? '').trim();
    if (text.length > 20000) throw new InputError('the text to search for is too long (at most 20,000 characters)');
    const limit = intParam(q.limit, 'limit', 1, MAX_LIMIT) ?? 20;
    const since = intParam(q.since, 'since', 1900, 2999);
    const seriesId = q.series ? q.series.slice(0, 200) : undefined;
    const filter = { series: seriesId, since, limit };
    const index = await svc.get();
    let result: { mode: 'phrase' | 'near'; query: string; hits: SearchHit[]; more: boolean };
    if (q.clause) {
      const m = /^(.{1,200}):((?:PP|OP)\d{1,4})$/i.exec(q.clause.trim());
      if (!m) throw new InputError(`clause takes a reference and a clause id such as 56/2:OP12`);
      const found = index.clauseText(m[1]!, m[2]!);
      if (!found) throw new InputError(`no clause ${m[2]!.toUpperCase()} of "${m[1]}" in the corpus`);
      const near = index.near(found.text, { ...filter, limit: limit + 1 });
      const hits = near.hits.filter((h) => !(h.symbol === found.symbol && h.clause.toUpperCase() === m[2]!.toUpperCase())).slice(0, limit);
      result = { mode: 'near', query: `${found.symbol} ${m[2]!.toUpperCase()}`, hits, more: near.more || near.hits.length > hits.length + 1 };
    } else {
      if (!text) throw new InputError('give the words to search for (q)');
      if (mode === 'near') result = { mode, query: text, ...index.near(text, filter) };
      else {
        const found = index.phrase(text, filter);
        if (!found.words.length) throw new InputError('nothing to search for: the text has no words');
        result = { mode, query: text, hits: found.hits, more: found.more };
      }
    }
    const all = series();
    const previousOf = (h: SearchHit): string | null => {
      const ref = h.file.replace(/\.[^.]+$/, '');
      for (const s of all) {
        const i = s.versions.findIndex((v) => v.id === ref);
        if (i > 0) return s.versions[i - 1]!.id;
      }
      return null;
    };
    const hits: PageHit[] = result.hits.map((h) => ({ ...h, ref: h.file.replace(/\.[^.]+$/, ''), previous: previousOf(h) }));
    return c.json({ ...result, hits });
  });
}
