/**
 * The HTML redline, checked with a parser (parse5, as a browser parses) on constructed
 * comparisons: head, summary, pair order and headings, marks, layouts, escaping.
 */
import { describe, expect, it } from 'vitest';
import { renderCompareHtml, escapeHtml } from '../../src/render/html.js';
import { compare } from '../../src/diff/compare.js';
import { loadResolution } from '../../src/corpus/load.js';
import { newText, oldText } from '../../src/render/redline.js';
import { ROOT } from '../support/paths.js';
import { constructedComparison, INJECTED } from './fixtures.js';
import { attr, byClass, byTag, findAll, hasClass, parsePage, text, textWithout } from './dom.js';

describe('renderCompareHtml (inline, constructed comparison)', () => {
  const c = constructedComparison();
  const doc = parsePage(renderCompareHtml(c));

  it('is self-contained: inline CSS only, no scripts, no external resources', () => {
    expect(byTag(doc, 'script')).toHaveLength(0);
    expect(byTag(doc, 'link')).toHaveLength(0);
    expect(byTag(doc, 'style').length).toBeGreaterThan(0);
    for (const e of findAll(doc, () => true)) {
      for (const name of ['src', 'href']) {
        const v = attr(e, name);
        if (v !== undefined) expect(v.startsWith('#'), `${e.tagName} ${name}=${v}`).toBe(true);
      }
    }
    const css = byTag(doc, 'style').map(text).join('');
    expect(css).not.toMatch(/@import|url\(\s*['"]?https?:/);
  });

  it('names both versions, their titles and dates, and labels the constructed one', () => {
    const old = byClass(doc, 'version').find((e) => hasClass(e, 'old'))!;
    const nw = byClass(doc, 'version').find((e) => hasClass(e, 'new'))!;
    expect(text(byClass(old, 'symbol')[0]!)).toBe('A/HRC/RES/EXAMPLE/2022');
    expect(text(byClass(nw, 'symbol')[0]!)).toBe('A/HRC/RES/56/2');
    expect(text(byClass(old, 'date')[0]!)).toContain('7 July 2022');
    expect(text(byClass(nw, 'date')[0]!)).toContain('10 July 2024');
    expect(text(byClass(nw, 'vtitle')[0]!)).toBe('Enhancement of international cooperation in the field of human rights');
    expect(byClass(old, 'constructed-label')).toHaveLength(1);
    expect(byClass(nw, 'constructed-label')).toHaveLength(0);
    expect(text(byClass(doc, 'constructed-banner')[0]!)).toMatch(/Constructed example.*earlier text.*not an official UN document/);
    expect(text(byTag(doc, 'title')[0]!)).toBe('Redline: A/HRC/RES/EXAMPLE/2022 → A/HRC/RES/56/2');
  });

  it('counts in the one vocabulary and lists every change with its kind and a link', () => {
    const summary = byClass(doc, 'summary')[0]!;
    const opRow = byClass(summary, 'row-OP')[0]!;
    // new, dropped, changed, technical, moved, unchanged, split, merged — as summary.OP.counts
    const k = c.summary.OP.counts;
    expect(byTag(opRow, 'td').slice(1, 7).map(text)).toEqual([k.new, k.dropped, k.changed, k.technical, k.moved, k.unchanged].map(String));
    const rows = byClass(summary, 'change').map((r) => byTag(r, 'td').map(text));
    expect(rows).toEqual([
      ['PP2', 'technical update †'],
      ['PP3', 'changed'],
      ['OP1', 'changed'],
      ['new OP2', 'new'],
      ['old OP4 → new OP3', 'moved'],
      ['old OP2 (dropped; numbering of the earlier text)', 'dropped'],
      ['old OP3 → new OP4', 'changed'],
    ]);
    const links = byClass(summary, 'change').map((r) => attr(byTag(r, 'a')[0]!, 'href'));
    for (const l of links) expect(findAll(doc, (e) => attr(e, 'id') === l!.slice(1))).toHaveLength(1);
  });

  it('lists the pairs in the new order with old → new headings', () => {
    const pairs = byTag(doc, 'article');
    expect(pairs.map((p) => text(byClass(p, 'ids')[0]!))).toEqual([
      'PP1', 'PP2', 'PP3', 'OP1', 'new OP2', 'old OP4 → new OP3', 'old OP2 (dropped; numbering of the earlier text)', 'old OP3 → new OP4',
    ]);
    expect(byClass(doc, 'part-head').map(text)).toEqual(['Preambular paragraphs', 'Operative paragraphs']);
  });

  it('keeps the spaces around a change outside its mark', () => {
    const c2 = constructedComparison();
    c2.pairs[2]!.diff = [
      { op: 'equal', text: 'Welcoming the outcome of the' },
      { op: 'delete', text: ' Baku Summit' },
      { op: 'insert', text: ' Kampala Summit ' },
      { op: 'equal', text: 'of the Movement,' },
    ];
    const pp3 = byTag(parsePage(renderCompareHtml(c2)), 'article')[2]!;
    expect(byTag(pp3, 'del').map(text)).toEqual(['Baku Summit']);
    expect(byTag(pp3, 'ins').map(text)).toEqual(['Kampala Summit']);
    expect(byTag(pp3, 'ins').some((e) => hasClass(e, 'abut'))).toBe(false);
    // a deletion right against an insertion: a gap so "50/456/2" does not read as one word
    const pp2 = byTag(doc, 'article')[1]!;
    expect(byTag(pp2, 'ins').map((e) => hasClass(e, 'abut'))).toEqual([true, true]);
  });

  it('marks insertions and deletions, technical ones quieter', () => {
    const pp3 = byTag(doc, 'article')[2]!;
    expect(byTag(pp3, 'ins').map(text)).toEqual(['Kampala Summit of January 2024']);
    expect(byTag(pp3, 'del').map(text)).toEqual(['Baku Summit of October 2019']);
    expect(hasClass(pp3, 'substantive')).toBe(true);
    const pp2 = byTag(doc, 'article')[1]!;
    expect(hasClass(pp2, 'technical')).toBe(true);
    expect(byTag(pp2, 'ins').every((e) => hasClass(e, 'tech'))).toBe(true);
    expect(byTag(pp2, 'del').map(text)).toEqual(['50/4', '7 July 2022']);
    const op4 = byTag(doc, 'article')[7]!;
    expect(byTag(op4, 'ins').map((e) => [text(e), hasClass(e, 'tech')])).toEqual([['fifty-ninth', true]]);
  });

  it('keeps the italic openings and the printed numbers', () => {
    const op1 = byTag(doc, 'article')[3]!;
    expect(byTag(op1, 'em').map(text)).toEqual(['Encourages', 'Urges']);
    expect(text(byClass(op1, 'num')[0]!)).toBe('1.');
    expect(text(byClass(op1, 'opening')[0]!)).toBe('opening: Encourages → Urges');
    const moved = byTag(doc, 'article')[5]!;
    expect(text(byClass(moved, 'num')[0]!)).toBe('3.');
  });

  it('shows added and removed clauses as whole blocks and moved ones with their origin', () => {
    const [added] = findAll(doc, (e) => e.tagName === 'article' && attr(e, 'data-status') === 'added');
    expect(byTag(added!, 'ins')).toHaveLength(2); // opening (italic) + rest
    expect(byTag(added!, 'del')).toHaveLength(0);
    expect(byClass(added!, 'whole')).toHaveLength(1);
    const [removed] = findAll(doc, (e) => e.tagName === 'article' && attr(e, 'data-status') === 'removed');
    expect(byTag(removed!, 'del').map(text).join('')).toBe('Notes the importance of the Durban Declaration;');
    expect(text(byClass(removed!, 'num')[0]!)).toBe('2.');
    const moved = byClass(doc, 'moved').filter((e) => e.tagName === 'article');
    expect(moved.map((e) => attr(e, 'data-new'))).toEqual(['OP3']);
    expect(text(byClass(moved[0]!, 'tag').find((t) => hasClass(t, 'moved'))!)).toBe('moved: was OP4');
  });

  it('joins each side back to the clause texts', () => {
    for (const [i, p] of c.pairs.entries()) {
      const clause = byClass(byTag(doc, 'article')[i]!, 'clause')[0]!;
      const oldT = p.diff.filter((d) => d.op !== 'insert').map((d) => d.text).join('');
      const newT = p.diff.filter((d) => d.op !== 'delete').map((d) => d.text).join('');
      // as a browser shows it: runs of spaces collapse
      const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
      expect(squash(textWithout(clause, ['del', 'span'])), p.new.join()).toBe(squash(newT));
      expect(squash(textWithout(clause, ['ins', 'span'])), p.old.join()).toBe(squash(oldT));
    }
  });
});

describe('renderCompareHtml (side by side)', () => {
  const doc = parsePage(renderCompareHtml(constructedComparison(), { layout: 'side-by-side' }));

  it('puts the old text left (deletions only) and the new right (insertions only)', () => {
    const pp3 = byTag(doc, 'article')[2]!;
    const [left, right] = byClass(pp3, 'side');
    expect(hasClass(left!, 'old') && hasClass(right!, 'new')).toBe(true);
    expect(text(left!)).toBe('Welcoming the outcome of the Baku Summit of October 2019 of the Non-Aligned Movement,');
    expect(text(right!)).toBe('Welcoming the outcome of the Kampala Summit of January 2024 of the Non-Aligned Movement,');
    expect(byTag(left!, 'ins')).toHaveLength(0);
    expect(byTag(right!, 'del')).toHaveLength(0);
    expect(hasClass(byTag(doc, 'body')[0]!, 'layout-side-by-side')).toBe(true);
  });

  it('leaves the missing side empty for added and removed clauses, with old numbers on the left', () => {
    const [added] = findAll(doc, (e) => e.tagName === 'article' && attr(e, 'data-status') === 'added');
    expect(hasClass(byClass(added!, 'side')[0]!, 'empty')).toBe(true);
    const [removed] = findAll(doc, (e) => e.tagName === 'article' && attr(e, 'data-status') === 'removed');
    expect(hasClass(byClass(removed!, 'side')[1]!, 'empty')).toBe(true);
    const moved = byTag(doc, 'article')[5]!;
    expect(byClass(moved, 'num').map(text)).toEqual(['4.', '3.']);
    expect(byClass(doc, 'colheads').map(text)[0]).toBe('A/HRC/RES/EXAMPLE/2022 (earlier)A/HRC/RES/56/2 (later)');
  });
});

describe('renderCompareHtml: split and merged clauses as paragraphs (bundled comparison)', async () => {
  const oldRes = await loadResolution('example-2022', { cwd: ROOT });
  const newRes = await loadResolution('56/2', { cwd: ROOT });
  const c = compare(oldRes, newRes);
  const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
  const article = (doc: ReturnType<typeof parsePage>, status: string) => findAll(doc, (e) => e.tagName === 'article' && attr(e, 'data-status') === status)[0]!;
  const newClause = (id: string) => newRes.clauses.find((cl) => cl.id === id)!.text;
  const oldClause = (id: string) => oldRes.clauses.find((cl) => cl.id === id)!.text;

  it('inline: the split OP22 is two paragraphs, OP21 and OP22, the redline cut between them', () => {
    const doc = parsePage(renderCompareHtml(c));
    const split = article(doc, 'split');
    expect(text(byClass(split, 'ids')[0]!)).toBe('old OP22 → new OP21 + OP22');
    const ps = byClass(split, 'clause');
    expect(ps.map((e) => attr(e, 'data-clause'))).toEqual(['OP21', 'OP22']);
    expect(ps.map((e) => attr(e, 'id'))).toEqual([undefined, 'new-OP22']);
    expect(ps.map((e) => text(byClass(e, 'num')[0]!))).toEqual(['21.', '22.']);
    const accepted = ps.map((e) => squash(textWithout(e, ['del', 'span'])));
    expect(accepted[0]!.startsWith('Requests the Office of the United Nations High Commissioner')).toBe(true);
    expect(accepted[1]!.startsWith('Also requests the Office of the High Commissioner')).toBe(true);
    expect(accepted).toEqual([squash(newClause('OP21')), squash(newClause('OP22'))]);
    // the old text reads on across the two paragraphs; the joining space is no change
    const p = c.pairs.find((x) => x.status === 'split')!;
    expect(ps.map((e) => squash(textWithout(e, ['ins', 'span']))).filter(Boolean).join(' ')).toBe(squash(oldText(p)));
    expect(byTag(split, 'ins').map(text)).toEqual([';', 'Also requests', 'the Office of the High Commissioner']);
    // the second clause's opening is italic, as printed
    expect(byTag(byTag(split, 'ins')[1]!, 'em').map(text)).toEqual(['Also requests']);
    expect(byTag(split, 'del').map(text)).toEqual([', and']);
  });

  it('side by side: the old OP22 once, the new side as two numbered paragraphs', () => {
    const doc = parsePage(renderCompareHtml(c, { layout: 'side-by-side' }));
    const split = article(doc, 'split');
    const [left, right] = byClass(split, 'side');
    const oldPs = byClass(left!, 'clause');
    expect(oldPs).toHaveLength(1);
    expect(text(byClass(oldPs[0]!, 'num')[0]!)).toBe('22.');
    expect(squash(textWithout(oldPs[0]!, ['span']))).toBe(squash(oldClause('OP22')));
    const newPs = byClass(right!, 'clause');
    expect(newPs.map((e) => text(byClass(e, 'num')[0]!))).toEqual(['21.', '22.']);
    expect(newPs.map((e) => squash(textWithout(e, ['span'])))).toEqual([squash(newClause('OP21')), squash(newClause('OP22'))]);
    expect(squash(textWithout(newPs[1]!, ['span'])).startsWith('Also requests the Office of the High Commissioner')).toBe(true);
    expect(byTag(right!, 'ins').map(text)).toEqual([';', 'Also requests', 'the Office of the High Commissioner']);
  });

  it('the merged PP11 + PP12 shows the old side as two paragraphs, inline and side by side', () => {
    const p = c.pairs.find((x) => x.status === 'merged')!;
    const inline = article(parsePage(renderCompareHtml(c)), 'merged');
    expect(text(byClass(inline, 'ids')[0]!)).toBe('old PP11 + PP12 → new PP11');
    const ps = byClass(inline, 'clause');
    expect(ps.map((e) => attr(e, 'data-clause'))).toEqual(['PP11', 'PP12']);
    expect(ps.map((e) => attr(e, 'id'))).toEqual([undefined, 'old-PP12']);
    expect(ps.map((e) => squash(textWithout(e, ['ins', 'span'])))).toEqual([squash(oldClause('PP11')), squash(oldClause('PP12'))]);
    expect(ps.map((e) => squash(textWithout(e, ['del', 'span']))).join(' ')).toBe(squash(newText(p)));
    const sides = byClass(article(parsePage(renderCompareHtml(c, { layout: 'side-by-side' })), 'merged'), 'side');
    expect(byClass(sides[0]!, 'clause').map((e) => squash(text(e)))).toEqual([squash(oldClause('PP11')), squash(oldClause('PP12'))]);
    expect(byClass(sides[1]!, 'clause').map((e) => squash(text(e)))).toEqual([squash(newClause('PP11'))]);
  });

  it('numbers the clauses of a merged OP by themselves: the later one\'s old number struck inline', () => {
    const c2 = structuredClone(c);
    const p = c2.pairs.find((x) => x.status === 'merged')!;
    Object.assign(p, { kind: 'OP', oldNumbers: [11, 12], newNumbers: [11] });
    const inline = article(parsePage(renderCompareHtml(c2)), 'merged');
    expect(byClass(inline, 'num').map(text)).toEqual(['11.', '12.']);
    expect(byTag(byClass(inline, 'num')[1]!, 'del')).toHaveLength(1);
    const sides = byClass(article(parsePage(renderCompareHtml(c2, { layout: 'side-by-side' })), 'merged'), 'side');
    expect(byClass(sides[0]!, 'num').map(text)).toEqual(['11.', '12.']);
    expect(byClass(sides[1]!, 'num').map(text)).toEqual(['11.']);
  });
});

describe('escaping', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  for (const layout of ['inline', 'side-by-side'] as const) {
    it(`keeps injected markup inert in the diff2html style (${layout})`, () => {
      const doc = parsePage(renderCompareHtml(constructedComparison({ injected: true }), { style: 'diff2html', layout }));
      expect(byTag(doc, 'script')).toHaveLength(0);
      expect(byTag(doc, 'img')).toHaveLength(0);
      expect(findAll(doc, (e) => e.attrs.some((a) => a.name.startsWith('on')))).toHaveLength(0);
      expect(text(byClass(doc, 'd2h-wrapper')[0]!)).toContain('<img src=x onerror=alert(1)>');
    });

    it(`keeps markup injected into clauses, titles and symbols inert (${layout})`, () => {
      const c = constructedComparison({ injected: true });
      c.new.title = `Title ${INJECTED}`;
      c.old.symbol = `A/HRC/<b>RES</b>/1`;
      c.new.body = INJECTED;
      c.warnings = [{ rule: 'x', message: INJECTED, file: '<i>f</i>' }];
      const html = renderCompareHtml(c, { layout, title: `<script>alert(2)</script>` });
      const doc = parsePage(html);
      expect(byTag(doc, 'script')).toHaveLength(0);
      expect(byTag(doc, 'img')).toHaveLength(0);
      expect(byTag(doc, 'b')).toHaveLength(0);
      expect(byTag(doc, 'i')).toHaveLength(0);
      expect(findAll(doc, (e) => e.attrs.some((a) => a.name.startsWith('on')))).toHaveLength(0);
      const [added] = findAll(doc, (e) => e.tagName === 'article' && attr(e, 'data-status') === 'added');
      expect(text(added!)).toContain(INJECTED);
      expect(text(byTag(doc, 'title')[0]!)).toBe('<script>alert(2)</script>');
      expect(text(byClass(doc, 'warnings')[0]!)).toContain(INJECTED);
    });
  }
});
