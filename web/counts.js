// resdiff page: the one vocabulary for counts (DESIGN.md §3). The server serves the library's own
// module (src/diff/counts.ts, compiled) at /lib/counts.js, so the page classifies single pairs
// (filters, colours, the change map) by the same code as the CLI and the redlines; the numbers
// themselves come from the compare JSON (summary.PP.counts, summary.OP.counts).
export { COUNT_WORDS, countPairs, statusWord as countWord } from './lib/counts.js';
