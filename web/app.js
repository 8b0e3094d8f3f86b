// resdiff page: pick two versions (corpus or uploads), show the summary and the clause-aligned
// redline built from the compare JSON contract, filter, jump between changes, download exports.
//
// Every piece of document text reaches the page through textContent or text nodes, never
// innerHTML: the texts (and uploads above all) are data, not markup.

import { $, h, formatDate, fetchJson } from './dom.js';
/** @typedef {{ op: 'equal'|'insert'|'delete', text: string, technical?: boolean }} DiffPart */
/** @typedef {{ status: string, old: string[], new: string[], moved: boolean, technical: boolean,
 *   openingChanged: boolean, similarity: number, diff: DiffPart[], kind: 'PP'|'OP', crossKind?: boolean,
 *   oldOpening?: string, newOpening?: string, diffTimedOut?: boolean,
 *   oldBreaks?: number[], newBreaks?: number[] }} Pair */

const state = {
  /** @type {any} */ corpus: null,
  /** @type {any} */ comparison: null,
  /** 'corpus' | 'upload' */ source: 'corpus',
  /** query of the current corpus comparison, for downloads */ refs: null,
  /** @type {{old: File, new: File} | null} */ files: null,
  layout: 'side-by-side',
  show: 'all',
  kind: 'all',
  /** index into the visible change rows */ current: -1,
  busy: false,
};

// ---------------------------------------------------------------------------------------------
// Small DOM helpers

