import type { FileMode, ImportGraph, SelectionReason } from '../types';

/** A file budget selection may pack, with what it costs in full. */
export interface SelectCandidate {
  path: string;
  /** Redacted full text. */
  text: string;
  /** Exact tokens of this file's block when rendered in full. */
  fullTokens: number;
  mtimeMs: number;
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
 * Chooses each file's mode so the blocks fit in `available` tokens. Returns one entry per
 * candidate, in the candidates' order. Placeholder until the budget work lands: files are taken
 * in order while they fit; the rest are listed by path only.
 */
export async function selectWithinBudget(input: SelectInput): Promise<SelectedFile[]> {
  let left = input.available;
  let full = true;
  const out: SelectedFile[] = [];
  for (const c of input.candidates) {
    input.signal?.throwIfAborted();
    if (full && c.fullTokens <= left) {
      left -= c.fullTokens;
      out.push({ path: c.path, mode: 'full', reason: 'fits', body: c.text, tokens: c.fullTokens });
    } else {
      full = false;
      out.push({ path: c.path, mode: 'path-only', reason: 'over-budget', body: '', tokens: 0 });
    }
  }
  return out;
}
