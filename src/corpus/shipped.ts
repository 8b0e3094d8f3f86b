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
import type { Resolution } from '../model/types.js';
import { fingerprint } from './cache.js';

/** One shipped entry. */
export interface ShippedEntry {
  /** The parser fingerprint (cache.ts) of the build that wrote it. */
  parser: string;
  /** The name the file was parsed under (its warnings are relabelled with the name in use). */
  label: string;
  /** The parse, without `file`. */
  resolution: Omit<Resolution, 'file'>;
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

/**
 * The shipped parse of these bytes, if the build made one with this parser.
 *
 * @param key the SHA-256 of the bytes and the extension they are read by ("<hex>-md")
 */
export function readShipped(key: string): Omit<Resolution, 'file'> | undefined {
  const dir = shippedDir();
  if (!dir || !/^[0-9a-f]{64}-[a-z0-9]{1,8}$/.test(key)) return undefined;
  let entry: ShippedEntry;
  try {
    entry = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as ShippedEntry;
  } catch {
    return undefined;
  }
  return entry.parser === fingerprint() ? entry.resolution : undefined;
}
