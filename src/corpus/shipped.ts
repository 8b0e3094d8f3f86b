/**
 * The corpus's parsed form, shipped with the package: `npm run build` parses every corpus file
 * (scripts/ship-corpus.mjs) into dist/corpus-parsed/<sha256>-<ext>.json, so a reference such as
 * 56/2 never parses Markdown at start-up, cache or no cache. An entry is used only when the SHA-256
 * of the bytes just read names it and the parser that wrote it is the one running (the parse
 * cache's fingerprint of the parser modules); anything else is parsed as usual.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint, type StoredParse } from './cache.js';

/** One shipped entry: a stored parse (the resolution without `file`, its clauses' keys). */
export interface ShippedEntry extends StoredParse {
  /** The parser fingerprint (cache.ts) of the build that wrote it. */
  parser: string;
  /** The name the file was parsed under (its warnings are relabelled with the name in use). */
  label: string;
}

let folderMemo: string | null | undefined;

/** <package root>/dist/corpus-parsed, or null outside a package. */
export function shippedDir(): string | null {
  if (folderMemo !== undefined) return folderMemo;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json'))) return (folderMemo = join(dir, 'dist', 'corpus-parsed'));
    dir = dirname(dir);
  }
  return (folderMemo = null);
}

let sizesMemo: Set<number> | undefined;

/**
 * Could a file of this many bytes be a shipped corpus file? The build lists their sizes
 * (sizes.json), so that with the cache off a file that cannot be one is not even hashed.
 */
export function mayBeShipped(size: number): boolean {
  if (!sizesMemo) {
    const dir = shippedDir();
    try {
      sizesMemo = new Set(dir ? (JSON.parse(readFileSync(join(dir, 'sizes.json'), 'utf8')) as number[]) : []);
    } catch {
      sizesMemo = new Set();
    }
  }
  return sizesMemo.has(size);
}

/**
 * The shipped parse of these bytes, if the build made one with this parser.
 *
 * @param key the SHA-256 of the bytes and the extension they are read by ("<hex>-md")
 */
export function readShipped(key: string): StoredParse | undefined {
  const dir = shippedDir();
  if (!dir || !/^[0-9a-f]{64}-[a-z0-9]{1,8}$/.test(key)) return undefined;
  const file = join(dir, `${key}.json`);
  // Most files read are not the corpus's: no exception (and its stack) for the missing entry.
  if (!existsSync(file)) return undefined;
  let entry: ShippedEntry;
  try {
    entry = JSON.parse(readFileSync(file, 'utf8')) as ShippedEntry;
  } catch {
    return undefined;
  }
  return entry.parser === fingerprint() ? entry : undefined;
}
