/**
 * The Word redline on a constructed comparison: real tracked changes (w:ins / w:del by
 * "resdiff") with the right text, italics and numbers kept, and read back by mammoth (which
 * keeps insertions and drops deletions: the accepted text) as the later text.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { renderCompareDocx } from '../../src/render/docx.js';
import { newText } from '../../src/render/redline.js';
import { compare } from '../../src/diff/compare.js';
import { loadResolution } from '../../src/corpus/load.js';
import type { Clause } from '../../src/model/types.js';
import { ROOT } from '../support/paths.js';
import { constructedComparison, INJECTED } from './fixtures.js';

async function documentXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('word/document.xml')!.async('string');
}

/** Texts of the <w:ins> or <w:del> elements, in order. */
function changes(xml: string, tag: 'ins' | 'del'): string[] {
  const re = new RegExp(`<w:${tag} [^>]*>(.*?)</w:${tag}>`, 'gs');
  return [...xml.matchAll(re)].map((m) => [...m[1]!.matchAll(/<w:(?:t|delText)[^>]*>(.*?)<\/w:(?:t|delText)>/g)].map((t) => t[1]).join(''));
}

const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

/**
 * The body paragraphs of document.xml as Word shows them after "Accept all changes" or "Reject
 * all changes": the other kind of change dropped, its text kept, and a paragraph whose mark is a
 * tracked change of the dropped kind joined to the next one.
 */
function readAs(xml: string, mode: 'accept' | 'reject'): string[] {
  const drop = mode === 'accept' ? 'del' : 'ins';
  const body = xml.slice(xml.indexOf('<w:body>'), xml.indexOf('<w:sectPr'));
  const out: string[] = [];
  let carry = '';
  for (const m of body.matchAll(/<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/gs)) {
    const inner = (m[1] ?? m[2])!;
    const pPr = /<w:pPr>(.*?)<\/w:pPr>/s.exec(inner)?.[1] ?? '';
    const markDropped = new RegExp(`<w:rPr>.*<w:${drop} [^>]*/>.*</w:rPr>`, 's').test(pPr);
    const content = inner.replace(/<w:pPr>.*?<\/w:pPr>/s, '').replace(new RegExp(`<w:${drop} [^>]*[^/]>.*?</w:${drop}>`, 'gs'), '');
    const t = [...content.matchAll(/<w:(?:t|delText)(?: [^>]*)?>(.*?)<\/w:(?:t|delText)>|<w:tab\/>/g)]
      .map((x) => (x[0] === '<w:tab/>' ? '\t' : x[1]!.replace(/&(?:lt|gt|amp|quot|apos);/g, (e) => XML_ENTITIES[e]!)))
      .join('');
    carry += t;
    if (markDropped) continue;
    out.push(carry);
    carry = '';
  }
  if (carry) out.push(carry);
  return out;
}

describe('renderCompareDocx', () => {
  const c = constructedComparison();
  const bytes = renderCompareDocx(c, { date: '2024-07-10T09:00:00Z' });

  it('writes tracked insertions and deletions by resdiff with the changed words', async () => {
    const xml = await documentXml(await bytes);
    const ins = changes(xml, 'ins');
    const del = changes(xml, 'del');
    expect(ins).toEqual(expect.arrayContaining(['56/2', '10 July 2024', 'Kampala Summit of January 2024', 'Urges', 'fifty-ninth']));
    expect(del).toEqual(expect.arrayContaining(['50/4', '7 July 2022', 'Baku Summit of October 2019', 'Encourages', 'fifty-third']));
    // the added OP2 (number, opening, rest) and the dropped old OP2 are whole tracked paragraphs
    expect(ins.join('|')).toContain('2.|Calls upon| States to promote dialogue among civilizations;');
    expect(del.join('|')).toContain('2.|Notes| the importance of the Durban Declaration;');
    for (const m of xml.matchAll(/<w:(ins|del) ([^>]*)\/?>/g)) {
      expect(m[2]).toMatch(/w:id="\d+" w:author="resdiff" w:date="2024-07-10T09:00:00Z"/);
    }
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    // deleted text is w:delText, never w:t, inside w:del
    for (const m of xml.matchAll(/<w:del [^>]*>(.*?)<\/w:del>/gs)) expect(m[1]).not.toContain('<w:t ');
    // paragraph marks of whole added/dropped clauses are tracked too
    expect(xml).toMatch(/<w:pPr>.*?<w:rPr><w:ins w:id="\d+"[^>]*\/><\/w:rPr><\/w:pPr>/s);
    expect(xml).toMatch(/<w:pPr>.*?<w:rPr><w:del w:id="\d+"[^>]*\/><\/w:rPr><\/w:pPr>/s);
  });

  it('keeps italic openings and the later paragraph numbers', async () => {
    const xml = await documentXml(await bytes);
    for (const opening of ['Reaffirming', 'Recalling', 'Welcoming', 'Urges', 'Encourages', 'Requests', 'Decides', 'Calls upon', 'Notes']) {
      expect(xml, opening).toMatch(new RegExp(`<w:rPr><w:i/><w:iCs/></w:rPr><w:(?:t|delText) xml:space="preserve">${opening}</w:`));
    }
    expect(xml).toMatch(/<w:t xml:space="preserve">3\.<\/w:t><w:tab\/><\/w:r><w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">Requests/);
  });

  it('names both versions and the constructed one in the title block', async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await bytes) });
    const head = value.split('The Human Rights Council,')[0]!;
    expect(head).toContain('Earlier text: A/HRC/RES/EXAMPLE/2022 — Enhancement of international cooperation in the field of human rights, adopted 7 July 2022 (constructed example, not an official document)');
    expect(head).toContain('Later text: A/HRC/RES/56/2 — Enhancement of international cooperation in the field of human rights, adopted 10 July 2024');
    expect(head).not.toMatch(/56\/2[^\n]*constructed/);
  });

  it('reads back (changes accepted) as the later text, clause by clause', async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await bytes) });
    const body = value.split('The Human Rights Council,')[1]!;
    const paras = body.split(/\n+/).map((s) => s.trim()).filter(Boolean);
    const expected = c.pairs
      .filter((p) => p.status !== 'removed')
      .map((p) => (p.kind === 'OP' ? `${p.newNumbers![0]}.\t${newText(p)}` : newText(p)).trim());
    expect(paras).toEqual(expected);
    expect(body).not.toContain('Durban');
    expect(body).not.toContain('Baku');
  });

  it('keeps injected markup as text', async () => {
    const b = await renderCompareDocx(constructedComparison({ injected: true }));
    const xml = await documentXml(b);
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).not.toContain('<script>');
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(b) });
    expect(value).toContain(INJECTED);
  });
});

