/**
 * Load a resolution from a file path or a corpus reference: the one entry point the CLI, the
 * server and the library share, so every command accepts the same things.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import type { Explain, Resolution } from '../model/types.js';
import { defaultCorpusDir, describeRefs, findInCorpus, listCorpus } from './index.js';
import { cacheDir, readCached, seedStored, toStored, writeCached } from './cache.js';
import { fileSha256 } from './file-hash.js';
import { mayBeShipped, readShipped } from './shipped.js';

/** Where to look for files and corpus references. */
export interface LoadOptions {
  /** Folder relative paths are read from (default: process.cwd()). */
  cwd?: string;
  /** Corpus folder (default: the bundled corpus). */
  corpusDir?: string;
  /** Use the parse cache (default true; see cache.ts). */
  cache?: boolean;
  /**
   * Read PDF and DOCX files in a bounded worker (default true; see bounded.ts). Markdown and
   * text are read in-process: their size and shape limits keep them linear.
   */
  bounded?: boolean;
  /**
   * Record how the file is read here (`show --explain`): the file is then parsed afresh, in this
   * process, past the caches.
   */
  explain?: Explain;
}

/**
 * Load and parse one resolution.
 *
 * @param ref a path (Markdown, text, PDF, DOCX) or a corpus reference ("56/2", "A/HRC/RES/56/2")
 * @param options cwd and corpus folder
 * @throws InputError for a missing file, an unknown reference or unusable content
 */
export async function loadResolution(ref: string, options: LoadOptions = {}): Promise<Resolution> {
  return (await loadVersion(ref, options)).resolution;
}

/**
 * Load and parse one resolution, with its key: the SHA-256 of the bytes and how they are read
 * (the parse cache's key, and the comparison cache's part for this file); "" with the cache off.
 */
export async function loadVersion(ref: string, options: LoadOptions = {}): Promise<{ resolution: Resolution; key: string }> {
  const { path, label } = locate(ref, options);
  const explain = options.explain;
  const useCache = options.cache !== false && !explain;
  // The name's extension decides how the bytes are read (.txt vs Markdown), so it is part of the key.
  const ext = /\.([a-z]{1,8})$/i.exec(label)?.[1].toLowerCase() ?? 'md';
  // Hashed only when a cache will use the key (the parse cache, or the shipped corpus when the
  // size fits one of its files); a file seen before is not even read (file-hash.ts).
  let bytes: Uint8Array | undefined;
  let sha256 = '';
  const dir = useCache ? cacheDir() : undefined;
  if (useCache && (dir || mayBeShipped(statSync(path, { throwIfNoEntry: false })?.size ?? -1))) {
    const known = fileSha256(path, dir, () => readBytes(path, label));
    sha256 = `${known.sha256}-${ext}`;
    bytes = known.bytes;
  }
  // The corpus's own files come parsed with the package (shipped.ts); then the parse cache.
  const stored = sha256 ? (readShipped(sha256) ?? readCached(sha256, dir)) : undefined;
  if (stored) {
    const resolution = relabel(stored.resolution, label);
    seedStored(resolution, stored.keys);
    return { resolution, key: sha256 };
  }
  bytes ??= readBytes(path, label);
  // The parsers (remark, pdfjs, …) load only when a file has to be parsed.
  const { ingest } = await import('../ingest/index.js');
  let r: Resolution;
  if (!explain && options.bounded !== false && (await needsBoundedRead(bytes, label))) {
    const { sharedPool } = await import('./bounded.js');
    r = await sharedPool().parse({ bytes, name: label });
  } else {
    const { parseResolution } = await import('../model/parse.js');
    r = parseResolution(await ingest(bytes, label, { explain }), { explain });
  }
  if (dir) {
    // Stored with its clauses' similarity keys, which this run's alignment then reads too.
    const parsed = toStored(r);
    seedStored(r, parsed.keys);
    writeCached(sha256, parsed, dir);
  }
  return { resolution: r, key: sha256 };
}

/**
 * Resolve a reference to a readable path.
 *
 * @returns the absolute path and the label used in messages (the path as the user typed it)
 */
