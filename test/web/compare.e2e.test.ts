/**
 * The Compare view's states and small promises, in headless Chromium against `resdiff serve`:
 * a new comparison clears the old one until it arrives, an error never leaves the previous
 * result (or its downloads) on screen, uploads are named by their files everywhere, n / p step
 * exactly under fast presses while the smooth scroll runs, the inline redline spaces an opening
 * change, insertions do not look like links, identical texts are said plainly, a bad deep link
 * is explained, the size limit is checked before sending, files dropped anywhere are taken,
 * filters say the downloads hold everything, and a keyboard reaches every control.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright';
import type { RunningServer } from '../../src/server/index.js';
import { ACTION_TIMEOUT, closePage, openPage } from '../support/web.js';
import { RES_56_2 } from '../support/paths.js';
import { olderVersion, testCorpus } from '../server/corpus-fixture.js';

const corpus = testCorpus();
let server: RunningServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];
/** This run's own folder: two runs at once must not change each other's uploads mid-upload. */
const dir = mkdtempSync(join(tmpdir(), 'resdiff-web-compare-'));
const OLDER = join(dir, 'older.md');
const NEWER = join(dir, 'newer.md');
/** A PNG: the first bytes of one, enough for any reader to refuse it. */
const PNG = join(dir, 'picture.png');
const BIG = join(dir, 'big.md');
/** The upload limit of this server: small, so a "large" file stays cheap to make. */
const LIMIT = 256 * 1024;

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(OLDER, olderVersion());
  writeFileSync(NEWER, readFileSync(RES_56_2));
  writeFileSync(PNG, Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
  writeFileSync(BIG, `${readFileSync(RES_56_2, 'utf8')}\n${'<!-- padding -->\n'.repeat(Math.ceil(LIMIT / 16))}`);
  ({ server, browser, page } = await openPage(corpus.dir, problems, { acceptDownloads: true, reducedMotion: 'no-preference', serverOptions: { maxUploadBytes: LIMIT } }));
}, 90_000);

afterAll(() => closePage({ server, browser }), 90_000);

const rows = () => page.locator('#redline .row').count();
const status = () => page.textContent('#status');

async function upload(oldPath: string, newPath: string): Promise<void> {
  await openControls();
  await page.click('label:has(input[name=source][value=upload])');
  await page.setInputFiles('#file-old', oldPath);
  await page.setInputFiles('#file-new', newPath);
  await page.click('#upload-form button[type=submit]');
}

