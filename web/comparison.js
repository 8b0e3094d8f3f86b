// resdiff page: the one comparison on the page and the one way it changes (a small state machine).
//
//   idle ──start──▶ loading ──answer──▶ shown
//                      │ ▲                │
//                      │ └────start───────┘   (a new start clears the shown result at once)
//                      └──error──▶ failed     (the previous result is gone; only the message stays)
//
// Views never keep their own copy of "the comparison": they subscribe here and draw `current`.
// A start supersedes any run in flight (its sequence number wins), so a slow old answer can
// never land on top of a newer request, and a failed run never leaves the previous result (or
// its downloads) on screen.

/**
 * Where the comparison came from: two corpus references, or two uploaded files.
 * @typedef {{ kind: 'corpus', old: string, new: string } | { kind: 'upload', old: File, new: File }} Source
 */

/**
 * @typedef {{ phase: 'idle' | 'loading' | 'shown' | 'failed', comparison: any, source: Source | null,
 *   message: string, seq: number }} ComparisonState
 */

/** @type {ComparisonState} */
export const current = { phase: 'idle', comparison: null, source: null, message: '', seq: 0 };

/** @type {Set<(s: ComparisonState) => void>} */
const listeners = new Set();

/** Call `fn` on every change of phase (and once now). */
export function subscribe(fn) {
  listeners.add(fn);
  fn(current);
  return () => listeners.delete(fn);
}

function set(patch) {
  Object.assign(current, patch);
  for (const fn of listeners) fn(current);
}

/**
 * Start a comparison: the shown one is cleared at once; `get` fetches the new one.
 * @param {Source} source
 * @param {() => Promise<any>} get
 * @returns {Promise<boolean>} true when this run's result is the one shown
 */
export async function run(source, get) {
  const seq = current.seq + 1;
  set({ phase: 'loading', comparison: null, source, message: 'Comparing…', seq });
  try {
    const comparison = await get();
    if (current.seq !== seq) return false;
    set({ phase: 'shown', comparison, source, message: '' });
    return true;
  } catch (e) {
    if (current.seq !== seq) return false;
    set({ phase: 'failed', comparison: null, source: null, message: e instanceof Error ? e.message : String(e) });
    return false;
  }
}

/** Refuse before starting (a bad pick, a file too large): the page shows no result, only why. */
export function fail(message) {
  set({ phase: 'failed', comparison: null, source: null, message, seq: current.seq + 1 });
}

/** Nothing to show (yet), with a note: e.g. "the corpus holds no texts". */
export function reset(message = '') {
  set({ phase: 'idle', comparison: null, source: null, message, seq: current.seq + 1 });
}

/**
 * What to call one side of the shown comparison: an upload by its file name (with its symbol
 * when it has one, since two uploads often share one), a corpus text by its symbol.
 * @param {'old'|'new'} side
 */
export function sideName(side, s = current) {
  const v = s.comparison?.[side];
  const src = s.source;
  if (src && src.kind === 'upload') {
    const name = src[side].name;
    return v?.symbol ? `${name} (${v.symbol})` : name;
  }
  return v?.symbol || v?.file || 'the text';
}

/** A file-name-safe short form of a side: "older", "56-2". */
export function sideSlug(side, s = current) {
  const src = s.source;
  const raw = src && src.kind === 'upload' ? src[side].name.replace(/\.[^.]+$/, '') : (s.comparison?.[side]?.symbol || side).split('/').slice(-2).join('-');
  return raw.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || side;
}
