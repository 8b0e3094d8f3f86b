/** Paths of the repository, the bundled corpus and the shared real document. */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';

/** The repository root (also when this file runs compiled from dist/test/support). */
export const ROOT = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();
export const CORPUS = join(ROOT, 'corpus');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
/** Test output (screenshots, generated documents): gitignored. */
export const OUT = join(ROOT, 'test-output');
/** The bundled copy of HRC resolution 56/2 (real text, with front matter). */
export const RES_56_2 = join(CORPUS, 'A-HRC-RES-56-2.md');
/** The `resdiff` executable (package.json bin): the bundled CLI as built by `npm run build`. */
export const CLI = join(ROOT, 'bin', 'resdiff.cjs');
/** The unbundled CLI (tsc's output), which the bundle must agree with. */
export const CLI_UNBUNDLED = join(ROOT, 'dist', 'src', 'cli', 'main.js');

/** The text of 56/2 without its front matter: the file exactly as received. */
export function text56_2(): string {
  const shared = join(ROOT, '..', 'shared', 'corpus-source', 'A-HRC-RES-56-2.md');
  if (existsSync(shared)) return readFileSync(shared, 'utf8');
  return readFileSync(RES_56_2, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
}
