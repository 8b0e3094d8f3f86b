/**
 * The page under test: the server on an ephemeral loopback port and one Chromium page watching
 * for errors. Every wait here is bounded: Playwright actions and navigations through the page's
 * default timeouts, starting and closing the server and the browser through `within`, so a
 * test under CPU contention fails with a message naming the step instead of hanging.
 */
import type { Browser, Page } from 'playwright';
import { launchChromium } from '../../src/render/browser.js';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/index.js';

/** Bound of one Playwright action (click, fill, waitForSelector…): generous, for busy CPUs. */
export const ACTION_TIMEOUT = 30_000;
/** Bound of one navigation (the page, its modules, the first comparison's request). */
export const NAVIGATION_TIMEOUT = 60_000;
/** Bound of starting or closing the server or the browser. */
export const LIFECYCLE_TIMEOUT = 30_000;

/**
 * `p`, or a rejection naming `what` once `ms` have passed.
 * @param p the promise to wait for
 * @param ms the bound
 * @param what the step, for the message
 */
export async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A running server with a browser page on it. */
export interface PageUnderTest {
  server: RunningServer;
  browser: Browser;
  page: Page;
}

/** Start a server on an ephemeral loopback port, its log lines going to `problems`. */
export function startTestServer(corpusDir: string, problems: string[], options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return within(startServer({ port: 0, host: '127.0.0.1', corpusDir, log: (m) => problems.push(m), ...options }), LIFECYCLE_TIMEOUT, 'starting the server');
}

/** Close a server, bounded (the server itself drops connections that outlive a grace period). */
export async function closeServer(server: RunningServer | undefined): Promise<void> {
  if (server) await within(server.close(), LIFECYCLE_TIMEOUT, 'closing the server');
}

/**
 * Start the server on `corpusDir` and open a page; server log lines, console errors (CSP
 * violations among them) and page errors go to `problems`.
 */
export async function openPage(
  corpusDir: string,
  problems: string[],
  options: { width?: number; height?: number; acceptDownloads?: boolean; reducedMotion?: 'reduce' | 'no-preference'; serverOptions?: Partial<ServerOptions> } = {},
): Promise<PageUnderTest> {
  const server = await startTestServer(corpusDir, problems, options.serverOptions);
  const browser = await within(launchChromium(), LIFECYCLE_TIMEOUT, 'starting Chromium');
  const page = await within(
    browser.newPage({ viewport: { width: options.width ?? 1366, height: options.height ?? 768 }, acceptDownloads: options.acceptDownloads, reducedMotion: options.reducedMotion }),
    LIFECYCLE_TIMEOUT,
    'opening a page',
  );
  page.setDefaultTimeout(ACTION_TIMEOUT);
  page.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT);
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { server, browser, page };
}

/** Close what openPage opened, each step bounded; the server is closed even if the browser will not. */
export async function closePage(p: Partial<PageUnderTest>): Promise<void> {
  try {
    if (p.browser) await within(p.browser.close(), LIFECYCLE_TIMEOUT, 'closing Chromium');
  } finally {
    await closeServer(p.server);
  }
}
