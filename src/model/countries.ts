/**
 * Country names as vote lists print them, normalised so that one State is one row across years.
 *
 * UN documents change how they write a name (the Netherlands is "Netherlands (Kingdom of the)"
 * since 2023, Turkey "Türkiye" since 2022, the Czech Republic "Czechia"); copies and conversions
 * add their own variants (a straight or curly apostrophe, a lost circumflex). `countryKey` maps
 * every variant of a name to one key; the original spelling is never changed, only compared.
 */

/**
 * Spelling variants and former names, as keys (see `looseKey`), to the key of the name used now.
 * The generic rules in `countryKey` (parenthesised style dropped, accents and apostrophes
 * ignored) handle most; these are the ones no rule can guess.
 */
const ALIASES: Record<string, string> = {
  turkey: 'turkiye',
  'united kingdom': 'united kingdom of great britain and northern ireland',
  uk: 'united kingdom of great britain and northern ireland',
  'great britain': 'united kingdom of great britain and northern ireland',
  'united states': 'united states of america',
  usa: 'united states of america',
  'the united states of america': 'united states of america',
  vietnam: 'viet nam',
  'czech republic': 'czechia',
  russia: 'russian federation',
  'south korea': 'republic of korea',
  'korea republic of': 'republic of korea',
  'north korea': "democratic people's republic of korea",
  'korea democratic people s republic of': "democratic people's republic of korea",
  syria: 'syrian arab republic',
  laos: "lao people's democratic republic",
  moldova: 'republic of moldova',
  tanzania: 'united republic of tanzania',
  'ivory coast': "cote d'ivoire",
  swaziland: 'eswatini',
  'the former yugoslav republic of macedonia': 'north macedonia',
  macedonia: 'north macedonia',
  'cape verde': 'cabo verde',
  palestine: 'state of palestine',
  brunei: 'brunei darussalam',
  'east timor': 'timor-leste',
  burma: 'myanmar',
  'libyan arab jamahiriya': 'libya',
  'kyrgyz republic': 'kyrgyzstan',
  'slovak republic': 'slovakia',
  'the gambia': 'gambia',
  'the bahamas': 'bahamas',
  'democratic republic of congo': 'democratic republic of the congo',
  'republic of the congo': 'congo',
};

/**
 * Case, accents, apostrophe and dash styles, "&" and spacing ignored: "Côte d’Ivoire",
 * "Cote d'Ivoire" and "COTE D'IVOIRE" give the same string.
 */
function looseKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/&/g, ' and ')
    .replace(/,/g, ' ') // (not /\s*,\s*/: quadratic on long runs of spaces; the next line collapses them)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The key of a country name: the same for every spelling of one State.
 *
 * "Netherlands (Kingdom of the)" and "Netherlands", "Bolivia (Plurinational State of)" and
 * "Bolivia", "Türkiye" and "Turkey", "Côte d'Ivoire" with or without its circumflex or with a
 * curly apostrophe, "Viet Nam" and "Vietnam", "Czechia" and "Czech Republic", …
 *
 * @param name a country name as printed
 */
export function countryKey(name: string): string {
  let k = looseKey(name);
  if (ALIASES[k]) return ALIASES[k];
  // "Bolivia (Plurinational State of)", "Iran (Islamic Republic of)", "Netherlands (Kingdom of the)":
  // the official style in brackets; the short name identifies the State.
  const bare = k.replace(/\s*\([^()]*\)\s*$/, '').trim();
  if (bare && bare !== k) k = ALIASES[bare] ?? bare;
  // "Côte d'Ivoire" copied as "Cote dIvoire" or "Cote d Ivoire".
  if (/^cote d\W?\s?ivoire$/.test(k)) return "cote d'ivoire";
  return k;
}

/** True when two printed names denote the same State. */
export function sameCountry(a: string, b: string): boolean {
  return countryKey(a) === countryKey(b);
}
