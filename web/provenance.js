// resdiff page: the provenance note under a clause of the redline — where its new wording was
// agreed before ("this wording is in A/RES/78/199 OP5, 2023"), from the `provenance` the server
// adds to a pair (GET /api/compare?provenance=1). The same sentence as src/render/provenance-note.ts.

import { h } from './dom.js';

const SHOWN = 3;
const QUOTED_WORDS = 12;

/** "A/RES/78/199 OP5, 2023". */
function sourceLabel(s) {
  const year = /^\d{4}/.exec(s.adopted || '')?.[0];
  return `${s.symbol || '(unnamed)'} ${s.clause}${year ? `, ${year}` : ''}${s.constructed ? ' (constructed example)' : ''}`;
}

/** The pair's sources grouped by stretch of wording. */
function notes(p) {
  const out = [];
  for (const s of p.provenance || []) {
    const last = out[out.length - 1];
    if (last && last.matched === s.matched && last.exact === s.exact) last.sources.push(s);
    else out.push({ exact: s.exact, matched: s.matched, words: s.words, sources: [s] });
  }
  return out;
}

function sentence(n) {
  const names = n.sources.slice(0, SHOWN).map(sourceLabel).join('; ');
  const more = n.sources.length > SHOWN ? ` and ${n.sources.length - SHOWN} more` : '';
  if (n.exact) return `this wording is in ${names}${more}`;
  const words = n.matched.split(/\s+/);
  const quote = words.length > QUOTED_WORDS ? `${words.slice(0, QUOTED_WORDS).join(' ')} …` : n.matched;
  return `“${quote}” (${n.words} words) is in ${names}${more}`;
}

/**
 * The note for a pair, or null when its new wording is in no earlier corpus text.
 * @param {any} p a pair of the comparison
 */
export function provenanceNote(p) {
  const list = notes(p);
  if (!list.length) return null;
  return h('ul', { class: 'provenance', 'aria-label': 'Agreed language' }, ...list.map((n) => h('li', {}, h('span', { class: 'provenance-label' }, 'agreed language: '), sentence(n))));
}
