/**
 * The bundled corpus: front matter, references, the series manifest.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findInCorpus, listCorpus, listSeries } from '../../src/corpus/index.js';
import { loadResolution } from '../../src/corpus/load.js';
import { InputError } from '../../src/errors.js';
import { CORPUS, text56_2 } from '../support/paths.js';

describe('corpus', () => {
  const entries = listCorpus(CORPUS);

  it('holds 56/2 with its provenance, and its body is the text as received', async () => {
    const e = findInCorpus('56/2', entries)!;
    expect(e).toMatchObject({ symbol: 'A/HRC/RES/56/2', adopted: '2024-07-10', constructed: false, series: 'intl-cooperation-human-rights' });
    const r = await loadResolution('56/2');
    expect(r.provenance?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(e.path, 'utf8').endsWith(text56_2())).toBe(true);
  });

  it('resolves symbols, numbers and file names, and nothing else', () => {
    for (const ref of ['56/2', 'A/HRC/RES/56/2', ' a/hrc/res/56/2 ', 'A-HRC-RES-56-2', 'A-HRC-RES-56-2.md']) {
      expect(findInCorpus(ref, entries)?.symbol).toBe('A/HRC/RES/56/2');
    }
    for (const ref of ['56', '6/2', 'A/HRC/RES/50/4', '']) expect(findInCorpus(ref, entries)).toBeUndefined();
  });

  it('reports an ambiguous reference', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resdiff-corpus-'));
    writeFileSync(join(dir, 'a.md'), '---\nsymbol: A/HRC/RES/9/1\n---\n');
    writeFileSync(join(dir, 'b.md'), '---\nsymbol: A/RES/9/1\n---\n');
    expect(() => findInCorpus('9/1', listCorpus(dir))).toThrow(InputError);
  });

  it('lists the series with its known members and which texts are present', () => {
    const [s] = listSeries(CORPUS);
    expect(s.id).toBe('intl-cooperation-human-rights');
    expect(s.members.map((m) => m.symbol)).toEqual([
      'A/HRC/RES/19/33', 'A/HRC/RES/25/3', 'A/HRC/RES/28/2', 'A/HRC/RES/38/3', 'A/HRC/RES/47/9', 'A/HRC/RES/50/4', 'A/HRC/RES/56/2',
    ]);
    expect(s.members.filter((m) => m.entry).map((m) => m.symbol)).toEqual(['A/HRC/RES/56/2']);
    expect(s.members.find((m) => m.symbol === 'A/HRC/RES/50/4')?.adopted).toBe('2022-07-07');
    expect(s.related.map((m) => m.symbol)).toEqual(['A/RES/76/159', 'A/RES/77/213', 'A/RES/78/199']);
    expect(s.versions.at(-1)?.symbol).toBe('A/HRC/RES/56/2');
  });

  it('finds an imported version by its series without editing the manifest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resdiff-corpus-'));
    cpSync(CORPUS, dir, { recursive: true });
    writeFileSync(join(dir, 'A-HRC-RES-50-4.md'), '---\nsymbol: A/HRC/RES/50/4\nadopted: "2022-07-07"\nseries: intl-cooperation-human-rights\n---\n');
    const [s] = listSeries(dir);
    expect(s.members.filter((m) => m.entry).map((m) => m.symbol)).toEqual(['A/HRC/RES/50/4', 'A/HRC/RES/56/2']);
  });
});
