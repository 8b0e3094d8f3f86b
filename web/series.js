// resdiff page, series view: the paragraph history of a series (one row per clause lineage, one
// column per version, each cell the clause id with its mark; a cell opens that version's text
// and the redline from the version before) and the votes (country × version, changes marked).
//
// One view of the page (see app.js): it shows the series picked on the Compare view
// (picker.js) and renders into #series-analysis and #series-body whenever the Series tab opens. Data comes from
// GET /api/series/:id/history and /votes. Every piece of document text (clause texts, country
// names, symbols) reaches the page through text nodes, never innerHTML.

import { $, h, formatDate, fetchJson } from './dom.js';
import { pickedSeries } from './picker.js';
/** Words for each cell mark, in the detail pane and the cells' accessible names. */
const MARK_WORD = {
  first: 'first version',
  unchanged: 'unchanged',
  modified: 'changed',
  technical: 'technical update',
  split: 'split',
  merged: 'merged',
  new: 'new',
  reintroduced: 'reintroduced',
  gone: 'dropped',
  absent: 'absent',
};

/** A version's short name: its number ("56/2"), else the end of its symbol. */
function shortName(v) {
  if (v.number) return v.number;
  // A constructed example's symbol is made up; its corpus id says what it is.
  if (v.constructed && v.file) return v.file;
  return (v.symbol || v.file || '?').split('/').slice(-2).join('/');
}

/** "A/HRC/RES/56/2 (10 July 2024)". */
function longName(v) {
  return `${v.symbol || v.file || '(unnamed)'}${v.adopted ? ` (${formatDate(v.adopted)})` : ''}`;
}

const CONSTRUCTED = 'Constructed example, written by the resdiff team; not a UN document.';

/** The note on constructed versions: named when few, counted when many (their heads say which). */
function constructedList(vs) {
  if (vs.length <= 2) return `${vs.map(longName).join(', ')}: ${CONSTRUCTED}`;
  return `${vs.length} of the versions (marked in the column heads) are constructed examples, written by the resdiff team; not UN documents.`;
}

// ---------------------------------------------------------------------------------------------
// State

const state = {
  /** The series on show. */ id: '',
  /** @type {any} */ history: null,
  /** @type {any} */ votes: null,
  /** @type {Map<string, Promise<[any, any]>>} */ cache: new Map(),
  /** The selected cell: thread index and version. */ sel: /** @type {{t: number, k: number} | null} */ (null),
};

// ---------------------------------------------------------------------------------------------
// The history table

/** The header cell of a version column. */
function versionHead(v, k) {
  return h(
    'th',
    { scope: 'col', class: `ver${v.constructed ? ' constructed' : ''}`, title: `${longName(v)}${v.constructed ? ` · ${CONSTRUCTED}` : ''}`, dataset: { version: String(k) } },
    h('span', { class: 'ver-name' }, shortName(v)),
    h('span', { class: 'ver-date' }, v.adopted ? v.adopted.slice(0, 4) : ''),
    v.constructed ? h('span', { class: 'badge constructed', title: CONSTRUCTED }, 'constructed') : null,
  );
}

/** First words of a text, for the row heads. */
function excerpt(text, n = 60) {
  if (!text) return '';
  return text.length > n ? `${text.slice(0, n).replace(/\s+\S*$/, '')}…` : text;
}

/** The thread's newest text and ids: where it was last seen. */
function lastSeen(hist, t) {
  const k = t.lastSeen;
  const ids = t.ids[k];
  const text = ids.map((id) => hist.texts?.[k]?.[id] ?? '').join(' ');
  return { k, ids, text };
}

