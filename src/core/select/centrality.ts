/** PageRank's damping factor: the chance a reader follows an import rather than jumping. */
const DAMPING = 0.85;
/** Enough iterations for the ranking (not the exact values) to settle on real trees. */
const ITERATIONS = 30;

/**
 * PageRank over the import graph: a file scores high when many files (or important files)
 * import it. `imports[i]` lists the indexes file `i` imports. O(iterations × edges).
 * Returns one score per file; scores sum to 1.
 */
export function importCentrality(imports: readonly (readonly number[])[]): number[] {
  const n = imports.length;
  if (n === 0) return [];
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    next.fill(0);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      const targets = imports[i] ?? [];
      const share = rank[i] ?? 0;
      if (targets.length === 0) {
        dangling += share;
        continue;
      }
      const each = share / targets.length;
      for (const t of targets) next[t] = (next[t] ?? 0) + each;
    }
    // A file that imports nothing passes its weight to everyone, as a random jump would.
    const base = (1 - DAMPING) / n + (DAMPING * dangling) / n;
    for (let i = 0; i < n; i++) next[i] = base + DAMPING * (next[i] ?? 0);
    [rank, next] = [next, rank];
  }
  return Array.from(rank);
}

/**
 * Percentile of each value among all values (0 = lowest, 1 = highest); equal values share the
 * same percentile so ties never depend on input order.
 */
export function percentiles(values: readonly number[]): number[] {
  const n = values.length;
  if (n <= 1) return values.map(() => 1);
  const sorted = [...values].sort((a, b) => a - b);
  const firstIndex = new Map<number, number>();
  const lastIndex = new Map<number, number>();
  sorted.forEach((v, i) => {
    if (!firstIndex.has(v)) firstIndex.set(v, i);
    lastIndex.set(v, i);
  });
  return values.map((v) => (((firstIndex.get(v) ?? 0) + (lastIndex.get(v) ?? 0)) / 2) / (n - 1));
}
