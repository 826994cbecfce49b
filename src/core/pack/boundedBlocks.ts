import type { FactStore } from '../facts';
import type { Renderer } from '../render';
import { countablePrefix } from '../tokenize';
import type { TokenCounter } from '../tokenize/counter';
import { blockParams, countBlocks, type BlockRequest } from './blocks';

/**
 * UTF-16 units of a block's prefix counted against a limit of `limit` tokens. Source code runs
 * at 3 to 5 characters a token (4.0 on the generated bench trees, where no file's prefix of 6 per
 * token stayed within its limit), so a prefix this long nearly always counts more than the limit;
 * when it does not, the whole block is counted.
 */
function prefixLength(limit: number): number {
  return 8 * (limit + 1) + 128;
}

/**
 * Block counts that stop early: for each request, its block's exact count when that is at most
 * `limits[i]`, else some number above `limits[i]` (a lower bound of the count). A block the
 * facts store knows, or one no longer than its limit's prefix, is counted exactly, as
 * {@link countBlocks} does (and remembered); any other is first counted by a prefix cut where
 * counts add up, which usually proves it over its limit for a small share of the work. A
 * budgeted pack uses this to rule out the many files that cannot fit without counting them.
 */
export async function countBlocksWithin(
  renderer: Renderer,
  requests: readonly BlockRequest[],
  limits: readonly number[],
  counter: TokenCounter,
  facts: FactStore,
  signal?: AbortSignal,
): Promise<number[]> {
  const tokens = new Array<number>(requests.length).fill(0);
  const exact: number[] = [];
  const prefixed: { index: number; prefix: string; length: number; params: string }[] = [];
  requests.forEach((r, i) => {
    const limit = limits[i] ?? Number.POSITIVE_INFINITY;
    const params = blockParams(renderer, r, counter.encoding);
    const known = facts.get('block', r.hash, params);
    if (known !== undefined && known.body === r.body) {
      tokens[i] = known.tokens;
      return;
    }
    if (!Number.isFinite(limit) || r.body.length < prefixLength(limit)) {
      exact.push(i);
      return;
    }
    const block = renderer.fileBlock(r.path, r.mode, r.body);
    // A count from an earlier process: the block is a function of the key (see countBlocks).
    const remembered = r.hash === '' ? undefined : facts.get('blockTokens', r.hash, params);
    if (remembered !== undefined && remembered.length === block.length) {
      if (remembered.atLeast !== true) {
        tokens[i] = remembered.tokens;
        return;
      }
      // A bound an earlier pack proved: enough when it is still over this limit.
      if (remembered.tokens > limit) {
        tokens[i] = remembered.tokens;
        return;
      }
    }
    const prefix = countablePrefix(block, prefixLength(limit));
    if (prefix.length === block.length) exact.push(i);
    else prefixed.push({ index: i, prefix, length: block.length, params });
  });
  if (prefixed.length > 0) {
    const counting = counter.countMany(
      prefixed.map((p) => p.prefix),
      signal,
    );
    // Selection waits for these counts before it decides anything more.
    counter.lendThreadUntil?.(counting);
    const counts = await counting;
    prefixed.forEach(({ index, length, params }, j) => {
      const count = counts[j] ?? 0;
      const hash = requests[index]?.hash ?? '';
      // A prefix that stays within the limit proves nothing: the whole block is counted.
      if (count > (limits[index] ?? Number.POSITIVE_INFINITY)) {
        tokens[index] = count;
        // Kept (on disk too), so a warm pack neither renders nor counts this prefix again.
        if (hash !== '') facts.set('blockTokens', hash, params, { length, tokens: count, atLeast: true });
      } else exact.push(index);
    });
  }
  if (exact.length > 0) {
    const counting = countBlocks(
      renderer,
      exact.map((i) => requests[i] as BlockRequest),
      counter,
      facts,
      signal ? { signal } : {},
    );
    counter.lendThreadUntil?.(counting);
    const counted = await counting;
    exact.forEach((index, j) => (tokens[index] = counted.tokens[j] ?? 0));
  }
  return tokens;
}
