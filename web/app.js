// resdiff page: the shell. It loads the corpus listing once, builds the view tabs, shows the view
// the address asks for (?view=series; the Compare view by default, with ?old=REF&new=REF), and
// hands keys to the view on screen. Each view lives in its own module, as src/render holds one
// file per format:
//
//   compare.js   Compare: pickers (picker.js), uploads (uploads.js), summary, filters, redline
//                (redline.js), n / p, downloads (downloads.js); the comparison's state machine
//                is comparison.js
//   series.js    Series: paragraph history, votes and members of the picked series
//
// ADDING A VIEW (a tab), e.g. Search:
//   1. write web/search.js exporting a View (see the typedef below): `id` 'search', a `label`,
//      `init(ctx)` to wire its controls once, `show(ctx)` each time its tab opens, and optionally
//      `onKey(e)` for its shortcuts and `skipTarget` for the skip link;
//   2. add its container to index.html: <main id="search-view" class="view" hidden>…</main>
//      (one <main> per view, so each view is a landmark of its own, with an <h1>);
//   3. import it below and put it in VIEWS, in tab order.
// The tab, the address (?view=search) and the skip link come from here; a view never touches
// another view's DOM.

import { $, h, fetchJson } from './dom.js';
import { compareView } from './compare.js';
import { seriesView } from './series.js';
import { searchView } from './search.js';
import { setUploadLimit } from './uploads.js';

/**
 * @typedef {{ corpus: any, params: URLSearchParams, showView: (id: string) => void }} Context
 * @typedef {{ id: string, label: string, skipTarget?: string, init(ctx: Context): void,
 *   show?(ctx: Context): void, onKey?(e: KeyboardEvent): void }} View
 */

/** The views, in tab order. The first is the default. */
/** @type {View[]} */
const VIEWS = [compareView, seriesView, searchView];

/** @type {Context} */
const ctx = { corpus: null, params: new URLSearchParams(location.search), showView };

let active = VIEWS[0];

function tabs() {
  const nav = $('#view-tabs');
  nav.replaceChildren(
    ...VIEWS.map((v) =>
      h('button', { type: 'button', class: 'view-tab', id: `tab-${v.id}`, 'aria-controls': `${v.id}-view`, 'aria-pressed': 'false', onclick: () => showView(v.id, true) }, v.label),
    ),
  );
}

/**
 * Show one view, hide the others.
 * @param {string} id
 * @param {boolean} [record] put the view in the address (a tab click), so a reload or a shared link opens it
 */
function showView(id, record = false) {
  const next = VIEWS.find((v) => v.id === id) || VIEWS[0];
  active = next;
  for (const v of VIEWS) {
    $(`#${v.id}-view`).hidden = v !== next;
    $(`#tab-${v.id}`).setAttribute('aria-pressed', String(v === next));
  }
  const skip = /** @type {HTMLAnchorElement} */ ($('#skip'));
  skip.href = next.skipTarget || `#${next.id}-view`;
  if (record) {
    const q = new URLSearchParams(location.search);
    if (next === VIEWS[0]) q.delete('view');
    else q.set('view', next.id);
    const s = q.toString();
    history.replaceState(null, '', s ? `?${s}` : location.pathname);
  }
  next.show?.(ctx);
}

/** Keys go to the view on screen, unless the reader is typing or holds a modifier. */
function onKey(e) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const t = /** @type {HTMLElement} */ (e.target);
  const typing = t && (t.isContentEditable || (/^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName) && !(t instanceof HTMLInputElement && (t.type === 'radio' || t.type === 'checkbox'))));
  if (!typing) active.onKey?.(e);
}

async function main() {
  tabs();
  document.addEventListener('keydown', onKey);
  // A file dropped on any view is meant for comparing.
  document.addEventListener('resdiff:view', (e) => showView(/** @type {CustomEvent} */ (e).detail, true));
  let problem = '';
  try {
    ctx.corpus = await fetchJson('/api/corpus');
    setUploadLimit(ctx.corpus.limits?.maxUploadBytes);
  } catch (e) {
    problem = e instanceof Error ? e.message : String(e);
  }
  for (const v of VIEWS) v.init(ctx);
  const want = ctx.params.get('view');
  if (want && !VIEWS.some((v) => v.id === want)) {
    showView(VIEWS[0].id);
    const s = $('#status');
    s.textContent = `The link asks for a view “${want}” the page does not have; showing ${VIEWS[0].label}.`;
    s.dataset.kind = 'error';
  } else showView(want || VIEWS[0].id);
  if (problem) {
    const s = $('#status');
    s.textContent = problem;
    s.dataset.kind = 'error';
    s.setAttribute('role', 'alert');
  }
}

void main();
