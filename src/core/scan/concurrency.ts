/**
 * Bounded concurrency for file-system work. Thousands of parallel `stat`/`open` calls only queue
 * inside libuv's small thread pool and can exhaust file descriptors, so callers cap them.
 */

/** Runs async tasks with at most `limit` in flight. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** Creates a {@link Limiter} that lets `limit` tasks run at once and queues the rest in order. */
export function createLimiter(limit: number): Limiter {
  let active = 0;
  // A queue read from a moving head: `shift()` on an array this long (one entry per file of a
  // 100k-file tree) copies the rest every time, which made the scan quadratic.
  let waiting: (() => void)[] = [];
  let head = 0;
  const release = (): void => {
    active--;
    const next = waiting[head];
    if (next === undefined) return;
    waiting[head++] = undefined as never;
    if (head === waiting.length || (head > 1024 && head * 2 > waiting.length)) {
      waiting = waiting.slice(head);
      head = 0;
    }
    next();
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}

/**
 * Maps `items` through `fn` with at most `limit` calls in flight; results keep the input order.
 * Checks `signal` before each call so a cancelled run stops starting new work.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      signal?.throwIfAborted();
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
