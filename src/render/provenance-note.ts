/**
 * The provenance note under a clause: where its new wording was agreed before ("this wording is
 * in A/RES/78/199 OP5, 2023"). One wording for every format; text and HTML (the PDF prints the
 * HTML; the web page builds the same sentence from the JSON).
 */
import type { Pair, ProvenanceSource } from '../diff/types.js';

/** Documents named per note before "and N more". */
const SHOWN = 3;
/** Words of a partial match quoted in the note before "…". */
const QUOTED_WORDS = 12;

/** One note: a stretch of wording and the earlier clauses that have it. */
export interface ProvenanceNote {
  /** The whole inserted run was found (not only a stretch of it). */
  exact: boolean;
  matched: string;
  words: number;
  sources: ProvenanceSource[];
}

/** The pair's provenance grouped by stretch of wording, in the order found. */
export function provenanceNotes(p: Pair): ProvenanceNote[] {
  const out: ProvenanceNote[] = [];
  for (const s of p.provenance ?? []) {
    const last = out[out.length - 1];
    if (last && last.matched === s.matched && last.exact === s.exact) last.sources.push(s);
    else out.push({ exact: s.exact, matched: s.matched, words: s.words, sources: [s] });
  }
  return out;
}

/** "A/RES/78/199 OP5, 2023" (with "constructed" for an invented text). */
export function sourceLabel(s: ProvenanceSource): string {
  const year = /^\d{4}/.exec(s.adopted)?.[0];
  return `${s.symbol || '(unnamed)'} ${s.clause}${year ? `, ${year}` : ''}${s.constructed ? ' (constructed example)' : ''}`;
}

/** The note as one sentence of plain text. */
export function provenanceSentence(n: ProvenanceNote): string {
  const names = n.sources.slice(0, SHOWN).map(sourceLabel);
  const more = n.sources.length > SHOWN ? ` and ${n.sources.length - SHOWN} more` : '';
  const list = `${names.join('; ')}${more}`;
  if (n.exact) return `this wording is in ${list}`;
  const words = n.matched.split(/\s+/);
  const quote = words.length > QUOTED_WORDS ? `${words.slice(0, QUOTED_WORDS).join(' ')} …` : n.matched;
  return `“${quote}” (${n.words} words) is in ${list}`;
}

/** Plain-text lines for a pair (none when it has no provenance). */
export function provenanceText(p: Pair): string[] {
  return provenanceNotes(p).map((n) => `agreed language: ${provenanceSentence(n)}`);
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/** An HTML block for a pair ("" when it has no provenance); styled by PROVENANCE_CSS. */
export function provenanceHtml(p: Pair): string {
  const notes = provenanceNotes(p);
  if (!notes.length) return '';
  return `<ul class="provenance">${notes.map((n) => `<li><span class="provenance-label">agreed language:</span> ${esc(provenanceSentence(n))}</li>`).join('')}</ul>`;
}

/** CSS for the HTML note (screen and print). */
export const PROVENANCE_CSS = `.provenance{margin:.3em 0 .6em 1.5em;padding:0;list-style:none;font-size:.85em;color:#3d4b5c}
.provenance li{margin:.15em 0}.provenance-label{font-variant:small-caps;color:#5b4a00}`;
