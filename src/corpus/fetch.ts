/**
 * Download the English PDF of a document symbol from the UN's public document service (or any
 * service given by a URL template) and import it into the corpus. The fetch function is passed
 * in, so tests and other hosts choose the network.
 *
 * The body is streamed with a cap on the decoded bytes (a body that never ends, or a small gzip
 * body that inflates to gigabytes, stops at MAX_DOWNLOAD_BYTES); redirects are followed by hand,
 * only over http(s), only within the service's own origin or to the UN's document hosts.
 */
import { InputError } from '../errors.js';
import { importBytes, type ImportOptions, type ImportResult } from './import.js';

/** The UN's public document service: English PDF of a symbol. */
export const DEFAULT_FETCH_URL = 'https://documents.un.org/api/symbol/access?s={symbol}&l=en&t=pdf';

/** Largest download taken (decoded bytes). */
export const MAX_DOWNLOAD_BYTES = 50 * 1024 * 1024;

/** Most redirects followed for one symbol. */
export const MAX_REDIRECTS = 10;

/** Longest timeout accepted (one hour): timers cannot wait much beyond 24 days, and nobody waits an hour. */
export const MAX_TIMEOUT_MS = 3_600_000;

/**
 * Hosts a redirect may lead to besides the service's own origin (over https only): the UN's
 * document service answers a symbol with a redirect to the file on one of its own hosts.
 */
export const DOCUMENT_HOSTS = ['un.org'];

/** How to fetch. */
export interface FetchOptions extends ImportOptions {
  /** URL template with `{symbol}` (default DEFAULT_FETCH_URL). */
  urlTemplate?: string;
  /** The fetch implementation (default: the global fetch). */
  fetch?: typeof globalThis.fetch;
  /** Give up after this many milliseconds (default 60 s). */
  timeoutMs?: number;
  /** Largest body taken, decoded (default MAX_DOWNLOAD_BYTES; tests lower it). */
  maxBytes?: number;
}

/**
 * A failed download. `retryable` is true for what may pass on a second try (timeouts, dropped
 * connections, HTTP 5xx and 429); `status` is the HTTP status when there was one.
 */
export class FetchError extends InputError {
  readonly retryable: boolean;
  readonly status: number | undefined;
  /** Seconds the service asked to wait (Retry-After), when it said. */
  readonly retryAfter: number | undefined;
  constructor(message: string, file: string, opts: { retryable?: boolean; status?: number; retryAfter?: number } = {}) {
    super(message, file);
    this.name = 'FetchError';
    this.retryable = opts.retryable ?? false;
    this.status = opts.status;
    this.retryAfter = opts.retryAfter;
  }
}

/** A UN document symbol as typed by a user: "A/HRC/RES/56/2", "A/RES/78/199". */
const SYMBOL = /^[A-Z]{1,8}(?:\/[A-Za-z0-9.\-()]+){1,8}$/;

/** The path and query of the document service, put after a base URL given without `{symbol}`. */
const SERVICE_PATH = '/api/symbol/access?s={symbol}&l=en&t=pdf';

/** Is this a document symbol resdiff can ask for? */
export function isSymbol(s: string): boolean {
  return SYMBOL.test(s.trim());
}

/**
 * The URL of a symbol's PDF.
 *
 * @param symbol the document symbol
 * @param template a URL with `{symbol}`, or a base URL that the service's path is added to
 * @throws InputError when the result is not an http(s) URL
 */
export function symbolUrl(symbol: string, template = DEFAULT_FETCH_URL): string {
  if (!template.includes('{symbol}')) template = template.replace(/\/+$/, '') + SERVICE_PATH;
  const url = template.replace(/\{symbol\}/g, encodeURIComponent(symbol));
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`the fetch URL is not a URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InputError(`the fetch URL must start with http:// or https://, not ${parsed.protocol}// (${url})`);
  }
  return url;
}

