// resdiff page: one pair of the compare JSON as DOM: the row head (ids, badges) and the redline
// cells, side by side or inline. Pure rendering: it reads a pair and the layout, nothing else.
//
// Every piece of document text reaches the page through text nodes (h() appends strings as
// text), never innerHTML: the texts, and uploads above all, are data, not markup.

import { provenanceNote } from './provenance.js';
import { h } from './dom.js';
import { countWord } from './counts.js';
/** @typedef {{ op: 'equal'|'insert'|'delete', text: string, technical?: boolean }} DiffPart */
/** @typedef {{ status: string, old: string[], new: string[], moved: boolean, technical: boolean,
 *   openingChanged: boolean, similarity: number, diff: DiffPart[], kind: 'PP'|'OP', crossKind?: boolean,
 *   oldOpening?: string, newOpening?: string, diffTimedOut?: boolean,
 *   oldBreaks?: number[], newBreaks?: number[] }} Pair */

/** What kind of change a pair is, for colours, the change map and the row's name: its count word. */
export function changeClass(p) {
  const w = countWord(p);
  return w === 'new' ? 'added' : w === 'dropped' ? 'removed' : w === null ? 'moved' : w;
}

/** Any change at all: every pair but the unchanged ones that stayed in place. */
export function isChange(p) {
  return changeClass(p) !== 'unchanged';
}

const STATUS_LABEL = {
  added: 'new',
  removed: 'dropped',
  modified: 'changed',
  unchanged: 'unchanged',
  split: 'split',
  merged: 'merged',
};

function badges(p) {
  const out = [];
  const cls = changeClass(p);
  if (p.status !== 'unchanged') {
    const label = p.status === 'modified' && p.technical ? 'technical update' : STATUS_LABEL[p.status] || p.status;
    out.push(h('span', { class: `badge ${cls}` }, label));
  }
  if (p.moved) out.push(h('span', { class: 'badge moved' }, `moved from ${p.old.join(' + ') || 'elsewhere'}`));
  if (p.openingChanged) {
    const t = p.oldOpening && p.newOpening ? `opening: ${p.oldOpening} → ${p.newOpening}` : 'opening changed';
    out.push(h('span', { class: 'badge opening' }, t));
  }
  if (p.crossKind) out.push(h('span', { class: 'badge moved' }, 'moved between preamble and operative part'));
  if (p.diffTimedOut) out.push(h('span', { class: 'badge note', title: 'The word-level diff took too long; the clause is shown as replaced.' }, 'whole clause replaced'));
  // A technical update differs only in references: its similarity says nothing a reader needs,
  // and rounded it reads "100% similar" for a text that did change.
  if (!p.technical && p.status !== 'unchanged' && p.status !== 'added' && p.status !== 'removed' && typeof p.similarity === 'number') {
    const pct = Math.min(99, Math.round(p.similarity * 100));
    out.push(h('span', { class: 'sim', title: 'Similarity of the two texts' }, `${pct}% similar`));
  }
  return out;
}

/**
 * A pair's diff parts, each with where it starts in the old (`o`) and new (`n`) text, cut into
 * one list per clause: a split pair's new side (a merged pair's old side; inline, whichever side
 * holds several clauses) at `newBreaks` (`oldBreaks`). Equal and insert parts advance the new
 * offset, equal and delete parts the old one; parts of the other side go with the clause at
 * their offset. The space that joined two clauses is the paragraph boundary and is dropped.
 * Without breaks (or on a side of one clause) there is one piece with an empty id.
 * @param {Pair & { oldBreaks?: number[], newBreaks?: number[] }} p
 * @param {'old'|'new'|'inline'} side
 * @returns {{ id: string, side: 'old'|'new', parts: Array<DiffPart & { o: number, n: number }> }[]}
 */
function diffPieces(p, side) {
  const placed = [];
  let o = 0;
  let n = 0;
  for (const d of p.diff) {
    if (!d.text) continue;
    placed.push({ ...d, o, n });
    if (d.op !== 'insert') o += d.text.length;
    if (d.op !== 'delete') n += d.text.length;
  }
  const cut = side === 'inline' ? (p.status === 'merged' ? 'old' : 'new') : side;
  const breaks = (cut === 'old' ? p.oldBreaks : p.newBreaks) || [];
  const ids = cut === 'old' ? p.old : p.new;
  if (breaks.length < 2 || ids.length !== breaks.length) return [{ id: '', side: cut, parts: placed }];
  const out = ids.map((id) => ({ id, side: cut, parts: /** @type {any[]} */ ([]) }));
  const pieceAt = (pos) => {
    let i = 0;
    while (i + 1 < breaks.length && breaks[i + 1] <= pos) i++;
    return i;
  };
  const slice = (d, a, b) => ({ ...d, text: d.text.slice(a, b), o: d.op !== 'insert' ? d.o + a : d.o, n: d.op !== 'delete' ? d.n + a : d.n });
  for (const d of placed) {
    const onCut = cut === 'new' ? d.op !== 'delete' : d.op !== 'insert';
    const pos = cut === 'new' ? d.n : d.o;
    if (!onCut) {
      out[pieceAt(pos)].parts.push(d);
      continue;
    }
    let start = 0;
    for (let b = 1; b < breaks.length; b++) {
      const k = breaks[b] - 1 - pos; // the joining space, if it falls in this part
      if (k < start || k >= d.text.length || !/\s/.test(d.text[k])) continue;
      if (k > start) out[b - 1].parts.push(slice(d, start, k));
      start = k + 1;
    }
    if (start < d.text.length) out[pieceAt(pos + start)].parts.push(start ? slice(d, start, d.text.length) : d);
  }
  return out;
}

