/**
 * corpus: the folder of resolution texts (one Markdown file per version, YAML front matter) and
 * series manifests (corpus/series/*.yaml). Looks versions up by symbol, number or file name.
 *
 * Only front matter is read to build the index, so resolving a reference stays cheap.
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, resolve, basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { InputError } from '../errors.js';

/**
 * Told of a corpus file that cannot be indexed (its front matter or manifest does not parse),
 * instead of failing the whole listing: the server skips such files and says so.
 */
export type SkipUnreadable = (name: string, error: InputError) => void;

/** One version in the corpus, from its front matter. */
export interface CorpusEntry {
  /** Absolute path of the Markdown file. */
  path: string;
  /** File name without extension, usable as a reference ("A-HRC-RES-56-2", "example-2022"). */
  id: string;
  symbol: string;
  number?: string;
  title: string;
  adopted: string;
  series?: string;
  constructed: boolean;
}

/** A member of a series as the manifest lists it, with the corpus file when one is present. */
export interface SeriesMember {
  symbol: string;
  adopted?: string;
  year?: number;
  body?: string;
  /** The corpus entry holding this version's text, when present. */
  entry?: CorpusEntry;
}

/** A series manifest plus what the corpus holds of it. */
export interface Series {
  id: string;
  title: string;
  body?: string;
  members: SeriesMember[];
  related: SeriesMember[];
  /** Corpus entries of this series (members present and constructed examples), oldest first. */
  versions: CorpusEntry[];
}

/** The YAML parser, loaded on first use (most runs resolve references by file name alone). */
let yamlParse: typeof import('yaml').parse | undefined;
function parseYaml(src: string): unknown {
  yamlParse ??= (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse;
  // logLevel 'error': unknown tags (`!!js/function`) read as data without a raw YAMLWarning.
  return yamlParse(src, { logLevel: 'error' });
}

/** The corpus bundled with resdiff: <package root>/corpus. */
export function defaultCorpusDir(): string {
  // dist/src/corpus/index.js or src/corpus/index.ts -> package root
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'corpus'))) return join(dir, 'corpus');
    dir = dirname(dir);
  }
  return resolve('corpus');
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** Read a file's YAML front matter only. */
export function readFrontMatter(path: string): Record<string, unknown> {
  const head = readFileSync(path, 'utf8').slice(0, 16384);
  const m = FRONT_MATTER.exec(head);
  if (!m) return {};
  try {
    const data: unknown = parseYaml(m[1]);
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch (e) {
    throw new InputError(`invalid YAML front matter: ${(e as Error).message.split('\n')[0]}`, path);
  }
}

/**
 * List the versions in a corpus folder.
 *
 * @param dir the corpus folder
 */
export function listCorpus(dir: string, skip?: SkipUnreadable): CorpusEntry[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError('corpus folder not found', dir);
  const out: CorpusEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.(md|markdown|txt)$/i.test(name) || /^readme/i.test(name)) continue;
    const path = join(dir, name);
    let fm: Record<string, unknown>;
    try {
      fm = readFrontMatter(path);
    } catch (e) {
      if (!skip || !(e instanceof InputError)) throw e;
      skip(name, e);
      continue;
    }
    const s = (k: string) => (fm[k] === undefined || fm[k] === null ? '' : String(fm[k]));
    out.push({
      path,
      id: name.replace(/\.[^.]+$/, ''),
      symbol: s('symbol'),
      number: s('number') || undefined,
      title: s('title'),
      adopted: s('adopted'),
      series: s('series') || undefined,
      constructed: fm.constructed === true,
    });
  }
  return out;
}

/** Normalise a reference for matching: case, spaces and separators. */
function norm(ref: string): string {
  return ref.trim().toUpperCase().replace(/\s+/g, '').replace(/-/g, '/').replace(/\.(MD|TXT)$/, '');
}

/**
 * Find a corpus version by reference: a symbol ("A/HRC/RES/56/2"), a resolution number ("56/2"),
 * or a file name ("A-HRC-RES-56-2", "example-2022").
 *
 * @returns the entry, or undefined when nothing matches
 * @throws InputError when the reference matches several versions
 */
export function findInCorpus(ref: string, entries: CorpusEntry[]): CorpusEntry | undefined {
  const r = norm(ref);
  const exact = entries.filter((e) => norm(e.symbol) === r || norm(e.id) === r);
  if (exact.length === 1) return exact[0];
  const byNumber = entries.filter((e) => (e.number && norm(e.number) === r) || norm(e.symbol).endsWith(`/${r}`));
  if (byNumber.length === 1) return byNumber[0];
  if (exact.length + byNumber.length > 1) {
    const names = [...exact, ...byNumber].map((e) => e.symbol || e.id).join(', ');
    throw new InputError(`reference "${ref}" matches several corpus versions (${names}); use the full symbol`);
  }
  return undefined;
}

/** The references a user can type for a corpus, for help and error messages. */
export function describeRefs(entries: CorpusEntry[]): string {
  return entries.map((e) => (e.number ?? e.symbol) || e.id).join(', ');
}

/**
 * Read the series manifests and match them with the corpus.
 *
 * @param dir the corpus folder
 */
export function listSeries(dir: string, skip?: SkipUnreadable): Series[] {
  const entries = listCorpus(dir, skip);
  const sdir = join(dir, 'series');
  if (!existsSync(sdir)) return [];
  const out: Series[] = [];
  for (const name of readdirSync(sdir).sort()) {
    if (!/\.ya?ml$/i.test(name)) continue;
    const path = join(sdir, name);
    let data: Record<string, unknown>;
    try {
      data = parseYaml(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      const err = new InputError(`invalid series manifest: ${(e as Error).message.split('\n')[0]}`, path);
      if (!skip) throw err;
      skip(`series/${name}`, err);
      continue;
    }
    const id = String(data.id ?? basename(name).replace(/\.ya?ml$/i, ''));
    const member = (m: Record<string, unknown>): SeriesMember => {
      const symbol = String(m.symbol ?? '');
      const entry = entries.find((e) => e.symbol && norm(e.symbol) === norm(symbol));
      return {
        symbol,
        ...(m.adopted ? { adopted: String(m.adopted) } : {}),
        ...(m.year ? { year: Number(m.year) } : {}),
        ...(m.body ? { body: String(m.body) } : {}),
        ...(entry ? { entry } : {}),
      };
    };
    const members = Array.isArray(data.members) ? (data.members as Array<Record<string, unknown>>).map(member) : [];
    const related = Array.isArray(data.related) ? (data.related as Array<Record<string, unknown>>).map(member) : [];
    const versions = entries
      .filter((e) => e.series === id || members.some((m) => m.entry === e))
      .sort((a, b) => (a.adopted || '').localeCompare(b.adopted || ''));
    out.push({ id, title: String(data.title ?? id), body: data.body ? String(data.body) : undefined, members, related, versions });
  }
  return out;
}
