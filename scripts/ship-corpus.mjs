/**
 * Build step after `tsc`: parse every file of the bundled corpus with the parser just built and
 * write dist/corpus-parsed/<sha256>-<ext>.json (src/corpus/shipped.ts reads them), so a corpus
 * reference such as 56/2 is never parsed at start-up (nor tokenized for alignment: the entries
 * hold each clause's similarity keys, as the parse cache does). Keyed by the file's SHA-256, so an edited
 * corpus file is simply parsed as usual until the next build.
 *
 *   node scripts/ship-corpus.mjs
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'corpus-parsed');
const { ingest } = await import('../dist/src/ingest/index.js');
const { parseResolution } = await import('../dist/src/model/parse.js');
const { fingerprint, toStored } = await import('../dist/src/corpus/cache.js');

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const corpus = join(ROOT, 'corpus');
let n = 0;
const sizes = new Set();
for (const name of readdirSync(corpus)) {
  const ext = /\.(md|markdown|txt)$/i.exec(name)?.[1]?.toLowerCase();
  if (!ext || /^readme/i.test(name)) continue;
  const bytes = readFileSync(join(corpus, name));
  sizes.add(bytes.length);
  const key = `${createHash('sha256').update(bytes).digest('hex')}-${ext}`;
  const stored = toStored(parseResolution(await ingest(bytes, name)));
  writeFileSync(join(OUT, `${key}.json`), JSON.stringify({ parser: fingerprint(), label: name, ...stored }));
  n++;
}
// Their sizes: with the cache off, a file of another size is not hashed to look for its entry.
writeFileSync(join(OUT, 'sizes.json'), JSON.stringify([...sizes]));
console.log(`ship-corpus: ${n} corpus files parsed into dist/corpus-parsed/`);
