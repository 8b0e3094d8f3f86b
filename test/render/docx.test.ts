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
