/**
 * The direct front matter reader (src/model/front-matter-direct.ts) against the `yaml` library:
 * whenever the direct reader answers, its mapping equals yaml's (and yaml does not fail), and it
 * answers for the front matter resdiff's files really have — the corpus, the fixtures, and what
 * `resdiff import` writes (yaml's own stringify). The generated front matters are CONSTRUCTED
 * for this test, from the usual keys and values and from YAML's traps (keywords in other cases,
 * dates, signs, comments, lists, flow collections, anchors, escapes, block indicators, blank
 * lines, tabs, trailing spaces, duplicate keys).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { directFrontMatter } from '../../src/model/front-matter-direct.js';
import { CORPUS, ROOT } from '../support/paths.js';

const RUNS = process.env.RESDIFF_FUZZ_LONG === '1' ? 10 : 1;

/** yaml's answer, or its error. */
function viaYaml(value: string): unknown {
  try {
    return parse(value, { logLevel: 'error' });
  } catch (e) {
    return { yamlError: (e as Error).message };
  }
}

/** The direct reader answered, and with yaml's mapping. */
function check(value: string): boolean {
  const direct = directFrontMatter(value);
  if (direct === undefined) return false;
  expect(direct).toStrictEqual(viaYaml(value) ?? {});
  return true;
}

function frontMatterOf(text: string): string {
  const lines = text.split('\n');
  expect(lines[0]).toBe('---');
  return lines.slice(1, lines.indexOf('---', 1)).join('\n');
}

const mdFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => join(dir, f));

describe('direct front matter reader', () => {
  it('reads the corpus’s and the fixtures’ front matter itself, as yaml does', () => {
    const files = [...mdFiles(CORPUS), ...mdFiles(join(ROOT, 'test', 'fixtures', 'series'))];
    for (const f of files) expect(check(frontMatterOf(readFileSync(f, 'utf8'))), f).toBe(true);
  });

  it('reads what `resdiff import` writes (yaml.stringify of the document facts)', () => {
    const text = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('Enhancement of international cooperation in the field of human rights', 'Human Rights Council', 'A/HRC/RES/56/2', 'official PDF of A/HRC/RES/56/2 (job number GE.24-12826(E))', 'intl-cooperation-human-rights') },
      { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
    );
    const facts = fc.record(
      {
        symbol: text,
        number: fc.constantFrom('56/2', '50/4', '2000/22'),
        title: text,
        body: text,
        session: fc.integer({ min: 1, max: 80 }),
        adopted: fc.constantFrom('2024-07-10', '2022-07-07'),
        series: text,
        constructed: fc.boolean(),
        provenance: fc.record({ source: text, 'received-as': text, sha256: fc.constant('f4a715b3bc4157183641e0fa21332b864202132391af1339a74954c0b1254536') }, { requiredKeys: ['source'] }),
      },
      { requiredKeys: ['symbol', 'title'] },
    );
    let answered = 0;
    fc.assert(
      fc.property(facts, (fm) => {
        const value = stringify(fm, { lineWidth: 0 }).replace(/\n$/, '');
        if (check(value)) answered++;
      }),
      { numRuns: 300 * RUNS, seed: 2 },
    );
    // Random strings need quoting and escapes now and then; the usual facts do not.
    expect(answered).toBeGreaterThan(100 * RUNS);
  });

  it('gives yaml’s answer, or leaves the text to yaml, at the edge of its shape', () => {
    const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('symbol', 'title', 'session', 'adopted', 'constructed', 'notes', 'received-as', 'a_b') }, { weight: 1, arbitrary: fc.constantFrom('True', 'null', 'x y', '"q"', '- x', '#c', 'symbol') });
    const usual = fc.constantFrom('A/HRC/RES/56/2', 'Human Rights Council', '"2024-07-10"', "'2024-07-10'", '2024-07-10', '56/2', '56', 'true', 'false', '""', "States' rights", 'Côte d’Ivoire', 'a, b [c]');
    const trap = fc.constantFrom(
      '056', '-5', '+5', '1.5', '1e3', '0x1F', '0o17', '.inf', '.nan',
      'true', 'false', 'True', 'FALSE', 'yes', 'no', 'on', 'null', 'Null', '~', '""', "''", '"a\\"b"', '"a\\nb"', "'it''s'", '"x" y', 'a: b', 'a #c', 'a#c', 'a:b', 'x:',
      '[1, 2]', '{ a: 1 }', '- x', '&a x', '*a', '!!str x', '!tag x', '|', '>', '>-', '|-', '>+', '|2', 'x ', 'x\t', "States' rights", 'Côte d’Ivoire', 'a, b [c]', '@x', '`x`', '%x', '1-2', '2024-07-10T10:00:00', '1_000', '12/3/4e5',
    );
    const value = fc.oneof({ weight: 3, arbitrary: usual }, { weight: 1, arbitrary: trap });
    const blockLine = fc.constantFrom('  folded text', '  more text', '    deeper', '', '  trailing ', '\tx', '  # not a comment', '  - item');
    const nestedLine = fc.tuple(key, value).map(([k, v]) => `  ${k}: ${v}`);
    const line = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`) },
      { weight: 2, arbitrary: fc.tuple(key, fc.array(nestedLine, { minLength: 0, maxLength: 3 })).map(([k, ls]) => [`${k}:`, ...ls].join('\n')) },
      { weight: 2, arbitrary: fc.tuple(key, fc.constantFrom('>-', '|-', '>', '|'), fc.array(blockLine, { minLength: 0, maxLength: 3 })).map(([k, ind, ls]) => [`${k}: ${ind}`, ...ls].join('\n')) },
      { weight: 1, arbitrary: fc.constantFrom('', '# a comment', '---', '...', '  stray: indent', 'key:value', 'list:\n  - a', 'k:  two spaces') },
    );
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (ls) => {
        runs++;
        if (check(ls.join('\n'))) answered++;
      }),
      { numRuns: 2000 * RUNS, seed: 9 },
    );
    console.log(`direct reader answered ${answered} of ${runs}`);
    expect(answered / runs).toBeGreaterThan(0.1);
    expect(answered / runs).toBeLessThan(0.95);
  });
});
