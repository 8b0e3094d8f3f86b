/**
 * The votes of a series side by side: per country, its vote in each version, with the changes.
 * Country names are matched across years with `countryKey` (model/countries.ts); each row shows
 * the newest spelling.
 */
import { countryKey } from '../model/countries.js';
import type { Resolution } from '../model/types.js';

/** A country's vote in one version; "not-recorded" when it is in no list (not a member, no vote). */
export type VoteValue = 'yes' | 'no' | 'abstain' | 'not-recorded';

/** One version's column. */
export interface VoteTableVersion {
  file: string;
  symbol: string;
  adopted: string;
  /** The vote (like the text) was written by the resdiff team: not a real vote. */
  constructed: boolean;
  /** A recorded vote was found. */
  recorded: boolean;
  /** "Adopted without a vote." */
  adoptedWithoutVote: boolean;
  /** Countries listed: in favour, against, abstaining. */
  totals: { yes: number; no: number; abstain: number };
  /** Counts as printed in the sentence, when given. */
  statedCounts?: { yes: number; no: number; abstain: number };
}

/** A country's row. */
export interface CountryRow {
  /** The matching key (countryKey). */
  key: string;
  /** The name as the newest version that lists the country prints it. */
  name: string;
  /** Every spelling seen, oldest first. */
  names: string[];
  /** One value per version. */
  votes: VoteValue[];
  /** Changes between the country's successive recorded votes (versions where it was not recorded are skipped). */
  changes: Array<{ from: number; to: number; before: VoteValue; after: VoteValue }>;
}

/** The whole table: what `resdiff votes --format json` prints. */
export interface VoteTable {
  versions: VoteTableVersion[];
  /** Alphabetical by displayed name. */
  countries: CountryRow[];
  /** Oddities: a country listed twice in one vote. */
  warnings: string[];
}

const LISTS = [
  ['inFavour', 'yes'],
  ['against', 'no'],
  ['abstaining', 'abstain'],
] as const;

/**
 * Line up the votes of several versions.
 *
 * @param versions the versions, oldest first
 */
export function buildVoteTable(versions: Resolution[]): VoteTable {
  const rows = new Map<string, CountryRow>();
  const warnings: string[] = [];
  const cols: VoteTableVersion[] = versions.map((r, k) => {
    const vote = r.vote;
    const col: VoteTableVersion = {
      file: r.file ?? '',
      symbol: r.symbol,
      adopted: r.adopted,
      constructed: !!r.constructed,
      recorded: !!vote && !vote.adoptedWithoutVote,
      adoptedWithoutVote: !!vote?.adoptedWithoutVote,
      totals: { yes: vote?.inFavour.length ?? 0, no: vote?.against.length ?? 0, abstain: vote?.abstaining.length ?? 0 },
    };
    if (vote?.statedCounts) col.statedCounts = { yes: vote.statedCounts.inFavour, no: vote.statedCounts.against, abstain: vote.statedCounts.abstaining };
    if (!vote || vote.adoptedWithoutVote) return col;
    for (const [list, value] of LISTS) {
      for (const name of vote[list]) {
        const key = countryKey(name);
        let row = rows.get(key);
        if (!row) rows.set(key, (row = { key, name, names: [], votes: versions.map(() => 'not-recorded'), changes: [] }));
        if (row.votes[k] !== 'not-recorded') {
          warnings.push(`${r.symbol || r.file || `version ${k + 1}`}: ${name} is listed twice in the vote (${row.votes[k]} and ${value})`);
          continue;
        }
        row.votes[k] = value;
        row.name = name; // versions are oldest first: the last one seen is the newest spelling
        if (!row.names.includes(name)) row.names.push(name);
      }
    }
    return col;
  });
  for (const row of rows.values()) {
    let prev = -1;
    row.votes.forEach((v, k) => {
      if (v === 'not-recorded') return;
      if (prev >= 0 && row.votes[prev] !== v) row.changes.push({ from: prev, to: k, before: row.votes[prev], after: v });
      prev = k;
    });
  }
  const countries = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  return { versions: cols, countries, warnings };
}

/** Did the country's vote change in version k (from its previous recorded vote)? */
export function changedAt(row: CountryRow, k: number): VoteValue | undefined {
  return row.changes.find((c) => c.to === k)?.before;
}