async function openControls(): Promise<void> {
  const toggle = page.locator('#pick-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

describe('one comparison at a time', () => {
  it('clears the shown comparison the moment a new one starts, until it arrives', async () => {
    await page.goto(server.url);
    await page.locator('#redline .row').first().waitFor();
    // Hold the next comparison's answer until the test has looked at the page.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/compare**', async (route) => {
      await held;
      await route.continue();
    });
    try {
      await upload(OLDER, NEWER);
      await expect.poll(status, { timeout: ACTION_TIMEOUT }).toMatch(/^Comparing older\.md with newer\.md/);
      expect(await rows()).toBe(0);
      expect(await page.isVisible('#summary')).toBe(false);
      expect(await page.isVisible('#downloads')).toBe(false);
      expect(await page.getAttribute('body', 'aria-busy')).not.toBeNull();
    } finally {
      release();
    }
    await page.locator('#redline .row').first().waitFor();
    await page.unroute('**/api/compare**');
    expect(await page.getAttribute('body', 'aria-busy')).toBeNull();
  }, 60_000);

  it('names uploads by their files: status, column heads, summary, downloads', async () => {
    await expect.poll(status, { timeout: ACTION_TIMEOUT }).toBe('Compared older.md (example-2022) with newer.md (A/HRC/RES/56/2).');
    expect(await page.textContent('#redline .col-head')).toContain('older.md (example-2022)');
    expect(await page.textContent('#redline .col-head')).toContain('newer.md (A/HRC/RES/56/2)');
    expect(await page.textContent('#summary .sides')).toMatch(/older\.md \(example-2022\)[\s\S]*newer\.md/);
    const [json] = await Promise.all([page.waitForEvent('download', { timeout: ACTION_TIMEOUT }), page.click('a.dl[data-format=json]')]);
    expect(json.suggestedFilename()).toBe('resdiff-older-to-newer.json');
  }, 60_000);

  it('after a failed upload shows no result and offers no download of the previous one', async () => {
    // Good, then bad: a PNG as the newer version.
    expect(await rows()).toBeGreaterThan(0);
    await upload(OLDER, PNG);
    await expect.poll(() => page.getAttribute('#status', 'data-kind'), { timeout: ACTION_TIMEOUT }).toBe('error');
    expect(await status()).toMatch(/picture\.png/);
    expect(await status()).toMatch(/No comparison is shown\.$/);
    expect(await rows()).toBe(0);
    expect(await page.isVisible('#summary')).toBe(false);
    expect(await page.isVisible('#toolbar')).toBe(false);
    expect(await page.isVisible('#downloads')).toBe(false);
    // Even a download link clicked by script carries nothing stale: no request leaves the page.
    const requests: string[] = [];
    const onRequest = (r: Request) => requests.push(r.url());
    page.on('request', onRequest);
    await page.evaluate(() => (document.querySelector('a.dl[data-format=json]') as HTMLElement).click());
    await page.waitForTimeout(300);
    page.off('request', onRequest);
    expect(requests.filter((u) => u.includes('/api/compare'))).toEqual([]);
  }, 60_000);

  it('takes back a complaint about missing files once both are chosen', async () => {
    await page.goto(server.url);
    await page.locator('#redline .row').first().waitFor();
    await openControls();
    await page.click('label:has(input[name=source][value=upload])');
    await page.click('#upload-form button[type=submit]');
    await expect.poll(status, { timeout: ACTION_TIMEOUT }).toMatch(/^Choose or drop two files/);
    await page.setInputFiles('#file-old', OLDER);
    await page.setInputFiles('#file-new', NEWER);
    await expect.poll(status, { timeout: ACTION_TIMEOUT }).toBe('Both files chosen: press Compare.');
  }, 60_000);

  it('checks the size limit before sending anything', async () => {
    expect(await page.textContent('#upload-limit')).toBe('256 KiB');
    const posts: string[] = [];
    const onRequest = (r: Request) => r.method() === 'POST' && posts.push(r.url());
    page.on('request', onRequest);
    await page.setInputFiles('#file-new', BIG);
    await page.click('#upload-form button[type=submit]');
    await expect.poll(status, { timeout: ACTION_TIMEOUT }).toMatch(/^big\.md is [\d.]+ KiB, larger than the 256 KiB a file may have here; nothing was sent\./);
    page.off('request', onRequest);
    expect(posts).toEqual([]);
    expect(await rows()).toBe(0);
  }, 60_000);

  it('says plainly when the two texts are identical', async () => {
    await upload(NEWER, NEWER);
    await expect.poll(status, { timeout: ACTION_TIMEOUT }).toBe('newer.md (A/HRC/RES/56/2) and newer.md (A/HRC/RES/56/2) have the same text: every paragraph is unchanged.');
    await page.click('label:has(input[name=show][value=changes])');
    expect(await page.textContent('#redline .empty-filter')).toBe('No changes: the two texts are identical, paragraph for paragraph.');
    await page.click('label:has(input[name=show][value=all])');
  }, 60_000);

  it('takes files dropped anywhere on the page, even from the Series view', async () => {
    await page.click('#tab-series');
    const dropped = await page.evaluate(async () => {
      const dt = new DataTransfer();
      dt.items.add(new File(['first'], 'first.md', { type: 'text/markdown' }));
      dt.items.add(new File(['second'], 'second.md', { type: 'text/markdown' }));
      const target = document.querySelector('#series-view h1')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      const ev = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
      target.dispatchEvent(ev);
      const f = (id: string) => (document.getElementById(id) as HTMLInputElement).files?.[0]?.name ?? '';
      return { prevented: ev.defaultPrevented, old: f('file-old'), new: f('file-new'), compareShown: !document.getElementById('compare-view')!.hidden };
    });
    expect(dropped).toEqual({ prevented: true, old: 'first.md', new: 'second.md', compareShown: true });
    expect(await page.isVisible('#upload-form')).toBe(true);
  }, 60_000);
});

