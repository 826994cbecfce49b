import type { GitProblem } from '../../git/run';
import type { PackProblem } from '../types';
import type { PackRequest } from '../request';
import type { PackReport, ProgressEvent } from '../../types';
import type { WriteFailureKind } from '../../write/atomicWrite';
import type { ContextCounts } from '../../report/contextCounts';

/** A token-cache write that failed, as it crosses the thread boundary. */
export interface CacheWriteFailure {
  kind: WriteFailureKind;
  path: string;
  code: string;
}

/** Messages from the extension host (or any caller) to the pack worker. */
export type ToPackWorker =
  /** `reportOnly`: the result comes back with no chunks (see PackOptions.reportOnly). */
  | { type: 'pack'; id: number; request: PackRequest; reportOnly?: boolean }
  /** Counts for a folder view: the request packed without a budget, then as given; answered by `counts`. */
  | { type: 'count'; id: number; request: PackRequest }
  | { type: 'cancel'; id: number }
  | { type: 'dispose' };

/** An error as it crosses the thread boundary; `packProblem` is set for a PackError. */
export interface WorkerError {
  name: string;
  message: string;
  /** Set for a PackError, so the caller gets the problem as data again. */
  packProblem?: PackProblem;
  /** Set for a GitError, so the caller gets the problem as data again. */
  gitProblem?: GitProblem;
  stack?: string;
}

/** Messages from the pack worker back to its caller. */
export type FromPackWorker =
  | { type: 'progress'; id: number; event: ProgressEvent }
  /** A pack's text as its chunks (see PackResult.chunks; none for report-only) and its report. */
  | { type: 'result'; id: number; chunks: readonly string[]; report: PackReport }
  /** The folder index of a `count`: no text and no full report cross the thread boundary. */
  | { type: 'counts'; id: number; counts: ContextCounts }
  | { type: 'error'; id: number; error: WorkerError }
  /** The on-disk token cache could not be saved (packs go on without it); sent once per failure. */
  | { type: 'cacheWriteFailed'; failure: CacheWriteFailure }
  | { type: 'disposed' };

/** Data the worker is started with. */
export interface PackWorkerData {
  /** Token cache folder; null for no disk cache; undefined for the default. */
  cacheDir: string | null | undefined;
}
