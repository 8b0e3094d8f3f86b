/**
 * The worker entry of the bounded parser (see ./bounded.ts): reads untrusted files (and, for the
 * server's uploads, compares them) in a worker thread that the pool can stop when it runs out of
 * time or memory. Kept as its own module so a bundler can treat it as a separate entry point
 * (`new URL('./parse-worker.js', import.meta.url)`).
 */
import { parentPort } from 'node:worker_threads';
import { InputError } from '../errors.js';
import type { Resolution } from '../model/types.js';

/** One file to read. */
export interface FileJob {
  bytes: Uint8Array;
  /** The name for messages and format detection. */
  name: string;
}

/** A request to the worker. */
export type WorkerTask = { kind: 'parse'; file: FileJob } | { kind: 'compare'; old: FileJob; new: FileJob };

/** A task with the id its answer carries. */
export type WorkerRequest = WorkerTask & { id: number };

/** The worker's answer: a value, a user's-input error (exit 1 / 400) or an internal error. */
export type WorkerResponse =
  | { id: number; ok: unknown }
  | { id: number; input: { message: string; file?: string; line?: number; column?: number } }
  | { id: number; internal: { message: string; stack?: string } };

async function parse(file: FileJob): Promise<Resolution> {
  const { ingest } = await import('../ingest/index.js');
  const { parseResolution } = await import('../model/parse.js');
  return parseResolution(await ingest(file.bytes, file.name));
}

async function handle(req: WorkerRequest): Promise<unknown> {
  if (req.kind === 'parse') return parse(req.file);
  const [a, b] = await Promise.all([parse(req.old), parse(req.new)]);
  const { compare } = await import('../diff/compare.js');
  return compare(a, b);
}

parentPort?.on('message', (req: WorkerRequest) => {
  handle(req).then(
    (ok) => parentPort!.postMessage({ id: req.id, ok } satisfies WorkerResponse),
    (e: unknown) => {
      const answer: WorkerResponse =
        e instanceof InputError
          ? { id: req.id, input: { message: e.message, file: e.file, line: e.line, column: e.column } }
          : { id: req.id, internal: { message: (e as Error)?.message ?? String(e), stack: (e as Error)?.stack } };
      parentPort!.postMessage(answer);
    },
  );
});
