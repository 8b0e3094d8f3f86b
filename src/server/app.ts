/**
 * The HTTP app of `resdiff serve`: the page (web/) and a JSON API over the library calls the CLI
 * makes. Testable in-process with `app.request()`.
 *
 * Security: files are reachable only through the corpus index (references) and a fixed list of
 * the page's own files, so no request path or parameter is ever joined onto a folder. Uploads are
 * parsed in memory. Every response carries a restrictive Content-Security-Policy.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { InputError } from '../errors.js';
import { BusyError, ParsePool, type PoolOptions } from '../corpus/bounded.js';
import type { Resolution } from '../model/types.js';
import type { Comparison } from '../diff/types.js';
import {
  CorpusStore,
  FORMATS,
  NotAvailableError,
  NotFoundError,
  RENDERERS,
  checkRef,
  checkSeriesId,
  closeRenderers,
  notePdfUsed,
  uploadName,
  type Format,
  type RenderOptions,
} from './engine.js';
import { SearchService, registerSearch } from './search.js';

/** Options of the app. */
export interface AppOptions {
  /** The corpus folder references resolve in. */
  corpusDir: string;
  /** Largest accepted uploaded file, in bytes (default 10 MiB). */
  maxUploadBytes?: number;
  /** The folder of the page (default: <package root>/web). */
  webDir?: string;
  /** How many comparisons of corpus pairs to keep in memory (default 16; 0 turns the cache off). */
  compareCacheSize?: number;
  /** Where internal errors are logged (default: console.error). Never sent to the client. */
  log?: (message: string) => void;
  /**
   * The budget of reading uploads: worker threads, waiting jobs beyond which the server answers
   * 503, time and memory per job (see corpus/bounded.ts).
   */
  uploads?: PoolOptions;
}

/** The app plus what it holds. */
export interface ResdiffApp extends Hono {
  /** Release the renderers' resources (the PDF browser). */
  dispose(): Promise<void>;
}

/** Default largest upload: a resolution PDF is well under 1 MiB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The page's policy: only our own scripts, styles, images and API; no inline script, no frames. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of every response. */
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Exported HTML redlines carry their own styles; they are downloads, sandboxed if opened. */
const EXPORT_HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The bundled page: <package root>/web, from src/server or dist/src/server. */
export function defaultWebDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'web'))) return join(dir, 'web');
    dir = dirname(dir);
  }
  return join(process.cwd(), 'web');
}

/**
 * The page's files, listed once: URL path -> file. Requests are looked up in this map, never
 * joined onto the folder, so "..", encoded or not, cannot reach anything else.
 */
function listWebFiles(webDir: string): Map<string, { path: string; type: string }> {
  const files = new Map<string, { path: string; type: string }>();
  const walk = (dir: string, prefix: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path, `${prefix}${name}/`);
      else if (MIME[extname(name).toLowerCase()]) files.set(`${prefix}${name}`, { path, type: MIME[extname(name).toLowerCase()] });
    }
  };
  walk(webDir, '/');
  if (files.has('/index.html')) files.set('/', files.get('/index.html')!);
  return files;
}

