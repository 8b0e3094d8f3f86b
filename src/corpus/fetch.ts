/**
 * Download the English PDF of a document symbol from the UN's public document service (or any
 * service given by a URL template) and import it into the corpus. The fetch function is passed
 * in, so tests and other hosts choose the network.
 */
import { InputError } from '../errors.js';
import { importBytes, type ImportOptions, type ImportResult } from './import.js';

/** The UN's public document service: English PDF of a symbol. */
export const DEFAULT_FETCH_URL = 'https://documents.un.org/api/symbol/access?s={symbol}&l=en&t=pdf';

/** Largest download taken. */
export const MAX_DOWNLOAD_BYTES = 50 * 1024 * 1024;

/** How to fetch. */
export interface FetchOptions extends ImportOptions {
  /** URL template with `{symbol}` (default DEFAULT_FETCH_URL). */
  urlTemplate?: string;
  /** The fetch implementation (default: the global fetch). */
  fetch?: typeof globalThis.fetch;
  /** Give up after this many milliseconds (default 60 s). */
  timeoutMs?: number;
}

/** A UN document symbol as typed by a user: "A/HRC/RES/56/2", "A/RES/78/199". */
const SYMBOL = /^[A-Z]{1,8}(?:\/[A-Za-z0-9.\-()]+){1,8}$/;

/** The path and query of the document service, put after a base URL given without `{symbol}`. */
const SERVICE_PATH = '/api/symbol/access?s={symbol}&l=en&t=pdf';

/**
 * The URL of a symbol's PDF.
 *
 * @param symbol the document symbol
 * @param template a URL with `{symbol}`, or a base URL that the service's path is added to
 */
export function symbolUrl(symbol: string, template = DEFAULT_FETCH_URL): string {
  if (!template.includes('{symbol}')) template = template.replace(/\/+$/, '') + SERVICE_PATH;
  const url = template.replace(/\{symbol\}/g, encodeURIComponent(symbol));
  try {
    new URL(url);
  } catch {
    throw new InputError(`the fetch URL is not a URL: ${url}`);
  }
  return url;
}

/**
 * Download a symbol's PDF.
 *
 * @returns the bytes and the URL they came from
 * @throws InputError when the service cannot be reached, does not know the symbol, or answers with something other than a PDF
 */
export async function downloadSymbol(symbol: string, options: Omit<FetchOptions, 'into'> = {}): Promise<{ bytes: Uint8Array; url: string }> {
  const sym = symbol.trim();
  if (!SYMBOL.test(sym)) throw new InputError('not a document symbol (expected something like A/HRC/RES/56/2)', symbol);
  const url = symbolUrl(sym, options.urlTemplate);
  const host = new URL(url).host;
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 60_000;
  let res: Response;
  try {
    res = await doFetch(url, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/pdf' } });
  } catch (e) {
    throw networkError(e, host, timeoutMs, sym);
  }
  if (res.status === 404) throw new InputError(`unknown symbol: ${host} has no English PDF of it (HTTP 404)`, sym);
  if (!res.ok) throw new InputError(`the document service at ${host} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, sym);
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > MAX_DOWNLOAD_BYTES) throw new InputError(`the download is ${(length / 1048576).toFixed(1)} MiB, more than the ${MAX_DOWNLOAD_BYTES / 1048576} MiB taken`, sym);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    throw networkError(e, host, timeoutMs, sym);
  }
  if (bytes.length > MAX_DOWNLOAD_BYTES) throw new InputError(`the download is larger than ${MAX_DOWNLOAD_BYTES / 1048576} MiB`, sym);
  const magic = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!magic.includes('%PDF-')) {
    const type = res.headers.get('content-type')?.split(';')[0] ?? 'no content type';
    throw new InputError(`${host} did not return a PDF for this symbol (it sent ${type}, ${bytes.length} bytes); the symbol may be unknown or have no English version`, sym);
  }
  return { bytes, url };
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
  const result = await importBytes(bytes, file, { ...options, url });
  return { ...result, url };
}

/** A one-line message for a failed request. */
function networkError(e: unknown, host: string, timeoutMs: number, symbol: string): InputError {
  const err = e as { name?: string; message?: string; cause?: { code?: string; name?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError' || err?.cause?.name === 'TimeoutError') {
    return new InputError(`no answer from ${host} within ${+(timeoutMs / 1000).toFixed(1)} s`, symbol);
  }
  const code = err?.cause?.code ?? (err as { code?: string })?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ECONNREFUSED' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'ECONNRESET' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new InputError(`cannot reach ${host} (${code}); are you offline? (a different service can be given with --base-url or RESDIFF_FETCH_URL)`, symbol);
  }
  return new InputError(`cannot download from ${host}: ${(err?.message ?? String(e)).split('\n')[0]}`, symbol);
}
