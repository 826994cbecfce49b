/**
 * `pack(request)`: the pipeline of ./pipeline.ts over a fresh engine. The stages live in their
 * own folders; this folder only wires them and keeps what an engine remembers (./state.ts).
 */
import { PackEngine } from './engine';
import type { PackDeps, PackOptions, PackResult } from './types';
import type { PackRequest } from './request';

export { PackEngine } from './engine';
export { PackError, isAbortError, packResultOf } from './types';
export { SavedPacks } from './savedPacks';
export type { PackDeps, PackErrorCode, PackOptions, PackProblem, PackResult, PackStages } from './types';

/**
 * Packs `request.roots` into one prompt text with an exact report. Rejects with `signal.reason`
 * when cancelled and with a {@link PackError} when the request cannot be met (budget too small,
 * focus outside the roots).
 */
export function pack(request: PackRequest, deps: PackDeps, options: PackOptions = {}): Promise<PackResult> {
  return new PackEngine(deps).pack(request, options);
}
