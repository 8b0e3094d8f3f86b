/**
 * Import a resolution file (PDF, DOCX, Markdown, text) into a corpus folder: YAML front matter
 * (the head as parsed, series, constructed, provenance) over the source's own text — Markdown as
 * written or rebuilt from a PDF or Word file, plain text kept as plain text (`.txt`) — checked to
 * read back as the same document, written atomically, never over an existing version unless asked.
 */
import { existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { InputError } from '../errors.js';
import { ingest, type Source } from '../ingest/index.js';
import { parseResolution } from '../model/parse.js';
import { needsBoundedRead } from './load.js';
import type { Resolution, Warning } from '../model/types.js';
import { defaultCorpusDir, listSeries } from './index.js';

/** How to import. */
export interface ImportOptions {
  /** The corpus folder to write into (created when missing). */
  into: string;
  /** Replace an existing file of the same name. */
  force?: boolean;
  /** The clock, for `provenance.importedAt` (tests pass a fixed one). */
  now?: () => Date;
  /** Where the bytes came from when not a local file (fetch): recorded as `provenance.url`. */
  url?: string;
  /**
   * The symbol the file was asked for (fetch): a file that names another symbol is refused
   * before anything is written; a file that names none takes this one.
   */
  symbol?: string;
}

/** What an import wrote. */
export interface ImportResult {
  /** Absolute path of the corpus file. */
  path: string;
  resolution: Resolution;
  /** Problems the parser noticed in the imported text (the file is written all the same). */
  warnings: Warning[];
  /** True when an existing file was replaced (--force). */
  replaced: boolean;
}

/**
 * The corpus file name of a symbol: "A/HRC/RES/56/2" → "A-HRC-RES-56-2.md".
 *
 * @param symbol a document symbol
 */
export function corpusFileName(symbol: string): string {
  return `${symbol.trim().replace(/[\\/\s]+/g, '-').replace(/[^A-Za-z0-9.()_-]/g, '')}.md`;
}

/** A symbol compared without case and spaces. */
function symbolKey(s: string): string {
  return s.trim().toUpperCase().replace(/\s+/g, '');
}

/** The series a symbol or title belongs to, from the manifests of the target corpus or the bundled one. */
function findSeries(r: Resolution, into: string): string | undefined {
  const dirs = [into, defaultCorpusDir()];
  for (const dir of dirs) {
    let series;
    try {
      series = listSeries(dir);
    } catch {
      continue;
    }
    const sym = r.symbol.toUpperCase();
    const bySymbol = series.find((s) => s.members.some((m) => m.symbol.toUpperCase() === sym));
    if (bySymbol) return bySymbol.id;
    const byTitle = series.find((s) => s.title.toLowerCase() === r.title.toLowerCase() && (!s.body || s.body === r.body));
    if (byTitle) return byTitle.id;
  }
  return undefined;
}

/** Head fields of the model kept in front matter, so that the corpus file reads as the original did. */
const HEAD_FIELDS = ['symbol', 'number', 'body', 'session', 'adopted', 'title', 'agendaItem', 'agendaTitle', 'issued', 'distribution', 'originalLanguage'] as const;

/** Markdown front matter at the start of a text. */
const MD_FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** What the import adds to the provenance. */
export interface ImportExtra {
  series?: string;
  importedAt: string;
  url?: string;
  /** The program that made the source file (a PDF's Producer, a Word file's Application), when it says. */
  producer?: string;
}

/**
 * The text of a corpus file for a source: YAML front matter, then the source's own text — the
 * Markdown (as written, or as rebuilt from a PDF or Word file) or the plain text, which is kept as
 * plain text. The front matter holds the head as parsed (a PDF's masthead facts are otherwise
 * lost), `constructed`, and the provenance: this file's name, SHA-256, producer, and whatever
 * provenance the source already carried (under `earlier`).
 *
 * @param source the ingested file
 * @param r its parsed resolution
 * @param extra series, time, URL, producer
 */
export function corpusText(source: Source, r: Resolution, extra: ImportExtra): string {
  const meta = source.meta ?? {};
  let own: Record<string, unknown> = {};
  let body = source.text;
  if (source.format === 'markdown') {
    const m = MD_FRONT_MATTER.exec(source.text);
    if (m) {
      body = source.text.slice(m[0].length);
      try {
        const data: unknown = parse(m[1]);
        if (data && typeof data === 'object' && !Array.isArray(data)) own = data as Record<string, unknown>;
      } catch {
        // parseResolution has already refused front matter that does not parse
      }
    }
  } else if (source.origin === 'text') {
    own = { ...meta };
  }
  const constructed = r.constructed === true || meta.constructed === true || own.constructed === true;
  const earlier = r.provenance ?? (own.provenance && typeof own.provenance === 'object' ? (own.provenance as Record<string, unknown>) : undefined);
  const fm: Record<string, unknown> = { ...own };
  delete fm.provenance;
  for (const k of HEAD_FIELDS) {
    const v = r[k];
    if (v !== undefined && v !== null && v !== '') fm[k] = v;
  }
  if (extra.series ?? r.series) fm.series = extra.series ?? r.series;
  if (constructed) fm.constructed = true;
  else if ('constructed' in own) fm.constructed = false;
  fm.provenance = {
    source: basename(source.file),
    ...(extra.url ? { url: extra.url } : {}),
    sha256: source.sha256,
    importedAt: extra.importedAt,
    via: source.origin,
    ...(extra.producer ? { producer: extra.producer } : {}),
    ...(typeof meta.jobNumber === 'string' ? { jobNumber: meta.jobNumber } : {}),
    ...(constructed ? { notes: 'constructed text, not an official United Nations document' } : {}),
    ...(earlier && Object.keys(earlier).length > 0 ? { earlier } : {}),
  };
  return `---\n${stringify(fm, { lineWidth: 0 })}---\n\n${body.replace(/^\n+/, '')}`;
}

/** The extension of the corpus file for a source: plain text stays plain text. */
function corpusExtension(source: Source): '.md' | '.txt' {
  return source.format === 'text' ? '.txt' : '.md';
}

/**
 * The program that made a PDF or Word file, from its document properties.
 *
 * @returns "LibreOffice 7.4", "Microsoft Office Word", … or undefined
 */
export async function producerOf(bytes: Uint8Array, origin: Source['origin']): Promise<string | undefined> {
  const clean = (s: string | undefined) => s?.replace(/\s+/g, ' ').trim().slice(0, 200) || undefined;
  if (origin === 'pdf') {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const literal = /\/Producer\s*\(((?:\\[\s\S]|[^\\)])*)\)/.exec(text);
    if (literal) return clean(pdfLiteral(literal[1]));
    const hex = /\/Producer\s*<([0-9A-Fa-f\s]*)>/.exec(text);
    if (hex) return clean(pdfHex(hex[1]));
    return undefined;
  }
  if (origin === 'docx') {
    try {
      const { default: JSZip } = await import('jszip');
      const zip = await JSZip.loadAsync(bytes);
      const app = await zip.file('docProps/app.xml')?.async('string');
      const name = app && /<(?:\w+:)?Application>([^<]*)</.exec(app)?.[1];
      const version = app && /<(?:\w+:)?AppVersion>([^<]*)</.exec(app)?.[1];
      if (name) return clean(`${name}${version ? ` ${version}` : ''}`);
      const core = await zip.file('docProps/core.xml')?.async('string');
      const creator = core && /<dc:creator>([^<]*)</.exec(core)?.[1];
      return clean(creator ? `${creator} (dc:creator)` : undefined);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function pdfLiteral(s: string): string {
  const raw = s.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, c: string) =>
    /^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c,
  );
  return raw.startsWith('\xfe\xff') ? utf16be(Buffer.from(raw.slice(2), 'latin1')) : raw;
}

function pdfHex(h: string): string {
  const bytes = Buffer.from(h.replace(/\s+/g, ''), 'hex');
  return bytes[0] === 0xfe && bytes[1] === 0xff ? utf16be(bytes.subarray(2)) : bytes.toString('latin1');
}

function utf16be(b: Buffer): string {
  let out = '';
  for (let i = 0; i + 1 < b.length; i += 2) out += String.fromCharCode((b[i] << 8) | b[i + 1]);
  return out;
}

/** What the reader sees of a document: everything `show` prints, nothing about the file. */
export function documentFacts(r: Resolution): unknown {
  return {
    head: HEAD_FIELDS.map((k) => r[k] ?? null),
    meeting: r.meeting ?? null,
    constructed: r.constructed === true,
    clauses: r.clauses.map((c) => [c.id, c.kind, c.number ?? null, c.opening, c.text, c.footnotes, c.subparagraphs ?? null]),
    footnotes: r.footnotes,
    vote: r.vote,
  };
}

/**
 * Import bytes into the corpus.
 *
 * @param bytes the file contents
 * @param file the file name (for messages and `provenance.source`)
 * @param options target folder, --force, clock
 * @throws InputError for unreadable input, a missing symbol, or an existing file without --force
 */
export async function importBytes(bytes: Uint8Array, file: string, options: ImportOptions): Promise<ImportResult> {
  // Import needs the source text as well as the model, so it reads in-process; a file that could
  // stall or exhaust a reader is first read once in a bounded worker, which ends it with a
  // one-line error at its time or memory budget instead of hanging the command.
  if (await needsBoundedRead(bytes, file)) {
    const { sharedPool } = await import('./bounded.js');
    await sharedPool().parse({ bytes, name: file });
  }
  const source = await ingest(bytes, file);
  const resolution = parseResolution(source);
  if (resolution.clauses.length === 0) throw new InputError('no preambular or operative paragraphs found; is this a resolution?', file);
  const named = resolution.symbol || (typeof source.meta?.symbol === 'string' ? source.meta.symbol : '');
  if (named && options.symbol && symbolKey(named) !== symbolKey(options.symbol)) {
    throw new InputError(`the file is ${named}, not the ${options.symbol} that was asked for`, file);
  }
  const symbol = named || options.symbol?.trim() || '';
  if (!resolution.symbol && symbol) resolution.symbol = symbol;
  if (!symbol) throw new InputError('no document symbol found in the text or its masthead, so the corpus file cannot be named', file);
  const into = resolve(options.into);
  try {
    mkdirSync(into, { recursive: true });
  } catch {
    throw new InputError('cannot create the corpus folder', options.into);
  }
  if (!statSync(into).isDirectory()) throw new InputError('is not a folder', options.into);
  const ext = corpusExtension(source);
  const path = join(into, corpusFileName(symbol).replace(/\.md$/, ext));
  // The same symbol under another extension (imported earlier from another format) is the same version.
  const others = ['.md', '.markdown', '.txt'].map((e) => join(into, corpusFileName(symbol).replace(/\.md$/, e))).filter((p) => p !== path && lexists(p));
  const existed = lexists(path) || others.length > 0;
  if (existed && !options.force) {
    const at = lexists(path) ? path : others[0];
    const dangling = isDanglingLink(at);
    throw new InputError(
      dangling
        ? `${at} is a symbolic link to a file that does not exist (${dangling}); remove it, or use --force to replace it`
        : `${symbol} is already in the corpus (${at}); use --force to replace it`,
      file,
    );
  }
  const text = corpusText(source, resolution, {
    series: findSeries(resolution, into),
    importedAt: (options.now ?? (() => new Date()))().toISOString(),
    url: options.url,
    producer: await producerOf(bytes, source.origin),
  });
  // Read back what is about to be written: the corpus file must be the same document.
  const again = parseResolution(await ingest(new TextEncoder().encode(text), path));
  if (JSON.stringify(documentFacts(again)) !== JSON.stringify(documentFacts(resolution))) {
    throw new Error(`the corpus file for ${symbol} would not read back as the same document (a bug in import; the file was not written)`);
  }
  writeAtomic(path, text, !!options.force, file);
  for (const p of others) rmSync(p, { force: true });
  return { path, resolution, warnings: resolution.warnings, replaced: existed };
}

/** Does anything (a file, a folder, a link, even a dangling one) stand at this path? */
function lexists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The target of a symbolic link that points nowhere, else undefined. */
function isDanglingLink(path: string): string | undefined {
  try {
    if (!lstatSync(path).isSymbolicLink()) return undefined;
    if (existsSync(path)) return undefined;
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Import a file into the corpus.
 *
 * @param path the file to import
 * @param options target folder, --force, clock
 */
export async function importFile(path: string, options: ImportOptions): Promise<ImportResult> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a resolution file' : `cannot read the file (${code ?? 'error'})`, path);
  }
  return importBytes(bytes, path, options);
}

/**
 * Write through a temporary file in the same folder. Without `replace`, the final step is a hard
 * link, which fails if the target appeared meanwhile, so a concurrent import is never clobbered.
 */
function writeAtomic(path: string, text: string, replace: boolean, file: string): void {
  const tmp = join(resolve(path, '..'), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, text);
    if (replace) renameSync(tmp, path);
    else linkSync(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new InputError(`${basename(path)} appeared in the corpus meanwhile; use --force to replace it`, file);
    throw new InputError(`cannot write ${path} (${code ?? 'error'})`, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}
