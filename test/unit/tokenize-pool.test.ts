import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { TokenWorkerPool } from '../../src/core/tokenize/workerPool';
import { findTokenWorkerScript } from '../../src/core/tokenize/workerScript';

const reference = new Tiktoken(o200k);
const count = (text: string): number => reference.encode(text, [], []).length;

function pool(workers: number): TokenWorkerPool {
  const script = findTokenWorkerScript();
  if (script === null) throw new Error('dist/tokenWorker.js is missing: run npm run build first.');
  return new TokenWorkerPool(script, 'o200k_base', workers);
}

describe('TokenWorkerPool', () => {
  it('drops a queued chunk when its signal aborts, and still counts the ones posted', async () => {
    const workers = pool(1);
    const running = ['export const a = 1;\n'.repeat(2000)];
    const inbox = ['const c = 3;\n'.repeat(500)];
    const waiting = ['let b = 2;\n'.repeat(10)];
    const controller = new AbortController();
    const first = workers.count(running);
    // A second chunk goes to the worker's inbox at once; a third waits in the queue.
    const second = workers.count(inbox);
    const third = workers.count(waiting, controller.signal).catch((e: unknown) => e);
    expect(workers.queued).toBe(1);
    controller.abort();
    expect(await first).toEqual(running.map(count));
    expect(await second).toEqual(inbox.map(count));
    // The only worker came free: the aborted chunk was dropped, never sent.
    expect(await third).toBe(controller.signal.reason);
    expect(workers.queued).toBe(0);
    // The pool goes on serving later chunks, the signal's listener gone with the chunk.
    const later = ['def f():\n    return 3\n'];
    expect(await workers.count(later, controller.signal).catch((e: unknown) => e)).toBe(controller.signal.reason);
    expect(await workers.count(later)).toEqual(later.map(count));
    await workers.dispose();
  });

  it('posts a second chunk to a busy worker before the first is answered', async () => {
    const workers = pool(1);
    const chunks = [['export const a = 1;\n'.repeat(2000)], ['let b = 2;\n'.repeat(10)], ['x\n']];
    const counting = chunks.map((c) => workers.count(c));
    // One worker, two chunks in its hands, the third waiting for the first answer.
    expect(workers.workers).toBe(1);
    expect(workers.queued).toBe(1);
    expect(await Promise.all(counting)).toEqual(chunks.map((c) => c.map(count)));
    expect(workers.queued).toBe(0);
    await workers.dispose();
  });

  it('counts a chunk exactly when its signal never aborts', async () => {
    const workers = pool(2);
    const controller = new AbortController();
    const chunks = [['import x from "y";\n'], ['héllo, 世界 🎉\n'.repeat(50)], ['']];
    const counted = await Promise.all(chunks.map((c) => workers.count(c, controller.signal)));
    expect(counted).toEqual(chunks.map((c) => c.map(count)));
    await workers.dispose();
  });

  it('adds no listener to the signal however many chunks wait on it', async () => {
    const workers = pool(1);
    const controller = new AbortController();
    const added: string[] = [];
    const original = controller.signal.addEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((type: string, ...rest: [EventListener, AddEventListenerOptions?]) => {
      added.push(type);
      original(type, ...rest);
    }) as typeof controller.signal.addEventListener;
    const chunks = Array.from({ length: 20 }, (_, i) => [`const v${i} = ${i};\n`]);
    const counted = await Promise.all(chunks.map((c) => workers.count(c, controller.signal)));
    expect(counted).toEqual(chunks.map((c) => c.map(count)));
    expect(added).toEqual([]);
    await workers.dispose();
  });

  it('starts one worker when warmed, before anything is counted, and counts exactly with it', async () => {
    const workers = pool(2);
    expect(workers.workers).toBe(0);
    workers.warm();
    workers.warm();
    expect(workers.workers).toBe(1);
    // The warm-up text is the worker's first job; the caller's chunk waits behind it.
    const texts = ['export const a = 1;\n', 'héllo 世界\n'];
    expect(await workers.count(texts)).toEqual(texts.map(count));
    expect(workers.workers).toBe(1);
    await workers.dispose();
    workers.warm();
    expect(workers.workers).toBe(0);
  });
});
