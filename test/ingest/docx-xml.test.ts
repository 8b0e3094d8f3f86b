/**
 * A DOCX whose document.xml is not well-formed XML: one clear error naming the file.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { ingest } from '../../src/ingest/index.js';
import { InputError } from '../../src/errors.js';
import { tokens } from '../../src/ingest/docx/xml.js';

describe('DOCX XML', () => {
  it('reads tags, attributes and entity-decoded text', () => {
    expect([...tokens('<w:p><w:r><w:t xml:space="preserve">A &amp; B</w:t><w:i/></w:r></w:p>')]).toEqual([
      { kind: 'open', name: 'w:p', attrs: {} },
      { kind: 'open', name: 'w:r', attrs: {} },
      { kind: 'open', name: 'w:t', attrs: { 'xml:space': 'preserve' } },
      { kind: 'text', text: 'A & B' },
      { kind: 'close', name: 'w:t', attrs: {} },
      { kind: 'empty', name: 'w:i', attrs: {} },
      { kind: 'close', name: 'w:r', attrs: {} },
      { kind: 'close', name: 'w:p', attrs: {} },
    ]);
  });

  it('a damaged document.xml is a one-line InputError naming the file', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
    zip.file('word/document.xml', '<w:document><w:body><w:p><w:r><w:t>Broken</w:r></w:body>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const err = await ingest(bytes, 'broken.docx').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).format()).toMatch(/^broken\.docx: the DOCX is damaged \(.+\)$/);
    expect((err as InputError).format()).not.toContain('\n');
  });
});
