/**
 * Where the pipeline meets saved packs (see savedPacks.ts): right after the scan, a pack whose
 * inputs are all unchanged since a saved pack of the same request is that pack; after a pack
 * made in full, the pack is saved under the key the next scan of the same tree will compute.
 */
import type { StatIndex } from '../read/statIndex';
import type { SkippedFile } from '../types';
import type { PackClock } from './clock';
import { focusPaths, locateFocus } from './focus';
import { leftOutConfigFiles } from './graphStage';
import type { ReadResult, ScanStageResult } from './readStage';
import type { PackRequest } from './request';
import { isSaveable, savedPackKey, type VouchedHash } from './savedPackKey';
import type { SavedPacks } from './savedPacks';
import { selectionKeyOf } from './selectStage';
import type { EngineState } from './state';
import type { PackResult } from './types';

/** What saving and finding packs needs: the store, and the stat index that vouches for contents. */
export interface SavedPackDeps {
  packs: SavedPacks;
  statIndex: StatIndex;
}

/** Skip reasons that may not hold next time with the same stats: such a pack is not saved. */
const PASSING: ReadonlySet<SkippedFile['reason']> = new Set<SkippedFile['reason']>(['unreadable', 'vanished', 'redaction-failed']);

/**
 * True when a saved pack may stand in for this one: the request reads only the tree, and the
 * engine holds no earlier selection of it (a follow-up keeps that selection's modes, which a saved
 * pack made without it would not).
 */
export function usesSavedPacks(request: PackRequest, scanned: ScanStageResult, state: EngineState): boolean {
  if (!isSaveable(request)) return false;
  const prefixes = new Map(scanned.roots.map((r) => [r.root, r.prefix]));
  const focus = [...new Set(focusPaths(locateFocus(request.focus, request.roots), prefixes))].sort();
  return state.selections.get(selectionKeyOf(request, focus)) === undefined;
}

/** The saved pack of exactly these inputs, when there is one; `report.timings` are this pack's. */
export async function findSavedPack(request: PackRequest, scanned: ScanStageResult, deps: SavedPackDeps, clock: PackClock): Promise<PackResult | undefined> {
  return clock.time('reuse', async () => {
    const key = await keyOf(request, scanned, (absPath, stamp) => deps.statIndex.vouch(absPath, stamp)?.hash);
    const saved = key === null ? undefined : await deps.packs.get(key);
    if (saved) saved.report.timings = clock.timings;
    return saved;
  });
}

/**
 * Saves `result`, made in full from `read`, under the key the next scan will compute once the stat
 * index is saved; not when some input may read otherwise next time.
 */
export async function savePack(request: PackRequest, scanned: ScanStageResult, read: ReadResult, result: PackResult, deps: SavedPackDeps): Promise<void> {
  if (result.report.skipped.some((s) => PASSING.has(s.reason))) return;
  const readHashes = new Map(read.files.map((f) => [f.absPath, f.hash]));
  const key = await keyOf(request, scanned, (absPath, stamp) => {
    const entry = deps.statIndex.known(absPath, stamp);
    // The file as read must be the file the index will vouch for (not one edited in between).
    if (entry === undefined || (readHashes.has(absPath) && readHashes.get(absPath) !== entry.hash)) return undefined;
    return entry.hash;
  });
  if (key !== null) await deps.packs.put(key, result);
}

async function keyOf(request: PackRequest, scanned: ScanStageResult, vouched: VouchedHash): Promise<string | null> {
  const configs = await leftOutConfigFiles(scanned.skipped, scanned.roots);
  return savedPackKey({ request, roots: scanned.roots, files: scanned.files, skipped: scanned.skipped, configs }, vouched);
}
