import { createHash } from 'node:crypto';
import type { FileMode, SelectionReason } from '../types';
import type { Placement } from './fill';

/** What an earlier pack decided for one file, and the text it decided on. */
export interface PreviousPlacement {
  mode: FileMode;
  reason: SelectionReason;
  /** Content hash of the text the decision was made for. */
  hash: string;
}

/** The hash a candidate is compared by: the caller's (the raw bytes' SHA-1) or one of its text. */
export function candidateHash(candidate: { text: string; hash?: string }): string {
  return candidate.hash ?? createHash('sha1').update(candidate.text).digest('hex');
}

/** What {@link keptPlacements} needs to rebuild an unchanged file's earlier placement. */
export interface KeepDeps {
  outlineOf: (index: number) => Promise<string | null>;
  /** Exact tokens of a candidate's block in full. */
  fullCost: (index: number) => Promise<number>;
  blockCost: (path: string, mode: FileMode, body: string) => Promise<number>;
}

/**
 * The earlier placements of files whose text has not changed, so that a re-pack after an edit
 * changes only the edited files' blocks and the provider's cached prompt prefix stays valid.
 * Returns null when those placements no longer fit in `available` (the budget shrank, or an
 * outline's cost moved): the caller then selects afresh.
 */
export async function keptPlacements(
  candidates: readonly { path: string; text: string; hash?: string }[],
  previous: ReadonlyMap<string, PreviousPlacement>,
  available: number,
  deps: KeepDeps,
): Promise<Map<number, Placement & { reason: SelectionReason }> | null> {
  const kept = new Map<number, Placement & { reason: SelectionReason }>();
  let used = 0;
  for (const [index, candidate] of candidates.entries()) {
    const before = previous.get(candidate.path);
    if (before === undefined || before.hash !== candidateHash(candidate)) continue;
    let placement: Placement;
    if (before.mode === 'full') placement = { mode: 'full', body: candidate.text, tokens: await deps.fullCost(index) };
    else if (before.mode === 'path-only') placement = { mode: 'path-only', body: '', tokens: 0 };
    else {
      const body = await deps.outlineOf(index);
      if (body === null) continue;
      placement = { mode: 'outline', body, tokens: await deps.blockCost(candidate.path, 'outline', body) };
    }
    used += placement.tokens;
    kept.set(index, { ...placement, reason: before.reason });
  }
  return used <= available ? kept : null;
}
