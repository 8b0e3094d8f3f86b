// resdiff page: comparing two files of the reader's own. The source switch, the two file
// pickers and drop zones, a drop anywhere on the page, and the size check the page can make
// before sending anything (the server's limit comes with /api/corpus).

import { $, fetchJson } from './dom.js';
import * as comparison from './comparison.js';

/** The server's largest upload in bytes (from /api/corpus); 0 until known. */
let maxBytes = 0;

/** "10 MiB", "512 KiB". */
export function formatSize(n) {
  return n >= 1048576 ? `${Math.round((n / 1048576) * 10) / 10} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

/** Tell the page the server's limit. */
export function setUploadLimit(bytes) {
  maxBytes = bytes || 0;
  if (maxBytes) $('#upload-limit').textContent = formatSize(maxBytes);
}

const input = (side) => /** @type {HTMLInputElement} */ ($(side === 'new' ? '#file-new' : '#file-old'));

/** What is wrong with a chosen file before it is sent ('' when nothing). */
function tooLarge(f) {
  if (!maxBytes || f.size <= maxBytes) return '';
  return `${f.name} is ${formatSize(f.size)}, larger than the ${formatSize(maxBytes)} a file may have here; nothing was sent.`;
}

async function compareUploads() {
  const oldFile = input('old').files?.[0];
  const newFile = input('new').files?.[0];
  if (!oldFile || !newFile) {
    const missing = !oldFile && !newFile ? 'two files: the older version and the newer one' : !oldFile ? 'the older version too' : 'the newer version too';
    return comparison.fail(`Choose or drop ${missing}`);
  }
  const big = tooLarge(oldFile) || tooLarge(newFile);
  if (big) return comparison.fail(big);
  const form = new FormData();
  form.append('old', oldFile);
  form.append('new', newFile);
  form.append('provenance', '1');
  history.replaceState(null, '', location.pathname);
  await comparison.run({ kind: 'upload', old: oldFile, new: newFile }, () => fetchJson('/api/compare', { method: 'POST', body: form }));
}

export function setSource(source) {
  const radio = /** @type {HTMLInputElement|null} */ (document.querySelector(`input[name="source"][value="${source}"]`));
  if (radio) radio.checked = true;
  $('#corpus-form').hidden = source !== 'corpus';
  $('#upload-form').hidden = source !== 'upload';
}

function setFile(side, file) {
  const dt = new DataTransfer();
  dt.items.add(file);
  input(side).files = dt.files;
  input(side).dispatchEvent(new Event('change'));
}

/**
 * Files dropped on the page: two fill both sides in order; one fills the side it was dropped
 * on, else the first empty side (the older one when both are full).
 */
function assignDropped(files, side) {
  const list = [...files];
  if (!list.length) return;
  document.dispatchEvent(new CustomEvent('resdiff:view', { detail: 'compare' }));
  setSource('upload');
  if (list.length >= 2) {
    setFile('old', list[0]);
    setFile('new', list[1]);
    return;
  }
  const target = side || (!input('old').files?.length ? 'old' : !input('new').files?.length ? 'new' : 'old');
  setFile(target, list[0]);
}

const hasFiles = (e) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

export function initUploads() {
  for (const r of document.querySelectorAll('input[name="source"]')) r.addEventListener('change', (e) => setSource(/** @type {HTMLInputElement} */ (e.target).value));
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
      e.stopPropagation();
      z.classList.remove('over');
      if (e.dataTransfer) assignDropped(e.dataTransfer.files, z.dataset.side);
    });
    const f = /** @type {HTMLInputElement} */ (z.querySelector('input[type=file]'));
    f.addEventListener('change', () => {
      const hint = /** @type {HTMLElement} */ (z.querySelector('.drop-hint'));
      const file = f.files?.[0];
      const big = file ? tooLarge(file) : '';
      hint.textContent = file ? `${file.name} (${formatSize(file.size)})${big ? ': too large' : ''}` : 'or drop a file here';
      z.classList.toggle('has-file', !!file && !big);
      z.classList.toggle('too-large', !!big);
      // A complaint about files that are now chosen no longer holds.
      if (comparison.current.phase === 'failed' && /^Choose or drop/.test(comparison.current.message) && input('old').files?.length && input('new').files?.length) comparison.reset('Both files chosen: press Compare.');
      if (big) comparison.fail(big);
    });
  }
  // A file dropped anywhere else on the page goes to the upload form, never opened by the browser.
  document.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', (e) => {
    if (!e.relatedTarget) document.body.classList.remove('dragging');
  });
  document.addEventListener('drop', (e) => {
    document.body.classList.remove('dragging');
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) assignDropped(e.dataTransfer.files, '');
  });
}
