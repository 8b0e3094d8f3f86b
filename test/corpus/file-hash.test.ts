/**
 * File hashes remembered by identity (src/corpus/file-hash.ts): a settled file seen before is
 * neither read nor hashed; any change to it (content, or only its times) is seen; a file changed
 * less than two seconds ago is not recorded; a damaged record is ignored. The bytes are
 * constructed for the test.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileSha256 } from '../../src/corpus/file-hash.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** A file whose last change lies `agoMs` in the past (its change time cannot be set: wait). */
function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'resdiff-fh-'));
  const cache = join(dir, 'cache');
  const file = join(dir, 'a.md');
  let reads = 0;
  const read = () => {
    reads++;
    return readFileSync(file);
  };
  return { dir, cache, file, read, reads: () => reads };
}

const records = (cache: string) => {
  try {
    return readdirSync(join(cache, 'files'));
  } catch {
    return [];
  }
};

/** Wait until the file's change time is more than two seconds old. */
async function settle(file: string) {
  const changed = statSync(file).ctimeMs;
  const wait = changed + 2100 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

describe('fileSha256', () => {
  it('hashes a fresh file without recording it, and a settled one once: then it is not read again', async () => {
    const t = setup();
    writeFileSync(t.file, 'Constructed text one.');
    const first = fileSha256(t.file, t.cache, t.read);
    expect(first.sha256).toBe(sha('Constructed text one.'));
    expect(first.bytes && Buffer.from(first.bytes).toString()).toBe('Constructed text one.');
    expect(records(t.cache)).toEqual([]); // changed just now: not recorded
    await settle(t.file);
    expect(fileSha256(t.file, t.cache, t.read).sha256).toBe(sha('Constructed text one.'));
    expect(records(t.cache)).toHaveLength(1);
    expect(t.reads()).toBe(2);
    const third = fileSha256(t.file, t.cache, t.read);
    expect(third).toEqual({ sha256: sha('Constructed text one.') });
    expect(t.reads()).toBe(2);
  }, 10_000);

  it('sees a change of the same size with the old modification time put back', async () => {
    const t = setup();
    writeFileSync(t.file, 'Constructed text one.');
    utimesSync(t.file, 1e9, 1e9); // a whole second, so that it can be put back exactly
    await settle(t.file);
    fileSha256(t.file, t.cache, t.read);
    expect(records(t.cache)).toHaveLength(1);
    writeFileSync(t.file, 'Constructed text two.');
    utimesSync(t.file, 1e9, 1e9); // as cp -p or rsync -t would
    expect(statSync(t.file, { bigint: true }).mtimeNs).toBe(1_000_000_000_000_000_000n);
    expect(fileSha256(t.file, t.cache, t.read).sha256).toBe(sha('Constructed text two.'));
  }, 10_000);

  it('ignores a damaged or foreign record, and works without a cache folder', async () => {
    const t = setup();
    writeFileSync(t.file, 'Constructed text one.');
    await settle(t.file);
    fileSha256(t.file, t.cache, t.read);
    const [name] = records(t.cache);
    const path = join(t.cache, 'files', name!);
    const good = JSON.parse(readFileSync(path, 'utf8'));
    for (const bad of ['{', JSON.stringify({ ...good, sha256: 'x' }), JSON.stringify({ ...good, path: '/elsewhere' }), JSON.stringify({ ...good, sha256: sha('other'), id: 'other' })]) {
      writeFileSync(path, bad);
      const before = t.reads();
      expect(fileSha256(t.file, t.cache, t.read).sha256).toBe(sha('Constructed text one.'));
      expect(t.reads()).toBe(before + 1);
    }
    expect(fileSha256(t.file, undefined, t.read).sha256).toBe(sha('Constructed text one.'));
  }, 10_000);
});
