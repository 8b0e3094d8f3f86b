/** The page under test: the server on an ephemeral loopback port and one Chromium page watching for errors. */
import type { Browser, Page } from 'playwright';
import { launchChromium } from '../../src/render/browser.js';
import { startServer, type RunningServer } from '../../src/server/index.js';

/** A running server with a browser page on it. */
export interface PageUnderTest {
  server: RunningServer;
  browser: Browser;
  page: Page;
}

/**
 * Start the server on `corpusDir` and open a page; server log lines, console errors (CSP
 * violations among them) and page errors go to `problems`.
 */
export async function openPage(
  corpusDir: string,
  problems: string[],
  options: { width?: number; height?: number; acceptDownloads?: boolean } = {},
): Promise<PageUnderTest> {
  const server = await startServer({ port: 0, host: '127.0.0.1', corpusDir, log: (m) => problems.push(m) });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: options.width ?? 1366, height: options.height ?? 768 }, acceptDownloads: options.acceptDownloads });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { server, browser, page };
}

/** Close what openPage opened. */
export async function closePage(p: Partial<PageUnderTest>): Promise<void> {
  await p.browser?.close();
  await p.server?.close();
}
