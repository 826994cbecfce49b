import { countBytePairTokensLong } from './bpeHeap';

/** Rank of the token with these bytes (latin1 string), or undefined when there is none. */
export type RankLookup = (bytes: string) => number | undefined;

/** Longer pieces go to the heap version: the array version is quadratic in the piece length. */
const LONG_PIECE = 128;

/**
 * Number of tokens byte-pair encoding gives one pre-tokenized piece.
 *
 * Same merge order as js-tiktoken's `bytePairMerge` (repeatedly merge the adjacent pair whose
 * merged bytes have the lowest rank, the leftmost on ties), but it keeps each pair's rank in an
 * array and recomputes only the two neighbours of a merge, as tiktoken's Rust core does, instead
 * of re-joining every pair on every round.
 *
 * @param bytes the piece's UTF-8 bytes as a latin1 string (one char per byte)
 * @param rank rank lookup for byte strings in the same form
 */
export function countBytePairTokens(bytes: string, rank: RankLookup): number {
  const n = bytes.length;
  if (n <= 1) return n;
  if (rank(bytes) !== undefined) return 1;
  if (n > LONG_PIECE) return countBytePairTokensLong(bytes, rank);
  // starts[k] is where part k begins; part k ends at starts[k + 1].
  const starts: number[] = new Array<number>(n + 1);
  for (let i = 0; i <= n; i++) starts[i] = i;
  const pairRank: number[] = new Array<number>(n - 1);
  for (let i = 0; i < n - 1; i++) pairRank[i] = rank(bytes.slice(i, i + 2)) ?? Infinity;
  const rankOf = (k: number): number => {
    // Rank of parts k and k+1 merged, or Infinity when there is no part k+1.
    const end = starts[k + 2];
    if (end === undefined) return Infinity;
    return rank(bytes.slice(starts[k] as number, end)) ?? Infinity;
  };
  while (pairRank.length > 0) {
    let best = 0;
    let bestRank = pairRank[0] as number;
    for (let k = 1; k < pairRank.length; k++) {
      const r = pairRank[k] as number;
      if (r < bestRank) {
        bestRank = r;
        best = k;
      }
    }
    if (bestRank === Infinity) break;
    // Parts best and best+1 become one: one part and one pair fewer, two pair ranks change.
    starts.splice(best + 1, 1);
    if (best + 1 < pairRank.length) pairRank.splice(best + 1, 1);
    else pairRank.pop();
    if (best < pairRank.length) pairRank[best] = rankOf(best);
    if (best > 0) pairRank[best - 1] = rankOf(best - 1);
  }
  return starts.length - 1;
}
