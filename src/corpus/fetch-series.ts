/**
 * Fetch every member of a series manifest that the corpus does not hold yet: one request at a
 * time with a pause between requests, retries with exponential back-off on timeouts, dropped
 * connections and HTTP 5xx/429, and an outcome per member (fetched, already present, failed with
 * the reason). Each file is written atomically by import, so a run that stops half-way leaves
 * only whole files, and a second run fetches only what is still missing.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { InputError } from '../errors.js';
import type { Warning } from '../model/types.js';
import { FetchError, fetchSymbol, type FetchOptions } from './fetch.js';
import { corpusFileName } from './import.js';
import { defaultCorpusDir, listCorpus, listSeries, type Series } from './index.js';

/** How to fetch a series. */
export interface SeriesFetchOptions extends FetchOptions {
  /** Pause between two requests, in milliseconds (default 2000: the service is shared). */
  pauseMs?: number;
  /** Retries after the first attempt of a member (default 3). */
  retries?: number;
  /** First back-off, doubled on each retry (default 2000 ms); a Retry-After from the service wins when longer (at most 60 s). */
  backoffMs?: number;
  /** The clock's wait (tests pass their own). */
  sleep?: (ms: number) => Promise<void>;
  /** Told what is happening, for a progress display. */
  onProgress?: (event: SeriesProgress) => void;
}

/** What the series fetch is doing. */
export type SeriesProgress =
  | { type: 'start'; total: number; missing: number; series: string }
  | { type: 'member'; index: number; total: number; symbol: string; attempt: number }
  | { type: 'retry'; index: number; total: number; symbol: string; attempt: number; reason: string; waitMs: number }
  | { type: 'done'; index: number; total: number; outcome: MemberOutcome };

/** What became of one member. */
export interface MemberOutcome {
  symbol: string;
  status: 'fetched' | 'present' | 'failed';
  /** The corpus file (fetched or already present). */
  path?: string;
  /** Why it failed (one line). */
  reason?: string;
  /** Requests made for it. */
  attempts: number;
  warnings: Warning[];
}

/** The result of a series fetch. */
export interface SeriesFetchResult {
  series: { id: string; title: string };
  outcomes: MemberOutcome[];
  fetched: number;
  present: number;
  failed: number;
}

/** Normalise a symbol for comparison. */
function norm(s: string): string {
  return s.trim().toUpperCase().replace(/\s+/g, '');
}

/**
 * Find a series manifest: in the target corpus first, then in the bundled one.
 *
 * @throws InputError naming the known series when none matches
 */
export function findSeriesManifest(id: string, into: string): Series {
  const known: Series[] = [];
  for (const dir of [into, defaultCorpusDir()]) {
    if (!existsSync(join(dir, 'series'))) continue;
    const all = listSeries(dir);
    const hit = all.find((s) => s.id === id) ?? all.find((s) => s.id.toLowerCase() === id.trim().toLowerCase());
    if (hit) return hit;
    known.push(...all);
  }
  const names = [...new Set(known.map((s) => s.id))].join(', ');
  throw new InputError(`no series "${id}" (known: ${names || 'none'})`);
}

/**
 * Fetch the members of a series that the corpus folder does not hold.
 *
 * @param id the series id (its manifest's `id`)
 * @param options target folder, service, timeouts, pause, retries
 */
export async function fetchSeries(id: string, options: SeriesFetchOptions): Promise<SeriesFetchResult> {
  const into = resolve(options.into);
  if (existsSync(into) && !statSync(into).isDirectory()) throw new InputError('is not a folder', options.into);
  const series = findSeriesManifest(id, into);
  const pauseMs = options.pauseMs ?? 2000;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 2000;
  const sleep = options.sleep ?? ((ms: number) => sleepFor(ms));
  const say = options.onProgress ?? (() => undefined);
  if (!(pauseMs >= 0) || !(backoffMs >= 0) || !Number.isInteger(retries) || retries < 0 || retries > 20) {
    throw new InputError('the pause and back-off must be 0 or more, and retries a whole number from 0 to 20');
  }

  const held = new Map<string, string>();
  if (existsSync(into)) for (const e of listCorpus(into)) if (e.symbol) held.set(norm(e.symbol), e.path);
  const presentPath = (symbol: string): string | undefined => {
    const byName = join(into, corpusFileName(symbol));
    return held.get(norm(symbol)) ?? (existsSync(byName) ? byName : undefined);
  };

  const members = series.members.filter((m, i, all) => m.symbol && all.findIndex((o) => norm(o.symbol) === norm(m.symbol)) === i);
  const total = members.length;
  const missing = members.filter((m) => !presentPath(m.symbol)).length;
  say({ type: 'start', total, missing, series: series.id });

  const outcomes: MemberOutcome[] = [];
  let requested = false;
  for (const [i, member] of members.entries()) {
    const index = i + 1;
    const symbol = member.symbol;
    const already = presentPath(symbol);
    let outcome: MemberOutcome;
    if (already) {
      outcome = { symbol, status: 'present', path: already, attempts: 0, warnings: [] };
    } else {
      let attempt = 0;
      for (;;) {
        attempt++;
        if (requested && attempt === 1 && pauseMs > 0) await sleep(pauseMs);
        requested = true;
        say({ type: 'member', index, total, symbol, attempt });
        try {
          const r = await fetchSymbol(symbol, { ...options, into, force: false });
          outcome = { symbol, status: 'fetched', path: r.path, attempts: attempt, warnings: r.warnings };
          break;
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          const retryable = e instanceof FetchError && e.retryable;
          if (retryable && attempt <= retries) {
            const asked = e instanceof FetchError && e.retryAfter !== undefined ? Math.min(e.retryAfter * 1000, 60_000) : 0;
            const waitMs = Math.max(backoffMs * 2 ** (attempt - 1), asked);
            say({ type: 'retry', index, total, symbol, attempt, reason: e.message, waitMs });
            await sleep(waitMs);
            continue;
          }
          const reason = retryable && attempt > 1 ? `${e.message} (after ${attempt} attempts)` : e.message;
          outcome = { symbol, status: 'failed', reason, attempts: attempt, warnings: [] };
          break;
        }
      }
      if (outcome.status === 'fetched') held.set(norm(symbol), outcome.path!);
    }
    outcomes.push(outcome);
    say({ type: 'done', index, total, outcome });
  }
  const count = (s: MemberOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return { series: { id: series.id, title: series.title }, outcomes, fetched: count('fetched'), present: count('present'), failed: count('failed') };
}
