/**
 * Broken and unreadable inputs give one-line InputErrors naming the file (exit 1 from the CLI),
 * never a library stack trace. The broken files are made from the generated 56/2 rendition.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { ingest } from '../../src/ingest/index.js';
import { parseResolution } from '../../src/model/parse.js';
import { runCli } from '../support/cli.js';
import { makeDocx, makePdf } from '../support/make-docs.js';
import { OUT } from '../support/paths.js';

const dir = join(OUT, 'broken');

/** A system tool the test needs; a clear failure (not a skip) when it is missing. */
function tool(name: string, pkg: string): string {
  for (const d of ['/usr/bin', '/usr/local/bin', '/bin']) if (existsSync(join(d, name))) return join(d, name);
  throw new Error(`${name} is needed to make this test's input: apt-get install -y ${pkg}`);
}

async function readError(path: string): Promise<InputError> {
  try {
    await ingest(new Uint8Array(readFileSync(path)), path);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const err = e as InputError;
    expect(err.format()).not.toContain('\n');
    expect(err.format().startsWith(`${path}: `)).toBe(true);
    return err;
  }
  throw new Error(`${path} was read without error`);
}

let pdf: Uint8Array;
let docx: Uint8Array;
let pdfPath: string;
beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  const r = await makePdf();
  pdfPath = r.pdfPath;
  pdf = new Uint8Array(readFileSync(r.pdfPath));
  docx = new Uint8Array(readFileSync((await makeDocx()).docxPath));
}, 240_000);

describe('broken PDFs', () => {
  it('a truncated download', async () => {
    const path = join(dir, 'truncated.pdf');
    writeFileSync(path, pdf.subarray(0, Math.floor(pdf.length * 0.6)));
    expect((await readError(path)).message).toMatch(/truncated/);
  });

  it('a file named .pdf that is not one', async () => {
    const path = join(dir, 'not-a.pdf');
    writeFileSync(path, 'Resolution 56/2, as plain text.\n');
    expect((await readError(path)).message).toMatch(/not a PDF/);
  });

  it('an encrypted PDF that needs a password', async () => {
    const path = join(dir, 'encrypted.pdf');
    execFileSync(tool('qpdf', 'qpdf'), ['--encrypt', 'secret-user', 'secret-owner', '256', '--', pdfPath, path]);
    expect((await readError(path)).message).toMatch(/encrypted and needs a password/);
  });

  it('an encrypted PDF with an empty user password reads as usual', async () => {
    const path = join(dir, 'encrypted-open.pdf');
    execFileSync(tool('qpdf', 'qpdf'), ['--encrypt', '', 'secret-owner', '256', '--print=none', '--', pdfPath, path]);
    const r = parseResolution(await ingest(new Uint8Array(readFileSync(path)), path));
    expect(r.clauses).toHaveLength(70);
  });

  it('a scanned PDF with no text layer', async () => {
    const png = join(dir, 'page');
    execFileSync(tool('pdftoppm', 'poppler-utils'), ['-r', '60', '-f', '1', '-l', '2', '-png', pdfPath, png]);
    const path = join(dir, 'scanned.pdf');
    const pages = ['page-1.png', 'page-2.png'].map((p) => join(dir, p));
    execFileSync(tool('img2pdf', 'img2pdf'), [...pages, '-o', path]);
    expect((await readError(path)).message).toBe('no text layer: this looks like a scanned PDF; OCR it first');
  });
});

describe('broken DOCX files', () => {
  it('a .docx that is not a zip', async () => {
    const path = join(dir, 'not-a-zip.docx');
    writeFileSync(path, 'This is not a Word document.\n');
    expect((await readError(path)).message).toMatch(/not a DOCX file/);
  });

  it('a truncated .docx', async () => {
    const path = join(dir, 'truncated.docx');
    writeFileSync(path, docx.subarray(0, Math.floor(docx.length / 2)));
    expect((await readError(path)).message).toMatch(/damaged|not a readable DOCX/);
  });

  it('a zip that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hello');
    const path = join(dir, 'plain.docx');
    writeFileSync(path, await zip.generateAsync({ type: 'uint8array' }));
    expect((await readError(path)).message).toMatch(/no word\/document\.xml/);
  });

  it('an old-format or password-protected Word file', async () => {
    const path = join(dir, 'old.docx');
    writeFileSync(path, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    expect((await readError(path)).message).toMatch(/old-format \.doc or a password-protected/);
  });
});

describe('the CLI on broken inputs', () => {
  it('prints one line naming the file and exits 1', async () => {
    const path = join(dir, 'truncated-cli.pdf');
    writeFileSync(path, pdf.subarray(0, 5000));
    const r = await runCli(['show', path]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(path);
    expect(r.stderr).toMatch(/truncated/);
  });
});
