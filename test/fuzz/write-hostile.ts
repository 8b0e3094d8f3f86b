/**
 * Write the generated hostile files to a folder, for measuring them by hand:
 * `node dist/test/fuzz/write-hostile.js DIR`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as H from './hostile-files.js';

const dir = process.argv[2] ?? 'test-output/hostile';
mkdirSync(dir, { recursive: true });
const files: Record<string, () => Uint8Array | Promise<Uint8Array>> = {
  'docx-start-1e9-letter.docx': () => H.docxHugeStart(1e9, 'lowerLetter'),
  'docx-start-1e11-roman.docx': () => H.docxHugeStart(1e11, 'lowerRoman'),
  'docx-ilvl-1e9.docx': () => H.docxHugeLevel(1e9),
  'docx-zip-bomb-1gib.docx': () => H.docxZipBomb(1024),
  'docx-200k-paragraphs.docx': () => H.docxManyParagraphs(200_000),
  'docx-60mib-text.docx': () => H.docxMuchText(60),
  'pdf-flate-bomb-1gib.pdf': () => H.pdfFlateBomb(1024),
  'pdf-small.pdf': () => H.pdfSmall(),
};
for (const [name, make] of Object.entries(files)) writeFileSync(join(dir, name), await make());
for (const [name, make] of Object.entries(H.MARKDOWN_SHAPES)) writeFileSync(join(dir, `md-${name}.md`), make());
console.log(dir);