function setStatus(text, kind = 'info') {
  const el = $('#status');
  el.textContent = text;
  el.dataset.kind = kind;
  el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

// ---------------------------------------------------------------------------------------------
// Corpus pickers

function versionLabel(v) {
  const date = v.adopted ? ` · ${formatDate(v.adopted)}` : '';
  // Constructed examples say so first, where a narrow select cannot cut it off.
  if (v.constructed) return `Constructed example${date}`;
  return `${v.number || v.symbol || v.ref}${date}`;
}

function seriesList() {
  const c = state.corpus;
  const list = c.series.filter((s) => s.versions.length > 0).map((s) => ({ id: s.id, title: s.title, versions: s.versions }));
  const inSeries = new Set(list.flatMap((s) => s.versions.map((v) => v.ref)));
  const loose = c.versions.filter((v) => !inSeries.has(v.ref));
  if (loose.length) list.push({ id: '', title: 'Other corpus texts', versions: loose });
  return list;
}

function fillVersions(select, versions, selected) {
  select.replaceChildren(...versions.map((v) => h('option', { value: v.ref, selected: v.ref === selected }, versionLabel(v))));
}

function onSeriesChange(preferOld, preferNew) {
  const s = seriesList().find((x) => x.id === /** @type {HTMLSelectElement} */ ($('#series-select')).value);
  const versions = s ? s.versions : [];
  // Defaults: the two most recent versions (versions come oldest first).
  const refs = versions.map((v) => v.ref);
  const newRef = refs.includes(preferNew) ? preferNew : refs[refs.length - 1];
  const oldRef = refs.includes(preferOld) && preferOld !== newRef ? preferOld : refs.length > 1 ? refs[refs.length - 2] : refs[0];
  fillVersions($('#old-select'), versions, oldRef);
  fillVersions($('#new-select'), versions, newRef);
  return versions.length;
}

async function loadCorpus() {
  state.corpus = await fetchJson('/api/corpus');
  const limit = state.corpus.limits?.maxUploadBytes;
  if (limit) $('#upload-limit').textContent = limit >= 1048576 ? `${Math.round((limit / 1048576) * 10) / 10} MiB` : `${Math.ceil(limit / 1024)} KiB`;
  const list = seriesList();
  const sel = /** @type {HTMLSelectElement} */ ($('#series-select'));
  sel.replaceChildren(...list.map((s) => h('option', { value: s.id }, `${s.title} (${s.versions.length})`)));
  const params = new URLSearchParams(location.search);
  const wantOld = params.get('old');
  const wantNew = params.get('new');
  if (wantNew) {
    const s = list.find((x) => x.versions.some((v) => v.ref === wantNew));
    if (s) sel.value = s.id;
  }
  const n = onSeriesChange(wantOld, wantNew);
  if (list.length === 0 || n === 0) {
    setStatus('The corpus holds no texts yet. Compare two files of your own instead.');
    return;
  }
  if (n < 2) {
    setStatus('This series has only one version in the corpus; pick another series or compare your own files.');
    return;
  }
  await compareCorpus();
}

// ---------------------------------------------------------------------------------------------
// Comparing

async function compareCorpus() {
  const oldRef = /** @type {HTMLSelectElement} */ ($('#old-select')).value;
  const newRef = /** @type {HTMLSelectElement} */ ($('#new-select')).value;
  if (!oldRef || !newRef) return setStatus('Pick two versions to compare.', 'error');
  if (oldRef === newRef) return setStatus('Pick two different versions.', 'error');
  const q = new URLSearchParams({ old: oldRef, new: newRef });
  await runCompare(() => fetchJson(`/api/compare?${q}`), () => {
    state.refs = q;
    state.files = null;
    history.replaceState(null, '', `?${q}`);
  });
}

async function compareUploads() {
  const oldFile = /** @type {HTMLInputElement} */ ($('#file-old')).files?.[0];
  const newFile = /** @type {HTMLInputElement} */ ($('#file-new')).files?.[0];
  if (!oldFile || !newFile) return setStatus('Choose or drop two files: the older version and the newer one.', 'error');
  const form = new FormData();
  form.append('old', oldFile);
  form.append('new', newFile);
  await runCompare(() => fetchJson('/api/compare', { method: 'POST', body: form }), () => {
    state.files = { old: oldFile, new: newFile };
    state.refs = null;
    history.replaceState(null, '', location.pathname);
  });
}

async function runCompare(get, onDone) {
  if (state.busy) return;
  state.busy = true;
  document.body.setAttribute('aria-busy', 'true');
  setStatus('Comparing…');
  try {
    const c = await get();
    onDone();
    state.comparison = c;
    state.current = -1;
    renderAll();
    setStatus(`Compared ${sideName(c.old)} with ${sideName(c.new)}.`, 'done');
  } catch (e) {
    setStatus(e instanceof Error ? e.message : String(e), 'error');
  } finally {
    state.busy = false;
    document.body.removeAttribute('aria-busy');
  }
}

function sideName(v) {
  return v.symbol || v.file || 'the text';
}

// ---------------------------------------------------------------------------------------------
// Summary

function kindCounts(s) {
  const changed = s.modified + (s.split || 0) + (s.merged || 0);
  return { ...s, changed, substantive: Math.max(0, changed - s.technical) };
}

function idButtons(ids, kindLabel, side) {
  if (!ids.length) return null;
  return h(
    'span',
    { class: 'ids' },
    ids.map((id) => h('button', { type: 'button', class: `id-link ${kindLabel}`, onclick: () => jumpToClause(side, id), title: `Show ${id}` }, id)),
  );
}

function renderSummary() {
  const c = state.comparison;
  const el = $('#summary');
  const side = (label, v) =>
    h(
      'div',
      { class: 'side' },
      h('span', { class: 'side-label' }, label),
      h('strong', {}, v.symbol || v.file || '(no symbol)'),
      v.adopted ? h('span', { class: 'date' }, ` adopted ${formatDate(v.adopted)}`) : null,
      v.constructed ? h('span', { class: 'badge constructed', title: 'Written by the resdiff project to show its features; not an official UN text.' }, 'constructed example') : null,
      h('span', { class: 'counts' }, ` ${v.counts.PP} PP, ${v.counts.OP} OP`),
    );
  const rows = ['PP', 'OP'].map((k) => {
    const s = kindCounts(c.summary[k]);
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, k === 'PP' ? 'Preamble (PP)' : 'Operative (OP)'),
      h('td', { class: s.added ? 'num added' : 'num' }, s.added),
      h('td', { class: s.removed ? 'num removed' : 'num' }, s.removed),
      h('td', { class: s.substantive ? 'num changed' : 'num' }, s.substantive),
      h('td', { class: 'num tech' }, s.technical),
      h('td', { class: s.moved ? 'num moved' : 'num' }, s.moved),
      h('td', { class: 'num' }, s.unchanged),
    );
  });
  const table = h(
    'table',
    { class: 'counts-table' },
    h('caption', { class: 'visually-hidden' }, 'Clauses by kind and what happened to them'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('td', {}),
        h('th', { scope: 'col' }, 'new'),
        h('th', { scope: 'col' }, 'dropped'),
        h('th', { scope: 'col', title: 'Changed in substance: new or removed language' }, 'changed'),
        h('th', { scope: 'col', title: 'Only dates, numbers, document symbols or session ordinals changed' }, 'technical'),
        h('th', { scope: 'col' }, 'moved'),
        h('th', { scope: 'col' }, 'unchanged'),
      ),
    ),
    h('tbody', {}, rows),
  );
  const lists = [];
  for (const k of ['OP', 'PP']) {
    const s = c.summary[k];
    const added = s.addedIds || [];
    const removed = s.removedIds || [];
    if (added.length) lists.push(h('div', { class: 'idlist' }, h('span', { class: 'what' }, `New ${k}s`), idButtons(added, 'added', 'new')));
    if (removed.length) lists.push(h('div', { class: 'idlist' }, h('span', { class: 'what' }, `Dropped ${k}s`), h('span', { class: 'hint' }, '(old numbering)'), idButtons(removed, 'removed', 'old')));
  }
  if (!lists.length) lists.push(h('div', { class: 'idlist' }, h('span', { class: 'what' }, 'No clause added or dropped.')));
  const warnings = (c.warnings || []).length
    ? h('details', { class: 'warnings' }, h('summary', {}, `${c.warnings.length} reading warning${c.warnings.length > 1 ? 's' : ''}`),
        h('ul', {}, c.warnings.map((w) => h('li', {}, `${w.file ? w.file + (w.line ? ':' + w.line : '') + ': ' : ''}${w.message}`))))
    : null;
  el.replaceChildren(
    h('div', { class: 'sides' }, side('Older', c.old), h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'), side('Newer', c.new)),
    h('div', { class: 'summary-grid' }, table, h('div', { class: 'idlists' }, lists, warnings)),
  );
  el.hidden = false;
}