function renderHistory(hist) {
  const n = hist.versions.length;
  const last = n - 1;
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col', class: 'para-head' }, 'Paragraph'),
    hist.versions.map(versionHead),
    h('th', { scope: 'col', class: 'since', title: `The first version in the corpus that has the paragraph; the corpus starts at ${shortName(hist.versions[0])}${hist.versions[0].adopted ? ` (${hist.versions[0].adopted.slice(0, 4)})` : ''}, so a paragraph there may be older` }, 'In corpus since'),
    h('th', { scope: 'col', class: 'lastch', title: 'The last version that changed its text ("t": that change was technical only)' }, 'Last changed'),
  );
  const rows = hist.threads.map((t, ti) => {
    const seen = lastSeen(hist, t);
    const rowName = t.lastSeen === last ? seen.ids.join(' + ') : `${seen.ids.join(' + ')} (${shortName(hist.versions[seen.k])})`;
    const cells = t.cells.map((c, k) => {
      const clickable = c.mark !== 'absent';
      const label = clickable ? `${c.text || t.ids[k].join(' + ')} in ${shortName(hist.versions[k])}: ${MARK_WORD[c.mark]}${c.moved ? ', moved' : ''}` : undefined;
      return h(
        'td',
        {
          class: `hc m-${c.mark}${c.moved ? ' moved' : ''}${clickable ? ' hc-open' : ''}`,
          role: 'gridcell',
          tabindex: clickable ? '-1' : undefined,
          'aria-label': label,
          title: label,
          dataset: { thread: String(ti), version: String(k), ids: t.ids[k].join('+'), mark: c.mark },
        },
        c.text,
      );
    });
    return h(
      'tr',
      { class: t.lastSeen < last ? 'dropped' : '', dataset: { thread: String(ti) } },
      h('th', { scope: 'row', class: 'para-head', title: seen.text }, h('span', { class: 'rid' }, rowName), h('span', { class: 'rtext' }, excerpt(seen.text))),
      cells,
      h('td', { class: 'since' }, t.since),
      h('td', { class: 'lastch' }, t.lastChangedLabel),
    );
  });
  const table = h(
    'table',
    { id: 'history-table', class: 'history-table', role: 'grid', 'aria-label': 'Paragraph history: rows are paragraphs in the newest text\u2019s order, columns are versions', 'aria-describedby': 'history-help' },
    h('thead', {}, head),
    h('tbody', {}, rows),
  );
  table.addEventListener('click', (e) => {
    const td = /** @type {HTMLElement} */ (e.target).closest('td.hc-open');
    if (td) selectCell(/** @type {HTMLElement} */ (td), true);
  });
  table.addEventListener('keydown', onGridKey);
  // The first cell of the newest version takes the tab stop.
  const first = /** @type {HTMLElement | null} */ (table.querySelector(`td.hc-open[data-version="${last}"]`) || table.querySelector('td.hc-open'));
  if (first) first.tabIndex = 0;

  const legend = h(
    'p',
    { class: 'history-legend', id: 'history-legend' },
    h('span', { class: 'legend-title' }, 'Marks:'),
    hist.legend.map((l) => h('span', { class: `lg m-${l.mark}${l.mark === 'moved' ? ' moved' : ''}` }, h('b', {}, l.glyph), ` ${l.meaning}`)),
  );
  const constructed = hist.versions.filter((v) => v.constructed);
  return h(
    'section',
    { class: 'history', 'aria-labelledby': 'history-heading' },
    h('h2', { id: 'history-heading' }, `Paragraph history · ${n} versions`),
    h('p', { class: 'hint', id: 'history-help' }, `${hist.summary}. Click a cell, or use the arrow keys and Enter, to read that version\u2019s text and the redline from the version before.`),
    constructed.length ? h('p', { class: 'hint constructed-note' }, h('span', { class: 'badge constructed' }, 'constructed'), ` ${constructedList(constructed)}`) : null,
    legend,
    h(
      'div',
      { class: 'history-panes' },
      h('div', { class: 'history-scroll', id: 'history-scroll' }, table),
      h('aside', { class: 'clause-detail', id: 'clause-detail', 'aria-live': 'polite', tabindex: '-1', 'aria-label': 'The selected paragraph' }, h('p', { class: 'placeholder' }, 'Pick a cell of the table to read the paragraph and what changed.')),
    ),
  );
}

