/**
 * What a command may touch: output streams, the working folder, the environment. Passing these
 * in lets tests run commands in-process without a subprocess.
 */
import { fstatSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { Warning } from '../model/types.js';

/** Streams and context of one CLI run. */
export interface Io {
  stdout(s: string | Uint8Array): void;
  stderr(s: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Is stdout a terminal (colour, wrapping)? */
  isTTY: boolean;
  /** Terminal width, when known. */
  columns?: number;
}

/**
 * The real process's Io.
 *
 * Standard output that is not a terminal (a file, a pipe, /dev/null) is written with
 * `fs.writeSync` on file descriptor 1: creating `process.stdout` loads Node's stream machinery
 * (and, for a pipe, its network module), a few milliseconds of every short run. A terminal, and
 * a pipe a reader has made non-blocking (EAGAIN), go through `process.stdout` as usual.
 */
export function processIo(): Io {
  const tty = stdoutIsTerminal();
  return {
    stdout: tty ? (s) => void process.stdout.write(s) : writeStdout,
    stderr: (s) => void process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    isTTY: tty,
    columns: tty ? process.stdout.columns : undefined,
  };
}

/** Is standard output a terminal? Decided without creating `process.stdout` when it is not. */
function stdoutIsTerminal(): boolean {
  try {
    const out = fstatSync(1);
    if (!out.isCharacterDevice()) return false;
    if (out.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    // no fd 1, or no /dev/null: ask the stream
  }
  return !!process.stdout.isTTY;
}

/** Once writing to fd 1 directly has failed with EAGAIN, the stream takes over (in order). */
let stdoutStream: NodeJS.WriteStream | undefined;
/** The reader went away (EPIPE): the rest is dropped, as `process.stdout` would. */
let stdoutClosed = false;

function writeStdout(s: string | Uint8Array): void {
  if (stdoutClosed) return;
  if (stdoutStream) {
    stdoutStream.write(s);
    return;
  }
  const buf = typeof s === 'string' ? Buffer.from(s) : s;
  let off = 0;
  try {
    while (off < buf.length) off += writeSync(1, buf, off, buf.length - off);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') stdoutClosed = true;
    else if (code === 'EAGAIN') {
      stdoutStream = process.stdout;
      stdoutStream.write(buf.subarray(off));
    } else throw e;
  }
}

/** Colour on a terminal unless NO_COLOR is set or --no-color given; FORCE_COLOR forces it. */
export function useColor(io: Io, flag?: boolean): boolean {
  if (flag === false) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.isTTY;
}

/** How many warnings per file are printed before the rest are counted. */
export const WARNINGS_PER_FILE = 8;

/** Print a model warning as one line on stderr. */
export function printWarning(io: Io, w: Warning): void {
  const where = [w.file, w.line].filter((x) => x !== undefined && x !== '').join(':');
  io.stderr(`resdiff: ${where ? `${where}: ` : ''}warning: ${w.message}\n`);
}

/**
 * Print warnings, at most WARNINGS_PER_FILE per file, then one line counting the rest: a file
 * that is not what it seems should not bury the output (the JSON formats keep them all).
 */
export function printWarnings(io: Io, warnings: readonly Warning[]): void {
  const shown = new Map<string, number>();
  const hidden = new Map<string, number>();
  for (const w of warnings) {
    const key = w.file ?? '';
    const n = shown.get(key) ?? 0;
    if (n < WARNINGS_PER_FILE) {
      printWarning(io, w);
      shown.set(key, n + 1);
    } else hidden.set(key, (hidden.get(key) ?? 0) + 1);
  }
  for (const [file, n] of hidden) {
    io.stderr(`resdiff: ${file ? `${file}: ` : ''}… and ${n} more warning${n === 1 ? '' : 's'} (\`resdiff show ${file || 'FILE'} --format json\` lists them all)\n`);
  }
}

/**
 * Write a file atomically: a temporary file in the same folder, then a rename, so a failed run
 * never leaves a half-written output.
 *
 * @param path the target, relative to `cwd`
 * @param data the contents
 */
export function writeFileAtomic(cwd: string, path: string, data: string | Uint8Array): string {
  const target = resolve(cwd, path);
  const dir = dirname(target);
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    throw new InputError('cannot create the output folder', dir);
  }
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError(`cannot write the output (${(e as NodeJS.ErrnoException).code ?? 'error'})`, path);
  }
  return target;
}
