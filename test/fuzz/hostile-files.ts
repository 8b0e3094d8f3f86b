/**
 * Generated hostile inputs (constructed: none of these is a UN document): decompression bombs,
 * huge numbering values, deep nesting, pathological Markdown shapes. Each is built in memory from
 * a few kilobytes of code; the big ones use deflate streams made of repeated full-flush segments,
 * so a 1 GiB bomb costs a megabyte and a few milliseconds to make.
 */
import { deflateRawSync, constants } from 'node:zlib';
import JSZip from 'jszip';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (inner: string, ppr = '') => `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

/** A small resolution body in WordprocessingML (constructed text). */
function resolutionBody(op: (n: number) => string = () => ''): string {
  return (
    p(r('The Human Rights Council,')) +
    p(r('Recalling its earlier resolutions on the matter,')) +
    p(r('Reaffirms the importance of cooperation;'), op(1)) +
    p(r('Requests the Secretary-General to report;'), op(2)) +
    p(r('Decides to continue its consideration of the matter.'), op(3))
  );
}

function numberingXml(start: number | undefined, format: string, override?: number): string {
  return (
    `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">` +
    `${start !== undefined ? `<w:start w:val="${start}"/>` : ''}<w:numFmt w:val="${format}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
    `<w:num w:numId="1"><w:abstractNumId w:val="0"/>${override !== undefined ? `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${override}"/></w:lvlOverride>` : ''}</w:num></w:numbering>`
  );
}

/** A DOCX with the given parts (document.xml is wrapped in w:document/w:body unless raw). */
export async function docxOf(parts: { body?: string; documentXml?: string; numbering?: string }): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', parts.documentXml ?? `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${parts.body ?? ''}</w:body></w:document>`);
  if (parts.numbering) zip.file('word/numbering.xml', parts.numbering);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const numPr = (ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr>`;

/** A DOCX whose list starts at a huge number (`<w:startOverride>`), in the given format. */
export function docxHugeStart(value: number, format: 'lowerLetter' | 'lowerRoman' | 'decimal'): Promise<Uint8Array> {
  return docxOf({ body: resolutionBody(() => numPr(0)), numbering: numberingXml(1, format, value) });
}

/** A DOCX with a numbered paragraph at a huge list level. */
export function docxHugeLevel(ilvl: number): Promise<Uint8Array> {
  return docxOf({ body: resolutionBody((n) => numPr(n === 2 ? ilvl : 0)), numbering: numberingXml(1, 'decimal') });
}

/** A DOCX with `count` short paragraphs. */
export function docxManyParagraphs(count: number): Promise<Uint8Array> {
  const para = p(r('Notes the report;'));
  return docxOf({ body: resolutionBody() + para.repeat(count) });
}

/** A DOCX holding `mib` MiB of operative-paragraph text (well compressed). */
export function docxMuchText(mib: number): Promise<Uint8Array> {
  const line = 'Requests the Secretary-General to continue to report to the Council on the matter; ';
  const para = p(r(line.repeat(1000)));
  const count = Math.ceil((mib * 1048576) / (line.length * 1000));
  return docxOf({ body: resolutionBody() + para.repeat(count) });
}

/**
 * A raw deflate stream that inflates to `head + chunk × times + tail`, without ever holding the
 * inflated data: each part is compressed with a full flush (no back-references across parts),
 * so the chunk's compressed bytes can be repeated.
 */