/** Arrow keys move between cells of the history table; Enter or Space opens one. */
function onGridKey(e) {
  const td = /** @type {HTMLElement} */ (e.target).closest('td.hc-open');
  if (!td) return;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    selectCell(td, false);
    return;
  }
  const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Home: [0, -99], End: [0, 99] };
  const d = moves[e.key];
  if (!d) return;
  e.preventDefault();
  const table = /** @type {HTMLTableElement} */ (td.closest('table'));
  const t = Number(td.dataset.thread);
  const k = Number(td.dataset.version);
  const n = state.history.versions.length;
  const rows = state.history.threads.length;
  const at = (ti, ki) => /** @type {HTMLElement | null} */ (table.querySelector(`td.hc-open[data-thread="${ti}"][data-version="${ki}"]`));
  let next = null;
  if (d[0]) {
    for (let ti = t + d[0]; ti >= 0 && ti < rows && !next; ti += d[0]) next = at(ti, k);
  } else {
    const step = Math.sign(d[1]);
    const start = Math.abs(d[1]) > 1 ? (step > 0 ? n - 1 : 0) : k + step;
    for (let ki = start; ki >= 0 && ki < n && !next; ki += Math.abs(d[1]) > 1 ? -step : step) next = at(t, ki);
  }
  if (next) moveFocus(next);
}

function moveFocus(td) {
  for (const c of document.querySelectorAll('#history-table td[tabindex="0"]')) /** @type {HTMLElement} */ (c).tabIndex = -1;
  td.tabIndex = 0;
  td.focus();
}

/** Show a cell's text and redline in the detail pane. */
function selectCell(td, fromClick) {
  moveFocus(td);
  for (const c of document.querySelectorAll('#history-table td.selected')) {
    c.classList.remove('selected');
    c.removeAttribute('aria-selected');
  }
  td.classList.add('selected');
  td.setAttribute('aria-selected', 'true');
  const t = Number(td.dataset.thread);
  const k = Number(td.dataset.version);
  state.sel = { t, k };
  renderDetail(t, k);
  if (!fromClick) td.focus();
}

/**
 * The redline of a word diff as nodes: insertions in <ins class="ins">, deletions in
 * <del class="del">, technical ones quieter (class "tech"), as the compare view draws them.
 */
function redlineNodes(diff) {
  const nodes = [];
  for (const part of diff) {
    const text = part.text;
    if (!text) continue;
    if (part.op === 'equal') {
      nodes.push(document.createTextNode(text));
      continue;
    }
    // Spaces around a change stay outside the mark, so underlines and strikes cover words only.
    const lead = /^\s*/.exec(text)[0];
    const trail = lead.length === text.length ? '' : /\s*$/.exec(text)[0];
    const core = text.slice(lead.length, text.length - trail.length);
    if (lead) nodes.push(document.createTextNode(lead));
    if (core) {
      const ins = part.op === 'insert';
      const title = part.technical ? `${ins ? 'inserted' : 'deleted'} (technical update)` : undefined;
      nodes.push(h(ins ? 'ins' : 'del', { class: `${ins ? 'ins' : 'del'}${part.technical ? ' tech' : ''}`, title }, core));
    }
    if (trail) nodes.push(document.createTextNode(trail));
  }
  return nodes;
}

