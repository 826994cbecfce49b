import { outlineSource } from '../outline';
import type { FileMode, ImportGraph, SelectionReason } from '../types';
import { fillBudget } from './fill';
import { FullCosts, type CountFullWithin } from './fullCosts';
import { resolveFocus } from './focus';
import type { DeclarationFacts } from './fileFacts';
import { rankFiles } from './rank';
import { keptPlacements, type PreviousPlacement } from './sticky';

export { FocusOutsideRootsError } from './focus';
export { formatExplainTable } from './explain';
export { uncommittedFiles } from './gitDirty';
export { candidateHash, type PreviousPlacement } from './sticky';
export type { CountFullWithin } from './fullCosts';
export { DECLARATION_FACTS_VERSION, declarationFactsOf, type DeclarationFacts } from './fileFacts';

/** A file budget selection may pack, with what it costs in full. */
export interface SelectCandidate {
  path: string;
  /** Redacted full text. */
  text: string;
  /**
   * Exact tokens of this file's block when rendered in full. Absent when it has not been
   * counted: selection then counts it through {@link SelectInput.countFullWithin}, only as far
   * as its decisions need.
   */
  fullTokens?: number;
  mtimeMs: number;
  /** Content hash of the file (SHA-1 of its bytes); computed from `text` when absent. */
  hash?: string;
}

/** Everything {@link selectWithinBudget} needs; it never touches the disk. */
export interface SelectInput {
  /** Candidates in output order. */
  candidates: readonly SelectCandidate[];
  graph: ImportGraph;
  /** Tokens all file blocks together may use: budget − reserve − the fixed parts of the output. */
  available: number;
  /** Relative paths (files or folders) the user is looking at. */
  focus: readonly string[];
  /** The user's question; empty for none. */
  query: string;
  /** Exact tokens of a file's block in `mode` with `body` as its content (0 for path-only). */
  blockCost: (path: string, mode: FileMode, body: string) => Promise<number>;
  signal?: AbortSignal;
  /**
   * Counts full blocks of the candidates without `fullTokens`, by index, each up to a limit
   * (exact when at most the limit, else any number above it). A file that cannot fit the room
   * left is then proven too big by a short count instead of being counted through.
   */
  countFullWithin?: CountFullWithin;
  /**
   * A candidate's outline (null when its language has none). Outlining means parsing, so a
   * long-lived caller passes one that remembers outlines by content (the pack's facts store);
   * without it each outline is made once per call.
   */
  outlineOf?: (candidate: SelectCandidate) => Promise<string | null>;
  /**
   * A candidate's declaration facts (see declarationFactsOf). A long-lived or repeated caller
   * passes one that remembers them by content; without it they are read from each text.
   */
  declarationsOf?: (candidate: SelectCandidate) => DeclarationFacts;
  /**
   * The previous pack's decisions for the same request (path → mode, reason, hash). Files whose
   * text is unchanged keep their mode; only changed and new files are placed anew, in the room
   * left. So a re-pack after an edit leaves every other block byte-identical.
   */
  previous?: ReadonlyMap<string, PreviousPlacement>;
}

/** What selection decided for one file. `body` is the text rendered for it ('' for path-only). */
export interface SelectedFile {
  path: string;
  mode: FileMode;
  reason: SelectionReason;
  body: string;
  /** Exact tokens of the file's block as selected. */
  tokens: number;
}

/**
 * Chooses each file's mode so the blocks fit in `available` tokens: files are ranked (focus,
 * its imports and importers, query matches, then import centrality and recency), then packed
 * greedily by rank — in full, as an outline, or by path only. Returns one entry per candidate,
 * in the candidates' order: selection decides what, the given order decides where. The tokens
 * of all entries never sum to more than `available`.
 * @throws FocusOutsideRootsError when a focus path is absolute or climbs out of the roots.
 */
export async function selectWithinBudget(input: SelectInput): Promise<SelectedFile[]> {
  const { candidates, signal } = input;
  const focus = resolveFocus(input.focus, candidates.map((c) => c.path));
  signal?.throwIfAborted();
  const { declarationsOf } = input;
  const ranked = rankFiles(candidates, input.graph, focus, input.query, declarationsOf ? (i) => declarationsOf(candidates[i] as SelectCandidate) : undefined);
  const made = new Map<number, Promise<string | null>>();
  const outlineOf = (index: number): Promise<string | null> => {
    const candidate = candidates[index];
    if (candidate === undefined) return Promise.resolve(null);
    let outline = made.get(index);
    if (outline === undefined) {
      outline = input.outlineOf ? input.outlineOf(candidate) : outlineSource(candidate.path, candidate.text);
      made.set(index, outline);
    }
    return outline;
  };

  const available = Math.max(0, input.available);
  const costs = new FullCosts(candidates, input.countFullWithin);
  const fullCost = (index: number): Promise<number> => costs.exact(index);
  const kept = input.previous ? await keptPlacements(candidates, input.previous, available, { outlineOf, fullCost, blockCost: input.blockCost }) : null;
  const placements = await fillBudget(candidates, ranked, available, {
    outlineOf,
    costs,
    blockCost: input.blockCost,
    ...(signal ? { signal } : {}),
    ...(kept ? { kept } : {}),
  });
  const reasonByIndex = new Map(ranked.map((r) => [r.index, r.reason]));
  return candidates.map((c, i): SelectedFile => {
    const placed = placements[i] ?? { mode: 'path-only', body: '', tokens: 0 };
    const keptReason = kept?.get(i)?.reason;
    const reason: SelectionReason = keptReason ?? (placed.mode === 'path-only' ? 'over-budget' : (reasonByIndex.get(i) ?? 'fits'));
    return { path: c.path, mode: placed.mode, reason, body: placed.body, tokens: placed.tokens };
  });
}
