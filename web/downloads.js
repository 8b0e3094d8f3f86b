// resdiff page: the shown comparison as a file (PDF, Word, HTML, JSON). The links exist only
// while a comparison is shown, and always carry that one (comparison.js clears them the moment
// a new comparison starts). Corpus comparisons are plain links to GET /api/compare; uploads are
// sent again by POST, the answer saved under a name made of the uploads' own names.

import { $, h } from './dom.js';
import * as comparison from './comparison.js';
import { sideSlug } from './comparison.js';

/** @type {() => string} */
let layoutOf = () => 'side-by-side';

/** The name a download is saved under: "resdiff-older-to-newer.pdf". */
function fileName(format, s = comparison.current) {
  return `resdiff-${sideSlug('old', s)}-to-${sideSlug('new', s)}.${format}`;
}

function links() {
  return /** @type {HTMLAnchorElement[]} */ ([...document.querySelectorAll('a.dl')]);
}

function update(s = comparison.current) {
  const box = $('#downloads');
  box.hidden = s.phase !== 'shown';
  for (const a of links()) {
    const format = a.dataset.format || '';
    const src = s.phase === 'shown' ? s.source : null;
    if (src && src.kind === 'corpus') {
      const q = new URLSearchParams({ old: src.old, new: src.new, format, layout: layoutOf(), download: '1' });
      a.href = `/api/compare?${q}`;
      a.setAttribute('download', fileName(format, s));
    } else {
      a.href = '#';
      a.removeAttribute('download');
    }
  }
}

/** A filter is on: the files still hold every paragraph, and the page says so. */
export function noteFilters(filtered) {
  update();
  const note = $('#downloads-note');
  if (note) note.hidden = !filtered;
}

async function downloadUpload(format) {
  const s = comparison.current;
  const src = s.source;
  if (s.phase !== 'shown' || !src || src.kind !== 'upload') return;
  const seq = s.seq;
  const name = fileName(format, s);
  const form = new FormData();
  form.append('old', src.old);
  form.append('new', src.new);
  form.append('format', format);
  form.append('layout', layoutOf());
  form.append('download', '1');
  const status = $('#status');
  status.textContent = `Preparing ${name}…`;
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
    // Another comparison started meanwhile: this file no longer matches what is shown.
    if (comparison.current.seq !== seq) return;
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    status.textContent = `Downloaded ${name}.`;
  } catch (e) {
    status.textContent = e instanceof Error ? e.message : String(e);
    status.dataset.kind = 'error';
  }
}

/** Wire the download links; `layout` says which layout the files should take. */
export function initDownloads(layout) {
  layoutOf = layout;
  for (const a of links()) {
    a.addEventListener('click', (e) => {
      const s = comparison.current;
      if (s.phase === 'shown' && s.source?.kind === 'corpus') return; // a plain download link
      e.preventDefault();
      void downloadUpload(a.dataset.format || '');
    });
  }
  comparison.subscribe(update);
}
