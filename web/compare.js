// resdiff page, Compare view: the status line, the summary, the filters, the clause-aligned
// redline with its change map, and jumping between changes (n / p). It draws whatever
// comparison.js holds; the corpus pickers (picker.js) and the upload form (uploads.js) start
// comparisons, downloads.js offers the shown one as files.

import { $, h, formatDate, fetchJson } from './dom.js';
import * as comparison from './comparison.js';
import { sideName } from './comparison.js';
import { COUNT_WORDS, countPairs, countWord } from './counts.js';
import { changeClass, isChange, renderRow } from './redline.js';
import { initPicker, picked } from './picker.js';
import { initUploads } from './uploads.js';
import { initDownloads, noteFilters } from './downloads.js';

/** How the shown comparison is drawn: layout, filters, and the change the reader is on. */
const view = {
  layout: 'side-by-side',
  /** 'all' | 'changes' | a count word */ show: 'all',
  kind: 'all',
  /** index into the visible change rows */ current: -1,
  /** The reader scrolled since the last jump: n and p start again from what is on screen. */
  userScrolled: false,
};

// ---------------------------------------------------------------------------------------------
// The status line

function setStatus(text, kind = 'info') {
  const el = $('#status');
  el.textContent = text;
  el.dataset.kind = kind;
  el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

// ---------------------------------------------------------------------------------------------
// Comparing corpus versions

async function compareCorpus() {
  const refs = picked();
  if (!refs.old || !refs.new) return comparison.fail('Pick two versions to compare.');
  if (refs.old === refs.new) return comparison.fail('Pick two different versions: the older and the newer one are the same text.');
  const q = new URLSearchParams({ old: refs.old, new: refs.new });
  history.replaceState(null, '', `?${q}`);
  await comparison.run({ kind: 'corpus', old: refs.old, new: refs.new }, () => fetchJson(`/api/compare?${q}&provenance=1`));
}

// ---------------------------------------------------------------------------------------------
// Drawing the state of the comparison

/** Everything that belongs to a shown result, hidden together so no part of an old one lingers. */
const RESULT_PARTS = ['#summary', '#toolbar', '#compare-main', '#legend'];

function draw(s) {
  document.body.toggleAttribute('aria-busy', s.phase === 'loading');
  if (s.phase !== 'shown') {
    for (const sel of RESULT_PARTS) $(sel).hidden = true;
    $('#summary').replaceChildren();
    $('#redline').replaceChildren();
    $('#changemap').replaceChildren();
    view.current = -1;
  }
  if (s.phase === 'idle') setStatus(s.message);
  else if (s.phase === 'loading') {
    const names = s.source?.kind === 'upload' ? `${s.source.old.name} with ${s.source.new.name}` : s.source ? `${s.source.old} with ${s.source.new}` : '';
    setStatus(`Comparing ${names}…`);
  } else if (s.phase === 'failed') setStatus(`${s.message}${/[.!?]$/.test(s.message) ? '' : '.'} No comparison is shown.`, 'error');
  else {
    const c = s.comparison;
    const identical = c.pairs.every((p) => p.status === 'unchanged' && !p.moved);
    setStatus(identical ? `${sideName('old')} and ${sideName('new')} have the same text: every paragraph is unchanged.` : `Compared ${sideName('old')} with ${sideName('new')}.`, identical ? 'info' : 'done');
    renderSummary(c);
    renderFilterCounts(c);
    for (const sel of RESULT_PARTS) $(sel).hidden = false;
    renderRedline();
    scroller().scrollTop = 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Summary

function idButtons(ids, kindLabel, side) {
  if (!ids.length) return null;
  return h(
    'span',
    { class: 'ids' },
    ids.map((id) => h('button', { type: 'button', class: `id-link ${kindLabel}`, onclick: () => jumpToClause(side, id), title: `Show ${id}` }, id)),
  );
}

/** The counts of one kind under the one vocabulary: the JSON's own, else counted the same way. */
function countsOf(c, kind) {
  return c.summary?.[kind]?.counts || countPairs(c.pairs, kind);
}

/** Column heads of the counts table: the vocabulary's words and what each means. */
const COUNT_TITLES = {
  new: 'Paragraphs added in the newer text',
  dropped: 'Paragraphs of the older text left out of the newer one',
  changed: 'New or deleted language (modified, split or merged); technical updates not included',
  technical: 'Only dates, numbers, document symbols or session ordinals changed',
  moved: 'Changed place relative to their neighbours (also counted under their other word)',
  unchanged: 'Same wording in the same place',
};

function renderSummary(c) {
  const el = $('#summary');
  const side = (label, key) => {
    const v = c[key];
    return h(
      'div',
      { class: 'side', dataset: { side: key } },
      h('span', { class: 'side-label' }, label),
      h('strong', { class: 'side-name' }, sideName(key)),
      v.adopted ? h('span', { class: 'date' }, ` adopted ${formatDate(v.adopted)}`) : null,
      v.constructed ? h('span', { class: 'badge constructed', title: 'Written by the resdiff project to show its features; not an official UN text.' }, 'constructed example') : null,
      h('span', { class: 'counts' }, ` ${v.counts.PP} PP, ${v.counts.OP} OP`),
    );
  };
  const rows = ['PP', 'OP'].map((k) => {
    const s = countsOf(c, k);
    const cls = { new: 'added', dropped: 'removed', changed: 'changed', technical: 'tech', moved: 'moved', unchanged: '' };
    return h(
      'tr',
      { dataset: { kind: k } },
      h('th', { scope: 'row' }, h('span', { class: 'long' }, k === 'PP' ? 'Preamble ' : 'Operative '), h('span', { class: 'long' }, '('), k, h('span', { class: 'long' }, ')')),
      COUNT_WORDS.map((w) => h('td', { class: `num${s[w] && cls[w] ? ` ${cls[w]}` : ''}`, dataset: { word: w } }, s[w])),
    );
  });
  const table = h(
    'table',
    { class: 'counts-table' },
    h('caption', { class: 'visually-hidden' }, 'Clauses by kind and what happened to them'),
    h('thead', {}, h('tr', {}, h('td', {}), COUNT_WORDS.map((w) => h('th', { scope: 'col', title: COUNT_TITLES[w] }, w)))),
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
    h('div', { class: 'summary-main' }, h('div', { class: 'sides' }, side('Older', 'old'), side('Newer', 'new')), h('div', { class: 'idlists' }, lists, warnings)),
    table,
  );
}

// ---------------------------------------------------------------------------------------------
// Filters: "show" is a word of the vocabulary (or all / any change), "kind" PP or OP

function matchesFilter(p) {
  if (view.kind !== 'all' && p.kind !== view.kind) return false;
  if (view.show === 'all') return true;
  if (view.show === 'changes') return isChange(p);
  if (view.show === 'moved') return !!p.moved;
  return countWord(p) === view.show;
}

/** Each "show" filter carries the number of rows it shows (PP + OP), under the same words as the summary. */
function renderFilterCounts(c) {
  const pp = countsOf(c, 'PP');
  const op = countsOf(c, 'OP');
  const total = (w) => pp[w] + op[w];
  const changes = c.pairs.filter(isChange).length;
  for (const el of document.querySelectorAll('#toolbar [data-count]')) {
    const w = /** @type {HTMLElement} */ (el).dataset.count;
    el.textContent = String(w === 'changes' ? changes : w === 'all' ? c.pairs.length : total(w));
  }
}

function setFilter(name, value) {
  view[name] = value;
  const input = /** @type {HTMLInputElement|null} */ (document.querySelector(`input[name="${name}"][value="${value}"]`));
  if (input) input.checked = true;
}

// ---------------------------------------------------------------------------------------------
// Redline

function emptyMessage(c) {
  if (c.pairs.every((p) => p.status === 'unchanged' && !p.moved)) return 'No changes: the two texts are identical, paragraph for paragraph.';
  const what = view.show === 'changes' ? 'changed in any way' : view.show === 'all' ? 'shown' : view.show;
  return `No ${view.kind === 'all' ? 'paragraph' : view.kind} is ${what} in this comparison.`;
}

function renderRedline() {
  const c = comparison.current.comparison;
  if (!c) return;
  const red = $('#redline');
  red.dataset.layout = view.layout;
  const colHead =
    view.layout === 'inline'
      ? h('div', { class: 'col-head inline' }, h('span', {}, `${sideName('old')} → ${sideName('new')}`))
      : h('div', { class: 'col-head' }, h('span', {}, `Older: ${sideName('old')}`), h('span', {}, `Newer: ${sideName('new')}`));
  const rows = [];
  c.pairs.forEach((p, i) => {
    if (matchesFilter(p)) rows.push(renderRow(p, i, view.layout));
  });
  if (!rows.length) rows.push(h('p', { class: 'empty-filter' }, emptyMessage(c)));
  red.replaceChildren(colHead, ...rows);
  view.current = -1;
  noteFilters(view.show !== 'all' || view.kind !== 'all');
  updatePosition();
  requestAnimationFrame(renderChangeMap);
  showLinkedClause();
}

/** A link from the Search view names a clause (?clause=OP5): bring its row into view, once. */
let linkedClause = new URLSearchParams(location.search).get('clause');
function showLinkedClause() {
  if (!linkedClause) return;
  const id = linkedClause;
  linkedClause = null;
  const row = [...document.querySelectorAll('#redline .row')].find((r) => (/** @type {HTMLElement} */ (r).dataset.new || '').split(' ').includes(id));
  if (row) {
    row.classList.add('linked');
    row.scrollIntoView({ block: 'center' });
    /** @type {HTMLElement} */ (row).focus({ preventScroll: true });
  }
}

function changeRows() {
  return /** @type {HTMLElement[]} */ ([...document.querySelectorAll('#redline .row[data-change="1"]')]);
}

/**
 * What scrolls the redline: the redline box on wide screens, the page itself on a phone (where
 * the box grows to its content; see style.css).
 */
function scroller() {
  const red = $('#redline');
  return getComputedStyle(red).overflowY === 'visible' ? /** @type {HTMLElement} */ (document.scrollingElement) : red;
}

/** The part of the screen the redline's rows show in: [top, bottom] in viewport pixels. */
function visibleBand() {
  const s = scroller();
  const head = /** @type {HTMLElement|null} */ (document.querySelector('#redline .col-head'));
  const headH = head ? head.offsetHeight : 0;
  if (s === document.scrollingElement) {
    // The toolbar sticks to the top of the screen there, and the column heads do not.
    const bar = $('#toolbar');
    return [Math.max(0, bar.getBoundingClientRect().bottom), innerHeight];
  }
  const r = s.getBoundingClientRect();
  return [r.top + headH, r.bottom];
}

// ---------------------------------------------------------------------------------------------
// Change map: a mark per changed clause beside the scrollbar; click to jump

function renderChangeMap() {
  const map = $('#changemap');
  const red = $('#redline');
  if (!comparison.current.comparison || map.offsetParent === null) return;
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
  view.current = rows.indexOf(row);
  view.userScrolled = false;
  for (const r of document.querySelectorAll('#redline .row.current')) r.classList.remove('current');
  row.classList.add('current');
  row.focus({ preventScroll: true });
  row.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  updatePosition();
}

/**
 * Go to the next (delta 1) or previous (-1) change. The current change is the last one jumped
 * to, even while a smooth scroll is still on its way there; only after the reader scrolled
 * by hand do n and p start again from what is on screen.
 */
function jump(delta) {
  const rows = changeRows();
  if (!rows.length) return;
  const cur = rows[view.current];
  const [top, bottom] = visibleBand();
  if (cur && view.userScrolled) {
    const r = cur.getBoundingClientRect();
    if (!(r.bottom > top && r.top < bottom)) view.current = -1;
  }
  let i;
  if (view.current < 0 || view.current >= rows.length) {
    // Nothing chosen yet: start from what is on screen.
    if (delta > 0) {
      i = rows.findIndex((r) => r.getBoundingClientRect().bottom > top);
      if (i < 0) i = rows.length - 1;
    } else {
      i = rows.length - 1;
      while (i > 0 && rows[i].getBoundingClientRect().top >= top) i--;
    }
  } else {
    i = Math.max(0, Math.min(rows.length - 1, view.current + delta));
  }
  focusRow(rows[i]);
}

function jumpToClause(side, id) {
  if (view.show !== 'all' || view.kind !== 'all') {
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
  el.textContent = n === 0 ? 'no changes shown' : view.current < 0 ? `${n} change${n > 1 ? 's' : ''}` : `change ${view.current + 1} of ${n}`;
}

// ---------------------------------------------------------------------------------------------
// Small screens: the pickers and the filters fold away behind a button each (style.css shows
// the buttons only there), so the redline keeps the screen.

/** The width below which the controls fold and the page itself scrolls the redline. */
const COMPACT = matchMedia('(max-width: 899px)');
/** The width below which the redline opens inline: two columns of a phone's width are unreadable. */
const PHONE = matchMedia('(max-width: 640px)');

function setFold(toggleSel, open) {
  const t = $(toggleSel);
  t.setAttribute('aria-expanded', String(open));
  const body = $(`#${t.getAttribute('aria-controls')}`);
  body.classList.toggle('folded', !open);
}

function initFolds() {
  for (const sel of ['#pick-toggle', '#toolbar-toggle']) {
    $(sel).addEventListener('click', () => setFold(sel, $(sel).getAttribute('aria-expanded') !== 'true'));
  }
  setFold('#toolbar-toggle', !COMPACT.matches);
}

/** The pickers' button names what is compared, so the folded bar still says it. */
function foldPick(s) {
  const what = $('#pick-toggle .fold-what');
  if (s.phase === 'shown') {
    what.textContent = `${sideName('old')} → ${sideName('new')} · change`;
    // Folded once a result arrives on a small screen; open while there is nothing to read.
    setFold('#pick-toggle', !COMPACT.matches);
  } else {
    what.textContent = 'Choose what to compare';
    if (s.phase !== 'loading') setFold('#pick-toggle', true);
  }
}

// ---------------------------------------------------------------------------------------------
// The view

/** Scrolling by hand (wheel, touch, scrollbar, keys) makes n and p start from what is on screen. */
function watchUserScroll() {
  const mark = () => (view.userScrolled = true);
  for (const type of ['wheel', 'touchmove']) addEventListener(type, mark, { passive: true });
  $('#redline').addEventListener('pointerdown', (e) => {
    // A press on the scrollbar (outside the content box) scrolls by hand.
    const red = /** @type {HTMLElement} */ (e.currentTarget);
    if (e.offsetX > red.clientWidth) mark();
  });
  addEventListener('keydown', (e) => {
    if (['PageDown', 'PageUp', 'ArrowDown', 'ArrowUp', 'Home', 'End', ' '].includes(e.key)) mark();
  });
}

/** @type {import('./app.js').View} */
export const compareView = {
  id: 'compare',
  label: 'Compare',
  skipTarget: '#redline',
  init(ctx) {
    $('#corpus-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void compareCorpus();
    });
    for (const name of ['layout', 'show', 'kind']) {
      for (const r of document.querySelectorAll(`input[name="${name}"]`)) {
        r.addEventListener('change', (e) => {
          view[name] = /** @type {HTMLInputElement} */ (e.target).value;
          if (comparison.current.comparison) renderRedline();
        });
      }
    }
    $('#next-change').addEventListener('click', () => jump(1));
    $('#prev-change').addEventListener('click', () => jump(-1));
    $('#redline').addEventListener('scroll', updateViewportMark, { passive: true });
    addEventListener('resize', () => comparison.current.comparison && renderChangeMap());
    watchUserScroll();
    initFolds();
    if (PHONE.matches) setFilter('layout', 'inline');
    initUploads();
    initDownloads(() => view.layout);
    comparison.subscribe(draw);
    comparison.subscribe(foldPick);
    if (!ctx.corpus) return;
    const { versions, problem } = initPicker(ctx.corpus, ctx.params);
    if (problem) comparison.fail(problem);
    else if (versions === 0) comparison.reset('The corpus holds no texts yet. Compare two files of your own instead.');
    else if (versions < 2) comparison.reset('This series has only one version in the corpus; pick another series or compare your own files.');
    else void compareCorpus();
  },
  show() {
    requestAnimationFrame(renderChangeMap);
  },
  onKey(e) {
    if (!comparison.current.comparison) return;
    if (e.key === 'n' || e.key === 'j') {
      e.preventDefault();
      jump(1);
    } else if (e.key === 'p' || e.key === 'k') {
      e.preventDefault();
      jump(-1);
    }
  },
};

export { changeClass };
