/**
 * The `resdiff` executable (bin/resdiff.cjs) runs the esbuild bundle from V8's code cache. It must
 * say exactly what the unbundled CLI says, load the external libraries on demand (Word output goes
 * through `import('docx')`), survive a code cache that does not fit (it recompiles and keeps a
 * fresh cache in the cache folder), and under RESDIFF_DEBUG=1 print stack traces that name src/.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, CLI_UNBUNDLED, ROOT } from '../support/paths.js';

const BUNDLE_DIR = join(ROOT, 'dist', 'bundle');

/**
 * CONSTRUCTED inputs (not UN documents) that take the paths the bundle loads on demand: remark
 * (Markdown outside the direct reader's shape, in its own bundle file), yaml (front matter
 * outside the direct reader's shape) and unified + rehype (HTML), both from node_modules.
 */
const inputs = mkdtempSync(join(tmpdir(), 'resdiff-bundle-inputs-'));
const BODY = '*The Human Rights Council,*\n\n*Recalling* its resolution 50/4 of 7 July 2022,\n\n1. *Decides* to remain seized of the matter;\n';
writeFileSync(join(inputs, 'plain.md'), `---\nsymbol: TEST/1\nconstructed: true\n---\n\n${BODY}`);
writeFileSync(join(inputs, 'remark.md'), `---\nsymbol: TEST/2\nconstructed: true\n---\n\n${BODY}\n2. *Requests* a [report](https://example.org) with \`code\`;\n`);
writeFileSync(join(inputs, 'yaml.md'), `---\nsymbol: TEST/3\nconstructed: true\ntags: [a, b]\n---\n\n${BODY}`);
writeFileSync(
  join(inputs, 'page.html'),
  '<!doctype html><title>constructed test rendition</title><p><i>The Human Rights Council,</i></p><p><i>Recalling</i> its resolution 50/4,</p><ol><li><i>Decides</i> to remain seized of the matter;</li></ol>',
);

