/**
 * Worker-thread entry (built to dist/packWorker.js): runs PackEngines off the extension host's
 * thread. One engine per encoding, kept between requests so follow-up packs reuse earlier work.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PackEngine } from '../engine';
import { GitError } from '../../git/run';
import { PackError } from '../types';
import type { FromPackWorker, PackWorkerData, ToPackWorker, WorkerError } from './protocol';
import { createTokenCounter, defaultTokenCacheDir } from '../../tokenize';
import type { TokenCounter } from '../../tokenize/counter';
import type { Encoding } from '../../types';

const port = parentPort;
const data = (workerData ?? {}) as PackWorkerData;
const engines = new Map<Encoding, { engine: PackEngine; counter: TokenCounter }>();
const running = new Map<number, AbortController>();

function engineFor(encoding: Encoding): PackEngine {
  let entry = engines.get(encoding);
  if (!entry) {
    const cacheDir = data.cacheDir === undefined ? defaultTokenCacheDir() : data.cacheDir;
    const counter = createTokenCounter({
      encoding,
      cacheDir,
      workers: 'auto',
      onCacheWriteFailure: (f) => post({ type: 'cacheWriteFailed', failure: { kind: f.kind, path: f.path, code: f.code } }),
    });
    entry = { engine: new PackEngine({ tokenCounter: counter }), counter };
    engines.set(encoding, entry);
  }
  return entry.engine;
}

function toWorkerError(error: unknown): WorkerError {
  if (error instanceof PackError) return { name: error.name, message: error.message, code: error.code };
  if (error instanceof GitError) return { name: error.name, message: error.message, gitProblem: error.problem };
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error) };
}

function post(message: FromPackWorker): void {
  port?.postMessage(message);
}

async function runPack(id: number, message: Extract<ToPackWorker, { type: 'pack' }>): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    const result = await engineFor(message.request.encoding).pack(message.request, {
      signal: controller.signal,
      onProgress: (event) => post({ type: 'progress', id, event }),
      reportOnly: message.reportOnly === true,
    });
    post({ type: 'result', id, result });
  } catch (error) {
    post({ type: 'error', id, error: toWorkerError(error) });
  } finally {
    running.delete(id);
  }
}

port?.on('message', (message: ToPackWorker) => {
  switch (message.type) {
    case 'pack':
      void runPack(message.id, message);
      break;
    case 'cancel':
      running.get(message.id)?.abort();
      break;
    case 'dispose':
      for (const controller of running.values()) controller.abort();
      void Promise.allSettled([...engines.values()].map((e) => e.counter.dispose())).then(() => post({ type: 'disposed' }));
      break;
  }
});
