import { Worker } from 'node:worker_threads';
import type { Encoding } from '../types';
import { PieceCounter } from './pieceCounter';
import type { CountRequest, CountResponse } from './workerProtocol';

interface Job {
  texts: string[];
  /** UTF-16 units in `texts`. */
  size: number;
  resolve: (counts: number[]) => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
}

interface Slot {
  worker: Worker;
  /** Chunks posted to the worker and not answered yet, oldest first (it answers in order). */
  posted: Job[];
}

/**
 * Chunks posted to one worker ahead of its answers. A worker that has answered waits for this
 * thread to post it more, and this thread may be busy for a long stretch (building the graph,
 * say): with a second chunk already in its inbox, the worker goes on counting meanwhile.
 */
const POSTED_PER_WORKER = 2;

/** What a warmed worker counts first: code with words and symbols, so its rank table is built. */
const WARM_UP_TEXT = 'export function warmUp(value: number): string {\n  return `${value} ünïcode`;\n}\n';

/** Waiting text (UTF-16 units) that justifies starting one more worker. */
const SPAWN_THRESHOLD = 1_000_000;

/**
 * A small pool of token-counting worker threads. Jobs queue and each worker takes the next one as
 * it answers (with one more waiting in its inbox), so uneven chunks still keep every worker busy.
 * Workers start on demand (each builds its own rank map, ~0.25 s and ~30 MB), stay for later
 * batches, and never keep the process alive when idle.
 *
 * The pool leaves the calling thread a core (see createTokenCounter), which it needs for reading,
 * redacting and the graph; once those are done it would only wait for the workers. Lent to the
 * pool then (`lendThreadUntil`), it takes the last waiting chunk at each turn of its event loop,
 * and so shares the rest with the workers. Lent any earlier, it would slow the work the workers
 * wait for (on a small TypeScript tree the graph is the longer side: 1.62 s became 1.89 s).
 */
