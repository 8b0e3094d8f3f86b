/** Run the CLI in-process (fast) or as a real process (end to end). */
import { spawnSync } from 'node:child_process';
import { run } from '../../src/cli/run.js';
import type { Io } from '../../src/cli/io.js';
import { CLI, ROOT } from './paths.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  bytes: Buffer;
}

/** Run `resdiff ARGS` in this process with captured output. */
export async function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string>; isTTY?: boolean } = {}): Promise<CliResult> {
  const out: Buffer[] = [];
  let stderr = '';
  const io: Io = {
    stdout: (s) => void out.push(Buffer.from(s)),
    stderr: (s) => void (stderr += s),
    cwd: opts.cwd ?? ROOT,
    env: { ...opts.env },
    isTTY: opts.isTTY ?? false,
    columns: 100,
  };
  const code = await run(args, io);
  const bytes = Buffer.concat(out);
  return { code, stdout: bytes.toString('utf8'), stderr, bytes };
}

/** Run the built CLI as a child process. */
export function spawnCli(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    input: opts.input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), bytes: r.stdout };
}
