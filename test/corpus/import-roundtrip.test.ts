/**
 * Import never changes the document: `show` of the corpus file it writes equals `show` of the
 * original, for Markdown, plain text, PDF, DOCX (and HTML once resdiff reads HTML) — a table over
 * real renditions of 56/2 and constructed texts, and a fast-check property over constructed
 * variants written as Markdown and as plain text. `constructed: true` and the provenance (source
 * name, SHA-256, producer, and the provenance the source already had) are never lost. A dangling
 * symbolic link at the target is named as such.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { importBytes, importFile } from '../../src/corpus/import.js';
import { sniffKind } from '../../src/ingest/index.js';
import { listCorpus } from '../../src/corpus/index.js';
import { runCli } from '../support/cli.js';
import { CORPUS, FIXTURES } from '../support/paths.js';
import { copy, editable56_2, toMarkdown } from '../support/variants.js';
import { zooFile } from '../support/zoo/index.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'resdiff-import-rt-'));
const frontMatter = (path: string) => parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(path, 'utf8'))![1]) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * `show` of a file, text and JSON. Line numbers in warnings point into each file, and the corpus
 * file has front matter the original did not, so they are set aside; everything else must match.
 */
async function show(path: string): Promise<{ text: string; json: Record<string, unknown>; code: number; stderr: string }> {
  const t = await runCli(['show', path, '--no-color']);
  const j = await runCli(['show', path, '--format', 'json']);
  const json = j.code === 0 ? (JSON.parse(j.stdout) as Record<string, unknown>) : {};
  return { text: t.stdout.replace(/\bline \d+\b/g, 'line N'), json, code: t.code, stderr: t.stderr };
}

/** The document in a `show --format json`, without what is about the file rather than the text. */
function documentOf(json: Record<string, unknown>): Record<string, unknown> {
  const { file: _f, provenance: _p, series: _s, warnings, clauses, ...rest } = json as { [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  return {
    ...rest,
    clauses: (clauses as Array<Record<string, unknown>>).map(({ line: _line, position: _pos, ...c }) => c),
    warnings: (warnings as Array<Record<string, unknown>>).map((w) => ({ rule: w.rule, message: w.message })),
  };
}

async function expectSameShow(original: string, imported: string): Promise<void> {
  const a = await show(original);
  const b = await show(imported);
  expect(a.code, a.stderr).toBe(0);
  expect(b.code, b.stderr).toBe(0);
  expect(b.text).toBe(a.text);
  expect(documentOf(b.json)).toEqual(documentOf(a.json));
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Markdown made plain: no front matter, no heading marks or emphasis, footnote markers as bare numbers. */
function plainText(md: string, symbol: string): string {
  return `${symbol}\n\n${md
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^#+\s*/gm, '')
    .replace(/\*\*?/g, '')
    .replace(/<sup>(\d+)<\/sup>/g, '$1')}`;
}

interface Case {
  name: string;
  file: () => Promise<string>;
  via: string;
  producer?: RegExp;
  constructed: boolean;
}

const CASES: Case[] = [
  { name: '56/2 corpus Markdown', file: async () => join(CORPUS, 'A-HRC-RES-56-2.md'), via: 'markdown', constructed: false },
  { name: 'constructed example Markdown', file: async () => join(CORPUS, 'example-2022.md'), via: 'markdown', constructed: true },
  { name: 'constructed GA fixture (no front matter)', file: async () => join(FIXTURES, 'constructed-ga-resolution.md'), via: 'markdown', constructed: false },
  { name: 'plain text, pdftotext of a LibreOffice PDF', file: () => zooFile('pdftotext-libreoffice'), via: 'text', constructed: false },
  { name: 'plain text, pdftotext -layout', file: () => zooFile('pdftotext-layout-libreoffice'), via: 'text', constructed: false },
  { name: 'PDF by LibreOffice', file: () => zooFile('libreoffice-pdf-from-docx'), via: 'pdf', producer: /^LibreOffice/, constructed: true },
  { name: 'PDF by Ghostscript (re-distilled)', file: () => zooFile('ghostscript-pdf-from-libreoffice'), via: 'pdf', producer: /Ghostscript/i, constructed: true },
  { name: 'DOCX with a Word list', file: () => zooFile('docx-footnotes-wordlist'), via: 'docx', producer: /\S/, constructed: true },
  { name: 'DOCX with typed numbers', file: () => zooFile('docx-footnotes-typed'), via: 'docx', producer: /\S/, constructed: true },
  { name: 'HTML page', file: () => zooFile('html-endnotes'), via: 'html', constructed: true },
];

describe('import keeps the document: show of the corpus file equals show of the original', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const file = await c.file();
      if (c.via === 'html' && sniffKind(new Uint8Array(readFileSync(file)), file) !== ('html' as string)) {
        // resdiff does not read HTML yet (issue 10 adds it); the case runs once it does.
        return;
      }
      const into = tmp();
      const r = await runCli(['import', file, '--into', into]);
      expect(r.code, r.stderr).toBe(0);
      const [name] = readdirSync(into);
      expect(readdirSync(into)).toHaveLength(1); // no temporary file left
      const imported = join(into, name);
      // Plain text stays plain text; everything else becomes Markdown.
      expect(name.endsWith(c.via === 'text' ? '.txt' : '.md')).toBe(true);
      await expectSameShow(file, imported);
      const fm = frontMatter(imported);
      expect(fm.provenance).toMatchObject({ source: basename(file), sha256: sha256(file), via: c.via });
      if (c.producer) expect(fm.provenance.producer).toMatch(c.producer);
      expect(fm.constructed === true).toBe(c.constructed);
      if (c.constructed) expect(fm.provenance.notes).toMatch(/constructed/);
      // The corpus lists it under its symbol, with the flag.
      const [entry] = listCorpus(into);
      expect(entry).toMatchObject({ symbol: fm.symbol, constructed: c.constructed });
      // Four shows and an import of a PDF written glyph by glyph take a while on a busy machine.
    }, 240_000);
  }

  it('property: constructed variants of 56/2, as Markdown and as plain text, import to the same document', async () => {
    const base = editable56_2();
    const dir = tmp();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(base.pps.map((_, i) => i), { minLength: 1 }),
        fc.shuffledSubarray(base.ops.map((_, i) => i), { minLength: 1 }),
        fc.boolean(),
        async (pps, ops, crlf) => {
          const e = copy(base);
          e.pps = pps.map((i) => base.pps[i]);
          e.ops = ops.map((i) => base.ops[i]);
          const md = toMarkdown(e, `variant ${++n}`);
          const mdPath = join(dir, `variant-${n}.md`);
          const txtPath = join(dir, `variant-${n}.txt`);
          writeFileSync(mdPath, md);
          const txt = plainText(md, `A/HRC/RES/90/${n}`);
          writeFileSync(txtPath, crlf ? txt.replace(/\n/g, '\r\n') : txt);
          for (const p of [mdPath, txtPath]) {
            const into = tmp();
            const got = await importFile(p, { into });
            await expectSameShow(p, got.path);
          }
        },
      ),
      { numRuns: 12, seed: 1513 },
    );
  }, 120_000);
});

