/**
 * The layers of DESIGN.md §4: each folder of src/ imports only the folders before it
 * (the two shells excepted: `resdiff serve` starts the server).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { ROOT } from './support/paths.js';

const ORDER = ['errors', 'ingest', 'model', 'align', 'diff', 'render', 'corpus', 'cli', 'server'];
const ALLOWED = new Set(['cli -> server']);
/** Heavy libraries only some paths need: never imported at the top of a module. */
const LAZY = ['playwright', 'pdfjs-dist', 'docx', 'jszip', 'saxes', 'hono', '@hono/node-server', 'diff2html', 'better-sqlite3', 'rehype-parse'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

describe('layers', () => {
  const src = join(ROOT, 'src');
  const all = files(src);

  it('each layer imports only the layers before it', () => {
    const wrong: string[] = [];
    for (const f of all) {
      const rel = relative(src, f);
      const layer = rel.split('/')[0].replace(/\.ts$/, '');
      if (!ORDER.includes(layer)) continue;
      for (const m of readFileSync(f, 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)) {
        const target = normalize(join(dirname(rel), m[1])).split('/')[0].replace(/\.js$/, '');
        if (ORDER.includes(target) && ORDER.indexOf(target) > ORDER.indexOf(layer) && !ALLOWED.has(`${layer} -> ${target}`)) wrong.push(`${rel} imports ${m[1]}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('heavy libraries are loaded lazily, only where needed', () => {
    const eager: string[] = [];
    for (const f of all) {
      const rel = relative(src, f);
      for (const m of readFileSync(f, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)) {
        const lib = m[1].startsWith('@') ? m[1].split('/').slice(0, 2).join('/') : m[1].split('/')[0];
        // A module that is itself only ever imported lazily may import its library at the top.
        if (LAZY.includes(lib)) eager.push(`${rel}: ${lib}`);
      }
    }
    // These modules are the lazy boundary: every importer loads them with import().
    const boundary = eager.filter((e) => !/^(ingest\/(pdf|docx|html)(\/|\.ts)|render\/(pdf|docx|diff2html|browser)\.ts|server\/|ingest\/docx\/)/.test(e));
    expect(boundary).toEqual([]);
    for (const f of all) {
      const rel = relative(src, f);
      if (/^(ingest\/(pdf|docx|html)|render\/(pdf|docx|diff2html|browser)|server\/)/.test(rel)) continue;
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gm)) {
        expect(`${rel}: ${m[1]}`).not.toMatch(/\/(ingest\/pdf|ingest\/docx|ingest\/html|render\/pdf|render\/docx|render\/browser|server\/app|server\/index)\.js$/);
      }
    }
  });
});