function renderDetail(ti, k) {
  const hist = state.history;
  const t = hist.threads[ti];
  const c = t.cells[k];
  const v = hist.versions[k];
  const ids = t.ids[k];
  const change = c.change >= 0 ? t.changes[c.change] : null;
  const pane = $('#clause-detail');
  const markBadge = h('span', { class: `badge mark m-${c.mark}`, title: hist.legend.find((l) => l.mark === c.mark)?.meaning }, MARK_WORD[c.mark]);
  const head = h(
    'div',
    { class: 'detail-head' },
    ids.length
      ? h('h3', {}, ids.join(' + '), ' ', h('span', { class: 'detail-ver' }, `in ${longName(v)}`))
      : // A dropped paragraph has no id in this version; it is named by its id in the version that had it.
        h('h3', {}, `old ${change?.pairs.flatMap((p) => p.old).join(' + ') || '—'} (dropped)`, ' ', h('span', { class: 'detail-ver' }, `not in ${longName(v)}`)),
    markBadge,
    c.moved ? h('span', { class: 'badge moved' }, 'moved') : null,
    v.constructed ? h('span', { class: 'badge constructed', title: CONSTRUCTED }, 'constructed') : null,
  );
  const parts = [head];
  if (ids.length) {
    parts.push(h('div', { class: 'detail-label' }, 'Text'));
    parts.push(h('div', { class: 'clause-text', dataset: { ids: ids.join('+') } }, ids.map((id) => h('p', {}, ids.length > 1 ? h('b', { class: 'pid' }, `${id} `) : null, hist.texts?.[k]?.[id] ?? ''))));
  }
  if (change) {
    const from = hist.versions[change.from];
    const what =
      c.mark === 'gone'
        ? `Dropped: its text in ${longName(from)}`
        : c.mark === 'new'
          ? `New: not in ${longName(from)}`
          : c.mark === 'reintroduced'
            ? `Reintroduced: redline from ${longName(from)}, the last version that had it`
            : change.status === 'unchanged'
              ? `Compared with ${longName(from)}`
              : `Redline from ${longName(from)}`;
    parts.push(h('div', { class: 'detail-label' }, what));
    if (change.status === 'unchanged') {
      parts.push(h('p', { class: 'hint' }, `No change in the wording${change.moved ? '; the paragraph moved relative to its neighbours' : ''}.`));
    } else if (c.mark !== 'new') {
      const lines = change.pairs.filter((p) => p.diff).map((p) => {
        const label = p.old.length && p.new.length && (p.old.join('+') !== p.new.join('+') || change.pairs.length > 1) ? `${p.old.join(' + ')} → ${p.new.join(' + ')}` : '';
        return h('p', { class: `redline-text${p.status === 'unchanged' ? ' same' : ''}` }, label ? h('b', { class: 'pid' }, `${label}: `) : null, redlineNodes(p.diff));
      });
      parts.push(h('div', { class: 'clause-redline' }, lines));
      if (change.technical) parts.push(h('p', { class: 'hint' }, 'Only routine references changed (dates, numbers, document symbols, session ordinals).'));
    }
  } else if (c.mark === 'first') {
    parts.push(h('p', { class: 'hint' }, 'The first version of the series in the corpus: nothing before it to compare with.'));
  }
  const since = hist.versions[t.firstSeen];
  const sinceWords = t.firstSeen === 0 ? `In the corpus since its earliest text, ${longName(since)} (the paragraph may be older)` : `In the text since ${longName(since)}`;
  parts.push(h('p', { class: 'hint detail-foot' }, `${sinceWords}; last changed: ${t.lastChangedLabel === '—' ? 'never' : t.lastChangedLabel.replace(/ t$/, ' (technical update)')}.`));
  pane.replaceChildren(...parts);
  pane.scrollTop = 0;
}

// ---------------------------------------------------------------------------------------------
// The votes table

const VOTE_WORD = { yes: 'yes', no: 'no', abstain: 'abstain', 'not-recorded': '·' };
const VOTE_LONG = { yes: 'in favour', no: 'against', abstain: 'abstaining', 'not-recorded': 'not recorded' };

