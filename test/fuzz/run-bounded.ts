/**
 * Run the built CLI as a child process with a hard wall-clock limit, sampling its peak resident
 * memory (VmHWM, which includes its worker threads) from /proc while it runs.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CLI, ROOT } from '../support/paths.js';

/** What a bounded run gave. */
export interface BoundedRun {
  /** Exit code; null when the run was killed at the limit. */
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory in MiB (0 where /proc is not readable). */
  peakMiB: number;
  killed: boolean;
}

/**
 * Run `resdiff ARGS`, killing it after `limitMs`.
 *
 * @param args the CLI arguments
 * @param opts wall-clock limit, environment, working folder
 */
export function runBounded(args: string[], opts: { limitMs: number; env?: Record<string, string>; cwd?: string }): Promise<BoundedRun> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', RESDIFF_CACHE: '0', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    let peak = 0;
    let killed = false;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]));
      } catch {
        // The process has gone, or /proc is not there.
      }
    };
    const poll = setInterval(sample, 50);
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, opts.limitMs);
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - t0, peakMiB: Math.round(peak / 1024), killed });
    });
  });
}
