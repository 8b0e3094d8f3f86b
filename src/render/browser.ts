/**
 * Finding and starting the Chromium that prints PDFs (and runs the browser tests).
 *
 * Order: the environment (RESDIFF_CHROMIUM, then CHROME_PATH), a Playwright-managed Chromium,
 * then the usual system places. Playwright itself is imported only here, on first use, so no
 * other command pays for it.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright';
import { InputError } from '../errors.js';

/** System places for Chromium or Chrome, in order of preference. */
export const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Flags for a quiet headless run: no sandbox (root in containers), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--font-render-hinting=none',
];

const HOW_TO_INSTALL = 'install one (apt-get install chromium) or set RESDIFF_CHROMIUM to its path';

/**
 * The Chromium executable to use.
 *
 * @param env the environment (RESDIFF_CHROMIUM, CHROME_PATH)
 * @throws InputError when none is found, with a line saying how to install one
 */
export async function findChromium(env: Record<string, string | undefined> = process.env): Promise<string> {
  for (const name of ['RESDIFF_CHROMIUM', 'CHROME_PATH'] as const) {
    const path = env[name];
    if (path) {
      if (!existsSync(path)) throw new InputError(`${name} is set to ${path}, which does not exist; ${HOW_TO_INSTALL}`);
      return path;
    }
  }
  try {
    const { chromium } = await import('playwright');
    const managed = chromium.executablePath();
    if (managed && existsSync(managed)) return managed;
  } catch {
    // Playwright knows no managed browser for this platform: fall through to the system ones.
  }
  for (const path of SYSTEM_BROWSERS) if (existsSync(path)) return path;
  throw new InputError(`no Chromium or Chrome found for PDF output; ${HOW_TO_INSTALL}`);
}

/**
 * Start a headless Chromium.
 *
 * @param env the environment, for `findChromium`
 */
export async function launchChromium(env: Record<string, string | undefined> = process.env): Promise<Browser> {
  const executablePath = await findChromium(env);
  const { chromium } = await import('playwright');
  try {
    return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  } catch (e) {
    const first = String((e as Error).message ?? e).split('\n')[0];
    throw new InputError(`cannot start the browser at ${executablePath} (${first}); ${HOW_TO_INSTALL}`);
  }
}