function renderVotes(vt) {
  const vs = vt.versions;
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col', class: 'country' }, 'Country'),
    vs.map((v, k) => {
      const name = `${shortName(v)}`;
      return h(
        'th',
        { scope: 'col', class: `ver${v.constructed ? ' constructed' : ''}`, title: `${longName(v)}${v.constructed ? ` · ${CONSTRUCTED} Its vote is invented.` : ''}`, dataset: { version: String(k) } },
        h('span', { class: 'ver-name' }, name),
        h('span', { class: 'ver-date' }, v.adopted ? v.adopted.slice(0, 4) : ''),
        v.constructed ? h('span', { class: 'badge constructed' }, 'invented vote') : null,
      );
    }),
  );
  const rows = vt.countries.map((row) => {
    const variants = row.names.filter((n) => n !== row.name);
    return h(
      'tr',
      { class: row.changes.length ? 'has-change' : '', dataset: { key: row.key } },
      h('th', { scope: 'row', class: 'country' }, h('span', { class: 'cname' }, row.name), variants.length ? h('span', { class: 'alt' }, ` (also ${variants.join('; ')})`) : null),
      row.votes.map((value, k) => {
        const ch = row.changes.find((c) => c.to === k);
        const title = `${VOTE_LONG[value]}${ch ? ` (was ${VOTE_LONG[ch.before]} in ${shortName(vs[ch.from])})` : ''}${vs[k].constructed ? ' · invented vote' : ''}`;
        return h(
          'td',
          { class: `v v-${value}${ch ? ' changed' : ''}${vs[k].constructed ? ' constructed' : ''}`, title, dataset: { version: String(k) } },
          VOTE_WORD[value],
          ch ? h('span', { class: 'was' }, ` ← ${VOTE_WORD[ch.before]}`) : null,
          value === 'not-recorded' ? h('span', { class: 'visually-hidden' }, 'not recorded') : null,
        );
      }),
    );
  });
  const total = (label, f) => h('tr', {}, h('th', { scope: 'row', class: 'country' }, label), vs.map((v, k) => h('td', { class: 'v total' }, f(v, k))));
  const changed = vt.countries.filter((r) => r.changes.length);
  const variantRows = vt.countries.filter((r) => r.names.length > 1);
  const constructed = vs.filter((v) => v.constructed);
  return h(
    'section',
    { class: 'votes', 'aria-labelledby': 'votes-heading' },
    h('h2', { id: 'votes-heading' }, `Votes · ${vs.length} versions`),
    h(
      'ul',
      { class: 'vote-versions' },
      vs.map((v) =>
        h(
          'li',
          {},
          `${longName(v)}: `,
          v.adoptedWithoutVote ? 'adopted without a vote' : v.recorded ? `recorded vote, ${v.totals.yes} in favour, ${v.totals.no} against, ${v.totals.abstain} abstaining` : 'no vote found in the text',
          mismatch(v),
          v.constructed ? h('span', { class: 'badge constructed', title: CONSTRUCTED }, 'constructed: vote invented') : null,
        ),
      ),
    ),
    constructed.length ? h('p', { class: 'hint constructed-note' }, `${constructedList(constructed)} ${constructed.length > 1 ? 'Their votes are' : 'Its vote is'} invented to show how changes are marked; only real texts carry real votes.`) : null,
    h(
      'div',
      { class: 'votes-panes' },
      vt.countries.length
        ? h(
            'div',
            { class: 'votes-scroll', tabindex: '0', role: 'region', 'aria-label': 'Votes by country and version' },
            h('table', { id: 'votes-table', class: 'votes-table' }, h('thead', {}, head), h('tbody', {}, rows), h('tfoot', {},
              total('In favour', (v) => (v.recorded ? String(v.totals.yes) : v.adoptedWithoutVote ? 'without a vote' : '·')),
              total('Against', (v) => (v.recorded ? String(v.totals.no) : '·')),
              total('Abstaining', (v) => (v.recorded ? String(v.totals.abstain) : '·')),
            )),
          )
        : h('p', {}, 'No recorded votes in these versions.'),
      h(
        'div',
        { class: 'vote-side' },
        h('h3', {}, changed.length ? `${changed.length} ${changed.length === 1 ? 'country' : 'countries'} changed their vote` : 'No country changed its vote'),
        changed.length ? h('ul', { class: 'vote-changes' }, changed.map((r) => h('li', {}, changeLine(r, vs)))) : null,
        variantRows.length ? h('h3', {}, 'Names matched across spellings') : null,
        variantRows.length ? h('ul', { class: 'vote-variants' }, variantRows.map((r) => h('li', {}, `${r.name} (also: ${r.names.filter((n) => n !== r.name).join('; ')})`))) : null,
      ),
    ),
    h('p', { class: 'hint' }, 'yes: in favour · no: against · abstain: abstaining · “·”: not recorded (not a member that year, or not in any list). Marked cells changed from the country\u2019s previous recorded vote; names are matched across spellings.'),
  );
}

