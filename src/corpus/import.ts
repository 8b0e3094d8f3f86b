/**
 * Import a resolution file (PDF, DOCX, Markdown, text) into a corpus folder: the rebuilt Markdown
 * with YAML front matter (symbol, body, session, adopted, title, series, provenance), written
 * atomically, never over an existing version unless asked.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { InputError } from '../errors.js';
import { ingest, type Source } from '../ingest/index.js';
import { parseResolution } from '../model/parse.js';
import type { Resolution, Warning } from '../model/types.js';
import { defaultCorpusDir, listSeries } from './index.js';

/** How to import. */
export interface ImportOptions {
  /** The corpus folder to write into (created when missing). */
  into: string;
  /** Replace an existing file of the same name. */
  force?: boolean;
  /** The clock, for `provenance.importedAt` (tests pass a fixed one). */
  now?: () => Date;
  /** Where the bytes came from when not a local file (fetch): recorded as `provenance.url`. */
  url?: string;
  /**
   * The symbol the file was asked for (fetch): a file that names another symbol is refused
   * before anything is written; a file that names none takes this one.
   */
  symbol?: string;
}

/** What an import wrote. */
export interface ImportResult {
  /** Absolute path of the corpus file. */
  path: string;
  resolution: Resolution;
  /** Problems the parser noticed in the imported text (the file is written all the same). */
  warnings: Warning[];
  /** True when an existing file was replaced (--force). */
  replaced: boolean;
}

/**
 * The corpus file name of a symbol: "A/HRC/RES/56/2" → "A-HRC-RES-56-2.md".
 *
 * @param symbol a document symbol
 */
export function corpusFileName(symbol: string): string {
  return `${symbol.trim().replace(/[\\/\s]+/g, '-').replace(/[^A-Za-z0-9.()_-]/g, '')}.md`;
}

/** A symbol compared without case and spaces. */
function symbolKey(s: string): string {
  return s.trim().toUpperCase().replace(/\s+/g, '');
}

/** The series a symbol or title belongs to, from the manifests of the target corpus or the bundled one. */
function findSeries(r: Resolution, into: string): string | undefined {
  const dirs = [into, defaultCorpusDir()];
  for (const dir of dirs) {
    let series;
    try {
      series = listSeries(dir);
    } catch {
      continue;
    }
    const sym = r.symbol.toUpperCase();
    const bySymbol = series.find((s) => s.members.some((m) => m.symbol.toUpperCase() === sym));
    if (bySymbol) return bySymbol.id;
    const byTitle = series.find((s) => s.title.toLowerCase() === r.title.toLowerCase() && (!s.body || s.body === r.body));
    if (byTitle) return byTitle.id;
  }
  return undefined;
}

/**
 * The text of a corpus file for a source: YAML front matter, then the Markdown.
 *
 * @param source the ingested file
 * @param r its parsed resolution
 * @param extra series, time and URL
 */
export function corpusText(source: Source, r: Resolution, extra: { series?: string; importedAt: string; url?: string }): string {
  const meta = source.meta ?? {};
  const fm: Record<string, unknown> = {
    symbol: r.symbol || undefined,
    number: r.number,
    body: r.body || undefined,
    session: r.session ?? undefined,
    adopted: r.adopted || undefined,
    title: r.title || undefined,
    series: extra.series,
    constructed: meta.constructed === true ? true : undefined,
    provenance: {
      source: basename(source.file),
      ...(extra.url ? { url: extra.url } : {}),
      sha256: source.sha256,
      importedAt: extra.importedAt,
      via: source.origin,
      ...(typeof meta.jobNumber === 'string' ? { jobNumber: meta.jobNumber } : {}),
      ...(meta.constructed === true ? { notes: 'constructed test rendition, not an official United Nations document' } : {}),
    },
  };
  for (const k of Object.keys(fm)) if (fm[k] === undefined) delete fm[k];
  const body = source.text.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  return `---\n${stringify(fm, { lineWidth: 0 })}---\n\n${body.replace(/^\n+/, '')}`;
}

/**
 * Import bytes into the corpus.
 *
 * @param bytes the file contents
 * @param file the file name (for messages and `provenance.source`)
 * @param options target folder, --force, clock
 * @throws InputError for unreadable input, a missing symbol, or an existing file without --force
 */
export async function importBytes(bytes: Uint8Array, file: string, options: ImportOptions): Promise<ImportResult> {
  const source = await ingest(bytes, file);
  const resolution = parseResolution(source);
  if (resolution.clauses.length === 0) throw new InputError('no preambular or operative paragraphs found; is this a resolution?', file);
  const named = resolution.symbol || (typeof source.meta?.symbol === 'string' ? source.meta.symbol : '');
  if (named && options.symbol && symbolKey(named) !== symbolKey(options.symbol)) {
    throw new InputError(`the file is ${named}, not the ${options.symbol} that was asked for`, file);
  }
  const symbol = named || options.symbol?.trim() || '';
  if (!resolution.symbol && symbol) resolution.symbol = symbol;
  if (!symbol) throw new InputError('no document symbol found in the text or its masthead, so the corpus file cannot be named', file);
  const into = resolve(options.into);
  try {
    mkdirSync(into, { recursive: true });
  } catch {
    throw new InputError('cannot create the corpus folder', options.into);
  }
  if (!statSync(into).isDirectory()) throw new InputError('is not a folder', options.into);
  const path = join(into, corpusFileName(symbol));
  const existed = existsSync(path);
  if (existed && !options.force) throw new InputError(`${symbol} is already in the corpus (${path}); use --force to replace it`, file);
  const text = corpusText(source, resolution, {
    series: findSeries(resolution, into),
    importedAt: (options.now ?? (() => new Date()))().toISOString(),
    url: options.url,
  });
  writeAtomic(path, text, !!options.force, file);
  return { path, resolution, warnings: resolution.warnings, replaced: existed };
}

/**
 * Import a file into the corpus.
 *
 * @param path the file to import
 * @param options target folder, --force, clock
 */
export async function importFile(path: string, options: ImportOptions): Promise<ImportResult> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a resolution file' : `cannot read the file (${code ?? 'error'})`, path);
  }
  return importBytes(bytes, path, options);
}

/**
 * Write through a temporary file in the same folder. Without `replace`, the final step is a hard
 * link, which fails if the target appeared meanwhile, so a concurrent import is never clobbered.
 */
function writeAtomic(path: string, text: string, replace: boolean, file: string): void {
  const tmp = join(resolve(path, '..'), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, text);
    if (replace) renameSync(tmp, path);
    else linkSync(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new InputError(`${basename(path)} appeared in the corpus meanwhile; use --force to replace it`, file);
    throw new InputError(`cannot write ${path} (${code ?? 'error'})`, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}
