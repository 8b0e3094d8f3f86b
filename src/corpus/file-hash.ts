/**
 * The SHA-256 of a file's bytes, remembered by the file's identity, as git's index remembers a
 * blob's id: a file whose device, inode, size, modification and change times are those recorded
 * with its hash is not read or hashed again. A short run on files seen before then loads neither
 * the bytes nor node:crypto (loading it took 3 ms of a 100 ms `compare`).
 *
 * A record is trusted only when all five match, and written only when the file was unchanged
 * while it was read (the same identity before and after) and last changed more than two seconds
 * earlier. Any write to a file sets its change time to the moment of that write, which no tool
 * can set back (`touch -d`, `cp -p` and `rsync -t` set the modification time, not this one). So
 * a file edited after the record differs from it — unless it was edited within the same tick of
 * the file system's clock as the record's change time, which the two seconds rule out.
 *
 * Records live in the cache folder under files/, one small JSON file per path; RESDIFF_CACHE=0
 * turns them off with the rest of the cache. Unreadable or foreign records are ignored.
 */
import { statSync, type BigIntStats } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readEntry, writeEntry } from './cache.js';

/** How long a file must have been left alone before its hash is recorded (ms). */
const SETTLED_MS = 2000;

interface Record {
  path: string;
  id: string;
  sha256: string;
}

/** The identity of a file's current state: device, inode, size, modification and change times (ns). */
function identity(st: BigIntStats): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}

/** Two 32-bit FNV-1a hashes of the path (different offsets): the record's file name. */
function recordName(path: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}.json`;
}

function recordPath(dir: string, path: string): string {
  return join(dir, 'files', recordName(path));
}

function statOf(path: string): BigIntStats | undefined {
  try {
    return statSync(path, { bigint: true });
  } catch {
    return undefined;
  }
}

/**
 * A file's SHA-256 (hex), from its record when the file is as recorded; else its bytes are read
 * (by `read`, which names the file in its errors) and hashed, and the record written when the
 * file is settled.
 *
 * @param path the file's absolute path
 * @param dir the cache folder, or undefined (no records: always read and hash)
 * @param read reads the file's bytes
 * @returns the hash, and the bytes when they were read
 */
export function fileSha256(path: string, dir: string | undefined, read: () => Uint8Array): { sha256: string; bytes?: Uint8Array } {
  const before = dir ? statOf(path) : undefined;
  if (dir && before) {
    const r = readEntry<Partial<Record>>(recordPath(dir, path));
    if (r && r.path === path && r.id === identity(before) && typeof r.sha256 === 'string' && /^[0-9a-f]{64}$/.test(r.sha256)) return { sha256: r.sha256 };
  }
  const bytes = read();
  // required, not imported: import() of a built-in module costs 1–2 ms more
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const after = dir && before ? statOf(path) : undefined;
  if (dir && before && after && identity(before) === identity(after)) {
    const changed = Number(after.ctimeNs > after.mtimeNs ? after.ctimeNs : after.mtimeNs) / 1e6;
    if (Date.now() - changed > SETTLED_MS) writeEntry(recordPath(dir, path), { path, id: identity(after), sha256 } satisfies Record);
  }
  return { sha256, bytes };
}
