/**
 * The HTML reader on small constructed pages (written for these tests; not UN documents): what a
 * saved web page may hold around and inside the text, and how each shape is read.
 */
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { parseResolution } from '../../src/model/parse.js';
import type { ExplainStep } from '../../src/model/types.js';

const page = (body: string, head = '') => `<!doctype html><html><head><title>constructed</title>${head}<script>document.write("Urges everyone;")</script></head><body>${body}</body></html>`;

const HEAD = `<p>Human Rights Council</p><p>Fifty-sixth session</p><h1>56/99. A constructed resolution for tests</h1><p><i>The Human Rights Council,</i></p>`;

async function read(html: string, name = 'page.html', explain?: ExplainStep[]) {
  return parseResolution(await ingest(Buffer.from(html), name, { explain }), { explain });
}

describe('HTML input', () => {
  it('reads <i>/<em> openings, <sup> markers (bare or in links), typed numbers and an endnote list', async () => {
    const r = await read(
      page(`${HEAD}
        <p><em>Recalling</em> its earlier resolutions,<a href="#n1"><sup>1</sup></a></p>
        <p><i>Noting</i> the report<sup><a href="#n2">2</a></sup> of the expert,</p>
        <p>1. <i>Decides</i> to remain seized of the matter;</p>
        <p>2. <i>Requests</i> a report.</p>
        <hr><ol><li id="n1">See resolution 1/1. <a href="#r1">↩</a></li><li id="n2">A/HRC/99/1.</li></ol>`),
    );
    expect(r.clauses.map((c) => [c.id, c.opening, c.number ?? null, c.footnotes])).toEqual([
      ['PP1', 'Recalling', null, [1]],
      ['PP2', 'Noting', null, [2]],
      ['OP1', 'Decides', 1, []],
      ['OP2', 'Requests', 2, []],
    ]);
    expect(r.footnotes).toEqual({ 1: 'See resolution 1/1.', 2: 'A/HRC/99/1.' });
    expect(r.clauses[1].text).toBe('Noting the report of the expert,');
    expect(r.warnings).toEqual([]);
  });

  it('takes OP numbers from <ol start=…> and <li value=…>, and (a), (b) from type="a"', async () => {
    const r = await read(
      page(`${HEAD}<p><i>Noting</i> the report,</p>
        <ol start="3"><li><i>Decides</i> first;</li><li><i>Requests</i>:<ol type="a"><li>one thing;</li><li>another;</li></ol></li><li value="7"><i>Urges</i> States;</li><li><i>Decides</i> finally.</li></ol>`),
    );
    expect(r.clauses.filter((c) => c.kind === 'OP').map((c) => c.number)).toEqual([3, 4, 7, 8]);
    expect(r.clauses[2].subparagraphs).toEqual([{ label: 'a', text: 'one thing;' }, { label: 'b', text: 'another;' }]);
    // The printed numbers are reported as they are, never fixed.
    expect(r.warnings.map((w) => w.rule)).toEqual(['op-number-skip', 'op-number-skip']);
  });

  it('counts numbers a style sheet prints (::before { content: counter(op) }) only where the rule applies', async () => {
    const css = `<style>.ops p.op::before { counter-increment: op; content: counter(op) ".\\00a0"; } .gone { display: none }</style>`;
    const r = await read(
      page(`${HEAD}<p><i>Noting</i> the report,</p><p class="op">9. <i>Typed</i> outside the counted block;</p>
        <div class="ops"><p class="op"><i>Decides</i> first;</p><p class="gone">Hidden text;</p><p class="op"><i>Requests</i> a report.</p></div>`, css),
    );
    expect(r.clauses.map((c) => `${c.id}:${c.number ?? ''}:${c.opening}`)).toEqual(['PP1::Noting', 'OP1:9:Typed', 'OP2:1:Decides', 'OP3:2:Requests']);
    expect(r.clauses.map((c) => c.text).join(' ')).not.toContain('Hidden');
  });

  it('ignores page furniture: script, style, nav, header/footer, hidden elements; running heads in the body are dropped', async () => {
    const explain: ExplainStep[] = [];
    const r = await read(
      page(`<header><nav><a href="/">Home</a> <a href="/docs">Documents</a></nav></header>${HEAD}
        <p><i>Noting</i> the report of the</p><div class="running">A/HRC/RES/56/99</div><div>GE.24-99999(E)</div><p>expert,</p>
        <p hidden>1. <i>Hidden</i> paragraph;</p><p style="display:none">Also hidden;</p>
        <p>1. <i>Decides</i> to remain seized of the matter.</p><footer>Page 1 · Privacy · Contact</footer>`),
      'page.htm',
      explain,
    );
    expect(r.clauses.map((c) => c.text)).toEqual(['Noting the report of the expert,', 'Decides to remain seized of the matter.']);
    const dropped = explain.filter((e) => e.action === 'dropped').map((e) => e.reason);
    expect(dropped).toContain('<header>: page furniture');
    expect(dropped).toContain('<footer>: page furniture');
    expect(dropped.some((d) => /job number/.test(d))).toBe(true);
    expect(dropped.some((d) => /running head/.test(d))).toBe(true);
    expect(explain.some((e) => e.action === 'joined' && /page break|mid-sentence/.test(e.reason))).toBe(true);
  });

  it('an empty page is a one-line error naming the file', async () => {
    await expect(read('<html><body><script>x()</script></body></html>', 'empty.html')).rejects.toThrow(/no text/);
  });
});