function mismatch(v) {
  const s = v.statedCounts;
  if (!s || (s.yes === v.totals.yes && s.no === v.totals.no && s.abstain === v.totals.abstain)) return '';
  return ` (the text states ${s.yes}–${s.no}–${s.abstain})`;
}

/** "Chile: no (2022) → yes (56/2)". */
function changeLine(row, vs) {
  const steps = [row.changes[0].from, ...row.changes.map((c) => c.to)];
  return `${row.name}: ${steps.map((k) => `${VOTE_LONG[row.votes[k]]} (${shortName(vs[k])})`).join(' → ')}`;
}

// ---------------------------------------------------------------------------------------------
// Loading

function load(id) {
  let p = state.cache.get(id);
  if (!p) {
    const e = encodeURIComponent(id);
    p = Promise.all([fetchJson(`/api/series/${e}/history`), fetchJson(`/api/series/${e}/votes`)]);
    state.cache.set(id, p);
    p.catch(() => state.cache.delete(id));
  }
  return p;
}

/** Render the history and the votes of the series picked on the Compare view. */
export async function showSeriesAnalysis() {
  const root = $('#series-analysis');
  if (!root) return;
  const id = pickedSeries();
  if (!id) {
    root.replaceChildren();
    return;
  }
  if (id === state.id && root.dataset.state === 'done') return;
  state.id = id;
  root.dataset.state = 'loading';
  root.replaceChildren(h('p', { class: 'status', role: 'status' }, 'Aligning the versions of the series…'));
  try {
    const [hist, votes] = await load(id);
    if (state.id !== id) return;
    state.history = hist;
    state.votes = votes;
    state.sel = null;
    root.replaceChildren(
      h('nav', { class: 'series-nav', 'aria-label': 'Parts of the series view' },
        h('a', { href: '#history-heading' }, 'Paragraph history'), ' · ', h('a', { href: '#votes-heading' }, 'Votes'), ' · ', h('a', { href: '#series-members' }, 'Members of the series')),
      renderHistory(hist),
      renderVotes(votes),
    );
    root.dataset.state = 'done';
  } catch (e) {
    if (state.id !== id) return;
    root.dataset.state = 'error';
    const msg = e instanceof Error ? e.message : String(e);
    root.replaceChildren(h('p', { class: 'status', 'data-kind': /at least two versions/.test(msg) ? 'info' : 'error', role: 'alert' }, msg));
  }
}

/** The members of the series (and related resolutions), with which texts the corpus holds. */
async function showMembers() {
  const body = $('#series-body');
  const id = pickedSeries();
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
      h('h2', {}, s.title),
      table('Members of the series', s.members),
      s.related.length ? table('Related resolutions', s.related) : null,
      constructed.length ? h('p', { class: 'hint' }, `The corpus also holds ${constructed.length} constructed example${constructed.length > 1 ? 's' : ''} of this series (${constructed.map((v) => v.ref).join(', ')}), written to show resdiff's features; not official texts.`) : null,
    );
  } catch (e) {
    body.replaceChildren(h('p', { class: 'status', 'data-kind': 'error', role: 'alert' }, e instanceof Error ? e.message : String(e)));
  }
}

/** @type {import('./app.js').View} */
export const seriesView = {
  id: 'series',
  label: 'Series',
  skipTarget: '#series-heading',
  init() {},
  show() {
    void showMembers();
    void showSeriesAnalysis();
  },
};
