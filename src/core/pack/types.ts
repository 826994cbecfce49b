import type { buildImportGraph } from '../graph';
import type { orderFiles } from '../order';
import type { readFiles } from '../read';
import type { redactFile } from '../redact';
import type { scanFiles } from '../scan';
import type { selectWithinBudget } from '../select';
import type { TokenCounter } from '../tokenize/counter';
import type { Encoding, PackReport, ProgressEvent } from '../types';
import { describePackProblem } from './problemText';

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

/**
 * Why a pack could not be made from the request as given, as data: a code and the fields its
 * words are made of. The CLI words it in English ({@link describePackProblem}); the extension
 * through l10n.
 */
export type PackProblem =
  | { code: 'no-roots' }
  | { code: 'encoding-mismatch'; requested: Encoding; counter: Encoding }
  /** A focus or scope path (`path`, as given) lies outside every root. */
  | { code: 'focus-outside-roots' | 'scope-outside-roots'; path: string; roots: string[] }
  | {
      code: 'budget-too-small';
      budget: number;
      /** Tokens the fixed parts need: preamble, sections, directory tree and summary. */
      fixedTokens: number;
      reserve: number;
      /** The smallest budget that would do: `fixedTokens + reserve`. */
      minimum: number;
      /** True when the fixed parts include the diff, log or instructions sections. */
      withSections: boolean;
    };

/** The kind of a {@link PackProblem}. */
export type PackErrorCode = PackProblem['code'];

/** A pack that failed for a reason the user can fix; `problem` is the data, `message` its English words. */
export class PackError extends Error {
  override readonly name = 'PackError';
  readonly code: PackErrorCode;
  constructor(readonly problem: PackProblem) {
    super(describePackProblem(problem));
    this.code = problem.code;
  }
}

/** True for the rejection a cancelled pack gives: an answer, not a failure. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
