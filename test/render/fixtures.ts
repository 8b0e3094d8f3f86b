/**
 * Hand-built comparisons for the renderer tests. CONSTRUCTED DATA: the clause texts imitate
 * HRC resolution 56/2 and an imagined earlier version; neither side is an official document.
 */
import { countPairs } from '../../src/diff/counts.js';
import type { Comparison, DiffPart, KindSummary, Pair } from '../../src/diff/types.js';

const eq = (text: string): DiffPart => ({ op: 'equal', text });
const ins = (text: string, technical = false): DiffPart => ({ op: 'insert', text, technical });
const del = (text: string, technical = false): DiffPart => ({ op: 'delete', text, technical });

function pair(p: Partial<Pair> & Pick<Pair, 'status' | 'old' | 'new' | 'kind' | 'diff'>): Pair {
  return { moved: false, technical: false, openingChanged: false, similarity: 1, ...p };
}

function kindSummary(k: Partial<KindSummary>, pairs: Pair[], kind: 'PP' | 'OP'): KindSummary {
  return { added: 0, removed: 0, modified: 0, unchanged: 0, moved: 0, technical: 0, split: 0, merged: 0, addedIds: [], removedIds: [], counts: countPairs(pairs, kind), ...k };
}

/** The markup a hostile or careless source could carry in a clause. */
export const INJECTED = '<script>alert(1)</script> and <img src=x onerror=alert(1)> & "quotes"';

/** A small constructed comparison with every kind of pair. */
export function constructedComparison(opts: { injected?: boolean } = {}): Comparison {
  const pairs: Pair[] = [
    pair({
      status: 'unchanged', old: ['PP1'], new: ['PP1'], kind: 'PP', oldOpening: 'Reaffirming', newOpening: 'Reaffirming',
      diff: [eq('Reaffirming its commitment to the purposes and principles of the Charter of the United Nations,')],
    }),
    pair({
      status: 'modified', old: ['PP2'], new: ['PP2'], kind: 'PP', technical: true, similarity: 0.95,
      oldOpening: 'Recalling', newOpening: 'Recalling',
      diff: [eq('Recalling its resolution '), del('50/4', true), ins('56/2', true), eq(' of '), del('7 July 2022', true), ins('10 July 2024', true), eq(','),],
    }),
    pair({
      status: 'modified', old: ['PP3'], new: ['PP3'], kind: 'PP', similarity: 0.8, oldOpening: 'Welcoming', newOpening: 'Welcoming',
      diff: [eq('Welcoming the outcome of the '), del('Baku Summit of October 2019'), ins('Kampala Summit of January 2024'), eq(' of the Non-Aligned Movement,')],
    }),
    pair({
      status: 'modified', old: ['OP1'], new: ['OP1'], kind: 'OP', openingChanged: true, similarity: 0.9,
      oldOpening: 'Encourages', newOpening: 'Urges', oldNumbers: [1], newNumbers: [1],
      diff: [del('Encourages'), ins('Urges'), eq(' all States to strengthen international cooperation in the field of human rights;')],
    }),
    pair({
      status: 'added', old: [], new: ['OP2'], kind: 'OP', newOpening: 'Calls upon', newNumbers: [2], similarity: 0,
      diff: [ins(opts.injected ? `Calls upon States to reject ${INJECTED};` : 'Calls upon States to promote dialogue among civilizations;')],
    }),
    pair({
      status: 'unchanged', old: ['OP4'], new: ['OP3'], kind: 'OP', moved: true, oldOpening: 'Requests', newOpening: 'Requests', oldNumbers: [4], newNumbers: [3],
      diff: [eq('Requests the Secretary-General to submit a report on the implementation of the present resolution;')],
    }),
    pair({
      status: 'removed', old: ['OP2'], new: [], kind: 'OP', oldOpening: 'Notes', oldNumbers: [2], similarity: 0,
      diff: [del('Notes the importance of the Durban Declaration;')],
    }),
    pair({
      status: 'modified', old: ['OP3'], new: ['OP4'], kind: 'OP', similarity: 0.85, oldOpening: 'Decides', newOpening: 'Decides', oldNumbers: [3], newNumbers: [4],
      diff: [eq('Decides to remain seized of the matter at its '), del('fifty-third', true), ins('fifty-ninth', true), eq(' session.')],
    }),
  ];
  return {
    old: { file: 'example-2022', symbol: 'A/HRC/RES/EXAMPLE/2022', title: 'Enhancement of international cooperation in the field of human rights', adopted: '2022-07-07', counts: { PP: 3, OP: 4 }, body: 'Human Rights Council', session: 50, constructed: true },
    new: { file: '56/2', symbol: 'A/HRC/RES/56/2', title: 'Enhancement of international cooperation in the field of human rights', adopted: '2024-07-10', counts: { PP: 3, OP: 4 }, body: 'Human Rights Council', session: 56, constructed: false },
    pairs,
    summary: {
      PP: kindSummary({ modified: 2, unchanged: 1, technical: 1 }, pairs, 'PP'),
      OP: kindSummary({ added: 1, removed: 1, modified: 2, unchanged: 1, moved: 1, addedIds: ['OP2'], removedIds: ['OP2'] }, pairs, 'OP'),
    },
  };
}

/** A comparison with `n` long modified paragraphs, for page counts and timings. */
export function longComparison(n = 40): Comparison {
  const c = constructedComparison();
  const filler = 'in accordance with the purposes and principles of the Charter of the United Nations and international law, including international human rights law,';
  for (let i = 0; i < n; i++) {
    c.pairs.push(pair({
      status: 'modified', old: [`OP${5 + i}`], new: [`OP${5 + i}`], kind: 'OP', similarity: 0.9, oldOpening: 'Invites', newOpening: 'Invites',
      oldNumbers: [5 + i], newNumbers: [5 + i],
      diff: [eq(`Invites States ${filler} `), del('to consider'), ins('to redouble efforts towards'), eq(` ${filler} paragraph ${5 + i};`)],
    }));
  }
  c.old.counts.OP += n;
  c.new.counts.OP += n;
  c.summary.OP.modified += n;
  return c;
}
