/**
 * The page on every screen, in headless Chromium: a phone (390×844), a tablet (768×1024), a
 * small laptop (1024×768) and a laptop (1440×900). At each: nothing cut off sideways (the page
 * is never wider than the screen), a clause of the redline readable on the first screen, the
 * redline given most of the height once the reader is in it, and axe-core finding no
 * accessibility violation of any impact on the Compare view (both layouts), the Series view
 * and an error state. Screenshots go to test-output/ (look at them).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { AxeBuilder } from '@axe-core/playwright';
import type { RunningServer } from '../../src/server/index.js';
import { launchChromium } from '../../src/render/browser.js';
import { ACTION_TIMEOUT, LIFECYCLE_TIMEOUT, NAVIGATION_TIMEOUT, closeServer, startTestServer, within } from '../support/web.js';
import { OUT } from '../support/paths.js';
import { testCorpus } from '../server/corpus-fixture.js';

const corpus = testCorpus();
let server: RunningServer;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  server = await startTestServer(corpus.dir, problems);
  browser = await within(launchChromium(), LIFECYCLE_TIMEOUT, 'starting Chromium');
  mkdirSync(OUT, { recursive: true });
}, 90_000);

afterAll(async () => {
  try {
    if (browser) await within(browser.close(), LIFECYCLE_TIMEOUT, 'closing Chromium');
  } finally {
    await closeServer(server);
  }
}, 90_000);

/**
 * `every`: axe-core runs on every view at this size. At the two middle sizes it checks the
 * Compare view in its opening layout and the Series view; RESDIFF_AXE_ALL=1 checks every view
 * there too (axe takes seconds a run on busy CPUs, and the CI run has a time budget).
 */
const ALL = process.env.RESDIFF_AXE_ALL === '1';
const SCREENS = [
  { name: 'phone', width: 390, height: 844, every: true },
  { name: 'tablet', width: 768, height: 1024, every: ALL },
  { name: 'small-laptop', width: 1024, height: 768, every: ALL },
  { name: 'laptop', width: 1440, height: 900, every: true },
] as const;

