/**
 * The history table, text and HTML, on the constructed test series (CONSTRUCTED FOR TESTS from
 * the wording of 56/2). HTML is checked with a parser, not as a string snapshot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHistory, threadCells, type History } from '../../src/diff/history.js';
import { loadResolution } from '../../src/corpus/load.js';
import type { Resolution } from '../../src/model/types.js';
import { renderHistoryHtml } from '../../src/render/history-html.js';
import { renderHistoryText } from '../../src/render/history-text.js';
import { FIXTURES } from '../support/paths.js';

type El = DefaultTreeAdapterMap['element'];
type N = DefaultTreeAdapterMap['node'];
const kids = (n: N): N[] => ('childNodes' in n ? (n.childNodes as N[]) : []);
function all(n: N, pred: (e: El) => boolean, out: El[] = []): El[] {
  if ('tagName' in n && pred(n)) out.push(n);
  for (const c of kids(n)) all(c, pred, out);
  return out;
}
const attr = (e: El, name: string) => e.attrs.find((a) => a.name === name)?.value;
const text = (n: N): string => (n.nodeName === '#text' ? (n as { value: string }).value : kids(n).map(text).join(''));

const FILES = Object.keys(JSON.parse(readFileSync(join(FIXTURES, 'series', 'lineage.json'), 'utf8')) as object);
let versions: Resolution[];
let h: History;
beforeAll(async () => {
  versions = await Promise.all(FILES.map((f) => loadResolution(join(FIXTURES, 'series', f))));
  h = buildHistory(versions, { detail: true });
});

describe('history as text', () => {
  it('has a row per thread in the newest order, columns per version, since and last changed, and a legend', () => {
    const s = renderHistoryText(h);
    const lines = s.split('\n');
    const head = lines.findIndex((l) => /^2018\*\s+2019\*/.test(l));
    expect(lines[head]).toMatch(/since\s+last changed$/);
    const rows = lines.slice(head + 2, head + 2 + h.threads.length);
    expect(rows).toHaveLength(h.threads.length);
    // 56/2's OP26: dropped in 2020, reintroduced in 2022.
    expect(rows.find((r) => /OP27 ↺/.test(r))).toMatch(/^OP26\s+OP26 =\s+−\s+OP27 ↺\s+OP26 =\s+OP26 =\s+2018\s+—$/);
    // The technical roll-over of the closing paragraph.
    expect(rows.find((r) => r.startsWith('OP35 ') && r.includes('OP37 t'))).toMatch(/2018\s+2024 t$/);
    // The Kampala paragraph, new in 2024.
    expect(rows.some((r) => /^\s+PP17 \+\s+2024\s+2024$/.test(r))).toBe(true);
    expect(s).toContain('Legend: = unchanged; ~ changed (new or deleted language)');
    expect(s).toContain('↺ reintroduced');
    expect(s).toContain('constructed example');
  });
});

describe('history as HTML', () => {
  it('is one self-contained page: a table cell per present clause, each opening its panel', () => {
    const html = renderHistoryHtml(h);
    const doc = parse(html);
    expect(all(doc, (e) => ['link', 'img', 'iframe'].includes(e.tagName) || (e.tagName === 'script' && !!attr(e, 'src')))).toEqual([]);
    const rows = all(doc, (e) => e.tagName === 'tr' && /kind-/.test(attr(e, 'class') ?? ''));
    expect(rows).toHaveLength(h.threads.length);
    const links = all(doc, (e) => e.tagName === 'a' && (attr(e, 'href') ?? '').startsWith('#c'));
    const panels = new Map(all(doc, (e) => e.tagName === 'section' && attr(e, 'class') === 'panel').map((p) => [attr(p, 'id'), p]));
    const expected = h.threads.reduce((n, t) => n + threadCells(t).filter((c) => c.mark !== 'absent').length, 0);
    expect(links).toHaveLength(expected);
    for (const a of links) expect(panels.has(attr(a, 'href')!.slice(1))).toBe(true);
  });

  it('shows the clause text and the redline from the version before', () => {
    const doc = parse(renderHistoryHtml(h));
    const r = h.threads.findIndex((t) => t.ids[3].length === 1 && t.kind === 'OP' && t.ids[2][0]?.startsWith('PP'));
    const panel = all(doc, (e) => attr(e, 'id') === `c${r}-3`)[0];
    expect(text(panel)).toContain('Recognizes the importance of the universality');
    const del = all(panel, (e) => e.tagName === 'del').map(text).join('|');
    const ins = all(panel, (e) => e.tagName === 'ins').map(text).join('|');
    expect(del).toContain('Recognizing');
    expect(ins).toContain('Recognizes');
  });

  it('escapes everything from the documents', async () => {
    const evil = (k: number): Resolution => ({
      ...versions[k],
      symbol: `<img src=x onerror=alert(${k})>`,
      title: '</title><script>alert(1)</script>',
      clauses: versions[k].clauses.map((c, i) => (i === 0 ? { ...c, text: `${c.text} <script>alert("x${k}")</script> & "q"` } : c)),
    });
    const html = renderHistoryHtml(buildHistory([evil(0), evil(6)], { detail: true }));
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toMatch(/<img src=x/);
    const doc = parse(html);
    const scripts = all(doc, (e) => e.tagName === 'script');
    expect(scripts).toHaveLength(1);
    expect(text(doc)).toContain('<script>alert("x6")</script> & "q"');
  });

  it('needs a history with detail', () => {
    expect(() => renderHistoryHtml(buildHistory(versions.slice(0, 2)))).toThrow(/detail/);
  });
});