/**
 * Text nodes and <ins>/<del> for one side (or both, inline) of a pair's diff. The parts carry
 * their own spaces: joined, equal+delete give the old text and equal+insert the new one. The
 * opening phrase of each side is set in italics, as printed. A split or merged pair's clauses
 * come as separate paragraphs, each headed by its own id.
 * @param {Pair} p
 * @param {'old'|'new'|'inline'} side
 */
function diffNodes(p, side) {
  const oldText = p.diff.filter((d) => d.op !== 'insert').map((d) => d.text).join('');
  const newText = p.diff.filter((d) => d.op !== 'delete').map((d) => d.text).join('');
  // Length of each side's opening phrase, when the side's text starts with it.
  const oldOpen = p.oldOpening && oldText.startsWith(p.oldOpening) ? p.oldOpening.length : 0;
  const newOpen = p.newOpening && newText.startsWith(p.newOpening) ? p.newOpening.length : 0;
  const partNodes = (parts) => {
    const nodes = [];
    let prev = null;
    for (const part of parts) {
      const text = part.text;
      const show = !(side === 'old' && part.op === 'insert') && !(side === 'new' && part.op === 'delete');
      if (!show) continue;
      // Inline, a deletion and the insertion that replaces it sit side by side; without a space
      // between them the two words glue ("Calls uponUrges").
      if (side === 'inline' && prev && prev.op !== part.op && prev.op !== 'equal' && part.op !== 'equal' && !/\s$/.test(prev.text) && !/^\s/.test(text)) {
        nodes.push(h('span', { class: 'gap' }, ' '));
      }
      prev = part;
      // Characters of the part's side still inside its opening phrase.
      const useOld = part.op === 'delete' || (part.op === 'equal' && side !== 'new');
      const left = Math.max(0, useOld ? oldOpen - part.o : newOpen - part.n);
      const tech = part.technical ? ' tech' : '';
      // Spaces around a change stay outside the mark, so underlines and strikes cover words only.
      const lead = part.op === 'equal' ? '' : /^\s*/.exec(text)[0];
      const trail = part.op === 'equal' || lead.length === text.length ? '' : /\s*$/.exec(text)[0];
      const core = text.slice(lead.length, text.length - trail.length);
      const italicLen = Math.max(0, Math.min(core.length, left - lead.length));
      const content = [italicLen ? h('em', {}, core.slice(0, italicLen)) : null, core.slice(italicLen) || null];
      if (lead) nodes.push(document.createTextNode(lead));
      if (part.op === 'equal') nodes.push(...content.filter(Boolean));
      else if (core) {
        const title = part.technical ? `${part.op === 'insert' ? 'inserted' : 'deleted'} (technical update)` : undefined;
        nodes.push(h(part.op === 'insert' ? 'ins' : 'del', { class: `${part.op === 'insert' ? 'ins' : 'del'}${tech}`, title }, content));
      }
      if (trail) nodes.push(document.createTextNode(trail));
    }
    return nodes;
  };
  const pieces = diffPieces(p, side);
  if (pieces.length === 1) return partNodes(pieces[0].parts);
  return pieces.map((piece, i) => {
    const gone = side === 'inline' && piece.side === 'old' && i > 0;
    const title = piece.side === 'old' ? `${piece.id} of the older text${p.new.length === 1 ? `, merged into ${p.new[0]}` : ''}` : `${piece.id} of the newer text${p.old.length === 1 ? `, split from ${p.old[0]}` : ''}`;
    return h(
      'p',
      { class: 'para', dataset: { clause: piece.id, side: piece.side } },
      h('span', { class: `para-id${gone ? ' gone' : ''}`, title }, piece.id),
      partNodes(piece.parts),
    );
  });
}

function idLabel(ids) {
  return ids.length ? ids.join(' + ') : '—';
}

export function renderRow(p, index, layout) {
  const cls = changeClass(p);
  const change = isChange(p);
  const head = h(
    'div',
    { class: 'row-head' },
    h('span', { class: 'ids-pair' }, h('span', { class: 'old-id' }, idLabel(p.old)), h('span', { class: 'to', 'aria-hidden': 'true' }, '→'), h('span', { class: 'new-id' }, idLabel(p.new))),
    badges(p),
  );
  const label = `${p.new.length ? p.new.join(' + ') : p.old.join(' + ') + ' (old)'}: ${cls === 'unchanged' ? 'unchanged' : cls === 'added' ? 'new' : cls === 'removed' ? 'dropped' : cls === 'technical' ? 'technical update' : cls}`;
  const row = h('article', {
    class: `row ${cls}${p.moved ? ' is-moved' : ''}`,
    tabindex: '-1',
    'aria-label': label,
    dataset: { index: String(index), status: p.status, kind: p.kind, change: change ? '1' : '0', old: p.old.join(' '), new: p.new.join(' ') },
  });
  row.append(head);
  if (layout === 'inline') {
    row.append(h('div', { class: 'cell inline' }, diffNodes(p, 'inline')));
  } else {
    const oldCell = p.old.length
      ? h('div', { class: 'cell old', lang: 'en' }, diffNodes(p, 'old'))
      : h('div', { class: 'cell old empty' }, h('span', { class: 'placeholder' }, 'not in the older text'));
    const newCell = p.new.length
      ? h('div', { class: 'cell new', lang: 'en' }, diffNodes(p, 'new'))
      : h('div', { class: 'cell new empty' }, h('span', { class: 'placeholder' }, 'dropped from the newer text'));
    row.append(h('div', { class: 'cells' }, oldCell, newCell));
  }
  const note = provenanceNote(p);
  if (note) row.append(note);
  return row;
}