async function open(width: number, height: number, path = ''): Promise<Page> {
  const context = await within(browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' }), LIFECYCLE_TIMEOUT, 'opening a browser context');
  const page = await context.newPage();
  page.setDefaultTimeout(ACTION_TIMEOUT);
  page.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT);
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console (${width}×${height}): ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error (${width}×${height}): ${e.message}`));
  await page.goto(`${server.url}${path}`);
  return page;
}

/** How far the page is wider than the screen (0 when nothing is cut off sideways). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
}

/**
 * The first redline cell whose text the reader can see: inside the screen and the redline's
 * box, not covered by anything (the point at its first line hits the cell itself).
 */
function visibleClauseText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const red = document.getElementById('redline')!.getBoundingClientRect();
    for (const cell of Array.from(document.querySelectorAll<HTMLElement>('#redline .cell:not(.empty)'))) {
      const r = cell.getBoundingClientRect();
      const y = r.top + 12;
      if (r.height < 12 || y < Math.max(0, red.top) || y > Math.min(window.innerHeight, red.bottom)) continue;
      const x = r.left + Math.min(r.width / 2, 60);
      const hit = document.elementFromPoint(x, y);
      if (hit && cell.contains(hit) && (cell.textContent ?? '').trim().length > 20) return (cell.textContent ?? '').trim();
    }
    return '';
  });
}

/** The share of the screen's height in which redline rows show, once the reader is in the redline. */
function redlineShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const red = document.getElementById('redline')!;
    const head = red.querySelector<HTMLElement>('.col-head');
    const box = red.getBoundingClientRect();
    let top = Math.max(0, box.top) + (head ? head.offsetHeight : 0);
    // Sticky bars of the page (the compact toolbar) cover part of the screen.
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.toolbar, .top'))) {
      const r = el.getBoundingClientRect();
      if (getComputedStyle(el).position === 'sticky' && r.bottom > top && r.top <= top) top = r.bottom + (head ? head.offsetHeight : 0);
    }
    const bottom = Math.min(window.innerHeight, box.bottom);
    return Math.max(0, bottom - top) / window.innerHeight;
  });
}

/** axe-core's violations, as "rule (impact): targets" lines. */
async function axe(page: Page): Promise<string[]> {
  const r = await within(new AxeBuilder({ page }).analyze(), ACTION_TIMEOUT * 2, 'axe-core');
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
}

describe.each(SCREENS)('the page at $width×$height ($name)', ({ name, width, height, every }) => {
  let page: Page;

  beforeAll(async () => {
    page = await open(width, height);
    await page.locator('#redline .row').first().waitFor();
  }, 90_000);

  afterAll(() => page?.context().close(), 30_000);

  it('cuts nothing off sideways and shows a clause on the first screen', async () => {
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await visibleClauseText(page)).toMatch(/\w+ \w+ \w+/);
    // Each control can be reached: none lies beyond the right edge.
    const beyond = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('button, a[href], select, input, label'))
        .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().right > window.innerWidth + 1)
        .map((el) => el.id || el.textContent?.trim() || el.tagName),
    );
    expect(beyond).toEqual([]);
    await page.screenshot({ path: join(OUT, `web-${name}.png`) });
  }, 60_000);

  it('gives the redline most of the height once the reader is in it', async () => {
    await page.locator('#redline').focus();
    await page.keyboard.press('n');
    await expect.poll(() => page.textContent('#change-pos'), { timeout: ACTION_TIMEOUT }).toMatch(/^change 1 of/);
    const share = await redlineShare(page);
    expect(share).toBeGreaterThan(name === 'laptop' ? 0.5 : name === 'small-laptop' ? 0.5 : 0.6);
    // The change jumped to is on screen.
    const onScreen = await page.evaluate(() => {
      const r = document.activeElement!.getBoundingClientRect();
      return r.top < window.innerHeight && r.bottom > 0;
    });
    expect(onScreen).toBe(true);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(OUT, `web-${name}-in-redline.png`) });
  }, 60_000);

  it(`has no accessibility violation on the Compare view${every ? ', in both layouts' : ''}`, async () => {
    expect(await axe(page)).toEqual([]);
    if (!every) return;
    const other = (await page.isChecked('input[name=layout][value=inline]')) ? 'side-by-side' : 'inline';
    await setLayout(page, other);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
  }, 120_000);

  it.runIf(every)('has no accessibility violation on the upload form and after an error', async () => {
    await openControls(page);
    await page.click('label:has(input[name=source][value=upload])');
    expect(await axe(page)).toEqual([]);
    await page.click('#upload-form button[type=submit]');
    await expect.poll(() => page.getAttribute('#status', 'data-kind'), { timeout: ACTION_TIMEOUT }).toBe('error');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(OUT, `web-${name}-error.png`) });
  }, 120_000);

  it('has no accessibility violation on the Series view, and nothing cut off there', async () => {
    await page.click('#tab-series');
    await page.locator('#history-table tbody tr').first().waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(OUT, `series-${name}.png`) });
  }, 120_000);
});

/** Choose a layout, through the filters menu where the screen folds it away. */
async function setLayout(page: Page, layout: string): Promise<void> {
  await openFilters(page);
  await page.click(`label:has(input[name=layout][value=${layout}])`);
}

/** On a small screen the filters sit behind a button; open them. */
async function openFilters(page: Page): Promise<void> {
  const toggle = page.locator('#toolbar-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** On a small screen the pickers sit behind a button; open them. */
async function openControls(page: Page): Promise<void> {
  const toggle = page.locator('#pick-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

describe('phone defaults', () => {
  it('opens inline on a phone, side by side on a laptop', async () => {
    const phone = await open(390, 844);
    await phone.locator('#redline .row').first().waitFor();
    expect(await phone.isChecked('input[name=layout][value=inline]')).toBe(true);
    expect(await phone.locator('#redline .cell.inline').count()).toBeGreaterThan(0);
    await phone.context().close();
    const laptop = await open(1440, 900);
    await laptop.locator('#redline .row').first().waitFor();
    expect(await laptop.isChecked('input[name=layout][value=side-by-side]')).toBe(true);
    await laptop.context().close();
  }, 90_000);

  it('on a phone, the keyboard reaches the folded controls and opens them', async () => {
    const phone = await open(390, 844);
    await phone.locator('#redline .row').first().waitFor();
    const reached: string[] = [];
    for (let i = 0; i < 17; i++) {
      await phone.keyboard.press('Tab');
      reached.push(await phone.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('data-format') || ''));
    }
    expect(reached.slice(0, 5)).toEqual(['skip', 'tab-compare', 'tab-series', 'tab-search', 'pick-toggle']);
    for (const want of ['pdf', 'json', 'toolbar-toggle', 'prev-change', 'next-change', 'redline']) expect(reached).toContain(want);
    // The filters open from the keyboard, and their first choice takes the focus next.
    await phone.focus('#toolbar-toggle');
    await phone.keyboard.press('Enter');
    expect(await phone.getAttribute('#toolbar-toggle', 'aria-expanded')).toBe('true');
    expect(await phone.isVisible('label:has(input[name=show][value=changes])')).toBe(true);
    await phone.keyboard.press('Tab');
    expect(await phone.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('layout');
    // The pickers too.
    await phone.focus('#pick-toggle');
    await phone.keyboard.press('Enter');
    expect(await phone.isVisible('#old-select')).toBe(true);
    await phone.context().close();
  }, 90_000);

  it('logged no script error, CSP violation or server error', () => {
    // The 400 is the empty upload form's complaint, answered on the page without a request: none expected.
    expect(problems).toEqual([]);
  });
});
