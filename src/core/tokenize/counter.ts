import type { Encoding } from '../types';

/**
 * Exact token counting with js-tiktoken's ranks. Implementations may count off the main thread
 * and cache by content hash, but every count must equal js-tiktoken's `encode(text).length`.
 */
export interface TokenCounter {
  readonly encoding: Encoding;
  /** Exact counts for each text, in the same order. */
  countMany(texts: readonly string[], signal?: AbortSignal): Promise<number[]>;
  /** Releases workers and flushes any on-disk cache. */
  dispose(): Promise<void>;
}
