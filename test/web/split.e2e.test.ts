/**
 * The page in headless Chromium on the bundled comparison: a split clause (OP22 → OP21 + OP22)
 * shows its new side as two paragraphs, a merged one (PP11 + PP12 → PP11) its old side, in
 * both layouts, cut at the pair's newBreaks / oldBreaks.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import type { RunningServer } from '../../src/server/index.js';
import { closePage, openPage } from '../support/web.js';
import { OUT } from '../support/paths.js';
import { testCorpus } from '../server/corpus-fixture.js';

const corpus = testCorpus();
let server: RunningServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  ({ server, browser, page } = await openPage(corpus.dir, problems, { height: 900 }));
}, 60_000);

afterAll(() => closePage({ server, browser }));

/** The paragraphs of a cell: [clause id, text without the id label]. */
async function paras(selector: string): Promise<Array<[string, string]>> {
  return page.$$eval(selector, (ps) =>
    ps.map((p) => [
      p.getAttribute('data-clause') ?? '',
      Array.from(p.childNodes).filter((n) => !(n instanceof HTMLElement && n.classList.contains('para-id'))).map((n) => n.textContent).join(''),
    ] as [string, string]),
  );
}

/** Text without deletions (what the newer text reads). */
async function parasAccepted(selector: string): Promise<string[]> {
  return page.$$eval(selector, (ps) =>
    ps.map((p) => {
      const c = p.cloneNode(true) as HTMLElement;
      Array.from(c.querySelectorAll('del, .para-id')).forEach((x) => x.remove());
      return c.textContent ?? '';
    }),
  );
}

describe('split and merged clauses on the page', () => {
  it('shows the split OP22 as two paragraphs on the new side, the old one whole (side by side)', async () => {
    await page.goto(`${server.url}?old=${corpus.oldRef}&new=${corpus.newRef}`);
    const row = page.locator('#redline .row[data-status="split"]');
    await row.waitFor();
    expect(await row.getAttribute('data-new')).toBe('OP21 OP22');
    const got = await paras('#redline .row[data-status="split"] .cell.new .para');
    expect(got.map(([id]) => id)).toEqual(['OP21', 'OP22']);
    expect(got[0]![1]).toMatch(/^Requests the Office of the United Nations High Commissioner .* available to the funds;$/);
    expect(got[1]![1]).toMatch(/^Also requests the Office of the High Commissioner to make clear /);
    expect(await row.locator('.cell.new .para-id').allTextContents()).toEqual(['OP21', 'OP22']);
    // the old side is one clause: no paragraphs of its own
    expect(await row.locator('.cell.old .para').count()).toBe(0);
    expect(await row.locator('.cell.old').textContent()).toMatch(/^Requests the Office .* the funds, and to make clear /);
    // two paragraphs, one above the other
    const boxes = await row.locator('.cell.new .para').evaluateAll((ps) => ps.map((p) => p.getBoundingClientRect().top));
    expect(boxes[1]!).toBeGreaterThan(boxes[0]!);
    mkdirSync(OUT, { recursive: true });
    await row.scrollIntoViewIfNeeded();
    await row.screenshot({ path: join(OUT, 'web-split.png') });
  }, 30_000);

  it('shows the merged PP11 + PP12 as two paragraphs on the old side', async () => {
    const row = page.locator('#redline .row[data-status="merged"]');
    expect(await row.getAttribute('data-old')).toBe('PP11 PP12');
    const got = await paras('#redline .row[data-status="merged"] .cell.old .para');
    expect(got.map(([id]) => id)).toEqual(['PP11', 'PP12']);
    expect(got[1]![1]).toMatch(/^Recalling the importance of cooperation/);
    expect(await row.locator('.cell.new .para').count()).toBe(0);
  }, 30_000);

  it('cuts the inline redline the same way', async () => {
    await page.click('label:has(input[name=layout][value=inline])');
    const split = '#redline .row[data-status="split"] .cell.inline .para';
    await page.locator(split).first().waitFor();
    const accepted = await parasAccepted(split);
    expect(accepted).toHaveLength(2);
    expect(accepted[0]!).toMatch(/^Requests the Office of the United Nations High Commissioner/);
    expect(accepted[1]!).toMatch(/^Also requests the Office of the High Commissioner/);
    expect(await page.locator(`${split} del`).allTextContents()).toEqual([', and']);
    const merged = await paras('#redline .row[data-status="merged"] .cell.inline .para');
    expect(merged.map(([id]) => id)).toEqual(['PP11', 'PP12']);
    await page.click('label:has(input[name=layout][value=side-by-side])');
  }, 30_000);

  it('logged no script error, CSP violation or server error', () => {
    expect(problems).toEqual([]);
  });
});
