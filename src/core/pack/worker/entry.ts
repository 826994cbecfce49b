/**
 * Worker-thread entry (built to dist/packWorker.js): runs PackEngines off the extension host's
 * thread. One engine per encoding, kept between requests so follow-up packs reuse earlier work.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DiskFactStore } from '../../facts';
import { PackEngine } from '../engine';
import { GitError } from '../../git/run';
import { PackError, type PackOptions } from '../types';
import type { FromPackWorker, PackWorkerData, ToPackWorker, WorkerError } from './protocol';
import { createTokenCounter, defaultTokenCacheDir } from '../../tokenize';
import type { TokenCounter } from '../../tokenize/counter';
import type { Encoding } from '../../types';
import { contextCounts } from '../../report/contextCounts';

const port = parentPort;
const data = (workerData ?? {}) as PackWorkerData;
const engines = new Map<Encoding, { engine: PackEngine; counter: TokenCounter }>();
/** Import facts and outlines on disk beside the token cache, shared by every encoding's engine. */
let facts: Promise<DiskFactStore | undefined> | undefined;
const running = new Map<number, AbortController>();

function factsFor(cacheDir: string | null): Promise<DiskFactStore | undefined> {
  facts ??= cacheDir === null ? Promise.resolve(undefined) : DiskFactStore.open(cacheDir, { writeBehind: true });
  return facts;
}

async function engineFor(encoding: Encoding): Promise<PackEngine> {
  const cacheDir = data.cacheDir === undefined ? defaultTokenCacheDir() : data.cacheDir;
  const store = await factsFor(cacheDir);
  let entry = engines.get(encoding);
  if (!entry) {
    const counter = createTokenCounter({
      encoding,
      cacheDir,
      workers: 'auto',
      onCacheWriteFailure: (f) => post({ type: 'cacheWriteFailed', failure: { kind: f.kind, path: f.path, code: f.code } }),
    });
    entry = { engine: new PackEngine({ tokenCounter: counter, ...(store ? { facts: store } : {}) }), counter };
    engines.set(encoding, entry);
  }
  return entry.engine;
}

function toWorkerError(error: unknown): WorkerError {
  if (error instanceof PackError) return { name: error.name, message: error.message, packProblem: error.problem };
  if (error instanceof GitError) return { name: error.name, message: error.message, gitProblem: error.problem };
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error) };
}

function post(message: FromPackWorker): void {
  port?.postMessage(message);
}

/** Runs one request with a cancel handle under `id`, posting its answer or its error. */
async function run(id: number, work: (options: PackOptions) => Promise<FromPackWorker>): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    post(await work({ signal: controller.signal, onProgress: (event) => post({ type: 'progress', id, event }) }));
  } catch (error) {
    post({ type: 'error', id, error: toWorkerError(error) });
  } finally {
    running.delete(id);
  }
}

async function runPack(id: number, message: Extract<ToPackWorker, { type: 'pack' }>): Promise<void> {
  await run(id, async (options) => {
    const { chunks, report } = await (await engineFor(message.request.encoding)).pack(message.request, { ...options, reportOnly: message.reportOnly === true });
    // The chunks cross as they are: joining them here would hold the text twice on this thread.
    return { type: 'result', id, chunks, report };
  });
}

/**
 * Two packs on the same warm engine, the second reusing all the first read and counted: without
 * a budget for each file's size in full, then as asked for the modes the next pack gives. Only
 * their folder index is posted: the texts and reports stay here, so the caller's thread has no
 * large message to take in.
 */
async function runCount(id: number, message: Extract<ToPackWorker, { type: 'count' }>): Promise<void> {
  await run(id, async (options) => {
    const engine = await engineFor(message.request.encoding);
    // Report-only: no text is wanted, so none is joined (the counts are the full packs' own).
    const reportOnly = { ...options, reportOnly: true };
    const full = await engine.pack({ ...message.request, budget: null }, reportOnly);
    const next = message.request.budget === null ? full : await engine.pack(message.request, reportOnly);
    return { type: 'counts', id, counts: contextCounts(next.report, full.report) };
  });
}

port?.on('message', (message: ToPackWorker) => {
  switch (message.type) {
    case 'pack':
      void runPack(message.id, message);
      break;
    case 'count':
      void runCount(message.id, message);
      break;
    case 'cancel':
      running.get(message.id)?.abort();
      break;
    case 'dispose':
      for (const controller of running.values()) controller.abort();
      void Promise.allSettled([...[...engines.values()].map((e) => e.counter.dispose()), facts?.then((store) => store?.close())]).then(() => post({ type: 'disposed' }));
      break;
  }
});
