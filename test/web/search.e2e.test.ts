/**
 * The Search view end to end, in headless Chromium against `resdiff serve`'s server: a phrase
 * ("Kampala Declaration") found in 56/2 PP19 with the words marked and "first agreed in" on top,
 * its link opening the comparison with the version before at that clause; a near search from a
 * pasted paragraph; a bad filter answered in the page; provenance notes in the redline of a
 * corpus with planted reused language; axe-core finds no violation in the view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { AxeBuilder } from '@axe-core/playwright';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningServer } from '../../src/server/index.js';
import { ACTION_TIMEOUT, closePage, openPage, within } from '../support/web.js';
import { OUT } from '../support/paths.js';
import { testCorpus } from '../server/corpus-fixture.js';
import { writePlantedCorpus } from '../corpus/search-fixture.js';

const corpus = testCorpus();
let server: RunningServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  ({ server, browser, page } = await openPage(corpus.dir, problems, {}));
}, 60_000);

afterAll(() => closePage({ server, browser }));

describe('the Search view in Chromium', () => {
  it('finds the Kampala Declaration in 56/2 PP19, first agreed there, the words marked', async () => {
    await page.goto(`${server.url}?view=search`);
    await page.locator('#search-q').fill('kampala,  DECLARATION');
    await page.click('#search-form button[type=submit]');
    const first = page.locator('#search-results .hit').first();
    await first.waitFor({ timeout: ACTION_TIMEOUT });
    expect(await first.locator('.first-agreed').textContent()).toBe('First agreed in A/HRC/RES/56/2 PP19, 10 July 2024');
    expect(await first.locator('mark').allTextContents()).toEqual(['Kampala Declaration']);
    expect(await page.locator('#search-results .hit').count()).toBe(1);
    expect(await page.textContent('#search-status')).toMatch(/1 clause, earliest first/);
    await page.screenshot({ path: join(OUT, 'web-search.png'), fullPage: true });
    // Its link: the comparison with the version before, scrolled to PP19.
    await first.locator('.hit-links a').click();
    const row = page.locator('#redline .row.linked');
    await row.waitFor({ timeout: ACTION_TIMEOUT });
    expect(await row.getAttribute('data-new')).toBe('PP19');
    expect(new URL(page.url()).searchParams.get('new')).toBe(corpus.newRef);
    expect(new URL(page.url()).searchParams.get('old')).toBe(corpus.oldRef);
  }, 90_000);

  it('near search ranks a pasted paragraph\'s closest clauses first, constructed texts labelled', async () => {
    await page.goto(`${server.url}?view=search`);
    await page.locator('#search-q').fill(
      'Taking note of the final document adopted at the Summit of Heads of State and Government of the Movement of Non-Aligned Countries, in which the Heads of State and Government reiterated that South-South cooperation is a collective endeavour',
    );
    await page.check('input[name=mode][value=near]');
    await page.click('#search-form button[type=submit]');
    await page.locator('#search-results .hit').first().waitFor({ timeout: ACTION_TIMEOUT });
    const where = await page.locator('#search-results .hit-where').allTextContents();
    expect(where.slice(0, 2).sort()).toEqual(['A/HRC/RES/56/2 PP9', 'EXAMPLE/HRC/2022 PP9'].sort());
    const sims = (await page.locator('#search-results .hit-sim').allTextContents()).map((s) => Number(s.replace(/[^\d.]/g, '')));
    expect(sims).toEqual([...sims].sort((a, b) => b - a));
    expect(await page.locator('#search-results .badge.constructed').count()).toBeGreaterThan(0);
    expect(await page.locator('#search-results .first-agreed').count()).toBe(0);
  }, 90_000);

  it('a year that is not a year, and a phrase found nowhere, are said in the page', async () => {
    await page.goto(`${server.url}?view=search`);
    await page.locator('#search-q').fill('human rights');
    await page.locator('#search-since').fill('20x4');
    await page.click('#search-form button[type=submit]');
    await expect.poll(() => page.textContent('#search-status'), { timeout: ACTION_TIMEOUT }).toMatch(/takes a year/);
    await page.locator('#search-since').fill('');
    await page.locator('#search-q').fill('moonlit ferry timetables');
    await page.click('#search-form button[type=submit]');
    await expect.poll(() => page.textContent('#search-status'), { timeout: ACTION_TIMEOUT }).toMatch(/No clause in the corpus contains/);
    expect(await page.locator('#search-results .hit').count()).toBe(0);
  }, 90_000);

  it('axe-core finds no accessibility violation in the view', async () => {
    // axe-core wants a page of a context it can open frames in.
    const context = await within(browser.newContext({ viewport: { width: 1366, height: 768 } }), ACTION_TIMEOUT, 'a browser context');
    try {
      const p = await context.newPage();
      p.setDefaultTimeout(ACTION_TIMEOUT);
      await p.goto(`${server.url}?view=search&q=${encodeURIComponent('Non-Aligned Countries')}`);
      await p.locator('#search-results .hit').first().waitFor({ timeout: ACTION_TIMEOUT });
      const r = await within(new AxeBuilder({ page: p }).include('#search-view').analyze(), ACTION_TIMEOUT * 2, 'axe-core');
      expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    } finally {
      await within(context.close(), ACTION_TIMEOUT, 'closing the context');
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('provenance notes in the page\'s redline', () => {
  const planted = writePlantedCorpus();
  let own: Awaited<ReturnType<typeof openPage>>;
  const ownProblems: string[] = [];
  beforeAll(async () => {
    own = await openPage(planted, ownProblems, {});
  }, 60_000);
  afterAll(async () => {
    await closePage(own);
    rmSync(planted, { recursive: true, force: true });
  });

  it('shows under each new clause where its wording was agreed before', async () => {
    await own.page.goto(`${own.server.url}?old=plant-2023&new=plant-2024`);
    await own.page.locator('#redline .row').first().waitFor({ timeout: ACTION_TIMEOUT });
    const notes = await own.page.locator('#redline .provenance li').allTextContents();
    expect(notes).toContain('agreed language: this wording is in PLANT/2012 OP2, 2012 (constructed example)');
    expect(notes).toContain('agreed language: this wording is in PLANT/2013 PP2, 2013 (constructed example)');
    expect(notes).toContain('agreed language: this wording is in PLANT/2014 OP1, 2014 (constructed example)');
    expect(notes.some((n) => /PLANT\/2015 OP2/.test(n) && /words\) is in/.test(n))).toBe(true);
    expect(notes.some((n) => /PLANT\/2025|PLANT\/2024/.test(n))).toBe(false);
    const row = own.page.locator('#redline .row[data-new="OP2"]');
    expect(await row.locator('.provenance').textContent()).toMatch(/PLANT\/2012 OP2/);
    expect(ownProblems).toEqual([]);
  }, 90_000);
});
