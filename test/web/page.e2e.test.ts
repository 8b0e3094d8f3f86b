/**
 * The page end to end, in real headless Chromium through Playwright, against `resdiff serve`'s
 * server on 127.0.0.1 with an ephemeral port: pick two versions, see the new Kampala paragraph,
 * filter, jump with n/p, use the change map, download PDF and Word, compare uploads.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import type { RunningServer } from '../../src/server/index.js';
import { closePage, openPage } from '../support/web.js';
import { OUT, RES_56_2 } from '../support/paths.js';
import { olderVersion, testCorpus } from '../server/corpus-fixture.js';

const corpus = testCorpus();
let server: RunningServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const uploads = mkdtempSync(join(tmpdir(), 'resdiff-web-uploads-'));

beforeAll(async () => {
  ({ server, browser, page } = await openPage(corpus.dir, problems, { acceptDownloads: true }));
}, 60_000);

afterAll(() => closePage({ server, browser }));

/** Rows currently shown, as [new ids, old ids, kind, change?]. */
async function shownRows(): Promise<Array<{ new: string; old: string; kind: string; change: boolean }>> {
  return page.$$eval('#redline .row', (rows) =>
    rows.map((r) => ({ new: r.getAttribute('data-new') ?? '', old: r.getAttribute('data-old') ?? '', kind: r.getAttribute('data-kind') ?? '', change: r.getAttribute('data-change') === '1' })),
  );
}

