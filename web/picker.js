// resdiff page: the corpus pickers of the Compare view (series, older and newer version) and
// the deep link that preselects them (?old=REF&new=REF).

import { $, h, formatDate } from './dom.js';

/** @type {any} */
let corpus = null;

const select = (sel) => /** @type {HTMLSelectElement} */ ($(sel));

function versionLabel(v) {
  const date = v.adopted ? ` · ${formatDate(v.adopted)}` : '';
  // Constructed examples say so first, where a narrow select cannot cut it off.
  if (v.constructed) return `Constructed${date}`;
  return `${v.number || v.symbol || v.ref}${date}`;
}

/** The series that have texts, plus one group for the corpus texts outside any series. */
function seriesList() {
  const list = corpus.series.filter((s) => s.versions.length > 0).map((s) => ({ id: s.id, title: s.title, versions: s.versions }));
  const inSeries = new Set(list.flatMap((s) => s.versions.map((v) => v.ref)));
  const loose = corpus.versions.filter((v) => !inSeries.has(v.ref));
  if (loose.length) list.push({ id: '', title: 'Other corpus texts', versions: loose });
  return list;
}

function fillVersions(sel, versions, selected) {
  sel.replaceChildren(...versions.map((v) => h('option', { value: v.ref, selected: v.ref === selected }, versionLabel(v))));
}

/** Fill the version pickers for the chosen series; returns how many versions it has. */
function onSeriesChange(preferOld, preferNew) {
  const s = seriesList().find((x) => x.id === select('#series-select').value);
  const versions = s ? s.versions : [];
  // Defaults: the two most recent versions (versions come oldest first).
  const refs = versions.map((v) => v.ref);
  const newRef = refs.includes(preferNew) ? preferNew : refs[refs.length - 1];
  const oldRef = refs.includes(preferOld) && preferOld !== newRef ? preferOld : refs.length > 1 ? refs[refs.length - 2] : refs[0];
  fillVersions(select('#old-select'), versions, oldRef);
  fillVersions(select('#new-select'), versions, newRef);
  return versions.length;
}

/** Does the corpus know this reference (a file id, symbol or number)? */
function known(ref) {
  return corpus.versions.some((v) => v.ref === ref);
}

/**
 * Fill the pickers from the corpus listing and the deep link.
 * @param {any} c the /api/corpus answer
 * @param {URLSearchParams} params
 * @returns {{ versions: number, problem: string }} how many versions the chosen series has, and
 *   what was wrong with the deep link ('' when nothing)
 */
export function initPicker(c, params) {
  corpus = c;
  const list = seriesList();
  const sel = select('#series-select');
  sel.replaceChildren(...list.map((s) => h('option', { value: s.id }, `${s.title} (${s.versions.length})`)));
  const wantOld = params.get('old');
  const wantNew = params.get('new');
  const bad = [wantOld, wantNew].filter((r) => r !== null && !known(r));
  let problem = '';
  if (bad.length) {
    const names = corpus.versions.map((v) => v.ref).join(', ');
    problem = `The link asks for ${bad.map((r) => `“${r}”`).join(' and ')}, which the corpus does not hold${names ? ` (it holds ${names})` : ''}. Pick two versions below.`;
  } else if (wantOld && wantNew && wantOld === wantNew) {
    problem = `The link asks to compare “${wantOld}” with itself. Pick two different versions below.`;
  }
  if (wantNew && known(wantNew)) {
    const s = list.find((x) => x.versions.some((v) => v.ref === wantNew));
    if (s) sel.value = s.id;
  }
  const versions = list.length ? onSeriesChange(wantOld, wantNew) : 0;
  const titled = () => (sel.title = sel.selectedOptions[0]?.textContent || '');
  titled();
  sel.addEventListener('change', () => {
    onSeriesChange(null, null);
    titled();
  });
  $('#swap').addEventListener('click', () => {
    const o = select('#old-select');
    const n = select('#new-select');
    const a = o.value;
    o.value = n.value;
    n.value = a;
  });
  return { versions, problem };
}

/** The two picked references. */
export function picked() {
  return { old: select('#old-select').value, new: select('#new-select').value };
}

/** The series picked on the Compare view ('' for none): the Series view shows it. */
export function pickedSeries() {
  return select('#series-select')?.value || '';
}