export function deflateBomb(head: string, chunk: string, times: number, tail: string): Buffer {
  const seg = (s: string) => deflateRawSync(Buffer.from(s), { flush: constants.Z_FULL_FLUSH, finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const body = seg(chunk);
  const parts: Buffer[] = [seg(head)];
  for (let i = 0; i < times; i++) parts.push(body);
  parts.push(deflateRawSync(Buffer.from(tail), { level: 9 })); // the final block
  return Buffer.concat(parts);
}

/** A zip (stored by hand) with entries given as raw deflate data and their inflated sizes. */
export function zipOfDeflated(entries: Array<{ name: string; data: Buffer; size: number }>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = Math.min(e.size, 0xfffffffe);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 14); // CRC (left wrong: a reader must stop long before checking it)
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/** A DOCX whose word/document.xml inflates to about `mib` MiB of paragraphs. */
export function docxZipBomb(mib: number): Uint8Array {
  const chunk = p(r('Notes the report of the Secretary-General on the matter;')).repeat(Math.floor(1048576 / 110));
  const head = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${resolutionBody()}`;
  const tail = '</w:body></w:document>';
  const data = deflateBomb(head, chunk, mib, tail);
  const size = head.length + chunk.length * mib + tail.length;
  const types = deflateRawSync(Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'));
  return zipOfDeflated([
    { name: '[Content_Types].xml', data: types, size: 97 },
    { name: 'word/document.xml', data, size },
  ]);
}

/** A one-page PDF (hand-written objects and xref) with the given content stream dictionary and data. */
export function pdfWithStream(streamDict: string, streamData: Buffer): Uint8Array {
  const objs: Buffer[] = [];
  const push = (s: string | Buffer) => objs.push(typeof s === 'string' ? Buffer.from(s, 'latin1') : s);
  const offsets: number[] = [];
  let pos = 0;
  const add = (s: string | Buffer) => {
    push(s);
    pos += typeof s === 'string' ? Buffer.byteLength(s, 'latin1') : s.length;
  };
  add('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const obj = (n: number, body: string | Buffer[]) => {
    offsets[n] = pos;
    if (typeof body === 'string') add(`${n} 0 obj\n${body}\nendobj\n`);
    else {
      add(`${n} 0 obj\n`);
      for (const b of body) add(b);
      add('\nendobj\n');
    }
  };
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>');
  obj(4, [Buffer.from(`<< ${streamDict} /Length ${streamData.length} >>\nstream\n`, 'latin1'), streamData, Buffer.from('\nendstream', 'latin1')]);
  obj(5, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const xref = pos;
  let x = `xref\n0 6\n0000000000 65535 f \n`;
  for (let i = 1; i <= 5; i++) x += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
  add(`${x}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(objs));
}

/** A PDF whose page content is a flate stream inflating to about `mib` MiB. */
export function pdfFlateBomb(mib: number): Uint8Array {
  const text = (s: string, y: number) => `BT /F1 11 Tf 72 ${y} Td (${s}) Tj ET\n`;
  const head = text('The Human Rights Council,', 760) + text('1. Reaffirms the importance of cooperation;', 740);
  const chunk = '0 0 m\n'.repeat(1048576 / 6);
  const raw = deflateBomb(head, chunk, mib, text('2. Decides to continue its consideration of the matter.', 720));
  // zlib wrapper: header 78 DA, the raw stream, an Adler-32 (left zero; readers must stop before it).
  const data = Buffer.concat([Buffer.from([0x78, 0xda]), raw, Buffer.alloc(4)]);
  return pdfWithStream('/Filter /FlateDecode', data);
}

/** A readable one-page PDF (for checking that the bounds leave normal files alone). */
export function pdfSmall(): Uint8Array {
  const text = (s: string, y: number) => `BT /F1 11 Tf 72 ${y} Td (${s}) Tj ET\n`;
  const content = text('The Human Rights Council,', 760) + text('Recalling its resolutions,', 740) + text('1. Reaffirms the importance of cooperation;', 720) + text('2. Decides to continue its consideration of the matter.', 700);
  return pdfWithStream('', Buffer.from(content, 'latin1'));
}

/** A short resolution in Markdown (constructed), to wrap hostile shapes in. */
export const SMALL_RESOLUTION = `<!-- constructed: true -->
The Human Rights Council,

*Recalling* its earlier resolutions on the matter,

1. *Reaffirms* the importance of cooperation;

2. *Decides* to continue its consideration of the matter.
`;

/** Pathological Markdown and text shapes (each a resolution with the shape in the middle). */
export const MARKDOWN_SHAPES: Record<string, () => string> = {
  /** `<!--` runs with no `>`: the quadratic tag-stripping regex. */
  'lt-runs': () => `${SMALL_RESOLUTION}\n${'a <!--'.repeat(70_000)}\n`,
  /** `*a` runs: remark's emphasis matching. */
  'star-runs': () => `${SMALL_RESOLUTION}\n${'*a'.repeat(62_500)}\n`,
  /** `x\n---\n` repeated: setext headings and rules. */
  'setext-runs': () => `${SMALL_RESOLUTION}\n${'x\n---\n'.repeat(54_000)}`,
  /** 100,000 one-character paragraphs. */
  'many-paragraphs': () => `${SMALL_RESOLUTION}\n${'x\n\n'.repeat(100_000)}`,
  /** Nested link brackets. */
  'nested-brackets': () => `${SMALL_RESOLUTION}\n${'['.repeat(120_000)}\n`,
  /** Block quotes 5,000 deep. */
  'deep-quotes': () => `${SMALL_RESOLUTION}\n${'> '.repeat(5000)}deep\n`,
  /** Lists 5,000 deep. */
  'deep-lists': () => `${SMALL_RESOLUTION}\n${'- '.repeat(5000)}deep\n`,
  /** 30,000 YAML anchors and aliases in the front matter. */
  'yaml-anchors': () => `---\n${Array.from({ length: 30_000 }, (_, i) => `k${i}: &a${i} v${i}\nr${i}: *a${i}`).join('\n')}\n---\n${SMALL_RESOLUTION}`,
};
