/**
 * `resdiff votes --format html`: the vote table as a self-contained page (inline CSS, no script,
 * nothing from the network). Every name and symbol goes through `escapeHtml`.
 */
import { htmlHead } from './html-page.js';
import { changedAt, type VoteTable, type VoteValue } from '../align/votes.js';
import { escapeHtml } from './html.js';
import { CONSTRUCTED_LABEL } from './labels.js';
import { changeLine, variantLine, VOTE_WORD, voteColumn, voteVersionLine } from './votes-labels.js';

const LONG: Record<VoteValue, string> = { yes: 'in favour', no: 'against', abstain: 'abstaining', 'not-recorded': 'not recorded' };

/** Render a vote table as an HTML page. */
export function renderVotesHtml(t: VoteTable): string {
  const e = escapeHtml;
  const head = `<tr><th scope="col">Country</th>${t.versions.map((v) => `<th scope="col" title="${e(voteVersionLine(v))}"${v.constructed ? ' class="constructed"' : ''}>${e(voteColumn(v))}</th>`).join('')}</tr>`;
  const rows = t.countries.map((row) => {
    const cells = row.votes.map((v, k) => {
      const before = changedAt(row, k);
      const title = before ? `${LONG[v]} (was ${LONG[before]})` : LONG[v];
      return `<td class="v-${v}${before ? ' changed' : ''}" title="${e(title)}">${e(VOTE_WORD[v])}${before ? ' <span class="was">!</span>' : ''}</td>`;
    });
    const alt = row.names.length > 1 ? ` <span class="alt" title="${e(variantLine(row))}">(also ${e(row.names.filter((n) => n !== row.name).join('; '))})</span>` : '';
    return `<tr${row.changes.length ? ' class="has-change"' : ''}><th scope="row">${e(row.name)}${alt}</th>${cells.join('')}</tr>`;
  });
  const total = (label: string, f: (k: number) => string) => `<tr><th scope="row">${e(label)}</th>${t.versions.map((_, k) => `<td>${e(f(k))}</td>`).join('')}</tr>`;
  const tv = t.versions;
  const changed = t.countries.filter((r) => r.changes.length);
  return [
    ...htmlHead(`Votes in ${tv.length} versions`, CSS),
    '<body>',
    '<main class="votes">',
    `<h1>Votes in ${tv.length} version${tv.length === 1 ? '' : 's'}</h1>`,
    '<ol class="versions">',
    ...tv.map((v) => `<li${v.constructed ? ' class="constructed"' : ''}>${e(voteVersionLine(v))}</li>`),
    '</ol>',
    tv.some((v) => v.constructed) ? `<p class="constructed-banner" role="note"><strong>*</strong> ${e(CONSTRUCTED_LABEL)}; its vote is invented.</p>` : '',
    t.countries.length
      ? [
          '<table class="vote-table">',
          `<thead>${head}</thead>`,
          '<tbody>',
          ...rows,
          '</tbody>',
          '<tfoot>',
          total('In favour', (k) => (tv[k].recorded ? String(tv[k].totals.yes) : tv[k].adoptedWithoutVote ? 'without a vote' : '·')),
          total('Against', (k) => (tv[k].recorded ? String(tv[k].totals.no) : '·')),
          total('Abstaining', (k) => (tv[k].recorded ? String(tv[k].totals.abstain) : '·')),
          '</tfoot>',
          '</table>',
        ].join('\n')
      : '<p>No recorded votes in these versions.</p>',
    '<p class="legend">yes = in favour, no = against, abstain = abstaining, · = not recorded; highlighted with ! = changed from the country’s previous recorded vote.</p>',
    `<h2>Changed their vote</h2>`,
    changed.length ? `<ul class="changes">${changed.map((r) => `<li>${e(changeLine(r, t))}</li>`).join('')}</ul>` : '<p>None.</p>',
    ...t.warnings.map((w) => `<p class="warning">${e(w)}</p>`),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const CSS = `
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1b1b1b; font-family: "Times New Roman", "Liberation Serif", "Noto Serif", Times, serif; font-size: 16px; }
main.votes { max-width: 70rem; margin: 1rem auto; padding: 1.5rem 2rem; background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
h1 { font-size: 1.4rem; border-bottom: 2px solid #1d5fa6; padding-bottom: .4rem; }
ol.versions { font-size: .9rem; }
li.constructed, th.constructed { color: #8a5a00; }
.constructed-banner { padding: .4rem .7rem; border-left: 4px solid #8a5a00; background: #fdf6e7; color: #5b3c00; font-size: .9rem; }
table.vote-table { border-collapse: collapse; font-size: .9rem; }
.vote-table th, .vote-table td { padding: .15rem .6rem; border-bottom: 1px solid #eef0f3; text-align: left; white-space: nowrap; }
.vote-table thead th { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #c9ced6; }
.vote-table tbody th { font-weight: normal; }
.vote-table tfoot th, .vote-table tfoot td { font-weight: bold; border-top: 1px solid #c9ced6; }
td.v-yes { color: #1f7a3a; }
td.v-no { color: #a3161a; }
td.v-abstain { color: #8a5a00; }
td.v-not-recorded { color: #b0b6bf; }
td.changed { background: #fff4d6; font-weight: bold; }
.alt { color: #5c6470; font-size: .8rem; }
.legend { color: #5c6470; font-size: .85rem; }
.warning { color: #8a5a00; }
`;