// ---------------------------------------------------------------------------------------------
// Redline

/** What kind of change a pair is, for filters, colours and the change map. */
function changeClass(p) {
  if (p.status === 'added') return 'added';
  if (p.status === 'removed') return 'removed';
  if (p.status === 'unchanged') return p.moved ? 'moved' : p.openingChanged ? 'changed' : 'unchanged';
  if (p.technical) return 'technical';
  return 'changed';
}

function isChange(p) {
  return changeClass(p) !== 'unchanged';
}

function matchesFilter(p) {
  if (state.kind !== 'all' && p.kind !== state.kind) return false;
  switch (state.show) {
    case 'changes':
      return isChange(p);
    case 'new':
      return p.status === 'added';
    case 'changed':
      return ['modified', 'split', 'merged'].includes(p.status) || p.openingChanged;
    case 'moved':
      return p.moved;
    case 'dropped':
      return p.status === 'removed';
    default:
      return true;
  }
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
  if (p.status !== 'unchanged' && p.status !== 'added' && p.status !== 'removed' && typeof p.similarity === 'number') {
    out.push(h('span', { class: 'sim', title: 'Similarity of the two texts' }, `${Math.round(p.similarity * 100)}% similar`));
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
    for (const part of parts) {
      const text = part.text;
      const show = !(side === 'old' && part.op === 'insert') && !(side === 'new' && part.op === 'delete');
      if (!show) continue;
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

function renderRow(p, index) {
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
  if (state.layout === 'inline') {
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
  return row;
}

function renderRedline() {
  const c = state.comparison;
  const red = $('#redline');
  red.dataset.layout = state.layout;
  const colHead =
    state.layout === 'inline'
      ? h('div', { class: 'col-head inline' }, h('span', {}, `${sideName(c.old)} → ${sideName(c.new)}`))
      : h('div', { class: 'col-head' }, h('span', {}, `Older: ${sideName(c.old)}`), h('span', {}, `Newer: ${sideName(c.new)}`));
  const rows = [];
  c.pairs.forEach((p, i) => {
    if (matchesFilter(p)) rows.push(renderRow(p, i));
  });
  if (!rows.length) rows.push(h('p', { class: 'empty-filter' }, 'No clause matches this filter.'));
  red.replaceChildren(colHead, ...rows);
  state.current = -1;
  updatePosition();
  requestAnimationFrame(renderChangeMap);
}

function changeRows() {
  return /** @type {HTMLElement[]} */ ([...document.querySelectorAll('#redline .row[data-change="1"]')]);
}

// ---------------------------------------------------------------------------------------------
// Change map: a mark per changed clause beside the scrollbar; click to jump

function renderChangeMap() {
  const map = $('#changemap');
  const red = $('#redline');
  const total = red.scrollHeight || 1;
  const mapH = map.clientHeight;
  const marks = changeRows().map((row) => {
    const top = (row.offsetTop / total) * mapH;
    // A pixel of air between neighbouring marks, so adjacent changes stay countable.
    const height = Math.max(3, (row.offsetHeight / total) * mapH - 1);
    const mark = h('button', {
      type: 'button',
      class: `mark ${[...row.classList].filter((x) => x !== 'row').join(' ')}`,
      tabindex: '-1',
      title: row.getAttribute('aria-label'),
      onclick: () => focusRow(row),
    });
    mark.style.top = `${top}px`;
    mark.style.height = `${height}px`;
    return mark;
  });
  const vp = h('div', { class: 'viewport-mark' });
  map.replaceChildren(vp, ...marks);
  updateViewportMark();
}

function updateViewportMark() {
  const red = $('#redline');
  const map = $('#changemap');
  const vp = /** @type {HTMLElement|null} */ (map.querySelector('.viewport-mark'));
  if (!vp) return;
  const total = red.scrollHeight || 1;
  vp.style.top = `${(red.scrollTop / total) * map.clientHeight}px`;
  vp.style.height = `${Math.max(8, (red.clientHeight / total) * map.clientHeight)}px`;
}

// ---------------------------------------------------------------------------------------------
// Jumping between changes

function focusRow(row) {
  const rows = changeRows();
  state.current = rows.indexOf(row);
  for (const r of document.querySelectorAll('#redline .row.current')) r.classList.remove('current');
  row.classList.add('current');
  row.focus({ preventScroll: true });
  row.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  updatePosition();
}

function jump(delta) {
  const rows = changeRows();
  if (!rows.length) return;
  let i;
  const red = $('#redline');
  const cur = rows[state.current];
  // After the reader scrolled the current change out of sight, n and p go from what is on screen.
  const inView = cur && cur.offsetTop + cur.offsetHeight > red.scrollTop && cur.offsetTop < red.scrollTop + red.clientHeight;
  if (!inView) state.current = -1;
  if (state.current < 0 || state.current >= rows.length) {
    // Nothing chosen yet: start from what is on screen.
    const top = red.scrollTop + 36; // below the sticky column heads
    if (delta > 0) {
      i = rows.findIndex((r) => r.offsetTop + r.offsetHeight > top);
      if (i < 0) i = rows.length - 1;
    } else {
      i = rows.length - 1;
      while (i > 0 && rows[i].offsetTop >= top) i--;
    }
  } else {
    i = Math.max(0, Math.min(rows.length - 1, state.current + delta));
  }
  focusRow(rows[i]);
}

function jumpToClause(side, id) {
  if (state.show !== 'all' || state.kind !== 'all') {
    setFilter('show', 'all');
    setFilter('kind', 'all');
    renderRedline();
  }
  const row = [...document.querySelectorAll('#redline .row')].find((r) => (r.getAttribute(`data-${side}`) || '').split(' ').includes(id));
  if (row) focusRow(/** @type {HTMLElement} */ (row));
}

function updatePosition() {
  const n = changeRows().length;
  const el = $('#change-pos');
  el.textContent = n === 0 ? 'no changes shown' : state.current < 0 ? `${n} change${n > 1 ? 's' : ''}` : `change ${state.current + 1} of ${n}`;
}

function setFilter(name, value) {
  state[name] = value;
  const input = /** @type {HTMLInputElement|null} */ (document.querySelector(`input[name="${name}"][value="${value}"]`));
  if (input) input.checked = true;
}

// ---------------------------------------------------------------------------------------------
// Downloads

function updateDownloads() {
  for (const a of /** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelectorAll('a.dl'))) {
    const format = a.dataset.format;
    if (state.refs) {
      const q = new URLSearchParams(state.refs);
      q.set('format', format);
      q.set('layout', state.layout);
      q.set('download', '1');
      a.href = `/api/compare?${q}`;
      a.setAttribute('download', '');
    } else {
      a.href = '#';
      a.removeAttribute('download');
    }
  }
}

async function downloadUpload(format) {
  if (!state.files) return;
  const form = new FormData();
  form.append('old', state.files.old);
  form.append('new', state.files.new);
  form.append('format', format);
  form.append('layout', state.layout);
  form.append('download', '1');
  setStatus(`Preparing the ${format.toUpperCase()} file…`);
  try {
    const res = await fetch('/api/compare', { method: 'POST', body: form });
    if (!res.ok) {
      let msg = `The server answered ${res.status}.`;
      try {
        msg = (await res.json()).error || msg;
      } catch {
        /* keep */
      }
      throw new Error(msg);
    }
    const blob = await res.blob();
    const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '')?.[1] || `resdiff.${format}`;
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    setStatus(`Downloaded ${name}.`);
  } catch (e) {
    setStatus(e instanceof Error ? e.message : String(e), 'error');
  }
}

// ---------------------------------------------------------------------------------------------
// Series view (issue 7 will add paragraph histories and votes here)

async function showSeries() {
  const body = $('#series-body');
  const sel = /** @type {HTMLSelectElement} */ ($('#series-select'));
  const id = sel.value;
  if (!id) {
    body.replaceChildren(h('p', {}, 'Pick a series on the Compare view first.'));
    return;
  }
  try {
    const s = await fetchJson(`/api/series/${encodeURIComponent(id)}`);
    const row = (m) =>
      h('tr', {}, h('td', {}, m.symbol), h('td', {}, m.adopted ? formatDate(m.adopted) : m.year ? String(m.year) : ''), h('td', {}, m.body || s.body || ''), h('td', {}, m.ref ? 'in the corpus' : 'text not in the corpus'));
    const table = (caption, members) =>
      h('table', { class: 'series-table' }, h('caption', {}, caption),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Symbol'), h('th', { scope: 'col' }, 'Adopted'), h('th', { scope: 'col' }, 'Body'), h('th', { scope: 'col' }, 'Text'))),
        h('tbody', {}, members.map(row)));
    const constructed = s.versions.filter((v) => v.constructed);
    body.replaceChildren(
      h('h3', {}, s.title),
      table('Members of the series', s.members),
      s.related.length ? table('Related resolutions', s.related) : null,
      constructed.length ? h('p', { class: 'hint' }, `The corpus also holds ${constructed.length} constructed example${constructed.length > 1 ? 's' : ''} of this series (${constructed.map((v) => v.ref).join(', ')}), written to show resdiff's features; not official texts.`) : null,
    );
  } catch (e) {
    body.replaceChildren(h('p', { class: 'status', 'data-kind': 'error', role: 'alert' }, e instanceof Error ? e.message : String(e)));
  }
}

function showView(name) {
  const compare = name === 'compare';
  $('#compare-view').hidden = !compare;
  $('#series-view').hidden = compare;
  $('#tab-compare').setAttribute('aria-pressed', String(compare));
  $('#tab-series').setAttribute('aria-pressed', String(!compare));
  if (!compare) void showSeries();
  else requestAnimationFrame(renderChangeMap);
}

// ---------------------------------------------------------------------------------------------
// Wiring

function renderAll() {
  renderSummary();
  $('#toolbar').hidden = false;
  $('#compare-main').hidden = false;
  $('#legend').hidden = false;
  $('#downloads').hidden = false;
  updateDownloads();
  renderRedline();
  $('#redline').scrollTop = 0;
}

function setSource(source) {
  state.source = source;
  $('#corpus-form').hidden = source !== 'corpus';
  $('#upload-form').hidden = source !== 'upload';
}

function assignDropped(files, side) {
  const list = [...files];
  if (!list.length) return;
  const set = (input, file) => {
    const dt = new DataTransfer();
    dt.items.add(file);
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
  };
  if (list.length >= 2) {
    set($('#file-old'), list[0]);
    set($('#file-new'), list[1]);
  } else set(side === 'new' ? $('#file-new') : $('#file-old'), list[0]);
}

function init() {
  for (const r of document.querySelectorAll('input[name="source"]')) r.addEventListener('change', (e) => setSource(/** @type {HTMLInputElement} */ (e.target).value));
  $('#series-select').addEventListener('change', () => onSeriesChange(null, null));
  $('#swap').addEventListener('click', () => {
    const o = /** @type {HTMLSelectElement} */ ($('#old-select'));
    const n = /** @type {HTMLSelectElement} */ ($('#new-select'));
    const a = o.value;
    o.value = n.value;
    n.value = a;
  });
  $('#corpus-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void compareCorpus();
  });
  $('#upload-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void compareUploads();
  });
  for (const zone of document.querySelectorAll('.drop')) {
    const z = /** @type {HTMLElement} */ (zone);
    z.addEventListener('dragover', (e) => {
      e.preventDefault();
      z.classList.add('over');
    });
    z.addEventListener('dragleave', () => z.classList.remove('over'));
    z.addEventListener('drop', (e) => {
      e.preventDefault();
      z.classList.remove('over');
      if (e.dataTransfer) assignDropped(e.dataTransfer.files, z.dataset.side);
    });
    const input = /** @type {HTMLInputElement} */ (z.querySelector('input[type=file]'));
    input.addEventListener('change', () => {
      const hint = /** @type {HTMLElement} */ (z.querySelector('.drop-hint'));
      const f = input.files?.[0];
      hint.textContent = f ? `${f.name} (${Math.ceil(f.size / 1024)} KiB)` : 'or drop a file here';
      z.classList.toggle('has-file', !!f);
    });
  }
  for (const name of ['layout', 'show', 'kind']) {
    for (const r of document.querySelectorAll(`input[name="${name}"]`)) {
      r.addEventListener('change', (e) => {
        state[name] = /** @type {HTMLInputElement} */ (e.target).value;
        if (name === 'layout') updateDownloads();
        if (state.comparison) renderRedline();
      });
    }
  }
  $('#next-change').addEventListener('click', () => jump(1));
  $('#prev-change').addEventListener('click', () => jump(-1));
  for (const a of document.querySelectorAll('a.dl')) {
    a.addEventListener('click', (e) => {
      if (state.refs) return; // a plain download link
      e.preventDefault();
      void downloadUpload(/** @type {HTMLElement} */ (a).dataset.format);
    });
  }
  $('#tab-compare').addEventListener('click', () => showView('compare'));
  $('#tab-series').addEventListener('click', () => showView('series'));
  $('#redline').addEventListener('scroll', updateViewportMark, { passive: true });
  window.addEventListener('resize', () => state.comparison && renderChangeMap());
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = /** @type {HTMLElement} */ (e.target);
    if (t && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName) && !(t instanceof HTMLInputElement && (t.type === 'radio' || t.type === 'checkbox')))) return;
    if (!state.comparison || $('#compare-view').hidden) return;
    if (e.key === 'n' || e.key === 'j') {
      e.preventDefault();
      jump(1);
    } else if (e.key === 'p' || e.key === 'k') {
      e.preventDefault();
      jump(-1);
    }
  });
  loadCorpus().catch((e) => setStatus(e instanceof Error ? e.message : String(e), 'error'));
}

init();
