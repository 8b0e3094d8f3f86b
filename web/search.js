// resdiff page, Search view: where wording is in the corpus. A phrase is found ignoring case,
// punctuation, footnote markers and layout, earliest first (the first result says where it was
// first agreed); "near" ranks clauses by the aligner's similarity to a whole paragraph. Filters:
// series, adopted since a year, how many. Each result links to its clause in a comparison with
// the version before it. Data: GET /api/search. Document text goes in as text nodes only.

import { $, h, formatDate, fetchJson } from './dom.js';

const state = { /** @type {AbortController | null} */ pending: null, seq: 0 };

function status(text, kind = 'info') {
  const el = $('#search-status');
  el.textContent = text;
  el.dataset.kind = kind;
}

/** The clause text with its marked ranges in <mark>. */
function markedText(hit) {
  const parts = [];
  let at = 0;
  for (const [s, e] of hit.marks) {
    if (s > at) parts.push(hit.text.slice(at, s));
    parts.push(h('mark', {}, hit.text.slice(s, e)));
    at = e;
  }
  parts.push(hit.text.slice(at));
  return parts;
}

function resultItem(hit, i, mode) {
  const name = hit.symbol || hit.ref;
  const head = h(
    'h2',
    { class: 'hit-head' },
    h('span', { class: 'hit-where' }, `${name} ${hit.clause}`),
    ' ',
    h('span', { class: 'hit-date' }, hit.adopted ? formatDate(hit.adopted) : 'undated'),
    hit.similarity !== undefined ? h('span', { class: 'hit-sim' }, `similarity ${hit.similarity.toFixed(2)}`) : null,
    hit.constructed ? h('span', { class: 'badge constructed' }, 'constructed example, not a UN document') : null,
  );
  const links = h('p', { class: 'hit-links' });
  if (hit.previous) {
    const q = new URLSearchParams({ old: hit.previous, new: hit.ref, clause: hit.clause });
    links.append(h('a', { href: `?${q}` }, `${hit.clause} in ${name}, compared with the version before (${hit.previous})`));
  } else {
    links.append(h('span', { class: 'hint' }, 'no earlier version of this text in the corpus'));
  }
  return h(
    'li',
    { class: 'hit', dataset: { symbol: hit.symbol, clause: hit.clause } },
    i === 0 && mode === 'phrase' ? h('p', { class: 'first-agreed' }, `First agreed in ${name} ${hit.clause}, ${hit.adopted ? formatDate(hit.adopted) : 'undated'}`) : null,
    head,
    h('p', { class: 'hit-text', lang: 'en' }, ...markedText(hit)),
    links,
  );
}

async function run(e) {
  e?.preventDefault();
  const form = /** @type {HTMLFormElement} */ ($('#search-form'));
  const data = new FormData(form);
  const text = String(data.get('q') || '').trim();
  const mode = String(data.get('mode') || 'phrase');
  if (!text) {
    status(mode === 'near' ? 'Paste a paragraph to find the clauses closest to it.' : 'Type the words to look for.', 'error');
    return;
  }
  const q = new URLSearchParams({ q: text, mode });
  for (const k of ['series', 'since', 'limit']) {
    const v = String(data.get(k) || '').trim();
    if (v) q.set(k, v);
  }
  if (data.get('since') && !/^\d{4}$/.test(String(data.get('since')).trim())) {
    status('“Adopted since” takes a year, such as 2015.', 'error');
    return;
  }
  state.pending?.abort();
  const ctrl = new AbortController();
  state.pending = ctrl;
  const seq = ++state.seq;
  status('Searching…');
  $('#search-results').replaceChildren();
  let body;
  try {
    body = await fetchJson(`/api/search?${q}`, { signal: ctrl.signal });
  } catch (err) {
    if (seq === state.seq) status(/** @type {Error} */ (err).message, 'error');
    return;
  }
  if (seq !== state.seq) return;
  const n = body.hits.length;
  if (!n) {
    status(mode === 'near' ? 'No clause in the corpus is close to this paragraph.' : `No clause in the corpus contains “${text}”.`);
    return;
  }
  status(`${n}${body.more ? '+' : ''} clause${n === 1 && !body.more ? '' : 's'}, ${mode === 'near' ? 'most similar first' : 'earliest first'}${body.more ? ' (raise “at most” to see more)' : ''}.`);
  $('#search-results').replaceChildren(...body.hits.map((hit, i) => resultItem(hit, i, body.mode)));
}

/** @type {import('./app.js').View} */
export const searchView = {
  id: 'search',
  label: 'Search',
  skipTarget: '#search-heading',
  init(ctx) {
    const sel = /** @type {HTMLSelectElement} */ ($('#search-series'));
    sel.replaceChildren(h('option', { value: '' }, 'All series'), ...(ctx.corpus?.series || []).map((s) => h('option', { value: s.id }, s.title)));
    $('#search-form').addEventListener('submit', run);
    const q = ctx.params.get('q');
    if (q && ctx.params.get('view') === 'search') {
      /** @type {HTMLTextAreaElement} */ ($('#search-q')).value = q;
      void run();
    }
  },
  show() {
    $('#search-q').focus();
  },
};
