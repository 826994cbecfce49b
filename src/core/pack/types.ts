import type { buildImportGraph } from '../graph';
import type { orderFiles } from '../order';
import type { readFiles } from '../read';
import type { redactFile } from '../redact';
import type { scanFiles } from '../scan';
import type { selectWithinBudget } from '../select';
import type { TokenCounter } from '../tokenize/counter';
import type { PackReport, ProgressEvent } from '../types';

/** The stage functions a pack calls; tests may replace any of them (e.g. to count reads). */
export interface PackStages {
  scanFiles: typeof scanFiles;
  readFiles: typeof readFiles;
  redactFile: typeof redactFile;
  buildImportGraph: typeof buildImportGraph;
  orderFiles: typeof orderFiles;
  selectWithinBudget: typeof selectWithinBudget;
}

/** What a pack needs from outside. */
export interface PackDeps {
  /** Counts tokens; its encoding must be the request's. */
  tokenCounter: TokenCounter;
  /** Replacements for some stage functions; the real ones are used for the rest. */
  stages?: Partial<PackStages>;
}

/** Per-call controls of a pack. */
export interface PackOptions {
  /** Aborting rejects the pack with `signal.reason` (an AbortError by default). */
  signal?: AbortSignal;
  /** Structured progress, `{ stage, done, total }`, a few times per stage. */
  onProgress?: (event: ProgressEvent) => void;
  /**
   * For callers that read only the report (status bar, context view): the text is not joined
   * (nor, through the worker, sent across the thread) and the result's `text` is ''. The report,
   * token counts included, is exactly the full pack's.
   */
  reportOnly?: boolean;
}

/** The rendered prompt and what went into it. */
export interface PackResult {
  text: string;
  report: PackReport;
}

/** Why a pack could not be made from the request as given. */
export type PackErrorCode = 'budget-too-small' | 'focus-outside-roots' | 'scope-outside-roots' | 'encoding-mismatch' | 'no-roots';

/** A pack that failed for a reason the user can fix; `message` says how. */
export class PackError extends Error {
  override readonly name = 'PackError';
  constructor(
    readonly code: PackErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** True for the rejection a cancelled pack gives: an answer, not a failure. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
