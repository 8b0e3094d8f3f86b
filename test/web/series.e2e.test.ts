/**
 * The series view end to end, in headless Chromium against `resdiff serve`'s server: the history
 * table of the bundled series (the constructed example-2022 and 56/2), the Kampala paragraph PP19
 * opened from its cell (by click and by keyboard), and the votes table matching
 * "Netherlands (Kingdom of the)" with "Netherlands".
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import type { RunningServer } from '../../src/server/index.js';
import { closePage, closeServer, openPage, startTestServer } from '../support/web.js';
import { OUT } from '../support/paths.js';
import { testCorpus } from '../server/corpus-fixture.js';

const corpus = testCorpus();
let server: RunningServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  ({ server, browser, page } = await openPage(corpus.dir, problems, {}));
}, 60_000);

afterAll(() => closePage({ server, browser }));

describe('the series view in Chromium', () => {
  it('shows the history table with both versions, the constructed one marked', async () => {
    await page.goto(server.url);
    await page.waitForSelector('#redline .row');
    await page.click('#tab-series');
    await page.waitForSelector('#history-table tbody tr');
    const heads = await page.$$eval('#history-table thead th.ver', (ths) => ths.map((t) => ({ text: t.textContent ?? '', constructed: t.classList.contains('constructed') })));
    expect(heads).toHaveLength(2);
    expect(heads[0].constructed).toBe(true);
    expect(heads[0].text).toMatch(/constructed/);
    expect(heads[1].constructed).toBe(false);
    expect(heads[0].text).toMatch(/example-2022/);
    expect(heads[1].text).toMatch(/56\/2/);
    expect(await page.textContent('#history-table thead')).toMatch(/In corpus since/);
    expect(await page.textContent('#history-table thead')).toMatch(/Last changed/);
    // One row per thread; the legend explains the marks.
    const rows = await page.locator('#history-table tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(70);
    expect(await page.textContent('#history-legend')).toMatch(/technical update only/);
    // Rows follow the newest text: PP1 first.
    expect(await page.textContent('#history-table tbody tr:first-child .rid')).toBe('PP1');
  }, 60_000);

  it('opens PP19 of 56/2: the Kampala paragraph, marked new', async () => {
    const cell = page.locator('#history-table td[data-version="1"][data-ids="PP19"]');
    expect(await cell.textContent()).toBe('PP19 +');
    expect(await cell.getAttribute('data-mark')).toBe('new');
    await cell.click();
    const pane = page.locator('#clause-detail');
    await expect.poll(() => pane.locator('.badge.mark').textContent()).toBe('new');
    expect(await pane.locator('.clause-text').textContent()).toMatch(/Kampala Declaration of 20 January 2024/);
    expect(await pane.textContent()).toMatch(/New: not in EXAMPLE\/HRC\/2022|New: not in example-2022/);
    expect(await cell.getAttribute('class')).toMatch(/\bselected\b/);
  }, 30_000);

  it('shows a modified paragraph with its redline, and moves between cells with the keyboard', async () => {
    // A modified cell: its redline has insertions and deletions, in the compare view's classes.
    const modified = page.locator('#history-table td[data-version="1"][data-mark="modified"]').first();
    await modified.focus();
    await page.keyboard.press('Enter');
    const pane = page.locator('#clause-detail');
    await expect.poll(() => pane.locator('.badge.mark').textContent()).toBe('changed');
    expect(await pane.locator('.clause-redline ins.ins, .clause-redline del.del').count()).toBeGreaterThan(0);
    expect(await pane.textContent()).toMatch(/Redline from/);
    // Arrow keys move the focus (one tab stop for the whole table); Enter opens the cell.
    const before = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.thread);
    await page.keyboard.press('ArrowDown');
    const after = await page.evaluate(() => ({ thread: (document.activeElement as HTMLElement).dataset.thread, version: (document.activeElement as HTMLElement).dataset.version }));
    expect(Number(after.thread)).toBeGreaterThan(Number(before));
    expect(after.version).toBe('1');
    await page.keyboard.press('ArrowLeft');
    const left = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.version);
    await page.keyboard.press('Enter');
    const ids = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.ids);
    expect(await pane.locator('h3').textContent()).toContain(ids!.split('+')[0]);
    expect(left).toBe('0');
    expect(await page.locator('#history-table td[tabindex="0"]').count()).toBe(1);
  }, 30_000);

  it('technical updates are drawn quieter', async () => {
    const tech = page.locator('#history-table td[data-version="1"][data-mark="technical"]').first();
    await tech.click();
    const pane = page.locator('#clause-detail');
    await expect.poll(() => pane.locator('.badge.mark').textContent()).toBe('technical update');
    expect(await pane.locator('.clause-redline .tech').count()).toBeGreaterThan(0);
  }, 30_000);

  it('shows the votes table, matching Netherlands (Kingdom of the) with Netherlands', async () => {
    const table = page.locator('#votes-table');
    await table.waitFor();
    const heads = await table.locator('thead th.ver').allTextContents();
    expect(heads).toHaveLength(2);
    expect(heads[0]).toMatch(/invented vote/);
    const row = table.locator('tbody tr[data-key="netherlands"]');
    expect(await row.count()).toBe(1);
    expect(await row.locator('th').textContent()).toBe('Netherlands (Kingdom of the) (also Netherlands)');
    const votes = await row.locator('td').allTextContents();
    expect(votes).toHaveLength(2);
    expect(votes[0]).toMatch(/^(yes|no|abstain)/);
    expect(votes[1]).toMatch(/^(yes|no|abstain)/);
    // Totals per version: 56/2's recorded vote is 31–14–2.
    const foot = await table.locator('tfoot tr').allTextContents();
    expect(foot[0]).toMatch(/In favour.*31/);
    expect(foot[1]).toMatch(/Against.*14$/);
    expect(foot[2]).toMatch(/Abstaining.*2$/);
    // 56/2's 47 countries are recorded.
    expect(await table.locator('tbody td[data-version="1"]:not(.v-not-recorded)').count()).toBe(47);
    // A change is highlighted.
    expect(await table.locator('tbody td.changed').count()).toBeGreaterThan(0);
  }, 30_000);

  it('keeps document text as text and fits a 1366×768 screen', async () => {
    // No horizontal scrolling of the page itself: wide tables scroll in their own boxes.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const scrollBox = await page.locator('#history-scroll').boundingBox();
    expect(scrollBox!.x + scrollBox!.width).toBeLessThanOrEqual(1366);
    expect(problems).toEqual([]);
  }, 30_000);

  it('saves a screenshot', async () => {
    await page.locator('#history-table td[data-version="1"][data-ids="PP19"]').click();
    await page.locator('#history-table td[data-version="1"][data-ids="PP19"]').scrollIntoViewIfNeeded();
    await page.locator('#series-analysis').evaluate((el) => el.closest('.series')!.scrollTo(0, 0));
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'series.png') });
    await page.locator('#votes-heading').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(OUT, 'series-votes.png') });
  }, 30_000);

  it('with many versions, the history table scrolls sideways in its own box', async () => {
    // Twelve constructed versions: the two texts alternating, each under its own year.
    const dir = mkdtempSync(join(tmpdir(), 'resdiff-series-many-'));
    cpSync(corpus.dir, dir, { recursive: true });
    const texts = [readFileSync(join(corpus.dir, `${corpus.oldRef}.md`), 'utf8'), readFileSync(join(corpus.dir, `${corpus.newRef}.md`), 'utf8')];
    for (let i = 0; i < 12; i++) {
      const year = 2006 + i;
      const text = texts[i % 2]
        .replace(/^symbol: .*$/m, `symbol: EXAMPLE/HRC/${year}`)
        .replace(/^number: .*$/m, `number: "example-${year}"`)
        .replace(/^adopted: .*$/m, `adopted: "${year}-07-01"`)
        .replace(/^constructed: .*$/m, 'constructed: true');
      writeFileSync(join(dir, `example-${year}.md`), text);
    }
    const many = await startTestServer(dir, problems);
    try {
      await page.goto(many.url);
      await page.waitForSelector('#redline .row', { timeout: 20_000 });
      await page.click('#tab-series');
      await page.waitForSelector('#history-table tbody tr', { timeout: 20_000 });
      expect(await page.locator('#history-table thead th.ver').count()).toBe(14);
      const box = await page.locator('#history-scroll').evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
      expect(box.sw).toBeGreaterThan(box.cw);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      // The newest version's cells are reachable: End goes to the last version of a row.
      await page.locator('#history-table td.hc-open').first().focus();
      await page.keyboard.press('End');
      expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.version)).toBe('13');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#clause-detail .badge.mark').count()).toBe(1);
      await page.screenshot({ path: join(OUT, 'series-many.png') });
      expect(problems).toEqual([]);
    } finally {
      // Leave the server first, so no request of the page's is running when it closes.
      await page.goto('about:blank');
      await closeServer(many);
    }
  }, 90_000);
});
