/**
 * Small CONSTRUCTED resolutions as PDFs, one per symbol, for the fetch tests: a few clauses each,
 * laid out by make-docs.ts (Word document marked as a constructed test rendition) and converted by
 * one LibreOffice run. Never UN documents; cached under test-output/ keyed by their inputs.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildDocx, findLibreOffice, outputDir, parseSourceDoc } from './make-docs.js';

const run = promisify(execFile);

const ORDINALS = ['', 'First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth'];

/** The Markdown of a small constructed resolution with this symbol ("A/HRC/RES/91/4"). */
export function smallResolution(symbol: string): string {
  const [session, n] = symbol.split('/').slice(-2);
  return `# General Assembly

Distr.: General  
12 July 2099

Original: English

## Human Rights Council

### ${ORDINALS[Number(session) % 10] || 'Ninety-first'} session

Agenda item 3

## Resolution adopted by the Human Rights Council on 10 July 2099

### ${session}/${n}. Constructed test resolution number ${n} of session ${session}

*The Human Rights Council,*

*Recalling* its resolution ${session}/${n} on the enhancement of cooperation, constructed for the tests of resdiff and not a United Nations text,

*Reaffirming* the importance of cooperation in the field of human rights for session ${session},

1. *Requests* the Secretary-General to report on paragraph ${n} of this constructed text;

2. *Decides* to remain seized of the matter.

*40th meeting  
10 July 2099*

[Adopted without a vote.]
`;
}

/**
 * Make (or reuse) a small constructed PDF for each symbol.
 *
 * @returns the PDF bytes by symbol
 */
export async function smallPdfs(symbols: string[]): Promise<Map<string, Buffer>> {
  const self = readFileSync(fileURLToPath(import.meta.url));
  const key = createHash('sha256').update(self).update(buildDocx.toString()).update(parseSourceDoc.toString()).update(symbols.join('\n')).digest('hex').slice(0, 16);
  const dir = join(outputDir, 'small-pdfs', key);
  mkdirSync(dir, { recursive: true });
  const name = (s: string) => s.replace(/\//g, '-');
  const missing = symbols.filter((s) => !existsSync(join(dir, `${name(s)}.pdf`)));
  if (missing.length > 0) {
    const lo = findLibreOffice();
    if (!lo) throw new Error('LibreOffice is needed to make the test PDFs: apt-get install -y libreoffice-writer-nogui fonts-liberation (or set RESDIFF_LIBREOFFICE)');
    const work = join(tmpdir(), `resdiff-small-${process.pid}-${Date.now()}`);
    mkdirSync(work, { recursive: true });
    try {
      const docx: string[] = [];
      for (const s of missing) {
        const path = join(work, `${name(s)}.docx`);
        writeFileSync(path, await buildDocx(parseSourceDoc(smallResolution(s)), { symbol: s, jobNumber: 'GE.99-00000(E)' }));
        docx.push(path);
      }
      await run(lo, [`-env:UserInstallation=file://${work}/profile`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, ...docx], { timeout: 180_000 });
      for (const s of missing) {
        const made = join(work, `${name(s)}.pdf`);
        if (!existsSync(made)) throw new Error(`LibreOffice did not write ${made}`);
        const tmp = join(dir, `${name(s)}.pdf.${process.pid}.tmp`);
        writeFileSync(tmp, readFileSync(made));
        renameSync(tmp, join(dir, `${name(s)}.pdf`));
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return new Map(symbols.map((s) => [s, readFileSync(join(dir, `${name(s)}.pdf`))]));
}
