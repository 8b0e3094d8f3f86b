/**
 * The vote at the foot of a resolution: "[Adopted by a recorded vote of 31 to 14, with 2
 * abstentions. The voting was as follows: In favour: … Against: … Abstaining: …]" or
 * "[Adopted without a vote.]".
 */
import type { Vote, Warning } from './types.js';

const NUMBER_WORDS: Record<string, number> = { no: 0, none: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

function toCount(s: string | undefined): number {
  if (s === undefined) return 0;
  const n = Number(s);
  return Number.isFinite(n) ? n : (NUMBER_WORDS[s.toLowerCase()] ?? 0);
}

/**
 * Parse the foot's text into a vote.
 *
 * @param text the foot text (meeting line and after), blocks joined by "\n"
 * @param warn receives recoverable oddities (counts that disagree with the lists)
 * @param line the line where the vote starts, for warnings
 * @returns the vote, or null when the text records none
 */
export function parseVote(text: string, warn: (w: Warning) => void, line?: number): Vote | null {
  const flat = text.replace(/\s+/g, ' ');
  if (/adopted without (?:a )?vote/i.test(flat)) {
    return { adoptedWithoutVote: true, inFavour: [], against: [], abstaining: [], counts: { inFavour: 0, against: 0, abstaining: 0 } };
  }
  const stated = /adopted by (?:a )?(?:recorded )?vote of (\d+) to (\d+)(?:,? with (\d+|no|one|two|three|four|five|six|seven|eight|nine|ten) abstentions?)?/i.exec(flat);
  const section = (label: string, next: string[]): string[] => {
    const re = new RegExp(`\\b${label}\\s*:\\s*(.*?)(?=\\b(?:${next.join('|')})\\s*:|\\]|$)`, 'i');
    const m = re.exec(flat);
    if (!m) return [];
    return splitCountries(m[1]);
  };
  const inFavour = section('In favour', ['Against', 'Abstaining', 'Abstentions']);
  const against = section('Against', ['Abstaining', 'Abstentions', 'In favour']);
  const abstaining = section('(?:Abstaining|Abstentions)', ['In favour', 'Against']);
  if (!stated && inFavour.length + against.length + abstaining.length === 0) return null;
  const vote: Vote = {
    adoptedWithoutVote: false,
    inFavour,
    against,
    abstaining,
    counts: { inFavour: inFavour.length, against: against.length, abstaining: abstaining.length },
  };
  if (stated) {
    vote.statedCounts = { inFavour: Number(stated[1]), against: Number(stated[2]), abstaining: toCount(stated[3]) };
    const parts: string[] = [];
    for (const k of ['inFavour', 'against', 'abstaining'] as const) {
      if (vote.statedCounts[k] !== vote.counts[k]) parts.push(`${labels[k]} ${vote.statedCounts[k]} stated but ${vote.counts[k]} listed`);
    }
    if (parts.length) warn({ rule: 'vote-count-mismatch', message: `vote counts do not match the lists: ${parts.join('; ')}`, line });
  } else {
    warn({ rule: 'vote-count-missing', message: 'the vote lists countries but states no counts', line });
  }
  return vote;
}

const labels = { inFavour: 'in favour', against: 'against', abstaining: 'abstaining' } as const;

/**
 * "Algeria, Bangladesh, Netherlands (Kingdom of the)" -> names; a trailing "]" or "." dropped.
 * Never split on "and": "Trinidad and Tobago", "Bosnia and Herzegovina".
 */
export function splitCountries(list: string): string[] {
  // Trimmed by hand and split on the bare separators: /[\].]+\s*$/ and /\s*[,;]\s*/ take
  // quadratic time on long runs of dots or spaces.
  let end = list.trimEnd().length;
  while (end > 0 && (list[end - 1] === ']' || list[end - 1] === '.')) end--;
  return list
    .slice(0, end)
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s && s !== 'None' && s !== '-');
}