describe('the page in Chromium', () => {
  it('serves on 127.0.0.1 with an ephemeral port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('opens on the two most recent versions and labels the constructed one', async () => {
    await page.goto(server.url);
    await page.waitForSelector('#redline .row');
    expect(await page.inputValue('#old-select')).toBe(corpus.oldRef);
    expect(await page.inputValue('#new-select')).toBe(corpus.newRef);
    await expect.poll(() => page.textContent('#summary')).toMatch(/constructed example/);
    expect(await page.textContent('#old-select option:checked')).toMatch(/^Constructed · /);
  }, 30_000);

  it('compares two picked versions and marks the Kampala paragraph PP19 as new', async () => {
    await page.selectOption('#old-select', corpus.oldRef);
    await page.selectOption('#new-select', corpus.newRef);
    await page.click('#corpus-form button[type=submit]');
    const row = page.locator('#redline .row[data-new="PP19"]');
    await row.waitFor();
    expect(await row.getAttribute('class')).toMatch(/\badded\b/);
    expect(await row.locator('.badge.added').textContent()).toBe('new');
    expect(await row.locator('.cell.new ins').first().textContent()).toMatch(/Kampala Declaration of 20 January 2024/);
    expect(await row.locator('.cell.old').textContent()).toMatch(/not in the older text/);
    // The summary lists it among the new PPs, and the URL can be shared.
    expect(await page.textContent('#summary')).toMatch(/New PPs\s*PP19/);
    expect(page.url()).toContain(`new=${corpus.newRef}`);
  }, 30_000);

  it('filters to OPs and to new OPs', async () => {
    await page.click('label:has(input[name=kind][value=OP])');
    let rows = await shownRows();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => r.kind === 'OP')).toBe(true);
    await page.click('label:has(input[name=show][value=new])');
    rows = await shownRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.kind === 'OP' && r.old === '')).toBe(true);
    await page.click('label:has(input[name=show][value=changes])');
    rows = await shownRows();
    expect(rows.every((r) => r.kind === 'OP' && r.change)).toBe(true);
    await page.click('label:has(input[name=show][value=all])');
    await page.click('label:has(input[name=kind][value=all])');
    expect((await shownRows()).some((r) => r.kind === 'PP')).toBe(true);
  }, 30_000);

  it('jumps between changes with n and p', async () => {
    await page.locator('#redline').focus();
    await page.keyboard.press('n');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('data-index'));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-change'))).toBe('1');
    expect(await page.textContent('#change-pos')).toMatch(/^change 1 of \d+$/);
    await page.keyboard.press('n');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('data-index'));
    expect(Number(second)).toBeGreaterThan(Number(first));
    expect(await page.textContent('#change-pos')).toMatch(/^change 2 of/);
    await page.keyboard.press('p');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-index'))).toBe(first);
    // The focused change is scrolled into view.
    const visible = await page.evaluate(() => {
      const r = document.activeElement!.getBoundingClientRect();
      const box = document.getElementById('redline')!.getBoundingClientRect();
      return r.top < box.bottom && r.bottom > box.top;
    });
    expect(visible).toBe(true);
  }, 30_000);

  it('shows a change map with a mark per change; a click jumps there', async () => {
    const changes = (await shownRows()).filter((r) => r.change).length;
    expect(await page.locator('#changemap .mark').count()).toBe(changes);
    await page.locator('#changemap .mark').last().click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-change'))).toBe('1');
    expect(await page.textContent('#change-pos')).toBe(`change ${changes} of ${changes}`);
  }, 30_000);

  it('saves a screenshot', async () => {
    // The changes only: the view a delegate starts from.
    await page.click('label:has(input[name=show][value=changes])');
    await page.locator('#redline').evaluate((el) => (el.scrollTop = 0));
    await page.locator('#redline').focus();
    // Walk to the new Kampala paragraph.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('n');
      if ((await page.evaluate(() => document.activeElement?.getAttribute('data-new'))) === 'PP19') break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-new'))).toBe('PP19');
    await page.waitForTimeout(700);
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'web.png') });
  }, 30_000);

  it('switches to the inline layout', async () => {
    await page.click('label:has(input[name=show][value=all])');
    await page.click('label:has(input[name=layout][value=inline])');
    const row = page.locator('#redline .row[data-new="PP19"]');
    expect(await row.locator('.cell.inline ins').first().textContent()).toMatch(/Kampala/);
    expect(await page.locator('#redline .cell.old').count()).toBe(0);
    await page.click('label:has(input[name=layout][value=side-by-side])');
  }, 30_000);

  it('downloads the comparison as PDF and Word', async () => {
    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('a.dl[data-format=pdf]')]);
    expect(pdf.suggestedFilename()).toMatch(/^resdiff-.*\.pdf$/);
    const pdfBytes = readFileSync((await pdf.path())!);
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [docx] = await Promise.all([page.waitForEvent('download'), page.click('a.dl[data-format=docx]')]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    expect(readFileSync((await docx.path())!).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 90_000);

  it('shows the series view', async () => {
    await page.click('#tab-series');
    await expect.poll(() => page.textContent('#series-body')).toMatch(/A\/HRC\/RES\/56\/2/);
    expect(await page.isVisible('#compare-view')).toBe(false);
    await page.click('#tab-compare');
    expect(await page.isVisible('#redline')).toBe(true);
  }, 30_000);

  it('compares two uploaded files, showing their text as text, never as markup', async () => {
    // A folder of this run's own: a file changed under a chosen upload (by a second test run
    // writing the same path) fails the upload.
    const dir = uploads;
    const oldPath = join(dir, 'older.md');
    const newPath = join(dir, 'newer.md');
    writeFileSync(oldPath, olderVersion());
    // A hostile paragraph: markup in the document text must come out as text.
    const hostile = readFileSync(RES_56_2, 'utf8').replace(
      '*Underlining* that cooperation',
      // Entities, so the Markdown reader keeps them as text: the page must show "<img …>" literally.
      '*Underlining* &lt;img src=x onerror="document.title=\'owned\'"&gt; &lt;script&gt;document.title=\'owned\'&lt;/script&gt; that cooperation',
    );
    writeFileSync(newPath, hostile);
    await page.click('label:has(input[name=source][value=upload])');
    await page.setInputFiles('#file-old', oldPath);
    await page.setInputFiles('#file-new', newPath);
    await page.click('#upload-form button[type=submit]');
    await expect.poll(() => page.textContent('#summary .sides')).toMatch(/newer\.md|A\/HRC\/RES\/56\/2/);
    await page.locator('#redline .row[data-new="PP19"]').waitFor();
    expect(await page.locator('#redline img, #redline script').count()).toBe(0);
    expect(await page.textContent('#redline')).toContain('<img src=x onerror=');
    expect(await page.textContent('#redline')).toContain("<script>document.title='owned'</script>");
    expect(await page.title()).not.toBe('owned');
    // Downloads of an upload comparison go through POST.
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('a.dl[data-format=json]')]);
    const c = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { pairs: Array<{ new: string[]; status: string }> };
    expect(c.pairs.find((p) => p.new.includes('PP19'))?.status).toBe('added');
  }, 60_000);

  it('shows a clear error for a file that is not a resolution', async () => {
    const bad = join(uploads, 'shopping-list.txt');
    writeFileSync(bad, 'eggs\nmilk\n');
    await page.setInputFiles('#file-old', bad);
    await page.click('#upload-form button[type=submit]');
    await expect.poll(() => page.getAttribute('#status', 'data-kind')).toBe('error');
    expect(await page.textContent('#status')).toMatch(/^shopping-list\.txt/);
  }, 30_000);

  it('logged no script error, CSP violation or server error', () => {
    // The one 400 is the shopping list above, answered as it should be.
    expect(problems.filter((p) => !/status of 400 \(Bad Request\)/.test(p))).toEqual([]);
  });
});
