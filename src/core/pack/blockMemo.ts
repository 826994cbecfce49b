import type { Renderer } from '../render';
import type { TokenCounter } from '../tokenize/counter';
import type { FileMode } from '../types';

/** One file block as last rendered, with its exact token count. */
interface BlockEntry {
  /** The body the block was rendered from; an unchanged file hands back the same string. */
  body: string;
  block: string;
  tokens: number;
  /** The pack that last used the entry; entries a pack did not use are dropped after it. */
  generation: number;
}

/** A block a pack needs: one file in one mode. */
export interface BlockRequest {
  path: string;
  mode: Exclude<FileMode, 'path-only'>;
  body: string;
}

/** Rendered blocks and their counts, in request order. */
export interface CountedBlocks {
  blocks: string[];
  tokens: number[];
}

/**
 * Rendered file blocks and their token counts, kept between packs of a long-lived engine. A
 * block is a pure function of format, path, mode and body, so an entry is reused when the body
 * is the same string: for a file that did not change that is the very string the engine kept,
 * and the comparison costs nothing, where hashing it again would read the whole text.
 */
export class BlockMemo {
  private readonly entries = new Map<string, BlockEntry>();
  private generation = 0;
  /** The last joined body and the blocks it was joined from. */
  private lastJoin: { blocks: string[]; body: string } | undefined;

  /** Starts a pack: entries not used from here until {@link endPack} are dropped then. */
  beginPack(): void {
    this.generation++;
  }

  /** Drops the entries the pack just made did not use (deleted files, other modes, old formats). */
  endPack(): void {
    for (const [key, entry] of this.entries) if (entry.generation !== this.generation) this.entries.delete(key);
  }

  /**
   * Blocks and counts for `requests`, rendering and counting only those not seen with the same
   * body. Misses are counted `batch` at a time, calling `between` before each batch (cancellation
   * checks, progress).
   */
  async count(
    renderer: Renderer,
    requests: readonly BlockRequest[],
    counter: TokenCounter,
    options: { signal?: AbortSignal; batch?: number; between?: (done: number, total: number) => void } = {},
  ): Promise<CountedBlocks> {
    const blocks: string[] = new Array<string>(requests.length);
    const tokens: number[] = new Array<number>(requests.length);
    const missing: number[] = [];
    requests.forEach((r, i) => {
      const entry = this.entries.get(keyOf(renderer, r));
      if (entry !== undefined && entry.body === r.body) {
        entry.generation = this.generation;
        blocks[i] = entry.block;
        tokens[i] = entry.tokens;
      } else {
        blocks[i] = renderer.fileBlock(r.path, r.mode, r.body);
        missing.push(i);
      }
    });
    const batch = options.batch ?? Math.max(1, missing.length);
    for (let start = 0; start < missing.length; start += batch) {
      options.between?.(requests.length - missing.length + start, requests.length);
      const slice = missing.slice(start, start + batch);
      const counts = await counter.countMany(slice.map((i) => blocks[i] ?? ''), options.signal);
      slice.forEach((i, j) => {
        const request = requests[i];
        const block = blocks[i];
        const count = counts[j] ?? 0;
        tokens[i] = count;
        if (request !== undefined && block !== undefined) {
          this.entries.set(keyOf(renderer, request), { body: request.body, block, tokens: count, generation: this.generation });
        }
      });
    }
    options.between?.(requests.length, requests.length);
    return { blocks, tokens };
  }

  /** The blocks joined; the very blocks of the last call give back its string without copying it again. */
  join(blocks: string[]): string {
    const last = this.lastJoin;
    if (last && last.blocks.length === blocks.length && last.blocks.every((b, i) => b === blocks[i])) return last.body;
    const body = blocks.join('');
    this.lastJoin = { blocks, body };
    return body;
  }
}

function keyOf(renderer: Renderer, request: BlockRequest): string {
  return `${renderer.format}${renderer.variant ? `+${renderer.variant}` : ''}\0${request.mode}\0${request.path}`;
}
