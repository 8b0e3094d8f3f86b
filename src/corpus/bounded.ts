/**
 * Reading untrusted files within a budget: a small pool of worker threads, each started with
 * V8 `resourceLimits` (heap) and watched by a wall-clock timer. A file that needs more time or
 * memory than the budget is a one-line InputError ("took longer than 10 s to read; …"), the
 * worker is stopped and replaced, and the process that asked goes on. The server reads every
 * upload here; the CLI reads PDF and DOCX files here (Markdown and text are read in-process,
 * where their size and shape limits keep them linear).
 *
 * Starting a worker costs one thread and one load of the parser modules (measured in the
 * README's Reliability section); workers are kept and reused, and idle ones do not keep a
 * process alive.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import type { Resolution } from '../model/types.js';
import type { Comparison } from '../diff/types.js';
import type { FileJob, WorkerResponse, WorkerTask } from './parse-worker.js';

/** The budget of one job. */
export interface ParseLimits {
  /** Wall-clock time for one job, in milliseconds (default 10 s). */
  timeoutMs: number;
  /** V8 heap (old generation) of a worker, in MiB (default 512). */
  memoryMb: number;
}

/** Options of a pool. */
export interface PoolOptions extends Partial<ParseLimits> {
  /** Workers running at once (default 2). */
  size?: number;
  /** Jobs waiting for a worker beyond which new ones are refused with BusyError (default 64). */
  maxQueue?: number;
}

/** Default wall-clock budget: a resolution reads in well under a second, a 400-page PDF in a few. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Default heap of a worker: 56/2 reads in about 60 MiB. */
export const DEFAULT_MEMORY_MB = 512;

/** Every worker is busy and the queue is full: try again later (the server answers 503). */
export class BusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('the server is busy reading other files; try again in a moment');
    this.name = 'BusyError';
  }
}

/** The worker entry: the compiled module beside this one (from the sources, its build in dist/). */
function workerUrl(): URL {
  const url = new URL('./parse-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(url))) return url;
  // Running from TypeScript sources (the tests): use the build of the same module.
  return new URL('../../dist/src/corpus/parse-worker.js', import.meta.url);
}

interface Job {
  request: WorkerTask;
  /** What the job reads, for messages. */
  label: string;
  file?: string;
  resolve(value: unknown): void;
  reject(e: unknown): void;
}

interface Slot {
  worker: Worker;
  job?: { id: number; job: Job; timer: NodeJS.Timeout };
}

/** A pool of bounded parser workers. */
export class ParsePool {
  readonly limits: ParseLimits;
  private readonly size: number;
  private readonly maxQueue: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.limits = { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, memoryMb: options.memoryMb ?? DEFAULT_MEMORY_MB };
    this.size = Math.max(1, options.size ?? 2);
    this.maxQueue = Math.max(0, options.maxQueue ?? 64);
  }

  /** Jobs running and waiting. */
  get load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.job).length, waiting: this.queue.length };
  }

  /**
   * Read one file.
   *
   * @throws InputError for unusable content, too much time or memory; BusyError when full
   */
  parse(file: FileJob): Promise<Resolution> {
    return this.submit({ kind: 'parse', file }, file.name, file.name) as Promise<Resolution>;
  }

  /** Read two files and compare them, all in the worker (the server's uploads). */
  compare(oldFile: FileJob, newFile: FileJob): Promise<Comparison> {
    const both = `${oldFile.name} and ${newFile.name}`;
    return this.submit({ kind: 'compare', old: oldFile, new: newFile }, both, both) as Promise<Comparison>;
  }

  /** Stop every worker; jobs still waiting fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the parser pool was closed'));
    await Promise.all(
      this.slots.splice(0).map(async (s) => {
        if (s.job) {
          clearTimeout(s.job.timer);
          s.job.job.reject(new Error('the parser pool was closed'));
        }
        await s.worker.terminate();
      }),
    );
  }

  private submit(request: WorkerTask, label: string, file?: string): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the parser pool was closed'));
    return new Promise((resolve, reject) => {
      const job: Job = { request, label, file, resolve, reject };
      const idle = this.idleSlot();
      if (idle) return this.start(idle, job);
      if (this.queue.length >= this.maxQueue) {
        const perJob = 0.5;
        reject(new BusyError(Math.max(1, Math.ceil(((this.queue.length / this.size) * perJob)))));
        return;
      }
      this.queue.push(job);
    });
  }

  private idleSlot(): Slot | undefined {
    const free = this.slots.find((s) => !s.job);
    if (free) return free;
    if (this.slots.length < this.size) {
      const slot = this.spawn();
      this.slots.push(slot);
      return slot;
    }
    return undefined;
  }

  private spawn(): Slot {
    const worker = new Worker(workerUrl(), {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 8 },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker };
    worker.unref();
    worker.on('message', (m: WorkerResponse) => {
      const running = slot.job;
      if (!running || running.id !== m.id) return;
      this.finish(slot);
      if ('ok' in m) running.job.resolve(m.ok);
      else if ('input' in m) running.job.reject(new InputError(m.input.message, m.input.file, m.input.line, m.input.column));
      else {
        const e = new Error(m.internal.message);
        e.stack = m.internal.stack;
        running.job.reject(e);
      }
      this.pump();
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const running = slot.job;
      slot.job = undefined;
      this.drop(slot);
      if (running) {
        clearTimeout(running.timer);
        running.job.reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new InputError(`needed more than ${this.limits.memoryMb} MiB of memory to read; a resolution needs a small part of that, so this file is not one resdiff can read`, running.job.file)
            : e,
        );
      }
      this.pump();
    });
    worker.on('exit', () => {
      const running = slot.job;
      slot.job = undefined;
      this.drop(slot);
      if (running) {
        clearTimeout(running.timer);
        running.job.reject(new InputError('could not be read: the reader stopped unexpectedly', running.job.file));
      }
      this.pump();
    });
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    const id = this.nextId++;
    const timer = setTimeout(() => {
      if (slot.job?.id !== id) return;
      slot.job = undefined;
      this.drop(slot);
      void slot.worker.terminate();
      const seconds = Math.round(this.limits.timeoutMs / 100) / 10;
      job.reject(
        new InputError(`took longer than ${seconds} s to read; a resolution takes well under a second, so this file is not one resdiff can read (too large, or built to stall a reader)`, job.file),
      );
      this.pump();
    }, this.limits.timeoutMs);
    slot.job = { id, job, timer };
    slot.worker.ref();
    slot.worker.postMessage({ id, ...job.request });
  }

  private finish(slot: Slot): void {
    if (slot.job) clearTimeout(slot.job.timer);
    slot.job = undefined;
    slot.worker.unref();
  }

  private drop(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const slot = this.idleSlot();
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }
}

let shared: ParsePool | undefined;

/**
 * The process's pool for the CLI (created on first use; its idle workers never keep the process
 * alive). RESDIFF_PARSE_TIMEOUT (seconds) and RESDIFF_PARSE_MEMORY (MiB) change the budget.
 */
export function sharedPool(env: Record<string, string | undefined> = process.env): ParsePool {
  if (!shared) {
    const seconds = Number(env.RESDIFF_PARSE_TIMEOUT);
    const mb = Number(env.RESDIFF_PARSE_MEMORY);
    shared = new ParsePool({
      size: 2,
      timeoutMs: Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 3600) * 1000 : undefined,
      memoryMb: Number.isFinite(mb) && mb >= 64 ? Math.min(mb, 16384) : undefined,
    });
  }
  return shared;
}
