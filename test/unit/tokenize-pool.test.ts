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

/** Chunks of source-like text, each different, some with text outside ASCII. */
function sourceChunks(n: number): string[][] {
  return Array.from({ length: n }, (_, i) => [`export function f${i}(x: number): string {\n  return \`\${x} ünï ${i}\`;\n}\n`.repeat(200 + i), `const v${i} = ${i};\n`]);
}

describe('TokenWorkerPool', () => {
  it('counts waiting chunks on the calling thread as well while it is lent, exactly and each to its own caller', async () => {
    const workers = pool(1);
    const chunks = sourceChunks(24);
    const counting = Promise.all(chunks.map((c) => workers.count(c)));
    workers.lendThreadUntil(counting);
    expect(await counting).toEqual(chunks.map((c) => c.map(count)));
    // One worker holds two chunks at a time; this thread, idle while it waits, took some of the rest.
    expect(workers.assisted).toBeGreaterThan(0);
    expect(workers.assisted).toBeLessThan(chunks.length);
    await workers.dispose();
  });

  it('leaves every chunk to the workers when the thread is not lent, or no longer', async () => {
    const workers = pool(1);
    const chunks = sourceChunks(12);
    expect(await Promise.all(chunks.map((c) => workers.count(c)))).toEqual(chunks.map((c) => c.map(count)));
    expect(workers.assisted).toBe(0);
    // Lent until a short count settled: the chunks queued after it are the workers' alone.
    const short = workers.count(['x']);
    workers.lendThreadUntil(short);
    await short;
    await new Promise((resolve) => setImmediate(resolve));
    expect(await Promise.all(chunks.map((c) => workers.count(c)))).toEqual(chunks.map((c) => c.map(count)));
    expect(workers.assisted).toBe(0);
    await workers.dispose();
  });

  it('does not count a waiting chunk whose signal aborted, lent or not', async () => {
    const workers = pool(1);
    const controller = new AbortController();
    const posted = sourceChunks(2).map((c) => workers.count(c));
    const waiting = sourceChunks(3).map((c) => workers.count(c, controller.signal).catch((e: unknown) => e));
    workers.lendThreadUntil(Promise.all([...posted, ...waiting]));
    controller.abort();
    await Promise.all(posted);
    for (const result of await Promise.all(waiting)) expect(result).toBe(controller.signal.reason);
    expect(workers.assisted).toBe(0);
    await workers.dispose();
  });

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
