/**
 * A constructed corpus with planted reused language, for the search index and provenance tests.
 * Every text here is CONSTRUCTED for tests (front matter `constructed: true`): invented wording in
 * the shape of resolutions, not UN documents.
 *
 * Planted: wording that the 2024 text takes from earlier texts, once each
 * - exactly (PLANT/2012 OP2),
 * - with a footnote marker in the source where the new text has another (PLANT/2013 PP2),
 * - hard-wrapped over several lines in the source (PLANT/2014 OP1),
 * - with one word changed (PLANT/2015 OP2: "coastal" where the new text says "island"),
 * and a later text (PLANT/2025) that repeats the exact wording but cannot be its source.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const EXACT = 'Stresses the need to strengthen the quiet diplomacy of regional lighthouse commissions for the protection of communities living along vulnerable shorelines';
export const FOOTNOTED_SOURCE = 'the Lighthouse Framework on Shoreline Resilience<sup>1</sup> adopted at the Third Conference of Harbour States in Valletta, which set out voluntary principles for tidal early-warning cooperation';
export const FOOTNOTED_NEW = 'the Lighthouse Framework on Shoreline Resilience<sup>3</sup> adopted at the Third Conference of Harbour States in Valletta, which set out voluntary principles for tidal early-warning cooperation';
export const WRAPPED = 'Encourages States to share the navigational records of abandoned fishing fleets with the seafarers registry maintained by the international secretariat of harbour masters';
export const ONE_WORD_SOURCE = 'Invites the special rapporteur on tidal displacement to pay particular attention to the situation of coastal families who have lost access to fresh water and arable land because of salt intrusion';
export const ONE_WORD_NEW = ONE_WORD_SOURCE.replace('coastal families', 'island families');

interface Doc {
  name: string;
  symbol: string;
  adopted: string;
  pp: string[];
  op: string[];
  footnotes?: string[];
}

function markdown(d: Doc): string {
  const fm = [
    '---',
    `symbol: ${d.symbol}`,
    `title: Constructed test resolution on shoreline cooperation (${d.adopted.slice(0, 4)})`,
    'body: Human Rights Council',
    `adopted: "${d.adopted}"`,
    'series: test-plant-series',
    'constructed: true',
    '---',
    '',
    '<!-- CONSTRUCTED for tests: invented wording, not a UN document. -->',
    '',
    '*The Human Rights Council,*',
    '',
  ];
  const body = [
    ...d.pp.map((p) => `${p},\n`),
    ...d.op.map((p, i) => `${i + 1}. ${p}${i === d.op.length - 1 ? '.' : ';'}\n`),
  ];
  const notes = d.footnotes?.length ? ['---', '', ...d.footnotes.map((f, i) => `<sup>${i + 1}</sup> ${f}\n`)] : [];
  return `${fm.join('\n')}\n${body.join('\n')}\n${notes.join('\n')}`;
}

const PP_COMMON = '*Reaffirming* its commitment to the promotion and protection of all human rights';
const OP_COMMON = '*Decides* to continue its consideration of the question of shoreline cooperation at a future session';

/** The documents, oldest first. */
export function plantedDocs(): Doc[] {
  return [
    { name: 'plant-2012.md', symbol: 'PLANT/2012', adopted: '2012-03-20', pp: [PP_COMMON], op: ['*Welcomes* the work of the harbour commissions', `*${EXACT.split(' ')[0]}* ${EXACT.split(' ').slice(1).join(' ')}`, OP_COMMON] },
    {
      name: 'plant-2013.md',
      symbol: 'PLANT/2013',
      adopted: '2013-03-22',
      pp: [PP_COMMON, `*Recalling* ${FOOTNOTED_SOURCE}`],
      op: [OP_COMMON],
      footnotes: ['Constructed footnote for tests.'],
    },
    {
      name: 'plant-2014.md',
      symbol: 'PLANT/2014',
      adopted: '2014-03-28',
      pp: [PP_COMMON],
      // Hard-wrapped: the source file breaks this paragraph over four lines.
      op: [`*Encourages* States to share the navigational records\nof abandoned fishing fleets with the seafarers registry\nmaintained by the international secretariat\nof harbour masters`, OP_COMMON],
    },
    { name: 'plant-2015.md', symbol: 'PLANT/2015', adopted: '2015-03-27', pp: [PP_COMMON], op: ['*Takes note* of the report of the harbour commissions', `*Invites* ${ONE_WORD_SOURCE.split(' ').slice(1).join(' ')}`, OP_COMMON] },
    { name: 'plant-2023.md', symbol: 'PLANT/2023', adopted: '2023-04-03', pp: [PP_COMMON], op: ['*Welcomes* the work of the harbour commissions', OP_COMMON] },
    {
      name: 'plant-2024.md',
      symbol: 'PLANT/2024',
      adopted: '2024-04-04',
      pp: [PP_COMMON, `*Recalling* ${FOOTNOTED_NEW}`],
      op: [
        '*Welcomes* the work of the harbour commissions',
        `*Stresses* ${EXACT.split(' ').slice(1).join(' ')}`,
        `*Encourages* ${WRAPPED.split(' ').slice(1).join(' ')}`,
        `*Invites* ${ONE_WORD_NEW.split(' ').slice(1).join(' ')}`,
        '*Requests* the secretariat to prepare a study on moonlit ferry timetables and the rights of night-shift lock keepers in estuary towns',
        OP_COMMON,
      ],
      footnotes: ['Constructed footnote one.', 'Constructed footnote two.', 'Constructed footnote three.'],
    },
    { name: 'plant-2025.md', symbol: 'PLANT/2025', adopted: '2025-04-01', pp: [PP_COMMON], op: [`*Stresses* ${EXACT.split(' ').slice(1).join(' ')}`, '*Requests* the secretariat to prepare a study on moonlit ferry timetables and the rights of night-shift lock keepers in estuary towns', OP_COMMON] },
  ];
}

/** Write the planted corpus to a new temporary folder; returns the folder. */
export function writePlantedCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'resdiff-plant-'));
  for (const d of plantedDocs()) writeFileSync(join(dir, d.name), markdown(d));
  return dir;
}

/** One more constructed document, for the incremental-update tests. */
export function extraDoc(symbol: string, adopted: string, opText: string): string {
  return markdown({ name: '', symbol, adopted, pp: [PP_COMMON], op: [opText, OP_COMMON] });
}
