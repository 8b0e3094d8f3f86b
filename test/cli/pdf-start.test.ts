/**
 * `compare --format pdf` starts Chromium while it reads and compares the versions. A run that
 * then fails (a version that cannot be read, a browser that cannot be started) says so in one
 * line, exits 1, writes nothing and leaves no browser behind; a run that succeeds leaves none
 * either. Real processes: the browser's profile folder is made under the run's own TMPDIR, so
 * a browser left behind is found by that path in its command line.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT } from '../support/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'resdiff-pdf-start-'));

/** Run the CLI with its own TMPDIR; bounded. */
function run(args: string[], name: string, env: Record<string, string> = {}) {
  const own = join(tmp, name);
  mkdirSync(own, { recursive: true });
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', TMPDIR: own, ...env },
    encoding: 'utf8',
    timeout: 150_000,
  });
  return { code: r.status, stderr: r.stderr, own, timedOut: r.error !== undefined };
}

/** Live processes whose command line names `dir` (a browser started for that run). */
function processesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid)) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(dir) && !/\bgrep\b/.test(cmd)) out.push(`${pid}: ${cmd.slice(0, 120)}`);
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** Wait (bounded) until no process names `dir`. */
async function noneLeft(dir: string): Promise<string[]> {
  let left = processesUnder(dir);
  for (let i = 0; i < 20 && left.length; i++) {
    await new Promise((r) => setTimeout(r, 250));
    left = processesUnder(dir);
  }
  return left;
}

describe('compare --format pdf: the browser starts early and never outlives the run', () => {
  it('a version that cannot be read: one line naming it, exit 1, no PDF, no browser left', async () => {
    const out = join(tmp, 'missing.pdf');
    const r = run(['compare', 'example-2022', 'no-such-file.md', '--format', 'pdf', '-o', out], 'missing');
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('resdiff: no-such-file.md: no such file\n');
    expect(existsSync(out)).toBe(false);
    expect(await noneLeft(r.own)).toEqual([]);
  }, 180_000);

  it('a browser that cannot be started: reported once, as one line, for a single PDF and for a batch', async () => {
    const env = { RESDIFF_CHROMIUM: '/nonexistent/chromium' };
    const one = run(['compare', 'example-2022', '56/2', '--format', 'pdf', '-o', join(tmp, 'nobrowser.pdf')], 'nobrowser', env);
    expect(one.code).toBe(1);
    expect(one.stderr).toBe(
      'resdiff: RESDIFF_CHROMIUM is set to /nonexistent/chromium, which does not exist; install one (apt-get install chromium) or set RESDIFF_CHROMIUM to its path\n',
    );
    expect(existsSync(join(tmp, 'nobrowser.pdf'))).toBe(false);
    const pairs = join(tmp, 'nobrowser.txt');
    writeFileSync(pairs, ['a', 'b', 'c'].map((n) => `example-2022 56/2 ${join(tmp, `nb-${n}.pdf`)}`).join('\n'));
    const batch = run(['compare', '--pairs', pairs], 'nobrowser-batch', env);
    expect(batch.code).toBe(1);
    expect(batch.stderr.trim().split('\n')).toHaveLength(1);
    expect(batch.stderr).toMatch(new RegExp(`^resdiff: ${pairs.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d: RESDIFF_CHROMIUM is set to /nonexistent/chromium`));
    for (const n of ['a', 'b', 'c']) expect(existsSync(join(tmp, `nb-${n}.pdf`))).toBe(false);
  }, 180_000);

  it('a run that succeeds writes the PDF and leaves no browser behind', async () => {
    const out = join(tmp, 'ok.pdf');
    const r = run(['compare', 'example-2022', '56/2', '--format', 'pdf', '-o', out], 'ok');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await noneLeft(r.own)).toEqual([]);
  }, 180_000);
});
