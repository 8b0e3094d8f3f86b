/**
 * One set of numbers for one comparison, whichever view shows it (DESIGN.md §3): the CLI's text
 * summary lines, the JSON's summary.*.counts, the page's summary table, its filter labels and the
 * rows each filter shows, and the Series view's line on the newest version against the one
 * before. The comparison is the constructed example-2022 against 56/2, which has every word:
 * new, dropped, changed (a split and a merge among them), technical, moved, unchanged.
 *
 * The HTML export's summary table is checked too; the PDF is printed from that HTML. The Word
 * cover is not read here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import type { RunningServer } from '../../src/server/index.js';
import { ACTION_TIMEOUT, closePage, openPage } from '../support/web.js';
import { runCli } from '../support/cli.js';
import { testCorpus } from '../server/corpus-fixture.js';

const corpus = testCorpus();
const WORDS = ['new', 'dropped', 'changed', 'technical', 'moved', 'unchanged'] as const;
type Word = (typeof WORDS)[number];
type Counts = Record<Word, number>;

let server: RunningServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];
/** The library's numbers, from the JSON contract. */
let json: { PP: Counts & { split: number; merged: number }; OP: Counts & { split: number; merged: number } };

beforeAll(async () => {
  const r = await runCli(['compare', corpus.oldRef, corpus.newRef, '--format', 'json', '--corpus', corpus.dir]);
  expect(r.code).toBe(0);
  const c = JSON.parse(r.stdout);
  json = { PP: c.summary.PP.counts, OP: c.summary.OP.counts };
  ({ server, browser, page } = await openPage(corpus.dir, problems));
  await page.goto(`${server.url}?old=${corpus.oldRef}&new=${corpus.newRef}`);
  await page.locator('#redline .row').first().waitFor();
}, 90_000);

afterAll(() => closePage({ server, browser }), 90_000);

const sum = (w: Word) => json.PP[w] + json.OP[w];

describe('the counts of one comparison in every view', () => {
  it('the comparison has something under every word, so the test can tell them apart', () => {
    for (const w of WORDS) expect(sum(w), w).toBeGreaterThan(0);
    expect(json.PP.merged + json.OP.split).toBeGreaterThan(0);
  });

  it('the CLI text summary says the JSON numbers', async () => {
    const r = await runCli(['compare', corpus.oldRef, corpus.newRef, '--corpus', corpus.dir]);
    expect(r.code).toBe(0);
    for (const kind of ['PP', 'OP'] as const) {
      const line = r.stdout.split('\n').find((l) => l.startsWith(`${kind}: `));
      expect(line, `${kind} line`).toBeDefined();
      const said = Object.fromEntries(WORDS.map((w) => [w, Number(new RegExp(`(\\d+) ${w}\\b`).exec(line!)?.[1])]));
      expect(said).toEqual(Object.fromEntries(WORDS.map((w) => [w, json[kind][w]])));
    }
  });

  it("the HTML export's summary table says the JSON numbers", async () => {
    const r = await runCli(['compare', corpus.oldRef, corpus.newRef, '--format', 'html', '--corpus', corpus.dir]);
    expect(r.code).toBe(0);
    for (const kind of ['PP', 'OP'] as const) {
      const row = new RegExp(`<tr class="row-${kind}">([\\s\\S]*?)</tr>`).exec(r.stdout)?.[1] ?? '';
      const said = Object.fromEntries(WORDS.map((w) => [w, Number(new RegExp(`<td class="n-${w}">(\\d+)</td>`).exec(row)?.[1])]));
      expect(said).toEqual(Object.fromEntries(WORDS.map((w) => [w, json[kind][w]])));
    }
  });

  it('the page summary table says the JSON numbers', async () => {
    for (const kind of ['PP', 'OP'] as const) {
      const shown = await page.$$eval(`#summary tr[data-kind="${kind}"] td[data-word]`, (tds) => Object.fromEntries(tds.map((td) => [td.getAttribute('data-word'), Number(td.textContent)])));
      expect(shown).toEqual(Object.fromEntries(WORDS.map((w) => [w, json[kind][w]])));
    }
    // The heads are the vocabulary's words, in its order.
    expect(await page.$$eval('#summary thead th', (ths) => ths.map((t) => t.textContent))).toEqual([...WORDS]);
  });

  it('each filter is labelled with its number, and shows that many rows', async () => {
    for (const w of WORDS.filter((x) => x !== 'unchanged')) {
      const label = page.locator(`label:has(input[name=show][value=${w}])`);
      expect(Number(await label.locator('[data-count]').textContent()), `${w} label`).toBe(sum(w));
      await label.click();
      await expect.poll(() => page.locator('#redline .row').count(), { timeout: ACTION_TIMEOUT, message: `${w} rows` }).toBe(sum(w));
    }
    await page.click('label:has(input[name=show][value=all])');
  }, 60_000);

  it('the Series view says the same numbers for the newest version against the one before', async () => {
    await page.click('#tab-series');
    const help = page.locator('#history-help');
    await help.waitFor();
    const text = (await help.textContent()) ?? '';
    const said = Object.fromEntries(WORDS.map((w) => [w, Number(new RegExp(`(\\d+) ${w}\\b`).exec(text)?.[1])]));
    expect(said).toEqual(Object.fromEntries(WORDS.map((w) => [w, sum(w)])));
  }, 60_000);

  it('logged no script error, CSP violation or server error', () => {
    expect(problems).toEqual([]);
  });
});
