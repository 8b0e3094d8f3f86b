/**
 * Optimal assignment (the Hungarian method, O(n²m)): pair rows with columns so the total
 * score is as large as possible, each row and column used at most once.
 */

/**
 * Maximum-weight assignment.
 *
 * @param score rows × columns matrix; a pair with score <= 0 is never worth making
 * @returns for each row, the column assigned, or -1
 */
export function maxAssignment(score: number[][]): number[] {
  const rows = score.length;
  const cols = rows ? score[0].length : 0;
  if (!rows || !cols) return new Array(rows).fill(-1);
  // Square it up with zero-score dummies; minimise cost = -score (positive scores only).
  const n = Math.max(rows, cols);
  const cost = (i: number, j: number) => (i < rows && j < cols ? -Math.max(0, score[i][j]) : 0);
  const INF = Number.POSITIVE_INFINITY;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1); // p[j]: row assigned to column j (1-based), 0 = none
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(INF);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  const result = new Array(rows).fill(-1);
  for (let j = 1; j <= n; j++) {
    const i = p[j] - 1;
    if (i >= 0 && i < rows && j - 1 < cols && score[i][j - 1] > 0) result[i] = j - 1;
  }
  return result;
}

/**
 * Indices (into `seq`) of the heaviest strictly increasing subsequence: the clauses that kept
 * their relative order. Weighting by clause length means that when either a long paragraph or a
 * short one could be said to have moved, the short one is (as a reader would say). O(n²), and
 * n is the number of clauses of one kind.
 *
 * @param seq old positions, in new order
 * @param weight weight of each element (default 1)
 */
export function longestIncreasing(seq: number[], weight: number[] = seq.map(() => 1)): Set<number> {
  const best = new Array<number>(seq.length).fill(0);
  const prev = new Array<number>(seq.length).fill(-1);
  let end = -1;
  for (let i = 0; i < seq.length; i++) {
    best[i] = weight[i];
    for (let k = 0; k < i; k++) {
      if (seq[k] < seq[i] && best[k] + weight[i] > best[i]) {
        best[i] = best[k] + weight[i];
        prev[i] = k;
      }
    }
    if (end < 0 || best[i] > best[end]) end = i;
  }
  const keep = new Set<number>();
  for (let k = end; k >= 0; k = prev[k]) keep.add(k);
  return keep;
}
