/**
 * `resdiff history --format html`: the alignment table as one self-contained page (inline CSS and
 * a few lines of inline JavaScript, nothing from the network). Clicking a cell opens a panel with
 * that version's text of the clause and the redline from the version before (for reintroduced
 * language, from the last version that had it). The panels are rendered in advance and shown with
 * CSS `:target`, so they work without JavaScript too; the script only marks the chosen cell and
 * closes the panel on Escape.
 *
 * Every piece of document text goes through `escapeHtml`. Needs a history built with `detail`.
 */
import { htmlHead } from './html-page.js';
import { threadCells, type Cell, type History, type HistoryPair, type Thread } from '../diff/history.js';
import type { DiffPart } from '../diff/types.js';
import { escapeHtml } from './html.js';
import { CONSTRUCTED_LABEL } from './labels.js';
import { cellText, fullLabel, historySummary, lastChangedLabel, LEGEND_ORDER, MARKS, MOVED, shortName, sinceLabel, yearLabel } from './history-labels.js';

/** Render a history (built with `detail: true`) as an HTML page. */
export function renderHistoryHtml(h: History): string {
  if (!h.texts) throw new Error('renderHistoryHtml needs a history built with { detail: true }');
  const title = h.versions[h.versions.length - 1].title || h.versions[0].title || 'Series';
  const panels: string[] = [];
  const rows = h.threads.map((t, r) => {
    const cells = threadCells(t);
    const tds = cells.map((c, k) => {
      const cls = `m-${c.mark}${c.moved ? ' moved' : ''}`;
      if (c.mark === 'absent') return `<td class="${cls}"></td>`;
      const id = `c${r}-${k}`;
      panels.push(renderPanel(h, t, c, k, id));
      const tip = `${MARKS[c.mark].meaning}${c.moved ? `, ${MOVED.meaning}` : ''}`;
      return `<td class="${cls}"><a href="#${id}" title="${escapeHtml(tip)}">${escapeHtml(cellText(c))}</a></td>`;
    });
    return `<tr class="kind-${t.kind}">${tds.join('')}<td class="since">${escapeHtml(sinceLabel(t, h.versions))}</td><td class="last">${escapeHtml(lastChangedLabel(t, h.versions))}</td></tr>`;
  });
  const constructed = h.versions.some((v) => v.constructed);
  return [
    ...htmlHead(`History: ${title}`, CSS, { script: true }),
    '<body>',
    '<main class="history">',
    '<header>',
    `<p class="kicker">History of ${h.versions.length} versions</p>`,
    `<h1>${escapeHtml(title)}</h1>`,
    '<ol class="versions">',
    ...h.versions.map((v) => `<li${v.constructed ? ' class="constructed"' : ''}>${escapeHtml(fullLabel(v))}</li>`),
    '</ol>',
    constructed ? `<p class="constructed-banner" role="note"><strong>*</strong> ${escapeHtml(CONSTRUCTED_LABEL)}; not an official UN text.</p>` : '',
    `<p class="summary">${escapeHtml(historySummary(h.threads, h.versions.length))}</p>`,
    '</header>',
    '<div class="table-wrap">',
    '<table class="alignment">',
    '<thead>',
    `<tr>${h.versions.map((v) => `<th scope="col" title="${escapeHtml(fullLabel(v))}">${escapeHtml(shortName(v))}<br><span class="year">${escapeHtml(yearLabel(v))}</span></th>`).join('')}<th scope="col">since</th><th scope="col">last changed</th></tr>`,
    '</thead>',
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
    '</div>',
    `<p class="legend">${LEGEND_ORDER.map((m) => `<span class="m-${m}"><b>${escapeHtml(MARKS[m].glyph)}</b> ${escapeHtml(MARKS[m].meaning)}</span>`).join(' ')} <span><b>${MOVED.glyph}</b> ${escapeHtml(MOVED.meaning)}</span> <span>blank: absent</span>. Click a cell for the text and the redline.</p>`,
    '</main>',
    '<div class="panels">',
    ...panels,
    '</div>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The panel of one cell: the clause text in that version and how it got there. */
function renderPanel(h: History, t: Thread, c: Cell, k: number, id: string): string {
  const v = h.versions[k];
  const texts = h.texts!;
  const where = `${escapeHtml(fullLabel(v))}`;
  const parts: string[] = [`<section class="panel" id="${id}" role="dialog" aria-label="${escapeHtml(`${c.ids.join(' + ') || 'gone'} in ${fullLabel(v)}`)}">`, '<a class="close" href="#_" aria-label="close">×</a>'];
  if (c.mark === 'gone') {
    const prev = k - 1;
    parts.push(`<h2>Dropped in ${where}</h2>`, `<p class="note">Last text, in ${escapeHtml(fullLabel(h.versions[prev]))}:</p>`);
    for (const cid of t.ids[prev]) parts.push(clauseBlock(cid, texts[prev][cid] ?? ''));
  } else {
    parts.push(`<h2>${escapeHtml(c.ids.join(' + '))} in ${where}</h2>`, `<p class="note">${escapeHtml(MARKS[c.mark].meaning)}${c.moved ? `; ${escapeHtml(MOVED.meaning)}` : ''}. In the text since ${escapeHtml(sinceLabel(t, h.versions))}.</p>`);
    for (const cid of c.ids) parts.push(clauseBlock(cid, texts[k][cid] ?? ''));
    const ch = c.change;
    if (ch && ch.status !== 'unchanged' && ch.status !== 'added') {
      parts.push(`<h3>Redline from ${escapeHtml(fullLabel(h.versions[ch.from]))}</h3>`);
      for (const p of ch.pairs) parts.push(renderPair(p));
    } else if (ch && ch.status === 'unchanged') {
      parts.push(`<p class="note">Same text as in ${escapeHtml(fullLabel(h.versions[ch.from]))}.</p>`);
    }
  }
  parts.push('</section>');
  return parts.join('\n');
}

function clauseBlock(id: string, text: string): string {
  return `<p class="clause"><span class="cid">${escapeHtml(id)}</span> ${escapeHtml(text)}</p>`;
}

function renderPair(p: HistoryPair): string {
  const ids = `${p.old.join(' + ') || '—'} → ${p.new.join(' + ') || '—'}`;
  const note = [p.status, p.technical ? 'technical update only' : '', p.moved ? 'moved' : '', p.openingChanged ? 'opening changed' : ''].filter(Boolean).join(', ');
  return `<div class="pair"><p class="pair-head">${escapeHtml(ids)} <span class="note">(${escapeHtml(note)})</span></p><p class="redline">${redline(p.diff ?? [])}</p></div>`;
}

/** Inline redline: <del> and <ins>, technical changes greyed. */
function redline(diff: DiffPart[]): string {
  return diff
    .map((d) => {
      const text = escapeHtml(d.text);
      if (d.op === 'equal') return text;
      const tag = d.op === 'insert' ? 'ins' : 'del';
      return `<${tag}${d.technical ? ' class="tech"' : ''}>${text}</${tag}>`;
    })
    .join('');
}

const SCRIPT = `
(function () {
  function mark() {
    document.querySelectorAll('td.active').forEach(function (td) { td.classList.remove('active'); });
    var id = location.hash.slice(1);
    if (!id) return;
    var a = document.querySelector('td a[href="#' + CSS.escape(id) + '"]');
    if (a) a.parentElement.classList.add('active');
  }
  window.addEventListener('hashchange', mark);
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape' && location.hash) location.hash = '_'; });
  mark();
})();
`;

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1b1b1b; font-family: "Times New Roman", "Liberation Serif", "Noto Serif", Times, serif; font-size: 16px; line-height: 1.4; }
main.history { max-width: 96rem; margin: 1rem auto 16rem; padding: 1.5rem 2rem; background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
header { border-bottom: 2px solid #1d5fa6; margin-bottom: 1rem; }
.kicker { margin: 0; font-size: .8rem; letter-spacing: .08em; text-transform: uppercase; color: #5c6470; }
h1 { font-size: 1.4rem; margin: .2rem 0 .6rem; }
ol.versions { margin: 0 0 .6rem; padding-left: 1.6rem; font-size: .9rem; }
li.constructed { color: #8a5a00; }
.constructed-banner { padding: .4rem .7rem; border-left: 4px solid #8a5a00; background: #fdf6e7; color: #5b3c00; font-size: .9rem; }
.summary { font-size: .9rem; color: #5c6470; }
.table-wrap { overflow-x: auto; }
table.alignment { border-collapse: collapse; font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .8rem; }
table.alignment th { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #c9ced6; padding: .2rem .5rem; text-align: left; font-weight: bold; white-space: nowrap; }
table.alignment th .year { font-weight: normal; color: #5c6470; }
table.alignment td { padding: .1rem .5rem; white-space: nowrap; border-bottom: 1px solid #eef0f3; }
tr.kind-OP td { background: #fcfcfd; }
td a { color: inherit; text-decoration: none; display: block; }
td a:hover, td a:focus { text-decoration: underline; }
td.m-unchanged, td.m-first { color: #5c6470; }
td.m-technical { color: #6a7686; background: #f1f3f6 !important; }
td.m-modified, td.m-split, td.m-merged { background: #fff4d6 !important; }
td.m-new { background: #e8f0fb !important; color: #0b4ea2; font-weight: bold; }
td.m-reintroduced { background: #e9f5ec !important; color: #1f7a3a; font-weight: bold; }
td.m-gone { color: #a3161a; }
td.moved { outline: 1px dashed #1f7a3a; outline-offset: -2px; }
td.active { box-shadow: inset 0 0 0 2px #1d5fa6; }
td.since, td.last { color: #5c6470; }
.legend { font-size: .85rem; color: #5c6470; }
.legend span { margin-right: .8rem; white-space: nowrap; }
.panel { display: none; }
.panel:target { display: block; position: fixed; left: 0; right: 0; bottom: 0; max-height: 45vh; overflow-y: auto; background: #fff; border-top: 3px solid #1d5fa6; box-shadow: 0 -2px 8px rgba(0,0,0,.15); padding: .8rem 2rem 1.2rem; }
.panel h2 { font-size: 1.1rem; margin: 0 2rem .3rem 0; }
.panel h3 { font-size: 1rem; margin: .8rem 0 .3rem; }
.panel .close { position: absolute; right: 1.2rem; top: .5rem; font-size: 1.5rem; text-decoration: none; color: #5c6470; }
.panel .note { color: #5c6470; font-size: .9rem; margin: .2rem 0; }
.clause .cid { font-family: ui-monospace, monospace; font-size: .8rem; color: #5c6470; }
.pair-head { margin: .4rem 0 0; font-family: ui-monospace, monospace; font-size: .85rem; }
ins { color: #0b4ea2; background: #e8f0fb; text-decoration: underline; }
del { color: #a3161a; background: #fbeaea; text-decoration: line-through; }
ins.tech, del.tech { color: #6a7686; background: #f1f3f6; }
@media print { .panel, script { display: none !important; } main.history { box-shadow: none; margin: 0; } }
`;
