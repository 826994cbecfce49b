import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../src/core/scan/concurrency';

describe('createLimiter', () => {
  it('runs at most `limit` tasks at once and starts queued ones in the order they came, across a long queue', async () => {
    const limit = createLimiter(4);
    let active = 0;
    let most = 0;
    const started: number[] = [];
    // More than the queue's compaction threshold, so the moving head is compacted mid-drain.
    const tasks = Array.from({ length: 5000 }, (_, i) =>
      limit(async () => {
        started.push(i);
        active++;
        most = Math.max(most, active);
        await new Promise((resolve) => setImmediate(resolve));
        active--;
        return i * 2;
      }),
    );
    const results = await Promise.all(tasks);
    expect(results).toEqual(Array.from({ length: 5000 }, (_, i) => i * 2));
    expect(started).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(most).toBe(4);
  });

  it('keeps running the queue after a task fails', async () => {
    const limit = createLimiter(1);
    const failed = limit(() => Promise.reject(new Error('gone')));
    const after = limit(() => Promise.resolve('ran'));
    await expect(failed).rejects.toThrow('gone');
    await expect(after).resolves.toBe('ran');
  });
});