export class TokenWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private disposed = false;
  private inline: PieceCounter | null = null;
  private assistScheduled = false;
  private assistedChunks = 0;
  /** Calls of lendThreadUntil whose work has not settled. */
  private lent = 0;

  constructor(
    private readonly script: string,
    private readonly encoding: Encoding,
    private readonly maxWorkers: number,
  ) {}

  /**
   * Counts one chunk of texts on some worker. A chunk whose `signal` has aborted by the time a
   * worker could take it is not sent and rejects with the signal's reason, so a cancelled pack
   * stops counting (its caller has stopped waiting already). No listener is added to the signal:
   * one pack queues many chunks on it.
   */
  count(texts: string[], signal?: AbortSignal): Promise<number[]> {
    if (this.disposed) return Promise.reject(new Error('The token counter was disposed.'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<number[]>((resolve, reject) => {
      this.queue.push({ texts, size: texts.reduce((sum, t) => sum + t.length, 0), resolve, reject, signal });
      this.pump();
    });
  }

  /**
   * Starts a worker now if none runs, and has it count a short text: that loads the script and
   * the rank table while the caller does other work (see TokenCounter.warm).
   */
  warm(): void {
    if (this.disposed || this.slots.length > 0) return;
    this.count([WARM_UP_TEXT]).catch(() => undefined);
  }

  /** Worker threads started and not stopped. */
  get workers(): number {
    return this.slots.length;
  }

  /** Chunks waiting for a worker (not yet sent to one). */
  get queued(): number {
    return this.queue.length;
  }

  /** Stops every worker; queued and running jobs reject. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const error = new Error('The token counter was disposed.');
    for (const job of this.queue.splice(0)) job.reject(error);
    const slots = this.slots.splice(0);
    for (const slot of slots) for (const job of slot.posted.splice(0)) job.reject(error);
    // A terminating worker does not keep the process alive (even ref'd): with nothing else
    // pending, the process would end before its exit is reported, and a caller awaiting
    // dispose() (the CLI, before it writes the pack) would silently never resume.
    const keepAlive = setInterval(() => undefined, 1000);
    try {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    } finally {
      clearInterval(keepAlive);
    }
  }

  private pump(): void {
    this.dropAborted();
    while (this.queue.length > 0) {
      const slot =
        this.slots.find((s) => s.posted.length === 0) ??
        (this.worthAnotherWorker() ? this.spawn() : undefined) ??
        this.slots.find((s) => s.posted.length < POSTED_PER_WORKER);
      if (!slot) break;
      const job = this.queue.shift() as Job;
      slot.posted.push(job);
      slot.worker.ref();
      slot.worker.postMessage({ id: this.nextId++, encoding: this.encoding, texts: job.texts } satisfies CountRequest);
    }
    this.scheduleAssist();
  }

  /** Chunks counted on the calling thread so far (see lendThreadUntil). */
  get assisted(): number {
    return this.assistedChunks;
  }

  /** Until `work` settles, this thread counts waiting chunks whenever its event loop is free. */
  lendThreadUntil(work: Promise<unknown>): void {
    this.lent++;
    const done = (): void => void this.lent--;
    work.then(done, done);
    this.scheduleAssist();
  }

  private scheduleAssist(): void {
    if (this.lent === 0 || this.assistScheduled || this.queue.length === 0) return;
    this.assistScheduled = true;
    setImmediate(() => {
      this.assistScheduled = false;
      this.countLastQueued();
    });
  }

  /**
   * Counts the last queued chunk here. The last, so the workers keep the order they were given
   * and the two sides meet in the middle; a chunk is at most a megabyte of text (tens of ms).
   */
  private countLastQueued(): void {
    this.dropAborted();
    if (this.lent === 0 || this.disposed) return;
    const job = this.queue.pop();
    if (!job) return;
    try {
      const counter = (this.inline ??= new PieceCounter(this.encoding));
      const counts = job.texts.map((t) => counter.count(t));
      this.assistedChunks++;
      job.resolve(counts);
    } catch (error) {
      job.reject(error);
    }
    this.scheduleAssist();
  }

  /** Rejects, and forgets, the queued chunks whose signal has aborted. */
  private dropAborted(): void {
    if (!this.queue.some((job) => job.signal?.aborted === true)) return;
    const kept = this.queue.filter((job) => job.signal?.aborted !== true);
    for (const job of this.queue) if (job.signal?.aborted === true) job.reject(job.signal.reason);
    this.queue.splice(0, this.queue.length, ...kept);
  }

  /**
   * A new worker costs about as much CPU as counting a few MB (loading the script, indexing the
   * rank table), so one starts only when none runs yet or enough text waits for it to pay off.
   */
  private worthAnotherWorker(): boolean {
    if (this.slots.length === 0) return true;
    let waiting = 0;
    for (const job of this.queue) waiting += job.size;
    return waiting >= SPAWN_THRESHOLD;
  }

  private spawn(): Slot | undefined {
    if (this.slots.length >= this.maxWorkers) return undefined;
    const slot: Slot = { worker: new Worker(this.script), posted: [] };
    slot.worker.on('message', (response: CountResponse) => this.onResponse(slot, response));
    slot.worker.on('error', (error) => this.onFailure(slot, new Error(`A token worker failed: ${error.message}`)));
    slot.worker.on('exit', (code) => {
      if (code !== 0) this.onFailure(slot, new Error(`A token worker stopped unexpectedly (exit code ${code}).`));
    });
    this.slots.push(slot);
    return slot;
  }

  private onResponse(slot: Slot, response: CountResponse): void {
    const job = slot.posted.shift();
    if (slot.posted.length === 0) slot.worker.unref();
    if (job) {
      if ('counts' in response) job.resolve(response.counts);
      else job.reject(new Error(`Could not count tokens: ${response.error}`));
    }
    this.pump();
  }

  /** A dead worker leaves the pool; its job fails, and later jobs start a fresh worker. */
  private onFailure(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    for (const job of slot.posted.splice(0)) job.reject(error);
    void slot.worker.terminate();
    this.pump();
  }
}