function node(args: string[], env: Record<string, string> = {}, cwd = ROOT) {
  const r = spawnSync(process.execPath, args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', RESDIFF_CACHE: '0', RESDIFF_DEBUG: '', ...env },
    maxBuffer: 64 * 2 ** 20,
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

describe('the bundled executable', () => {
  it('was built with a code cache for this Node', () => {
    const meta = JSON.parse(readFileSync(join(BUNDLE_DIR, 'cli.meta.json'), 'utf8')) as { sha256: string };
    expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(join(BUNDLE_DIR, `cli-${meta.sha256.slice(0, 16)}-${process.version}-${process.arch}.v8cache`))).toBe(true);
  });

  it.each([
    [['compare', 'corpus/example-2022.md', 'corpus/A-HRC-RES-56-2.md', '--format', 'json']],
    [['compare', 'example-2022', '56/2', '--all']],
    [['compare', 'example-2022', '56/2', '--format', 'unified']],
    [['show', '56/2', '--format', 'json']],
    [['history', '--series', 'intl-cooperation-human-rights', '--format', 'json']],
    [['compare', 'no-such-file.md', '56/2']],
    [['compare', '--format', 'nonsense', 'a', 'b']],
    [['show', join(inputs, 'plain.md'), '--format', 'json']],
    [['show', join(inputs, 'remark.md'), '--format', 'json']],
    [['show', join(inputs, 'yaml.md'), '--format', 'json']],
    [['show', join(inputs, 'page.html'), '--format', 'json']],
    [['compare', join(inputs, 'plain.md'), join(inputs, 'remark.md'), '--format', 'json']],
    [['show', join(inputs, 'remark.md'), '--explain']],
  ])('says what the unbundled CLI says: resdiff %j', (args) => {
    const bundled = node([CLI, ...args]);
    const plain = node([CLI_UNBUNDLED, ...args]);
    expect(bundled).toEqual(plain);
    expect(bundled.stdout.length + bundled.stderr.length).toBeGreaterThan(0);
    if (args[1]?.startsWith(inputs)) expect(bundled.code, bundled.stderr).toBe(0);
  }, 120_000);

  it('carries the cache fingerprints an unbundled run computes, so both read the same cache entries', async () => {
    const banner = /var __resdiffFingerprints = (\{[^\n]*\});/.exec(readFileSync(join(BUNDLE_DIR, 'cli.cjs'), 'utf8'));
    expect(banner).not.toBeNull();
    const unbundled = (await import(join(ROOT, 'dist', 'src', 'corpus', 'cache.js'))) as typeof import('../../src/corpus/cache.js');
    expect(JSON.parse(banner![1]!)).toEqual({ parser: unbundled.fingerprint(), comparison: unbundled.comparisonFingerprint() });
  });

  it('loads an external library on demand (Word output through docx)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resdiff-bundle-'));
    const r = node([CLI, 'compare', 'example-2022', '56/2', '--format', 'docx', '-o', join(dir, 'r.docx')]);
    expect(r.stderr).toContain('wrote');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'r.docx')).subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('recompiles when the shipped code cache does not fit, and keeps a fresh one in the cache folder', () => {
    // A copy of the package whose shipped cache is garbage (as after a Node upgrade).
    const pkg = mkdtempSync(join(tmpdir(), 'resdiff-bundle-pkg-'));
    cpSync(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
    cpSync(BUNDLE_DIR, join(pkg, 'dist', 'bundle'), { recursive: true });
    cpSync(join(ROOT, 'dist', 'src'), join(pkg, 'dist', 'src'), { recursive: true });
    cpSync(join(ROOT, 'corpus'), join(pkg, 'corpus'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
    const shipped = readdirSync(join(pkg, 'dist', 'bundle')).find((f) => f.endsWith('.v8cache'))!;
    writeFileSync(join(pkg, 'dist', 'bundle', shipped), Buffer.alloc(4096, 7));
    const cache = join(pkg, 'cache');
    mkdirSync(cache);
    const args = [join(pkg, 'bin', 'resdiff.cjs'), 'compare', 'example-2022', '56/2', '--format', 'json'];
    const expected = node([CLI_UNBUNDLED, 'compare', 'example-2022', '56/2', '--format', 'json']).stdout;
    const first = node(args, { RESDIFF_CACHE: '1', RESDIFF_CACHE_DIR: cache });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(expected);
    expect(readdirSync(join(cache, 'v8'))).toEqual([shipped]);
    const second = node(args, { RESDIFF_CACHE: '1', RESDIFF_CACHE_DIR: cache });
    expect(second.stdout).toBe(expected);
    // With the cache off nothing is written, and the answer is the same.
    const off = node(args, { RESDIFF_CACHE: '0', RESDIFF_CACHE_DIR: join(pkg, 'other') });
    expect(off.stdout).toBe(expected);
    expect(existsSync(join(pkg, 'other'))).toBe(false);
  }, 180_000);

  it('names src/ files in stack traces under RESDIFF_DEBUG=1', () => {
    // An internal error provoked from outside: JSON.stringify fails on the comparison.
    const dir = mkdtempSync(join(tmpdir(), 'resdiff-bundle-'));
    const hook = join(dir, 'break.cjs');
    writeFileSync(hook, "const s = JSON.stringify; JSON.stringify = function (v, ...r) { if (v && v.pairs) throw new Error('provoked'); return s.call(this, v, ...r); };\n");
    const r = node(['--require', hook, CLI, 'compare', 'example-2022', '56/2', '--format', 'json'], { RESDIFF_DEBUG: '1' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('internal error: provoked');
    expect(r.stderr).toMatch(/src\/render\/compare-json\.ts:\d+:\d+/);
    expect(r.stderr).toMatch(/src\/cli\/commands\/compare\.ts:\d+/);
    expect(r.stderr).not.toContain('dist/bundle/cli.cjs');
  }, 60_000);
});
