/**
 * `modes` rules in a pack: `exclude` leaves files out before they are read; `outline` and
 * `path-only` fix a file's mode before the budget is fitted, so selection shares out only
 * the room those files leave.
 */
import { relative, sep } from 'node:path';
import { modeMatcher } from '../config/modes';
import type { PackRequest } from './request';
import type { SelectCandidate, SelectedFile } from '../select';
import type { FileMode, ScannedFile, SkippedFile } from '../types';

/** A fixed mode: what a rule caps a file at. */
export type CappedMode = Exclude<FileMode, 'full'>;

/** Splits scanned files into those kept and those a rule excludes; caps the rest. */
export function applyModeRules(request: PackRequest, files: readonly ScannedFile[]): { files: ScannedFile[]; skipped: SkippedFile[]; caps: Map<string, CappedMode> } {
  const caps = new Map<string, CappedMode>();
  if (!request.modes || request.modes.length === 0) return { files: [...files], skipped: [], caps };
  const match = modeMatcher(request.modes);
  const kept: ScannedFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const f of files) {
    const mode = match(relative(f.root, f.absPath).split(sep).join('/'), f.path);
    if (mode === 'exclude') skipped.push({ path: f.path, reason: 'excluded', detail: 'tome.config.json modes' });
    else {
      if (mode === 'outline' || mode === 'path-only') caps.set(f.path, mode);
      kept.push(f);
    }
  }
  return { files: kept, skipped, caps };
}

/** What placing the capped files needs. */
export interface CappedPlacementDeps {
  blockCost: (path: string, mode: FileMode, body: string) => Promise<number>;
  /** A candidate's outline, null when its language has none (remembered by the caller). */
  outlineOf: (candidate: SelectCandidate) => Promise<string | null>;
  signal?: AbortSignal;
}

/**
 * Places capped files in output order within `room` tokens (Infinity for no budget): an outline
 * when the language has one and it fits, else the path only. Returns the placements and the
 * room they leave.
 */
export async function placeCapped(
  candidates: readonly SelectCandidate[],
  caps: ReadonlyMap<string, CappedMode>,
  room: number,
  deps: CappedPlacementDeps,
): Promise<{ placed: Map<string, SelectedFile>; left: number }> {
  const placed = new Map<string, SelectedFile>();
  let left = room;
  for (const c of candidates) {
    const cap = caps.get(c.path);
    if (cap === undefined) continue;
    deps.signal?.throwIfAborted();
    let entry: SelectedFile = { path: c.path, mode: 'path-only', reason: 'config-mode', body: '', tokens: 0 };
    if (cap === 'outline') {
      const outline = await deps.outlineOf(c);
      if (outline !== null) {
        const tokens = await deps.blockCost(c.path, 'outline', outline);
        if (tokens <= left) entry = { path: c.path, mode: 'outline', reason: 'config-mode', body: outline, tokens };
      }
    }
    left -= entry.tokens;
    placed.set(c.path, entry);
  }
  return { placed, left };
}