/** A file name for a download: "resdiff-50-4-to-56-2.pdf", from the symbols or file names. */
function downloadName(c: Comparison, ext: string): string {
  const short = (v: Comparison['old']) =>
    (v.symbol ? v.symbol.replace(/^.*RES\//, '') : v.file.replace(/\.[^.]+$/, '')).replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'version';
  return `resdiff-${short(c.old)}-to-${short(c.new)}.${ext}`;
}

/** Read and check the format parameter. */
function formatOf(value: string | undefined): Format {
  const f = (value ?? 'json').toLowerCase();
  if (!(FORMATS as readonly string[]).includes(f)) throw new InputError(`unknown format "${value}" (expected one of ${FORMATS.join(', ')})`);
  return f as Format;
}

/** The redline style of an HTML/PDF export: resdiff's colours (default) or the UN's black convention. */
function redlineOf(style: string | undefined, changesOnly: string | undefined): Pick<RenderOptions, 'style' | 'changesOnly'> {
  if (style !== undefined && style !== '' && style !== 'resdiff' && style !== 'un') throw new InputError(`unknown style "${style}" (expected resdiff or un)`);
  return { style: style === 'un' ? 'un' : undefined, changesOnly: changesOnly === '1' };
}

function layoutOf(value: string | undefined): RenderOptions['layout'] {
  if (value === undefined || value === '' || value === 'side-by-side') return 'side-by-side';
  if (value === 'inline') return 'inline';
  throw new InputError(`unknown layout "${value}" (expected side-by-side or inline)`);
}

/** Error to send when an upload is too large. */
class TooLargeError extends Error {}

/**
 * Create the app.
 *
 * @param options corpus folder, upload limit, page folder
 */
export function createApp(options: AppOptions): ResdiffApp {
  const maxUpload = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const log = options.log ?? ((m: string) => console.error(m));
  const store = new CorpusStore(options.corpusDir, options.compareCacheSize ?? 16, log);
  const webFiles = listWebFiles(options.webDir ?? defaultWebDir());
  // The library's count vocabulary (src/diff/counts.ts, compiled), served to the page as it is,
  // so that the page classifies pairs by the very code the CLI and the renderers use.
  const counts = join(dirname(defaultWebDir()), 'dist', 'src', 'diff', 'counts.js');
  if (existsSync(counts)) webFiles.set('/lib/counts.js', { path: counts, type: MIME['.js'] });
  // Uploads are read and compared in bounded workers: one hostile file never stalls the others.
  const uploads = new ParsePool({ size: 2, maxQueue: 48, ...options.uploads });
  const app = new Hono() as ResdiffApp;
  // The corpus index (search, provenance): opened on the first request that needs it.
  const search = new SearchService(options.corpusDir, log);

  // Headers on every response, errors included: prepared before the handler runs (so responses
  // built with c.json/c.body carry them) and checked again on the response that comes back.
  app.use('*', async (c, next) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
    await next();
    const h = c.res.headers;
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!h.has(k)) h.set(k, v);
  });

  app.onError((err, c) => {
    const fail = (error: string, status: 400 | 404 | 413 | 500 | 501) => c.json({ error }, status, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' });
    // A message about a corpus file names it within the corpus, never by the server's path.
    if (err instanceof InputError) return fail(err.format().split(options.corpusDir).join('corpus'), 400);
    if (err instanceof NotFoundError) return fail(err.message, 404);
    if (err instanceof NotAvailableError) return fail(err.message, 501);
    if (err instanceof TooLargeError) return fail(err.message, 413);
    if (err instanceof BusyError) {
      return c.json({ error: err.message }, 503, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store', 'Retry-After': String(err.retryAfterSeconds) });
    }
    log(`resdiff serve: internal error on ${c.req.method} ${c.req.path}: ${(err as Error)?.stack ?? String(err)}`);
    return fail('internal error: the server could not complete this request (details are in the server log)', 500);
  });

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: 'no such API route' }, 404);
    return c.text('Not found', 404);
  });

  /** Send a comparison in the requested format. */
  const send = async (c: Context, comparison: Comparison, format: Format, layout: RenderOptions['layout'], download: boolean, redline: Pick<RenderOptions, 'style' | 'changesOnly'> = {}) => {
    if (format === 'pdf') notePdfUsed();
    const out = await RENDERERS[format](comparison, { layout, pretty: download, ...redline });
    const headers: Record<string, string> = { 'Content-Type': out.contentType };
    if (download || (format !== 'json')) headers['Content-Disposition'] = `attachment; filename="${downloadName(comparison, out.ext)}"`;
    if (format === 'html') headers['Content-Security-Policy'] = EXPORT_HTML_POLICY;
    const body = typeof out.body === 'string' ? out.body : new Uint8Array(out.body);
    return c.body(body, 200, headers);
  };

  // The corpus: series and their versions, and every version. Paths on the server never leave it.
  app.get('/api/corpus', (c) => {
    const version = (e: ReturnType<CorpusStore['list']>[number]) => ({
      ref: e.id,
      symbol: e.symbol,
      number: e.number ?? null,
      adopted: e.adopted,
      title: e.title,
      constructed: e.constructed,
      series: e.series ?? null,
    });
    const series = store.series().map((s) => ({
      id: s.id,
      title: s.title,
      body: s.body ?? null,
      versions: s.versions.map(version),
    }));
    const versions = store.list().map(version);
    // Files the index had to skip: named as in the corpus folder, never by a server path.
    const unreadable = [...store.unreadable].map(([file, error]) => ({ file, error }));
    return c.json({ series, versions, unreadable, limits: { maxUploadBytes: maxUpload } });
  });

  // The place for the series view (issue 7): the series manifest and which texts the corpus holds.
  app.get('/api/series/:id', (c) => {
    const id = c.req.param('id');
    const s = store.series().find((x) => x.id === id);
    if (!s) throw new NotFoundError(`no series "${id}"`);
    return c.json({
      id: s.id,
      title: s.title,
      body: s.body ?? null,
      members: s.members.map((m) => ({ symbol: m.symbol, adopted: m.adopted ?? null, year: m.year ?? null, body: m.body ?? null, ref: m.entry?.id ?? null })),
      related: s.related.map((m) => ({ symbol: m.symbol, adopted: m.adopted ?? null, year: m.year ?? null, body: m.body ?? null, ref: m.entry?.id ?? null })),
      versions: s.versions.map((e) => ({ ref: e.id, symbol: e.symbol, adopted: e.adopted, constructed: e.constructed })),
    });
  });

  // A series' paragraph history (threads of clause lineages, with each version's clause texts and
  // the redline from the version before) and its votes, over the corpus versions, oldest first.
  for (const what of ['history', 'votes'] as const) {
    app.get(`/api/series/:id/${what}`, async (c) => {
      const body = await store.seriesJson(checkSeriesId(c.req.param('id')), what);
      return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    });
  }

  // Compare two corpus versions.
  app.get('/api/compare', async (c) => {
    const q = c.req.query();
    const format = formatOf(q.format);
    const layout = layoutOf(q.layout);
    const oldEntry = store.find(checkRef(q.old, 'old'));
    const newEntry = store.find(checkRef(q.new, 'new'));
    let comparison = await store.compare(oldEntry, newEntry);
    if (q.provenance === '1') comparison = await search.withProvenance(comparison);
    return send(c, comparison, format, layout, q.download === '1', redlineOf(q.style, q['changes-only']));
  });

  // Where wording is in the corpus (phrase or near search): src/server/search.ts.
  registerSearch(app, search, () => store.series());

  // Compare two uploaded files (multipart fields "old" and "new"; optional "format", "layout").
  app.post(
    '/api/compare',
    bodyLimit({
      maxSize: 2 * maxUpload + 64 * 1024,
      onError: (c) => c.json({ error: `the upload is too large (each file may be at most ${formatBytes(maxUpload)})` }, 413),
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^multipart\/form-data/i.test(type)) throw new InputError('send the two files as multipart/form-data, fields "old" and "new"');
      let form: Record<string, string | File | (string | File)[]>;
      try {
        form = await c.req.parseBody({ all: true });
      } catch {
        throw new InputError('the upload could not be read as multipart/form-data');
      }
      const file = (name: 'old' | 'new'): File => {
        const v = form[name];
        if (Array.isArray(v)) throw new InputError(`send one file as "${name}", not several`);
        if (!(v instanceof File)) throw new InputError(`missing the "${name}" file`);
        if (v.size > maxUpload) throw new TooLargeError(`${v.name || name} is ${formatBytes(v.size)}, larger than the ${formatBytes(maxUpload)} limit`);
        if (v.size === 0) throw new InputError('the file is empty', v.name || name);
        return v;
      };
      const str = (name: string) => {
        const v = form[name];
        return typeof v === 'string' ? v : undefined;
      };
      const format = formatOf(str('format'));
      const layout = layoutOf(str('layout'));
      const oldFile = file('old');
      const newFile = file('new');
      const read = async (f: File) => ({ bytes: new Uint8Array(await f.arrayBuffer()), name: uploadName(f.name) });
      let comparison = await uploads.compare(await read(oldFile), await read(newFile));
      if (str('provenance') === '1') comparison = await search.withProvenance(comparison);
      return send(c, comparison, format, layout, str('download') === '1', redlineOf(str('style'), str('changes-only')));
    },
  );

  // The page's own files, from a fixed list.
  app.on(['GET', 'HEAD'], '*', (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    const f = webFiles.get(c.req.path);
    if (!f) return next();
    const body = readFileSync(f.path);
    return c.body(new Uint8Array(body), 200, { 'Content-Type': f.type, 'Cache-Control': 'no-cache' });
  });

  app.dispose = async () => {
    await search.close();
    await uploads.close();
    await closeRenderers();
  };
  return app;
}

function formatBytes(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(n % 1048576 ? 1 : 0)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}
