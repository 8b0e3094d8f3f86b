/**
 * The HTML redline in a real browser (Chromium through Playwright): injected markup stays inert
 * (no dialog, no img, no script), nothing is fetched, the marks look as the legend says, and
 * screenshots of both layouts go to test-output/render/ for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { launchChromium } from '../../src/render/browser.js';
import { renderCompareHtml } from '../../src/render/html.js';
import { constructedComparison, INJECTED, longComparison } from './fixtures.js';
import { OUT } from '../support/paths.js';

const DIR = join(OUT, 'render');

describe('the HTML redline in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(DIR, { recursive: true });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Open a page with JavaScript on (the hostile case), recording dialogs and requests. */
  async function open(html: string): Promise<{ page: Page; dialogs: string[]; requests: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!/^(data|about):/.test(r.url())) requests.push(r.url());
    });
    await page.setContent(html, { waitUntil: 'load' });
    await page.waitForTimeout(200);
    return { page, dialogs, requests, close: () => context.close() };
  }

  for (const layout of ['inline', 'side-by-side'] as const) {
    it(`keeps injected markup inert (${layout})`, async () => {
      const c = constructedComparison({ injected: true });
      c.new.title = `T ${INJECTED}`;
      const { page, dialogs, requests, close } = await open(renderCompareHtml(c, { layout }));
      try {
        expect(dialogs).toEqual([]);
        expect(requests).toEqual([]);
        expect(await page.locator('img').count()).toBe(0);
        expect(await page.locator('script').count()).toBe(0);
        expect(await page.locator('article[data-status=added]').innerText()).toContain('<img src=x onerror=alert(1)>');
        await page.screenshot({ path: join(DIR, `injected-${layout}.png`), fullPage: true });
      } finally {
        await close();
      }
    }, 30_000);
  }

  it('marks insertions in blue, deletions struck in red, technical ones quieter, moves in green', async () => {
    const { page, close } = await open(renderCompareHtml(constructedComparison()));
    try {
      const style = (sel: string) =>
        page.locator(sel).first().evaluate((e) => {
          const s = getComputedStyle(e);
          return { color: s.color, line: s.textDecorationLine, bg: s.backgroundColor, border: s.borderLeftColor };
        });
      const ins = await style('article.substantive ins');
      const del = await style('article.substantive del');
      const tins = await style('article.technical ins');
      expect(ins.line).toBe('underline');
      expect(del.line).toBe('line-through');
      expect(ins.color).toBe('rgb(11, 78, 162)');
      expect(del.color).toBe('rgb(163, 22, 26)');
      expect(tins.color).not.toBe(ins.color);
      expect(tins.bg).toBe('rgba(0, 0, 0, 0)');
      const moved = await style('article.moved');
      expect(moved.border).toBe('rgb(31, 122, 58)');
    } finally {
      await close();
    }
  }, 30_000);

  it('screenshots both layouts and the diff2html style', async () => {
    const c = longComparison(6);
    for (const layout of ['inline', 'side-by-side'] as const) {
      const { page, close } = await open(renderCompareHtml(c, { layout }));
      await page.screenshot({ path: join(DIR, `redline-${layout}.png`), fullPage: true });
      // Print media: what the PDF shows
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('article').first().evaluate((e) => getComputedStyle(e).breakInside)).toBe('avoid');
      await close();
    }
  }, 60_000);
});