describe('reading a comparison', () => {
  it('explains a bad deep link instead of showing another pair', async () => {
    await page.goto(`${server.url}?old=nonsense&new=${corpus.newRef}`);
    await expect.poll(() => page.getAttribute('#status', 'data-kind'), { timeout: ACTION_TIMEOUT }).toBe('error');
    expect(await status()).toMatch(/^The link asks for “nonsense”, which the corpus does not hold \(it holds .*example-2022.*\)\. Pick two versions below\./);
    expect(await rows()).toBe(0);
    expect(await page.isVisible('#corpus-form')).toBe(true);
  }, 60_000);

  it('steps through changes exactly under fast n presses, while the smooth scroll runs', async () => {
    await page.goto(`${server.url}?old=${corpus.oldRef}&new=${corpus.newRef}`);
    await page.locator('#redline .row').first().waitFor();
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(false);
    await page.locator('#redline').focus();
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('n');
      seen.push((await page.textContent('#change-pos')) ?? '');
      await page.waitForTimeout(80);
    }
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => expect.stringMatching(new RegExp(`^change ${i + 1} of \\d+$`))));
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('p');
      await page.waitForTimeout(80);
    }
    expect(await page.textContent('#change-pos')).toMatch(/^change 7 of/);
  }, 60_000);

  it('spaces an opening change in the inline layout: "Calls upon Urges", not glued', async () => {
    await page.click('label:has(input[name=layout][value=inline])');
    const text = await page.locator('#redline .row[data-new="OP7"] .cell.inline').textContent();
    expect(text).toMatch(/^Calls upon Urges all actors/);
    expect(await page.locator('#redline .row[data-new="OP7"] .cell.inline del').first().textContent()).toBe('Calls upon');
    expect(await page.locator('#redline .row[data-new="OP7"] .cell.inline ins').first().textContent()).toBe('Urges');
    await page.click('label:has(input[name=layout][value=side-by-side])');
  }, 60_000);

  it('draws insertions as marked text, not as links, and the legend the same way', async () => {
    const style = (sel: string) =>
      page.locator(sel).first().evaluate((el) => {
        const s = getComputedStyle(el);
        return { line: s.textDecorationLine, bg: s.backgroundColor, color: s.color, shadow: s.boxShadow };
      });
    const ins = await style('#redline .row.changed .cell.new ins.ins:not(.tech)');
    const link = await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = '#x';
      a.textContent = 'x';
      document.body.append(a);
      const s = getComputedStyle(a);
      const r = { line: s.textDecorationLine, color: s.color };
      a.remove();
      return r;
    });
    expect(ins.line).toBe('none');
    expect(ins.bg).not.toBe('rgba(0, 0, 0, 0)');
    expect(ins.color).not.toBe(link.color);
    expect(await style('#legend ins.ins:not(.tech)')).toEqual(ins);
    // A new paragraph reads as text in a marked row, not as one long link.
    const whole = await style('#redline .row.added .cell.new ins.ins');
    expect(whole.line).toBe('none');
    // Technical rows give no similarity ("100% similar" said nothing true).
    expect(await page.locator('#redline .row.technical .sim').count()).toBe(0);
    expect(await page.locator('#redline .row.technical').count()).toBeGreaterThan(0);
  }, 60_000);

  it('says that downloads hold every paragraph while a filter is on', async () => {
    expect(await page.isVisible('#downloads-note')).toBe(false);
    await page.click('label:has(input[name=show][value=new])');
    expect(await page.isVisible('#downloads-note')).toBe(true);
    expect(await page.textContent('#downloads-note')).toMatch(/every paragraph/);
    await page.click('label:has(input[name=show][value=all])');
    expect(await page.isVisible('#downloads-note')).toBe(false);
  }, 60_000);

  it('can be used by keyboard alone: the tab order reaches the controls, the skip link lands on the content', async () => {
    await page.goto(`${server.url}?old=${corpus.oldRef}&new=${corpus.newRef}`);
    await page.locator('#redline .row').first().waitFor();
    const reached: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        return el.id || (el as HTMLInputElement).name && `${(el as HTMLInputElement).name}=${(el as HTMLInputElement).value}` || el.getAttribute('data-format') || el.textContent?.trim().slice(0, 20) || el.tagName;
      });
      reached.push(id);
    }
    expect(reached[0]).toBe('skip');
    for (const want of ['tab-compare', 'tab-series', 'series-select', 'old-select', 'swap', 'new-select', 'pdf', 'json', 'layout=side-by-side', 'show=all', 'kind=all', 'prev-change', 'next-change', 'redline']) {
      expect(reached).toContain(want);
    }
    // The skip link goes to the redline, which is on screen and takes the focus.
    await page.keyboard.press('Shift+Tab');
    await page.goto(`${server.url}?old=${corpus.oldRef}&new=${corpus.newRef}`);
    await page.locator('#redline .row').first().waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('redline');
    await page.keyboard.press('n');
    expect(await page.textContent('#change-pos')).toMatch(/^change 1 of/);
    // On the Series view the skip link points at a visible target too.
    await page.click('#tab-series');
    const target = await page.getAttribute('#skip', 'href');
    expect(target).toBe('#series-heading');
    expect(await page.isVisible(target!)).toBe(true);
  }, 60_000);

  it('logged no script error, CSP violation or server error', () => {
    // The PNG is refused with a 400, as it should be.
    expect(problems.filter((p) => !/status of 400 \(Bad Request\)/.test(p))).toEqual([]);
  });
});
