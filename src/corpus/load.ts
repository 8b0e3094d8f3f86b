/**
 * Load a resolution from a file path or a corpus reference: the one entry point the CLI, the
 * server and the library share, so every command accepts the same things.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { ingest } from '../ingest/index.js';
import { parseResolution } from '../model/parse.js';
import type { Resolution } from '../model/types.js';
import { defaultCorpusDir, describeRefs, findInCorpus, listCorpus } from './index.js';

/** Where to look for files and corpus references. */
export interface LoadOptions {
  /** Folder relative paths are read from (default: process.cwd()). */
  cwd?: string;
  /** Corpus folder (default: the bundled corpus). */
  corpusDir?: string;
}

/**
 * Load and parse one resolution.
 *
 * @param ref a path (Markdown, text, PDF, DOCX) or a corpus reference ("56/2", "A/HRC/RES/56/2")
 * @param options cwd and corpus folder
 * @throws InputError for a missing file, an unknown reference or unusable content
 */
export async function loadResolution(ref: string, options: LoadOptions = {}): Promise<Resolution> {
  const { path, label } = locate(ref, options);
  const bytes = readBytes(path, label);
  const source = await ingest(bytes, label);
  return parseResolution(source);
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
  const entries = listCorpus(corpusDir);
  const entry = findInCorpus(ref, entries);
  if (entry) return { path: entry.path, label: ref };
  const looksLikePath = /[\\]|\.(md|txt|pdf|docx|markdown)$/i.test(ref) || ref.startsWith('.');
  throw new InputError(
    looksLikePath
      ? 'no such file'
      : `no such file, and no corpus version matches this reference (known: ${describeRefs(entries) || 'none'})`,
    ref,
  );
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
