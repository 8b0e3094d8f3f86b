/**
 * A corpus with two versions of the series for server and browser tests: the bundled corpus when
 * it holds the constructed example-2022 next to 56/2, else a temporary copy with a stand-in older
 * version derived from 56/2 the same way (no Kampala paragraph, the Eighteenth rather than the
 * Nineteenth Summit), labelled constructed.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS, RES_56_2 } from '../support/paths.js';

/** The folder, and the references of the older and newer version. */
export interface TestCorpus {
  dir: string;
  oldRef: string;
  newRef: string;
}

let cached: TestCorpus | undefined;

/** Get (once per test file) a corpus with two versions of the series. */
export function testCorpus(): TestCorpus {
  if (cached) return cached;
  if (existsSync(join(CORPUS, 'example-2022.md'))) {
    cached = { dir: CORPUS, oldRef: 'example-2022', newRef: 'A-HRC-RES-56-2' };
    return cached;
  }
  const dir = mkdtempSync(join(tmpdir(), 'resdiff-corpus-'));
  cpSync(CORPUS, dir, { recursive: true });
  writeFileSync(join(dir, 'example-2022.md'), olderVersion());
  cached = { dir, oldRef: 'example-2022', newRef: 'A-HRC-RES-56-2' };
  return cached;
}

/** 56/2 made older: a constructed text, never an official one. */
export function olderVersion(): string {
  const text = readFileSync(RES_56_2, 'utf8')
    .replace('symbol: A/HRC/RES/56/2', 'symbol: example-2022')
    .replace('number: "56/2"', 'number: "example-2022"')
    .replace('adopted: "2024-07-10"', 'adopted: "2022-07-07"')
    .replace('constructed: false', 'constructed: true');
  return text
    .split('\n')
    .filter((line) => !line.includes('Kampala Declaration'))
    .join('\n')
    .replace('Nineteenth Summit', 'Eighteenth Summit');
}