describe('renderCompareDocx: split and merged clauses (bundled comparison)', async () => {
  const oldRes = await loadResolution('example-2022', { cwd: ROOT });
  const newRes = await loadResolution('56/2', { cwd: ROOT });
  const c = compare(oldRes, newRes);
  const bytes = await renderCompareDocx(c, { date: '2024-07-10T09:00:00Z' });
  const xml = await documentXml(bytes);
  const byId = (cs: Clause[]) => new Map(cs.map((cl) => [cl.id, cl]));
  const oldById = byId(oldRes.clauses);
  const newById = byId(newRes.clauses);
  const numbered = (cl: Clause) => (cl.kind === 'OP' && cl.number !== undefined ? `${cl.number}.\t${cl.text}` : cl.text);
  const bodyOf = (paras: string[]) => paras.slice(paras.indexOf('The Human Rights Council,') + 1).filter((t) => t.trim() !== '');

  it('mammoth (changes accepted) reads the split OP22 as two paragraphs, OP21 and OP22', async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const paras = value.split(/\n+/).map((s) => s.trim()).filter(Boolean);
    const i = paras.findIndex((t) => t.startsWith('21.\tRequests the Office of the United Nations High Commissioner'));
    expect(i).toBeGreaterThan(0);
    expect(paras[i]).toBe(numbered(newById.get('OP21')!));
    expect(paras[i + 1]!.startsWith('22.\tAlso requests the Office of the High Commissioner')).toBe(true);
    expect(paras[i + 1]).toBe(numbered(newById.get('OP22')!));
    // the merged PP11 + PP12 is one paragraph once accepted
    expect(paras).toContain(newById.get('PP11')!.text);
  });

  it('accepting every change gives the later clauses, one paragraph each', () => {
    const expected = c.pairs.flatMap((p) => p.new.map((id) => numbered(newById.get(id)!)));
    expect(bodyOf(readAs(xml, 'accept'))).toEqual(expected);
  });

  it('rejecting every change gives the earlier clauses back, the split one whole and the merged ones apart', () => {
    const got = bodyOf(readAs(xml, 'reject')).map((t) => t.replace(/^[\d.–, ]+\t/, ''));
    // numbers are those of the later text (renumbering is not tracked), so compare the texts
    const expected = c.pairs.flatMap((p) => p.old.map((id) => oldById.get(id)!.text));
    expect(got).toEqual(expected);
    expect(got).toContain(oldById.get('OP22')!.text);
    expect(got).toContain(oldById.get('PP11')!.text);
    expect(got).toContain(oldById.get('PP12')!.text);
  });

  it('tracks the paragraph marks: inserted between the split clauses, deleted between the merged ones', () => {
    const para = (start: string) => [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => m[1]!).find((p) => p.includes(start))!;
    expect(para('Requests</w:t>')).toMatch(/<w:pPr>.*<w:rPr><w:ins w:id="\d+" w:author="resdiff"[^>]*\/><\/w:rPr><\/w:pPr>/s);
    expect(para('Deeply concerned</w:t>')).toMatch(/<w:pPr>.*<w:rPr><w:del w:id="\d+" w:author="resdiff"[^>]*\/><\/w:rPr><\/w:pPr>/s);
    // the second clause of the split has its own number, inserted
    expect(para('Also requests the Office of the High Commissioner')).toMatch(/^<w:pPr>.*?<\/w:pPr><w:ins [^>]*><w:r><w:t xml:space="preserve">22\.<\/w:t><w:tab\/><\/w:r><\/w:ins>/s);
  });
});
