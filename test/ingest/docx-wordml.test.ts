/**
 * The DOCX reader on WordprocessingML features a generated document does not show: tracked
 * changes, nested list levels, italic from a character style, literal paragraph numbers, footnote
 * ids that are not their printed numbers, a masthead split by line breaks.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { read } from '../../src/ingest/docx.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (inner: string, ppr = '') => `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string, rpr = '') => `<w:r>${rpr ? `<w:rPr>${rpr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const num = (ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="3"/></w:numPr>`;

async function docx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  zip.file(
    'word/styles.xml',
    `<w:styles ${W}><w:style w:type="character" w:styleId="Opening"><w:rPr><w:i/></w:rPr></w:style><w:style w:type="paragraph" w:default="1" w:styleId="Normal"/></w:styles>`,
  );
  zip.file(
    'word/numbering.xml',
    `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>` +
      `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
  );
  zip.file(
    'word/footnotes.xml',
    `<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
      `<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r>${r(' A/HRC/55/78.')}</w:p></w:footnote></w:footnotes>`,
  );
  zip.file('word/header1.xml', `<w:hdr ${W}>${p(r('A/HRC/RES/99/1'))}</w:hdr>`);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('DOCX WordprocessingML', () => {
  it('reads lists, tracked changes, styles, footnotes and a masthead with line breaks', async () => {
    const bytes = await docx(
      p(r('General Assembly')) +
        p(`<w:r><w:t>Distr.: General</w:t><w:br/><w:t>3 April 2025</w:t></w:r>`) +
        p(r('Human Rights Council')) +
        p(r('The Human Rights Council,', '<w:i/>')) +
        p(r('Recalling', '<w:rStyle w:val="Opening"/>') + r(' its resolution 1/1,')) +
        p(r('Reaffirms', '<w:i/>') + r(' that ') + `<w:del w:id="1"><w:r><w:delText>old words </w:delText></w:r></w:del>` + `<w:ins w:id="2">${r('new words ')}</w:ins>` + r('matter;'), num(0)) +
        p(r('Takes note', '<w:i/>') + r(' of the report:') + `<w:r><w:footnoteReference w:id="7"/></w:r>`, num(0)) +
        p(r('first item;'), num(1)) +
        p(r('second item;'), num(1)) +
        p(r('Decides', '<w:i/>') + r(' to remain seized.'), num(0)) +
        p(`<w:r><w:t>4.</w:t><w:tab/><w:t xml:space="preserve">Literal </w:t></w:r>` + r('numbering', '<w:i w:val="0"/>') + r('.')),
    );
    const { markdown, meta } = await read(bytes, 'x.docx');
    expect(markdown).toBe(
      [
        '# General Assembly',
        'Distr.: General',
        '3 April 2025',
        '## Human Rights Council',
        '*The Human Rights Council,*',
        '*Recalling* its resolution 1/1,',
        '1. *Reaffirms* that new words matter;',
        '2. *Takes note* of the report:<sup>1</sup>',
        '(a) first item;',
        '(b) second item;',
        '3. *Decides* to remain seized.',
        '4. Literal numbering.',
        '---',
        '<sup>1</sup> A/HRC/55/78.',
      ].join('\n\n') + '\n',
    );
    expect(meta).toMatchObject({ distribution: 'General', issued: '2025-04-03', symbol: 'A/HRC/RES/99/1' });
  });
});