export function locate(ref: string, options: LoadOptions = {}): { path: string; label: string } {
  if (!ref || !ref.trim()) throw new InputError('no file or reference given');
  const cwd = options.cwd ?? process.cwd();
  const path = resolve(cwd, ref);
  let isFile = false;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError('is a folder, not a resolution file', ref);
    isFile = st.isFile();
  } catch (e) {
    if (e instanceof InputError) throw e;
  }
  if (isFile) return { path, label: ref };
  const corpusDir = options.corpusDir ?? defaultCorpusDir();
  const byName = byFileName(ref, corpusDir);
  if (byName) return { path: byName, label: ref };
  const entries = listCorpus(corpusDir);
  const entry = findInCorpus(ref, entries);
  if (entry) return { path: entry.path, label: ref };
  const looksLikePath = /[\\]|\.(md|txt|pdf|docx|markdown|html?)$/i.test(ref) || ref.startsWith('.');
  throw new InputError(
    looksLikePath
      ? 'no such file'
      : `no such file, and no corpus version matches this reference (known: ${describeRefs(entries) || 'none'})`,
    ref,
  );
}

/**
 * Corpus files are named after their symbol ("A/HRC/RES/56/2" -> A-HRC-RES-56-2.md), so most
 * references find their file by name without reading every file's front matter. Only an
 * unambiguous name match counts; anything else goes through the front-matter index.
 */
function byFileName(ref: string, corpusDir: string): string | undefined {
  const stem = ref.trim().replace(/\.(md|markdown|txt)$/i, '').replace(/[\/\s]+/g, '-').toUpperCase();
  if (!stem || stem.includes('..')) return undefined;
  let names: string[];
  try {
    names = readdirSync(corpusDir).filter((n) => /\.(md|markdown|txt)$/i.test(n) && !/^readme/i.test(n));
  } catch {
    return undefined;
  }
  const stemOf = (n: string) => n.replace(/\.[^.]+$/, '').toUpperCase();
  const exact = names.filter((n) => stemOf(n) === stem);
  if (exact.length === 1) return join(corpusDir, exact[0]);
  // A bare number ("56/2") matches the one file whose name ends with it ("…-56-2.md").
  if (/^\d+-\d+$/.test(stem)) {
    const ends = names.filter((n) => stemOf(n).endsWith(`-${stem}`));
    if (ends.length === 1) return join(corpusDir, ends[0]);
  }
  return undefined;
}

/**
 * A cached parse under the name it is asked for now: the cache is keyed by content, so the same
 * bytes read under another name must not print their warnings under the first name.
 */
function relabel(cached: Omit<Resolution, 'file'> & { file?: string }, label: string): Resolution {
  return { ...cached, file: label, warnings: (cached.warnings ?? []).map((w) => (w.file === undefined ? w : { ...w, file: label })) } as Resolution;
}

/**
 * Must these bytes be read in a bounded worker (bounded.ts)? PDF and DOCX always; Markdown and
 * text when they fall outside the envelope of an ordinary resolution. Whatever reads untrusted
 * bytes in-process (load, import, fetch) asks this first.
 */
export async function needsBoundedRead(bytes: Uint8Array, label: string): Promise<boolean> {
  const { sniffKind } = await import('../ingest/index.js');
  const kind = sniffKind(bytes, label);
  return kind === 'pdf' || kind === 'docx' || !(await ordinaryText(bytes, label));
}

/**
 * Is this Markdown or text inside the envelope of an ordinary resolution (model/shape.ts), so
 * that reading it in-process is fast whatever its content? Undecodable text counts as ordinary:
 * the in-process reader gives its one-line error at once.
 */
async function ordinaryText(bytes: Uint8Array, label: string): Promise<boolean> {
  const { decodeText } = await import('../ingest/index.js');
  const { isOrdinary, measure } = await import('../model/shape.js');
  try {
    return isOrdinary(measure(decodeText(bytes, label)));
  } catch {
    return true;
  }
}

function readBytes(path: string, label: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`;
    throw new InputError(why, label);
  }
}
