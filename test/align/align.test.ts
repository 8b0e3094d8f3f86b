/**
 * Alignment on constructed versions of 56/2 (scripted edits of the real text; see
 * test/support/variants.ts) and on the bundled constructed example against the real 56/2.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/diff/compare.js';
import { loadResolution } from '../../src/corpus/load.js';
import { ingest } from '../../src/ingest/index.js';
import { parseResolution } from '../../src/model/parse.js';
import type { Comparison, Pair } from '../../src/diff/types.js';
import { copy, editable56_2, parseVariant } from '../support/variants.js';
import { text56_2 } from '../support/paths.js';

const base = editable56_2();
const ids = (c: Comparison, f: (p: Pair) => boolean) => c.pairs.filter(f).map((p) => `${p.old.join('+') || '∅'}>${p.new.join('+') || '∅'}`);

describe('alignment', async () => {
  const v0 = await parseVariant(base, 'base');

  it('a text compared with itself is all unchanged, in order', () => {
    const c = compare(v0, v0);
    expect(c.pairs.every((p) => p.status === 'unchanged' && !p.moved && p.old[0] === p.new[0])).toBe(true);
    expect(c.pairs).toHaveLength(70);
  });

  it('renumbering is not a change: an OP inserted at 3 leaves the 35 that follow unchanged', async () => {
    const e = copy(base);
    e.ops.splice(2, 0, '*Encourages* States to share good practices on international cooperation in the field of human rights through voluntary peer exchanges;');
    const c = compare(v0, await parseVariant(e, 'inserted'));
    expect(ids(c, (p) => p.status === 'added')).toEqual(['∅>OP3']);
    expect(c.pairs.filter((p) => p.status !== 'unchanged' && p.status !== 'added')).toEqual([]);
    expect(c.pairs.some((p) => p.moved)).toBe(false);
    expect(ids(c, (p) => p.old[0] === 'OP36')).toEqual(['OP36>OP37']);
    expect(c.summary.OP).toMatchObject({ added: 1, removed: 0, modified: 0, unchanged: 37, moved: 0, addedIds: ['OP3'] });
  });

  it('near-duplicates do not cross-match: dropping one "Recalling General Assembly resolution" PP leaves its look-alikes paired with themselves', async () => {
    const e = copy(base);
    // PP5 "Recalling General Assembly resolution 41/128 …" goes; PP6 "Recalling also General
    // Assembly resolution 48/141 …" and PP2 "Recalling General Assembly resolution 70/1 …" get edits.
    e.pps.splice(4, 1);
    e.pps[1] = e.pps[1].replace('comprehensive, far-reaching', 'far-reaching');
    e.pps[4] = e.pps[4].replace('*Recalling also*', '*Recalling*');
    const c = compare(v0, await parseVariant(e, 'near-dup'));
    expect(ids(c, (p) => p.status === 'removed')).toEqual(['PP5>∅']);
    expect(ids(c, (p) => p.status === 'modified')).toEqual(['PP2>PP2', 'PP6>PP5']);
    expect(c.pairs.find((p) => p.old[0] === 'PP6')?.openingChanged).toBe(true);
  });

  it('identical near-duplicates keep their order (no false moves)', async () => {
    const e = copy(base);
    e.ops.splice(10, 0, e.ops[22]); // "Urges States to continue to support the funds;" twice
    const v1 = await parseVariant(e, 'dup');
    const c = compare(v1, v1);
    expect(c.pairs.every((p) => p.status === 'unchanged' && !p.moved && p.old[0] === p.new[0])).toBe(true);
  });

  it('a clause rewritten for a new summit still pairs (the Non-Aligned Movement paragraph)', async () => {
    const c = compare(await loadResolution('example-2022'), await loadResolution('56/2'));
    const nam = c.pairs.find((p) => p.new.includes('PP9'))!;
    expect(nam).toMatchObject({ status: 'modified', old: ['PP9'], technical: false, openingChanged: true });
    expect(nam.similarity).toBeGreaterThan(0.4);
    expect(nam.diff.filter((d) => d.op === 'insert').map((d) => d.text.trim())).toContain('Kampala');
    expect(nam.diff.filter((d) => d.op === 'delete').map((d) => d.text.trim())).toContain('Baku');
  });

  it('finds every status in the bundled comparison', async () => {
    const c = compare(await loadResolution('example-2022'), await loadResolution('56/2'));
    expect(ids(c, (p) => p.status === 'added')).toEqual(['∅>PP19', '∅>OP26', '∅>OP34']);
    expect(ids(c, (p) => p.status === 'removed')).toEqual(['OP26>∅']);
    expect(ids(c, (p) => p.status === 'split')).toEqual(['OP22>OP21+OP22']);
    expect(ids(c, (p) => p.status === 'merged')).toEqual(['PP11+PP12>PP11']);
    const split = c.pairs.find((p) => p.status === 'split')!;
    const newText = split.diff.filter((d) => d.op !== 'delete').map((d) => d.text).join('');
    expect(split.newBreaks).toHaveLength(2);
    expect(newText.slice(split.newBreaks![1]).startsWith('Also requests the Office')).toBe(true);
    const merged = c.pairs.find((p) => p.status === 'merged')!;
    const oldText = merged.diff.filter((d) => d.op !== 'insert').map((d) => d.text).join('');
    expect(oldText.slice(merged.oldBreaks![1]).startsWith('Recalling the importance of cooperation')).toBe(true);
    expect(ids(c, (p) => p.moved)).toEqual(['PP20>PP33', 'OP21>OP23']);
    expect(ids(c, (p) => p.technical)).toEqual(['PP4>PP4', 'OP30>OP31', 'OP32>OP33', 'OP35>OP37']);
    expect(ids(c, (p) => p.openingChanged)).toEqual(['PP9>PP9', 'OP7>OP7']);
    expect(c.summary.OP).toMatchObject({ added: 2, removed: 1, modified: 4, technical: 3, split: 1, moved: 1, addedIds: ['OP26', 'OP34'], removedIds: ['OP26'] });
    expect(c.summary.PP).toMatchObject({ added: 1, removed: 0, merged: 1, moved: 1, addedIds: ['PP19'] });
    expect(c.old.constructed).toBe(true);
    expect(c.new.constructed).toBe(false);
  });

  it('PPs and OPs are separate sequences; a PP turned operative pairs across, marked moved', async () => {
    const e = copy(base);
    const stress = e.pps.splice(19, 1)[0]; // "Stressing the importance of international cooperation for improving the living conditions …"
    expect(stress).toMatch(/^\*Stressing\* the importance of international cooperation for improving/);
    e.ops.splice(5, 0, stress.replace('*Stressing*', '*Stresses*').replace(/,$/, ';'));
    const c = compare(v0, await parseVariant(e, 'pp-to-op'));
    const p = c.pairs.find((x) => x.old.includes('PP20'))!;
    expect(p).toMatchObject({ new: ['OP6'], status: 'modified', crossKind: true, moved: true, kind: 'OP', openingChanged: true });
    expect(c.pairs.filter((x) => x.status === 'added' || x.status === 'removed')).toEqual([]);
    // Nothing else moved or changed: the OPs after OP6 were only renumbered.
    expect(c.pairs.filter((x) => x !== p && x.status !== 'unchanged')).toEqual([]);
  });

  it('a dropped clause that shares stock phrases with its neighbour is removed, not merged into it', async () => {
    const e = copy(base);
    e.ops.splice(31, 1); // OP32 "Takes note of the report … implementation and enhancement of international cooperation …"
    const c = compare(v0, await parseVariant(e, 'drop-op32'));
    expect(ids(c, (p) => p.status !== 'unchanged')).toEqual(['OP32>∅']);
  });

  it('does not pair unrelated clauses across kinds', async () => {
    const e = copy(base);
    e.pps.splice(26, 1); // "Reiterating the role played by the universal periodic review …"
    e.ops.splice(16, 1); // "Emphasizes the importance of the universal periodic review …"
    const c = compare(v0, await parseVariant(e, 'upr'));
    expect(ids(c, (p) => p.status === 'removed')).toEqual(['PP27>∅', 'OP17>∅']);
  });

  it('layout only (page rules, footnote placement, line endings): zero changes', async () => {
    const a = parseResolution(await ingest(Buffer.from(text56_2()), 'a.md'));
    const moved = text56_2()
      .replace(/\n---\n\n<sup>1<\/sup> See FCCC\/CP\/2015\/10\/Add\.1, decision 1\/CP\.21, annex\.\n/, '\n')
      .replace('*Recalling* resolution 2000/22 of 18 August', '---\n\n<sup>1</sup> See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.\n\n*Recalling* resolution 2000/22 of 18 August')
      .replace('in the field of human rights, and be aimed', 'in the field of human rights, and be aimed')
      .replace('obligations and commitments, including the unprecedented', 'obligations and\n\n---\n\nGE.24-12826\n\ncommitments, including the unprecedented')
      .replace(/\n/g, '\r\n');
    const b = parseResolution(await ingest(Buffer.from(moved), 'b.md'));
    const c = compare(a, b);
    expect(c.pairs.filter((p) => p.status !== 'unchanged' || p.moved)).toEqual([]);
    expect(c.summary.PP.unchanged + c.summary.OP.unchanged).toBe(70);
  });
});
