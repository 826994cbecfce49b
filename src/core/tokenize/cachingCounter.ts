import type { Encoding } from '../types';
import type { WriteFailure } from '../write/atomicWrite';
import { contentHash } from './contentHash';
import type { TokenCounter } from './counter';
import { DiskTokenCache } from './diskCache';
import { PieceCounter } from './pieceCounter';
import { TokenWorkerPool } from './workerPool';

/** Chunk sizes (in UTF-16 units) sent to one worker at a time. */
const MIN_CHUNK = 64 * 1024;
const MAX_CHUNK = 1024 * 1024;
/** Inline counting yields to the event loop after this much text, so it can be cancelled. */
const INLINE_SLICE = 256 * 1024;
/** New entries reach the disk this long after the last batch that produced them. */
const FLUSH_DELAY_MS = 1000;

/** How a CachingTokenCounter counts what its caches do not know. */
export interface CachingCounterOptions {
  encoding: Encoding;
  /** Folder of the on-disk cache; null keeps counts in memory only. */
  cacheDir: string | null;
  /** dist/tokenWorker.js; null counts on the calling thread. */
  workerScript: string | null;
  maxWorkers: number;
  /** Told once for each failed save of the on-disk cache. */
  onCacheWriteFailure?: (failure: WriteFailure) => void;
}

/** Splits texts into consecutive chunks of roughly `target` UTF-16 units. */
function chunkTexts(texts: string[], target: number): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const text of texts) {
    current.push(text);
    size += text.length;
    if (size >= target) {
      chunks.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Per signal, the callers waiting on it: one abort listener serves them all. */
const waitersBySignal = new WeakMap<AbortSignal, Set<() => void>>();

/** The callers waiting on `signal`, woken together when it aborts. */
function waitersOf(signal: AbortSignal): Set<() => void> {
  let waiters = waitersBySignal.get(signal);
  if (!waiters) {
    const created = new Set<() => void>();
    waitersBySignal.set(signal, created);
    signal.addEventListener('abort', () => {
      for (const wake of [...created]) wake();
      created.clear();
    }, { once: true });
    waiters = created;
  }
  return waiters;
}

/**
 * `work`, or a rejection with the signal's reason as soon as it aborts. A pack has many counts
 * pending on its one signal at a time (each batch as it is redacted), so the signal gets a single
 * listener, not one per call.
 */
function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      // Work that fails after the abort is not an unhandled rejection.
      work.catch(() => undefined);
      reject(signal.reason);
      return;
    }
    const waiters = waitersOf(signal);
    const onAbort = (): void => reject(signal.reason);
    waiters.add(onAbort);
    work.then(
      (value) => (waiters.delete(onAbort), resolve(value)),
      (error: unknown) => (waiters.delete(onAbort), reject(error)),
    );
  });
}

/**
 * The TokenCounter behind `createTokenCounter`: a content-hash cache in memory, then on disk,
 * then exact counting of the misses in worker threads (or inline when no worker is available).
 * Identical texts in one batch are counted once.
 */
export class CachingTokenCounter implements TokenCounter {
  readonly encoding: Encoding;
  private readonly known = new Map<string, number>();
  private readonly disk: DiskTokenCache | null;
  private diskLoaded: Promise<void> | null = null;
  private readonly pool: TokenWorkerPool | null;
  private readonly maxWorkers: number;
  private inline: PieceCounter | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly onCacheWriteFailure: ((failure: WriteFailure) => void) | undefined;
  private reportedFailure: WriteFailure | undefined;

  constructor(options: CachingCounterOptions) {
    this.encoding = options.encoding;
    this.disk = options.cacheDir === null ? null : new DiskTokenCache(options.cacheDir);
    this.maxWorkers = Math.max(1, options.maxWorkers);
    this.onCacheWriteFailure = options.onCacheWriteFailure;
    this.pool =
      options.workerScript && options.maxWorkers > 0
        ? new TokenWorkerPool(options.workerScript, options.encoding, this.maxWorkers)
        : null;
  }

  /** The last failed write of the on-disk cache (a full disk, say), for the caller to report once. */
  get cacheWriteFailure(): WriteFailure | undefined {
    return this.disk?.lastWriteFailure;
  }

  /** Where misses are counted: in worker threads, or on the calling thread. */
  get threads(): 'workers' | 'inline' {
    return this.pool ? 'workers' : 'inline';
  }

  async countMany(texts: readonly string[], signal?: AbortSignal): Promise<number[]> {
    signal?.throwIfAborted();
    await this.loadDisk();
    signal?.throwIfAborted();
    const hashes = texts.map(contentHash);
    const missing = new Map<string, string>();
    hashes.forEach((hash, i) => {
      if (!this.known.has(hash) && !missing.has(hash)) missing.set(hash, texts[i] as string);
    });
    if (missing.size > 0) {
      const missTexts = [...missing.values()];
      const counts = await abortable(this.countMisses(missTexts, signal), signal);
      let i = 0;
      for (const hash of missing.keys()) {
        const count = counts[i++] as number;
        this.known.set(hash, count);
        this.disk?.add(hash, count);
      }
      this.scheduleFlush();
    }
    return hashes.map((hash) => this.known.get(hash) as number);
  }

  warm(): void {
    this.pool?.warm();
  }

  lendThreadUntil(work: Promise<unknown>): void {
    this.pool?.lendThreadUntil(work);
  }

  async dispose(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    await Promise.all([this.pool?.dispose(), this.disk?.flush()]);
  }

  private loadDisk(): Promise<void> {
    const disk = this.disk;
    if (!disk) return Promise.resolve();
    this.diskLoaded ??= disk.load().then((entries) => {
      for (const [hash, count] of entries) if (!this.known.has(hash)) this.known.set(hash, count);
    });
    return this.diskLoaded;
  }

  private async countMisses(texts: string[], signal: AbortSignal | undefined): Promise<number[]> {
    const pool = this.pool;
    if (!pool) return this.countInline(texts, signal);
    const totalChars = texts.reduce((sum, t) => sum + t.length, 0);
    const target = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, Math.ceil(totalChars / (this.maxWorkers * 4))));
    const parts = await Promise.all(chunkTexts(texts, target).map((chunk) => pool.count(chunk, signal)));
    return parts.flat();
  }

  private async countInline(texts: string[], signal: AbortSignal | undefined): Promise<number[]> {
    const counter = (this.inline ??= new PieceCounter(this.encoding));
    const out: number[] = [];
    let sinceYield = 0;
    for (const text of texts) {
      out.push(counter.count(text));
      sinceYield += text.length;
      if (sinceYield >= INLINE_SLICE) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
        signal?.throwIfAborted();
      }
    }
    return out;
  }

  /** Tells the listener about a failed save it has not heard of yet. */
  private reportWriteFailure(): void {
    const failure = this.disk?.lastWriteFailure;
    if (!failure || failure === this.reportedFailure) return;
    this.reportedFailure = failure;
    this.onCacheWriteFailure?.(failure);
  }

  private scheduleFlush(): void {
    const disk = this.disk;
    if (!disk?.dirty || this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void disk.flush().then(() => this.reportWriteFailure());
    }, FLUSH_DELAY_MS);
    this.flushTimer.unref();
  }
}
