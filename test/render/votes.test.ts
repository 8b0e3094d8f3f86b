/**
 * Vote tables across versions: country names matched across spellings, changes, totals; the
 * text and HTML renderings. Votes of constructed versions are invented (test/fixtures/series).
 */
import { join } from 'node:path';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { buildVoteTable } from '../../src/align/votes.js';
import { loadResolution } from '../../src/corpus/load.js';
import { countryKey, sameCountry } from '../../src/model/countries.js';
import type { Resolution } from '../../src/model/types.js';
import { renderVotesHtml } from '../../src/render/votes-html.js';
import { renderVotesText } from '../../src/render/votes-text.js';
import { FIXTURES } from '../support/paths.js';

function version(symbol: string, adopted: string, inFavour: string[], against: string[], abstaining: string[], constructed = true): Resolution {
  const counts = { inFavour: inFavour.length, against: against.length, abstaining: abstaining.length };
  return { symbol, title: 't', body: 'Human Rights Council', session: 1, adopted, agendaItem: '3', clauses: [], footnotes: {}, warnings: [], constructed, vote: { adoptedWithoutVote: false, inFavour, against, abstaining, counts } };
}

describe('country names', () => {
  it.each([
    ['Netherlands (Kingdom of the)', 'Netherlands'],
    ['Türkiye', 'Turkey'],
    ["Côte d'Ivoire", "Cote d'Ivoire"],
    ["Côte d'Ivoire", 'Côte d’Ivoire'],
    ["Côte d'Ivoire", 'Cote dIvoire'],
    ['Bolivia (Plurinational State of)', 'Bolivia'],
    ['Venezuela (Bolivarian Republic of)', 'Venezuela'],
    ['Iran (Islamic Republic of)', 'Iran'],
    ['United Kingdom of Great Britain and Northern Ireland', 'United Kingdom'],
    ['Republic of Korea', 'Korea, Republic of'],
    ['Russian Federation', 'Russia'],
    ['Viet Nam', 'Vietnam'],
    ['Czechia', 'Czech Republic'],
    ['United States of America', 'United States'],
    ['Micronesia (Federated States of)', 'Micronesia'],
  ])('%s = %s', (a, b) => expect(sameCountry(a, b)).toBe(true));

  it.each([
    ['Republic of Korea', "Democratic People's Republic of Korea"],
    ['Congo', 'Democratic Republic of the Congo'],
    ['Niger', 'Nigeria'],
    ['Guinea', 'Guinea-Bissau'],
    ['Dominica', 'Dominican Republic'],
  ])('%s ≠ %s', (a, b) => expect(sameCountry(a, b)).toBe(false));

  it('is stable under case and spacing', () => {
    expect(countryKey('  UNITED   ARAB EMIRATES ')).toBe(countryKey('United Arab Emirates'));
  });
});

describe('buildVoteTable', () => {
  const t = buildVoteTable([
    version('X/2018', '2018-07-01', ['Turkey', "Cote d'Ivoire", 'Chile'], ['Netherlands'], ['Viet Nam']),
    { ...version('X/2019', '2019-07-01', [], [], []), vote: { adoptedWithoutVote: true, inFavour: [], against: [], abstaining: [], counts: { inFavour: 0, against: 0, abstaining: 0 } } },
    version('X/2024', '2024-07-01', ['Türkiye', "Côte d'Ivoire"], ['Netherlands (Kingdom of the)', 'Chile'], ['Vietnam', 'Argentina'], false),
  ]);
  const row = (name: string) => t.countries.find((r) => r.name === name)!;

  it('gives one row per State, named as in the newest version', () => {
    expect(t.countries.map((r) => r.name)).toEqual(['Argentina', 'Chile', "Côte d'Ivoire", 'Netherlands (Kingdom of the)', 'Türkiye', 'Vietnam']);
    expect(row('Türkiye').names).toEqual(['Turkey', 'Türkiye']);
    expect(row('Netherlands (Kingdom of the)').votes).toEqual(['no', 'not-recorded', 'no']);
  });

  it('records changes across a version without a vote', () => {
    expect(row('Chile').changes).toEqual([{ from: 0, to: 2, before: 'yes', after: 'no' }]);
    expect(row('Türkiye').changes).toEqual([]);
    expect(row('Argentina').votes).toEqual(['not-recorded', 'not-recorded', 'abstain']);
  });

  it('totals each version and marks constructed ones', () => {
    expect(t.versions.map((v) => [v.recorded, v.adoptedWithoutVote, v.totals.yes, v.totals.no, v.totals.abstain, v.constructed])).toEqual([
      [true, false, 3, 1, 1, true],
      [false, true, 0, 0, 0, true],
      [true, false, 2, 2, 2, false],
    ]);
  });

  it('warns about a country listed twice', () => {
    const d = buildVoteTable([version('X/1', '2020-01-01', ['Turkey'], ['Türkiye'], [])]);
    expect(d.warnings).toEqual(['X/1: Türkiye is listed twice in the vote (yes and no)']);
  });

  it('renders text with changes flagged, totals and the matched spellings', () => {
    const s = renderVotesText(t);
    expect(s).toMatch(/^Chile\s+yes\s+·\s+no!$/m);
    expect(s).toMatch(/^In favour\s+3\s+no vote\s+2$/m);
    expect(s).toContain('Chile: yes (2018*) → no (2024)');
    expect(s).toContain('Türkiye (also: Turkey)');
    expect(s).toContain('its vote is invented');
  });

  it('renders HTML with every name escaped', () => {
    const evil = buildVoteTable([version('<b>X</b>', '2020-01-01', ['<script>alert(1)</script>'], ['A & B'], [])]);
    const html = renderVotesHtml(evil);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>X</b>');
    const doc = parse(html);
    const names: string[] = [];
    const walk = (n: { nodeName: string; childNodes?: unknown[]; value?: string }) => {
      if (n.nodeName === '#text' && n.value) names.push(n.value);
      for (const c of (n.childNodes ?? []) as Array<typeof n>) walk(c);
    };
    walk(doc as never);
    expect(names).toContain('<script>alert(1)</script>');
    expect(names).toContain('A & B');
  });
});

describe('votes of the constructed test series', () => {
  it('matches the name variants of seven years', async () => {
    const files = [2018, 2019, 2020, 2021, 2022, 2023, 2024].map((y) => join(FIXTURES, 'series', `test-series-${y}.md`));
    const t = buildVoteTable(await Promise.all(files.map((f) => loadResolution(f))));
    const by = (k: string) => t.countries.find((r) => r.key === countryKey(k))!;
    expect(by('Netherlands').name).toBe('Netherlands (Kingdom of the)');
    expect(by('Netherlands').votes).toEqual(['no', 'no', 'not-recorded', 'no', 'no', 'no', 'no']);
    expect(by("Cote d'Ivoire").names).toEqual(["Cote d'Ivoire", 'Côte d’Ivoire', "Côte d'Ivoire"]);
    expect(by('Turkey').name).toBe('Türkiye');
    expect(by('Chile').changes.map((c) => [c.before, c.after])).toEqual([['no', 'abstain'], ['abstain', 'yes']]);
    expect(by('Bolivia').name).toBe('Bolivia');
    expect(by('Viet Nam').names).toEqual(['Vietnam', 'Viet Nam']);
    expect(t.versions[2].adoptedWithoutVote).toBe(true);
    expect(t.versions.every((v) => v.constructed)).toBe(true);
    expect(t.warnings).toEqual([]);
  });
});
