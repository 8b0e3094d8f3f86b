/** model: Source -> Resolution. */
export * from './types.js';
export { parseResolution, deriveSymbol, collapse } from './parse.js';
export { recogniseOpening } from './openings.js';
export { parseDate, ordinalToNumber, ORDINAL_WORD, DATE_PATTERN } from './dates.js';
export { parseVote, splitCountries } from './vote.js';
