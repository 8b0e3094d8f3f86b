/**
 * The parse cache: a hit returns the same resolution as a parse, keyed by content and reading.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadResolution } from '../../src/corpus/load.js';
import { cacheDir } from '../../src/corpus/cache.js';
import { text56_2 } from '../support/paths.js';

function entries(dir: string): string[] {
  try {
    // Parse entries only: not the file records (files/) nor comparisons (compare/).
    return readdirSync(dir, { recursive: true }).map(String).filter((n) => n.endsWith('.json') && !/^(files|compare)[\\/]/.test(n));
  } catch {
    return [];
  }
}

describe('parse cache', () => {
  it('stores a parse and returns it unchanged, with the label of this call', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'resdiff-cache-'));
    const prev = process.env.RESDIFF_CACHE_DIR;
    process.env.RESDIFF_CACHE_DIR = cache;
    try {
      const first = await loadResolution('56/2');
      expect(entries(cache)).toHaveLength(1);
      const second = await loadResolution('A/HRC/RES/56/2');
      expect(second.file).toBe('A/HRC/RES/56/2');
      expect({ ...second, file: '' }).toEqual({ ...first, file: '' });
      const fresh = await loadResolution('56/2', { cache: false });
      expect({ ...fresh, file: '' }).toEqual({ ...first, file: '' });
    } finally {
      if (prev === undefined) delete process.env.RESDIFF_CACHE_DIR;
      else process.env.RESDIFF_CACHE_DIR = prev;
    }
  });

  it('keys on how the bytes are read: the same bytes as .md and .txt are two entries', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'resdiff-cache-'));
    const dir = mkdtempSync(join(tmpdir(), 'resdiff-files-'));
    writeFileSync(join(dir, 'a.md'), text56_2());
    writeFileSync(join(dir, 'a.txt'), text56_2());
    process.env.RESDIFF_CACHE_DIR = cache;
    try {
      const md = await loadResolution('a.md', { cwd: dir });
      const txt = await loadResolution('a.txt', { cwd: dir });
      expect(entries(cache)).toHaveLength(2);
      expect(md.clauses[0].opening).toBe('Reaffirming');
      // Read as plain text, the Markdown's asterisks are text: the two parses differ.
      expect(txt.clauses.map((c) => c.text)).not.toEqual(md.clauses.map((c) => c.text));
    } finally {
      delete process.env.RESDIFF_CACHE_DIR;
    }
  });

  it('names the file asked for in warnings: the same bytes under another name are not the first name', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'resdiff-cache-'));
    const dir = mkdtempSync(join(tmpdir(), 'resdiff-files-'));
    // Constructed: OP numbering that skips (1, 3) gives a warning with a line.
    const text = 'The Human Rights Council,\n\n*Recalling* its resolutions,\n\n1. *Decides* to act;\n\n3. *Decides* to act again.\n';
    writeFileSync(join(dir, 'first-name.md'), text);
    writeFileSync(join(dir, 'second-name.md'), text);
    process.env.RESDIFF_CACHE_DIR = cache;
    try {
      const first = await loadResolution('first-name.md', { cwd: dir });
      expect(first.warnings.length).toBeGreaterThan(0);
      expect(first.warnings.every((w) => w.file === 'first-name.md')).toBe(true);
      const second = await loadResolution('second-name.md', { cwd: dir });
      expect(entries(cache)).toHaveLength(1); // a cache hit
      expect(second.file).toBe('second-name.md');
      expect(second.warnings.map((w) => w.file)).toEqual(first.warnings.map(() => 'second-name.md'));
    } finally {
      delete process.env.RESDIFF_CACHE_DIR;
    }
  });

  it('is off with RESDIFF_CACHE=0 and lives under XDG_CACHE_HOME otherwise', () => {
    expect(cacheDir({ RESDIFF_CACHE: '0' })).toBeUndefined();
    expect(cacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/resdiff');
    expect(cacheDir({ RESDIFF_CACHE_DIR: '/y', XDG_CACHE_HOME: '/x' })).toBe('/y');
  });
});
