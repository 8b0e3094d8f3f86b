/**
 * The corpus's parsed form shipped in dist/corpus-parsed (scripts/ship-corpus.mjs, run by
 * `npm run build`): it is exactly what the parser gives (with each clause's similarity keys), a
 * run uses it for an unchanged corpus file (cache or no cache), and a file whose bytes changed is
 * parsed again (the SHA-256 decides; with the cache off, a file of no shipped size is not hashed).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/index.js';
import { parseResolution } from '../../src/model/parse.js';
import { termKeys } from '../../src/align/similarity.js';
import { CORPUS, ROOT } from '../support/paths.js';

const SHIPPED = join(ROOT, 'dist', 'corpus-parsed');

describe('the shipped parsed corpus', () => {
  it('holds every corpus file, each exactly as the parser reads it', async () => {
    const names = readdirSync(CORPUS).filter((n) => n.endsWith('.md'));
    expect(readdirSync(SHIPPED).filter((n) => n !== 'sizes.json').length).toBe(names.length);
    const sizes: number[] = [];
    for (const name of names) {
      const bytes = readFileSync(join(CORPUS, name));
      sizes.push(bytes.length);
      const key = `${createHash('sha256').update(bytes).digest('hex')}-md`;
      const entry = JSON.parse(readFileSync(join(SHIPPED, `${key}.json`), 'utf8'));
      const { file: _f, ...parsed } = parseResolution(await ingest(bytes, name));
      expect(entry.label).toBe(name);
      expect(entry.resolution).toEqual(JSON.parse(JSON.stringify(parsed)));
      // With each clause's similarity keys, as the aligner reads them off the text.
      expect(entry.keys.texts.map((seq: number[]) => seq.map((i) => entry.keys.vocab[i]))).toEqual(parsed.clauses.map((c) => termKeys(c.text)));
    }
    expect(JSON.parse(readFileSync(join(SHIPPED, 'sizes.json'), 'utf8')).sort()).toEqual(sizes.sort());
  });

  it('is used for an unchanged corpus file and ignored once the file changes', () => {
    // A copy of the package (timestamps kept: the parser fingerprint reads them) in which the
    // shipped form of 56/2 is marked, so a run that uses it shows the mark.
    const pkg = mkdtempSync(join(tmpdir(), 'resdiff-shipped-'));
    for (const part of ['bin', 'corpus', 'package.json', join('dist', 'src'), join('dist', 'bundle'), join('dist', 'corpus-parsed')]) {
      cpSync(join(ROOT, part), join(pkg, part), { recursive: true, preserveTimestamps: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
    const file = join(pkg, 'corpus', 'A-HRC-RES-56-2.md');
    const key = `${createHash('sha256').update(readFileSync(file)).digest('hex')}-md`;
    const entryPath = join(pkg, 'dist', 'corpus-parsed', `${key}.json`);
    const entry = JSON.parse(readFileSync(entryPath, 'utf8'));
    entry.resolution.title = 'MARKED';
    writeFileSync(entryPath, JSON.stringify(entry));
    const title = () => {
      const r = spawnSync(process.execPath, [join(pkg, 'bin', 'resdiff.cjs'), 'show', '56/2', '--format', 'json'], {
        cwd: pkg,
        env: { ...process.env, RESDIFF_CACHE: '0' },
        timeout: 60_000,
      });
      expect(r.status, r.stderr.toString()).toBe(0);
      return JSON.parse(r.stdout.toString()).title as string;
    };
    expect(title()).toBe('MARKED');
    // Changed bytes of the same size (hashed, no entry), then of another size (not even hashed).
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('Kampala Declaration', 'Kampala declaration'));
    expect(readFileSync(file).length).toBe(Buffer.byteLength(text));
    expect(title()).toBe('Enhancement of international cooperation in the field of human rights');
    writeFileSync(file, `${text}\n`);
    expect(title()).toBe('Enhancement of international cooperation in the field of human rights');
  }, 120_000);
});
