/**
 * The bounded parser pool: a file over its time or memory budget is a one-line InputError, the
 * worker is replaced and the pool goes on; a full queue refuses at once; normal files read the
 * same as in-process.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BusyError, ParsePool } from '../../src/corpus/bounded.js';
import { InputError } from '../../src/errors.js';
import { ingest } from '../../src/ingest/index.js';
import { parseResolution } from '../../src/model/parse.js';
import { MARKDOWN_SHAPES, SMALL_RESOLUTION } from '../fuzz/hostile-files.js';
import { RES_56_2 } from '../support/paths.js';

const res56 = readFileSync(RES_56_2);
const slow = Buffer.from(MARKDOWN_SHAPES['setext-runs']()); // minutes for remark
/** About 2,900 operative paragraphs of plain resolution Markdown (the direct reader's shape). */
const largeText = `The Human Rights Council,\n\n${Array.from({ length: 2900 }, (_, i) => `${i + 1}. *Requests* the Secretary-General to report on the matter to the Council at its session;\n\n`).join('')}`;
const largePlain = Buffer.from(largeText);
/** The same with one `_emphasis_` (outside that shape): remark reads it, and its syntax tree needs well over 16 MiB. */
const large = Buffer.from(largeText.replace('The Human Rights Council,', 'The _Human Rights Council_,'));

const pools: ParsePool[] = [];
const pool = (o: ConstructorParameters<typeof ParsePool>[0]) => {
  const p = new ParsePool(o);
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

describe('bounded parser pool', () => {
  it('reads 56/2 exactly as the in-process parser does', async () => {
    const p = pool({});
    const got = await p.parse({ bytes: res56, name: 'A-HRC-RES-56-2.md' });
    const want = parseResolution(await ingest(res56, 'A-HRC-RES-56-2.md'));
    expect(got).toEqual(want);
  }, 60_000);

  it('stops a file at its time budget with one line, then reads the next file', async () => {
    const p = pool({ size: 1, timeoutMs: 1500 });
    const t = performance.now();
    const e = await failure(p.parse({ bytes: slow, name: 'setext.md' }));
    expect(performance.now() - t).toBeLessThan(20_000);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).format()).toMatch(/^setext\.md: took longer than 1\.5 s to read; /);
    expect((e as InputError).format()).not.toContain('\n');
    const ok = await p.parse({ bytes: Buffer.from(SMALL_RESOLUTION), name: 'small.md' });
    expect(ok.clauses.map((c) => c.id)).toEqual(['PP1', 'OP1', 'OP2']);
  }, 60_000);

  it('stops a file at its memory budget with one line, then reads the next file', async () => {
    const p = pool({ size: 1, memoryMb: 16, timeoutMs: 60_000 });
    const e = await failure(p.parse({ bytes: large, name: 'large.md' }));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).format()).toMatch(/^large\.md: needed more than 16 MiB of memory to read; /);
    const ok = await p.parse({ bytes: Buffer.from(SMALL_RESOLUTION), name: 'small.md' });
    expect(ok.clauses).toHaveLength(3);
    // The direct reader builds no syntax tree: the plain file fits the same budget.
    const plain = await p.parse({ bytes: largePlain, name: 'large-plain.md' });
    expect(plain.clauses.filter((c) => c.kind === 'OP')).toHaveLength(2900);
  }, 90_000);

  it('refuses at once when every worker is busy and the queue is full', async () => {
    const p = pool({ size: 1, maxQueue: 1, timeoutMs: 3000 });
    const first = p.parse({ bytes: slow, name: 'a.md' });
    const second = p.parse({ bytes: Buffer.from(SMALL_RESOLUTION), name: 'b.md' });
    const third = await failure(p.parse({ bytes: Buffer.from(SMALL_RESOLUTION), name: 'c.md' }));
    expect(third).toBeInstanceOf(BusyError);
    expect((third as BusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(await failure(first)).toBeInstanceOf(InputError);
    expect((await second).clauses).toHaveLength(3);
  }, 60_000);

  it('user errors cross the thread as InputErrors with file and line', async () => {
    const p = pool({});
    const e = await failure(p.parse({ bytes: Buffer.from('---\na: [\n---\nThe Council,\n'), name: 'bad.md' }));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).file).toBe('bad.md');
    expect((e as InputError).format()).toMatch(/^bad\.md:\d+: invalid YAML front matter/);
  }, 60_000);
});
