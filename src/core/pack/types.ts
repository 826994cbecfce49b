import type { buildImportGraph } from '../graph';
import type { orderFiles } from '../order';
import type { readFiles } from '../read';
import type { redactFile } from '../redact';
import type { scanFiles } from '../scan';
import type { selectWithinBudget } from '../select';
import type { StatIndex } from '../read/statIndex';
import type { TokenCounter } from '../tokenize/counter';
import type { SavedPacks } from './savedPacks';
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
  /**
   * The read stage's stat index: a file whose stat is unchanged is not hashed again (see
   * read/statIndex.ts). Used by the real `readFiles` only, not by a replacement.
   */
  statIndex?: StatIndex;
  /**
   * Whole packs saved on disk, with `statIndex` to vouch for unchanged files: a pack of a tree in
   * which nothing changed is the saved pack's bytes. For engines that pack a request once (the
   * CLI); a long-lived engine's follow-ups are made in full either way.
   */
  savedPacks?: SavedPacks;
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

/**
 * The rendered prompt and what went into it. The text is kept as the parts it was rendered in
 * (preamble, sections, tree, one block per shown file, footer): a caller that writes it out
 * streams `chunks` and never holds a second, joined copy of every block. `text` joins them on
 * first read, for the edges that need one string (clipboard, editor, chat).
 */
export interface PackResult {
  /** The text in order; joined, they are exactly `text`. Empty for a report-only pack. */
  readonly chunks: readonly string[];
  /** The whole text, joined on first read and kept; '' for a report-only pack. */
  readonly text: string;
  /**
   * The text as UTF-8, when the pack is a saved one (see savedPacks.ts): a writer writes these
   * bytes as they are, and `chunks` and `text` are decoded only when read.
   */
  readonly bytes?: Buffer;
  report: PackReport;
}

/**
 * A {@link PackResult} over `chunks`, whose `text` is joined only when first read. The getter is
 * an ordinary enumerable property, so a spread or a deep comparison still sees the text (and
 * joins it): code on the streaming path reads `chunks` and `report` by name instead.
 */
export function packResultOf(chunks: readonly string[], report: PackReport): PackResult {
  let joined: string | undefined;
  return {
    chunks,
    get text(): string {
      joined ??= chunks.join('');
      return joined;
    },
    report,
  };
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
