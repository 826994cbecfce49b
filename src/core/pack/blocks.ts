import type { FactStore } from '../facts';
import type { Renderer } from '../render';
import type { TokenCounter } from '../tokenize/counter';
import type { FileMode } from '../types';

/** A block a pack needs: one file in one mode, with the content hash its body derives from. */
export interface BlockRequest {
  path: string;
  mode: Exclude<FileMode, 'path-only'>;
  body: string;
  /** Content hash of the file's bytes: the body (full text or outline) is a function of it. */
  hash: string;
}

/**
 * Batches handed to the counter before the first one's counts are back: enough to keep a worker
 * pool busy while this thread does other work, few enough that a cancelled pack stops soon.
 */
const BATCHES_AHEAD = 4;

/** Rendered blocks and their counts, in request order. */
export interface CountedBlocks {
  blocks: string[];
  tokens: number[];
}

/**
 * The `block` fact's parameters: everything besides the content that the block text holds, and
 * the encoding its count is in (one store serves the engines of every encoding in the worker).
 */
export function blockParams(renderer: Renderer, request: BlockRequest, encoding: string): string {
  return `${renderer.format}${renderer.variant ? `+${renderer.variant}` : ''}\0${request.mode}\0${request.path}\0${encoding}`;
}

/** The block of `request`, rendered afresh (see where it is counted). */
function rendered(renderer: Renderer, request: BlockRequest | undefined): string {
  return request === undefined ? '' : renderer.fileBlock(request.path, request.mode, request.body);
}

/**
 * Blocks and exact counts for `requests`, rendering and counting only those the facts store does
 * not hold. A `block` fact is trusted only when its body is the one asked for: for an unchanged
 * file it is the very string the store handed out, so the check costs nothing. A `blockTokens`
 * fact (persisted across processes) holds no text: the block is rendered again and its count
 * trusted when the block has the remembered length, the content hash, path, mode, format and
 * encoding being its key and the renderer, redaction and outline versions its version. Misses go
 * to the counter `batch` at a time, a few batches ahead: a worker pool then does not wait for this
 * thread to hand it the next one (the thread may be busy with the graph meanwhile). `between` is
 * called before the first batch and as each one's counts arrive, in order (cancellation checks,
 * progress).
 */
export async function countBlocks(
  renderer: Renderer,
  requests: readonly BlockRequest[],
  counter: TokenCounter,
  facts: FactStore,
  options: { signal?: AbortSignal; batch?: number; between?: (done: number, total: number) => void } = {},
): Promise<CountedBlocks> {
  const blocks: string[] = new Array<string>(requests.length);
  const tokens: number[] = new Array<number>(requests.length);
  const missing: number[] = [];
  requests.forEach((r, i) => {
    const params = blockParams(renderer, r, counter.encoding);
    const fact = facts.get('block', r.hash, params);
    if (fact !== undefined && fact.body === r.body) {
      blocks[i] = fact.block;
      tokens[i] = fact.tokens;
      return;
    }
    const block = renderer.fileBlock(r.path, r.mode, r.body);
    blocks[i] = block;
    // A count from an earlier process: the block is a function of the key (see blockTokens).
    const known = r.hash === '' ? undefined : facts.get('blockTokens', r.hash, params);
    if (known !== undefined && known.length === block.length && known.atLeast !== true) {
      tokens[i] = known.tokens;
      facts.set('block', r.hash, params, { body: r.body, block, tokens: known.tokens });
    } else {
      missing.push(i);
    }
  });
  const batch = options.batch ?? Math.max(1, missing.length);
  const known = requests.length - missing.length;
  options.between?.(known, requests.length);
  const slices: number[][] = [];
  for (let start = 0; start < missing.length; start += batch) slices.push(missing.slice(start, start + batch));
  const pending: Promise<number[]>[] = [];
  const send = (n: number): void => {
    const slice = slices[n];
    if (slice === undefined) return;
    // Each block is rendered again for the message: posting a string flattens it in place, so the
    // kept block (a rope over the file's text, as rendered) would come back holding a full copy.
    const counting = counter.countMany(slice.map((i) => rendered(renderer, requests[i])), options.signal);
    // A later batch may fail after an earlier failure already ended this call: that one is seen, not lost.
    counting.catch(() => undefined);
    pending[n] = counting;
  };
  for (let n = 0; n < BATCHES_AHEAD; n++) send(n);
  let done = known;
  for (const [n, slice] of slices.entries()) {
    const counts = await (pending[n] as Promise<number[]>);
    send(n + BATCHES_AHEAD);
    slice.forEach((i, j) => {
      const request = requests[i];
      const block = blocks[i];
      const count = counts[j] ?? 0;
      tokens[i] = count;
      if (request === undefined || block === undefined) return;
      const params = blockParams(renderer, request, counter.encoding);
      facts.set('block', request.hash, params, { body: request.body, block, tokens: count });
      if (request.hash !== '') facts.set('blockTokens', request.hash, params, { length: block.length, tokens: count });
    });
    done += slice.length;
    if (done < requests.length) options.between?.(done, requests.length);
  }
  options.between?.(requests.length, requests.length);
  return { blocks, tokens };
}