describe('import keeps what the source says about itself', () => {
  it('re-importing an imported file keeps constructed and the whole chain of provenance', async () => {
    const first = await importFile(join(CORPUS, 'example-2022.md'), { into: tmp() });
    const second = await importFile(first.path, { into: tmp() });
    const fm = frontMatter(second.path);
    expect(fm.constructed).toBe(true);
    expect(fm.provenance).toMatchObject({ source: 'EXAMPLE-HRC-2022.md', sha256: sha256(first.path), via: 'markdown' });
    expect(fm.provenance.earlier).toMatchObject({ source: 'example-2022.md', sha256: sha256(join(CORPUS, 'example-2022.md')) });
    expect(fm.provenance.earlier.earlier).toMatchObject({ source: 'written by the resdiff team' });
    expect(fm.provenance.earlier.earlier.notes).toMatch(/A CONSTRUCTED EXAMPLE/);
    const out = await runCli(['show', second.path]);
    expect(out.stdout).toMatch(/constructed/i);
  });

  it('a plain-text corpus file keeps its front matter out of the text (line numbers still point into the file)', async () => {
    const file = await zooFile('pdftotext-libreoffice');
    const into = tmp();
    const r = await importFile(file, { into });
    const again = await runCli(['show', r.path, '--format', 'json']);
    const json = JSON.parse(again.stdout);
    expect(json.symbol).toBe('A/HRC/RES/56/2');
    expect(json.series).toBe('intl-cooperation-human-rights');
    expect(json.provenance.sha256).toBe(sha256(file));
    const lines = readFileSync(r.path, 'utf8').split('\n');
    for (const c of json.clauses as Array<{ id: string; opening: string; line?: number }>) {
      if (c.line && c.opening) expect(lines[c.line - 1], c.id).toContain(c.opening.split(' ')[0]);
    }
  });

  it('the same symbol from another format replaces the version only with --force, leaving one file', async () => {
    const into = tmp();
    await importFile(await zooFile('pdftotext-libreoffice'), { into });
    const err = await importFile(await zooFile('libreoffice-pdf-from-docx'), { into }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/^A\/HRC\/RES\/56\/2 is already in the corpus \(.*A-HRC-RES-56-2\.txt\); use --force to replace it$/);
    const r = await importFile(await zooFile('libreoffice-pdf-from-docx'), { into, force: true });
    expect(r.replaced).toBe(true);
    expect(readdirSync(into)).toEqual(['A-HRC-RES-56-2.md']);
  });
});

describe('import target oddities', () => {
  it('a dangling symbolic link at the target is named as such, and --force replaces the link', async () => {
    const into = tmp();
    symlinkSync(join(into, 'gone.md'), join(into, 'A-HRC-RES-56-2.md'));
    const r = await runCli(['import', join(CORPUS, 'A-HRC-RES-56-2.md'), '--into', into]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `resdiff: ${join(CORPUS, 'A-HRC-RES-56-2.md')}: ${join(into, 'A-HRC-RES-56-2.md')} is a symbolic link to a file that does not exist (${join(into, 'gone.md')}); remove it, or use --force to replace it\n`,
    );
    expect(r.stderr).not.toMatch(/meanwhile/);
    const forced = await runCli(['import', join(CORPUS, 'A-HRC-RES-56-2.md'), '--into', into, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(lstatSync(join(into, 'A-HRC-RES-56-2.md')).isFile()).toBe(true);
    expect(readdirSync(into)).toEqual(['A-HRC-RES-56-2.md']);
  });

  it('refuses a text that does not read as the file it claims to be (fetch asked for another symbol)', async () => {
    const into = tmp();
    const err = await importBytes(readFileSync(join(CORPUS, 'A-HRC-RES-56-2.md')), 'x.md', { into, symbol: 'A/HRC/RES/50/4' }).catch((e: Error) => e);
    expect((err as Error).message).toBe('the file is A/HRC/RES/56/2, not the A/HRC/RES/50/4 that was asked for');
    expect(readdirSync(into)).toEqual([]);
  });
});
