import type { PackRequest } from '../pack/request';
import { loadProjectConfig } from './load';
import type { TomeConfig } from './types';

/**
 * A request from the editor's settings with the project's tome.config.json laid over it. The
 * settings always hold a value (their defaults), so here the project file decides `format` and
 * `maxFileSize` when it sets them; `exclude` adds up; `modes` follow the request's own; `include` applies unless the request
 * already narrows (a folder or file scope); a budget in the file caps the model's budget.
 */
export function overlayConfig(request: PackRequest, config: TomeConfig): PackRequest {
  const out: PackRequest = { ...request };
  if (config.include && config.include.length > 0 && request.include.length === 0) out.include = config.include;
  if (config.exclude) out.exclude = [...new Set([...request.exclude, ...config.exclude])];
  if (config.format) out.format = config.format;
  if (config.maxFileSize !== undefined) out.maxFileSize = config.maxFileSize;
  if (config.budget !== undefined) out.budget = request.budget === null ? config.budget : Math.min(request.budget, config.budget);
  // Rules already on the request (the editor's pins) go first, so the user's choice wins.
  if (config.modes && config.modes.length > 0) out.modes = [...(request.modes ?? []), ...config.modes];
  if (config.instructionsText !== undefined) out.instructions = config.instructionsText;
  return out;
}

/** {@link overlayConfig} with the config at the request's first root, when there is one. Rejects with a ConfigError. */
export async function withProjectConfig(request: PackRequest): Promise<PackRequest> {
  const config = await loadProjectConfig(request.roots);
  return config === null ? request : overlayConfig(request, config);
}