/**
 * Check a timeout given in milliseconds.
 *
 * @throws InputError unless 0 < ms ≤ MAX_TIMEOUT_MS
 */
export function checkTimeout(ms: number, what = 'the timeout'): number {
  if (!Number.isFinite(ms) || !(ms > 0) || ms > MAX_TIMEOUT_MS) {
    throw new InputError(`${what} must be more than 0 and at most ${MAX_TIMEOUT_MS / 1000} seconds`);
  }
  return Math.max(1, Math.round(ms));
}

/**
 * May a redirect from `from` lead to `to`? Only http(s); the same origin (or the same host moving
 * from http to https), or an https URL on one of DOCUMENT_HOSTS or their subdomains.
 */
export function redirectAllowed(from: URL, to: URL): boolean {
  if (to.protocol !== 'http:' && to.protocol !== 'https:') return false;
  if (to.origin === from.origin) return true;
  if (to.protocol === 'https:' && from.protocol === 'http:' && to.hostname === from.hostname && (to.port === '' || to.port === '443') && (from.port === '' || from.port === '80')) return true;
  if (to.protocol !== 'https:' || (to.port !== '' && to.port !== '443')) return false;
  const host = to.hostname.toLowerCase();
  return DOCUMENT_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

/**
 * Download a symbol's PDF.
 *
 * @returns the bytes and the URL they came from (after redirects)
 * @throws FetchError when the service cannot be reached, does not know the symbol, or answers with something other than a PDF
 */
export async function downloadSymbol(symbol: string, options: Omit<FetchOptions, 'into'> = {}): Promise<{ bytes: Uint8Array; url: string }> {
  const sym = symbol.trim();
  if (!SYMBOL.test(sym)) throw new InputError('not a document symbol (expected something like A/HRC/RES/56/2)', symbol);
  const timeoutMs = checkTimeout(options.timeoutMs ?? 60_000);
  const maxBytes = options.maxBytes ?? MAX_DOWNLOAD_BYTES;
  let url = symbolUrl(sym, options.urlTemplate);
  const doFetch = options.fetch ?? globalThis.fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), timeoutMs);
  const seconds = +(timeoutMs / 1000).toFixed(1);
  try {
    const seen = new Set<string>([url]);
    let res: Response;
    for (let hops = 0; ; hops++) {
      const host = new URL(url).host;
      try {
        res = await doFetch(url, { redirect: 'manual', signal: controller.signal, headers: { accept: 'application/pdf' } });
      } catch (e) {
        throw networkError(e, host, seconds, sym);
      }
      if (res.status < 300 || res.status >= 400 || res.status === 304) break;
      const location = res.headers.get('location');
      await res.body?.cancel().catch(() => undefined);
      if (!location) throw new FetchError(`${host} answered HTTP ${res.status} (a redirect) without saying where to`, sym, { status: res.status });
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new FetchError(`${host} redirected to something that is not a URL: ${location.slice(0, 200)}`, sym, { status: res.status });
      }
      if (!redirectAllowed(new URL(url), next)) {
        throw new FetchError(
          `${host} redirected to ${next.href.slice(0, 200)}, which is not followed (only http(s) redirects within ${new URL(url).origin} or to https://*.${DOCUMENT_HOSTS.join(', *.')} are)`,
          sym,
          { status: res.status },
        );
      }
      if (seen.has(next.href)) throw new FetchError(`redirect loop: ${host} redirected back to ${next.href.slice(0, 200)}`, sym, { status: res.status });
      if (hops + 1 > MAX_REDIRECTS) throw new FetchError(`too many redirects (more than ${MAX_REDIRECTS}) from ${host}`, sym, { status: res.status });
      seen.add(next.href);
      url = next.href;
    }
    const host = new URL(url).host;
    if (res.status === 404) throw new FetchError(`unknown symbol: ${host} has no English PDF of it (HTTP 404)`, sym, { status: 404 });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      const retryAfter = Number(res.headers.get('retry-after'));
      throw new FetchError(`the document service at ${host} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, sym, {
        status: res.status,
        retryable: res.status >= 500 || res.status === 429 || res.status === 408,
        retryAfter: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
      });
    }
    const length = Number(res.headers.get('content-length') ?? 0);
    const encoded = !!res.headers.get('content-encoding') && res.headers.get('content-encoding') !== 'identity';
    if (!encoded && length > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new FetchError(`the download is ${mib(length)} MiB, more than the ${mib(maxBytes)} MiB taken`, sym);
    }
    const bytes = await readCapped(res, maxBytes, sym, host, seconds, controller);
    const magic = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
    if (!magic.includes('%PDF-')) {
      const type = res.headers.get('content-type')?.split(';')[0] ?? 'no content type';
      throw new FetchError(`${host} did not return a PDF for this symbol (it sent ${type}, ${bytes.length} bytes); the symbol may be unknown or have no English version`, sym);
    }
    return { bytes, url };
  } finally {
    clearTimeout(timer);
  }
}

function mib(n: number): string {
  return +(n / 1048576).toFixed(1) + '';
}

/** Read a body chunk by chunk, stopping as soon as the decoded bytes pass `max`. */
async function readCapped(res: Response, max: number, sym: string, host: string, seconds: number, controller: AbortController): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > max) {
        controller.abort();
        await reader.cancel().catch(() => undefined);
        throw new FetchError(`the download from ${host} is larger than ${mib(max)} MiB (decoded); stopped after ${mib(total)} MiB`, sym);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = networkError(e, host, seconds, sym);
    throw new FetchError(`${err.message.replace(/^no answer from (\S+) within/, 'the answer from $1 did not finish within')} (${mib(total)} MiB received)`, sym, { retryable: err.retryable });
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * Download a symbol's English PDF and import it into the corpus.
 *
 * @param symbol the document symbol
 * @param options target folder, --force, URL template, fetch, timeout
 */
export async function fetchSymbol(symbol: string, options: FetchOptions): Promise<ImportResult & { url: string }> {
  const { bytes, url } = await downloadSymbol(symbol, options);
  const file = `${symbol.trim().replace(/\//g, '-')}.pdf`;
  const result = await importBytes(bytes, file, { ...options, url, symbol: symbol.trim() });
  return { ...result, url };
}

/** Error codes of connections that did not work, with what they mean. */
const CONNECT_CODES: Record<string, string> = {
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'name lookup failed',
  ECONNREFUSED: 'connection refused',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_HEADERS_TIMEOUT: 'no headers in time',
  UND_ERR_BODY_TIMEOUT: 'body stalled',
};

/** A one-line message for a failed request. */
function networkError(e: unknown, host: string, seconds: number, symbol: string): FetchError {
  const err = e as { name?: string; message?: string; code?: string; cause?: { code?: string; name?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError' || err?.cause?.name === 'TimeoutError') {
    return new FetchError(`no answer from ${host} within ${seconds} s`, symbol, { retryable: true });
  }
  const code = err?.cause?.code ?? err?.code;
  if (code && code in CONNECT_CODES) {
    const offline = code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENETUNREACH';
    return new FetchError(
      `cannot reach ${host} (${code})${offline ? '; are you offline? (a different service can be given with --base-url or RESDIFF_FETCH_URL)' : `: ${CONNECT_CODES[code]}`}`,
      symbol,
      { retryable: code !== 'ENOTFOUND' },
    );
  }
  // undici says only "fetch failed"; the reason is in the cause.
  const why = [err?.cause?.code, err?.cause?.message].filter(Boolean).join(': ') || err?.message || String(e);
  if (why === 'bad port') return new FetchError(`cannot download from ${host}: fetch refuses this port (it is reserved for other protocols)`, symbol);
  const tls = /certificate|SSL|TLS|CERT_/i.test(why);
  return new FetchError(`cannot download from ${host}: ${tls ? 'TLS error: ' : ''}${why.split('\n')[0]}`, symbol);
}
