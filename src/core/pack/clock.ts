import type { PackOptions } from './types';
import type { PackStage } from '../types';

/**
 * Times the stages of one pack, forwards structured progress and checks for cancellation.
 * One per pack call, so nothing is shared between packs.
 */
export class PackClock {
  readonly timings: Partial<Record<PackStage, number>> = {};

  constructor(private readonly options: PackOptions) {}

  get signal(): AbortSignal | undefined {
    return this.options.signal;
  }

  /** Rejects with the signal's reason when the pack was cancelled. */
  checkpoint(): void {
    this.options.signal?.throwIfAborted();
  }

  progress(stage: PackStage, done: number, total: number): void {
    this.options.onProgress?.({ stage, done, total });
  }

  /**
   * Runs one stage: cancellation check before, time added to the stage. Stages that do not report
   * their own progress get `0/1` before and `1/1` after.
   */
  async time<T>(stage: PackStage, work: () => Promise<T> | T, ownProgress = false): Promise<T> {
    this.checkpoint();
    // Stages that overlap (tokenize and graph) keep the order they started in, not the one they end in.
    this.timings[stage] ??= 0;
    const started = performance.now();
    if (!ownProgress) this.progress(stage, 0, 1);
    try {
      const result = await work();
      if (!ownProgress) this.progress(stage, 1, 1);
      return result;
    } finally {
      const spent = performance.now() - started;
      this.timings[stage] = Math.round(((this.timings[stage] ?? 0) + spent) * 10) / 10;
    }
  }

  /**
   * Runs work that belongs to `stage` from inside the running stage `within`: its time goes to
   * `stage` and is taken off `within`, so a stage that calls another's work (selection asking for
   * counts) is not charged for it. No progress events.
   */
  async timeWithin<T>(stage: PackStage, within: PackStage, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      const spent = performance.now() - started;
      this.timings[stage] = Math.round(((this.timings[stage] ?? 0) + spent) * 10) / 10;
      this.timings[within] = Math.round(((this.timings[within] ?? 0) - spent) * 10) / 10;
    }
  }
}
