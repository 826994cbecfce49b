import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { GitError } from '../../git/run';
import { PackError, packResultOf, type PackOptions, type PackResult } from '../types';
import type { CacheWriteFailure, FromPackWorker, PackWorkerData, ToPackWorker, WorkerError } from './protocol';
import type { PackRequest } from '../request';
import type { ContextCounts } from '../../report/contextCounts';

/** The answers a request can end with (errors aside). */
type Answer = Extract<FromPackWorker, { type: 'result' } | { type: 'counts' }>;

interface Pending {
  resolve: (answer: Answer) => void;
  reject: (error: unknown) => void;
  options: PackOptions;
}

/**
 * Where dist/packWorker.js is: beside this bundle in dist/, or, when running from the TypeScript
 * sources (tests), in the repository's dist/ after a build.
 */
function defaultWorkerScript(): string {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const candidates = [join(here, 'packWorker.js'), join(here, '..', '..', '..', '..', 'dist', 'packWorker.js')];
  return candidates.find((p) => existsSync(p)) ?? (candidates[0] as string);
}

function fromWorkerError(error: WorkerError): Error {
  if (error.packProblem) return new PackError(error.packProblem);
  if (error.gitProblem) return new GitError(error.gitProblem);
  const out = new Error(error.message);
  out.name = error.name;
  if (error.stack) out.stack = error.stack;
  return out;
}

/**
 * Runs a PackEngine in a worker thread (dist/packWorker.js, built from ./entry.ts) so the
 * VS Code extension host never blocks. Cancellation via `signal` rejects at once with its reason;
 * progress is forwarded. The worker starts on the first pack and keeps its caches until dispose.
 */
export class WorkerPackEngine {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly workerScript: string;
  private readonly cacheDir: string | null | undefined;
  private readonly onCacheWriteFailure: ((failure: CacheWriteFailure) => void) | undefined;

  /**
   * @param options.workerScript path of dist/packWorker.js (found beside this bundle by default)
   * @param options.cacheDir token cache folder; null for memory only; default: the user cache folder
   * @param options.onCacheWriteFailure told once for each failed save of the token cache
   */
  constructor(options: { workerScript?: string; cacheDir?: string | null; onCacheWriteFailure?: (failure: CacheWriteFailure) => void } = {}) {
    this.workerScript = options.workerScript ?? defaultWorkerScript();
    this.cacheDir = options.cacheDir;
    this.onCacheWriteFailure = options.onCacheWriteFailure;
  }

  /** Same contract as PackEngine.pack, off the calling thread. */
  async pack(request: PackRequest, options: PackOptions = {}): Promise<PackResult> {
    const answer = await this.send((id) => ({ type: 'pack', id, request, ...(options.reportOnly ? { reportOnly: true } : {}) }), options);
    if (answer.type !== 'result') throw new Error(`The pack worker answered a pack with ${answer.type}.`);
    return packResultOf(answer.chunks, answer.report);
  }

  /**
   * The folder index of `request` (see {@link ContextCounts}), with each file's size in full
   * from the same request packed without a budget. Both packs run in the worker and only the
   * index comes back, so the calling thread never takes in a rendered text or a full report.
   */
  async count(request: PackRequest, options: PackOptions = {}): Promise<ContextCounts> {
    const answer = await this.send((id) => ({ type: 'count', id, request }), options);
    if (answer.type !== 'counts') throw new Error(`The pack worker answered a count with ${answer.type}.`);
    return answer.counts;
  }

  private send(message: (id: number) => ToPackWorker, options: PackOptions): Promise<Answer> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<Answer>((resolve, reject) => {
      const onAbort = (): void => {
        this.pending.delete(id);
        this.post({ type: 'cancel', id });
        this.updateRef();
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = (): void => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (r) => (done(), resolve(r)),
        reject: (e) => (done(), reject(e)),
        options,
      });
      this.updateRef();
      worker.postMessage(message(id));
    });
  }

  /** Stops the worker; packs still running reject. */
  async dispose(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2000);
      worker.on('message', (m: FromPackWorker) => {
        if (m.type !== 'disposed') return;
        clearTimeout(timer);
        resolve();
      });
      worker.postMessage({ type: 'dispose' } satisfies ToPackWorker);
    });
    await worker.terminate();
    this.failAll(new Error('The pack worker was stopped.'));
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    if (!existsSync(this.workerScript)) {
      throw new Error(`The pack worker script is missing (${this.workerScript}); run \`npm run build\` first.`);
    }
    const worker = new Worker(this.workerScript, { workerData: { cacheDir: this.cacheDir } satisfies PackWorkerData });
    worker.on('message', (m: FromPackWorker) => this.onMessage(m));
    worker.on('error', (e) => this.failAll(new Error(`The pack worker failed: ${e.message}`)));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      if (code !== 0) this.failAll(new Error(`The pack worker stopped unexpectedly (exit code ${code}).`));
    });
    this.worker = worker;
    return worker;
  }

  private onMessage(message: FromPackWorker): void {
    if (message.type === 'disposed') return;
    if (message.type === 'cacheWriteFailed') {
      this.onCacheWriteFailure?.(message.failure);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.options.onProgress?.(message.event);
      return;
    }
    this.pending.delete(message.id);
    this.updateRef();
    if (message.type === 'result' || message.type === 'counts') pending.resolve(message);
    else if (message.error.name === 'AbortError' && pending.options.signal?.aborted) pending.reject(pending.options.signal.reason);
    else pending.reject(fromWorkerError(message.error));
  }

  private post(message: ToPackWorker): void {
    this.worker?.postMessage(message);
  }

  /** An idle worker must not keep the process alive. */
  private updateRef(): void {
    if (this.pending.size > 0) this.worker?.ref();
    else this.worker?.unref();
  }

  private failAll(error: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(error);
  }
}
