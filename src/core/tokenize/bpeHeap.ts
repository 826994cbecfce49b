import type { RankLookup } from './bpe';

/**
 * Byte-pair encoding for long pieces (long base64 strings, digit runs in data files, minified
 * code): the same merges as the array version in ./bpe, in O(n log n) instead of O(n²).
 *
 * The array version merges the pair with the lowest rank, the leftmost on ties. Here the pairs
 * sit in a binary heap keyed by (rank, start of the left part); start positions keep their order
 * as parts merge, so the smallest key is exactly that pair. Parts form a linked list; a pair whose
 * parts changed since it was queued is recognised by a version number and skipped.
 */
export function countBytePairTokensLong(bytes: string, rankOf: RankLookup): number {
  const n = bytes.length;
  const next = new Int32Array(n); // start of the following part, or n
  const prev = new Int32Array(n); // start of the preceding part, or -1
  const version = new Int32Array(n); // bumped whenever the pair starting here changes
  for (let i = 0; i < n; i++) {
    next[i] = i + 1;
    prev[i] = i - 1;
  }
  const heap = new PairHeap();
  const queue = (start: number): void => {
    const mid = next[start] as number;
    if (mid >= n) return;
    const rank = rankOf(bytes.slice(start, next[mid] as number));
    if (rank !== undefined) heap.push(rank * 4294967296 + start, version[start] as number);
  };
  for (let i = 0; i < n - 1; i++) queue(i);
  let parts = n;
  while (heap.size > 0) {
    const [key, ver] = heap.pop();
    const start = key % 4294967296;
    if (version[start] !== ver) continue;
    // Merge the part at `start` with the one after it.
    const mid = next[start] as number;
    const after = next[mid] as number;
    next[start] = after;
    if (after < n) prev[after] = start;
    version[mid] = -1; // `mid` no longer starts a part
    parts--;
    version[start] = (version[start] as number) + 1;
    queue(start);
    const before = prev[start] as number;
    if (before >= 0) {
      version[before] = (version[before] as number) + 1;
      queue(before);
    }
  }
  return parts;
}

/** A binary min-heap of (key, version) pairs. */
class PairHeap {
  private keys: number[] = [];
  private versions: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, version: number): void {
    const keys = this.keys;
    const versions = this.versions;
    let i = keys.length;
    keys.push(key);
    versions.push(version);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] as number) <= key) break;
      keys[i] = keys[parent] as number;
      versions[i] = versions[parent] as number;
      i = parent;
    }
    keys[i] = key;
    versions[i] = version;
  }

  pop(): [number, number] {
    const keys = this.keys;
    const versions = this.versions;
    const top: [number, number] = [keys[0] as number, versions[0] as number];
    const lastKey = keys.pop() as number;
    const lastVersion = versions.pop() as number;
    const size = keys.length;
    if (size === 0) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && (keys[child + 1] as number) < (keys[child] as number)) child++;
      if ((keys[child] as number) >= lastKey) break;
      keys[i] = keys[child] as number;
      versions[i] = versions[child] as number;
      i = child;
    }
    keys[i] = lastKey;
    versions[i] = lastVersion;
    return top;
  }
}
