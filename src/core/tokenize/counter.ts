import type { Encoding } from '../types';

/**
 * Exact token counting with js-tiktoken's ranks. Implementations may count off the main thread
 * and cache by content hash, but every count must equal js-tiktoken's `encode(text).length`.
 */
export interface TokenCounter {
  readonly encoding: Encoding;
  /** Exact counts for each text, in the same order. */
  countMany(texts: readonly string[], signal?: AbortSignal): Promise<number[]>;
  /**
   * Gets ready to count soon: starts a worker now, so loading its rank table overlaps the
   * caller's own work (reading, redacting) instead of delaying the first count. For a caller that
   * knows most texts will be counted; otherwise it only costs memory and a core for a moment.
   */
  warm?(): void;
  /**
   * The caller has nothing else to do until `work` settles (it waits for counts): meanwhile, the
   * calling thread counts chunks that wait for a worker, so it shares the rest with the workers
   * instead of idling. Counts are the same either way.
   */
  lendThreadUntil?(work: Promise<unknown>): void;
  /** Releases workers and flushes any on-disk cache. */
  dispose(): Promise<void>;
}
