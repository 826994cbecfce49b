/**
 * Pins and exclusions (the Context view's, or a tome.config.json preset's) as `modes` rules
 * laid over a pack request: one mechanism for "this path gets this mode", shared by the editor
 * and `tome pack --preset`.
 */
import type { PackRequest } from '../pack/request';
import type { ConfigPreset, ModeRule } from './types';

/** Pins (path → mode) and paths left out; paths `/`-separated, relative to the pack's root. */
export type SteeringRules = Pick<ConfigPreset, 'pins' | 'excluded'>;

/** A gitignore-style glob anchored at the root that matches `path` and, for a folder, all inside it. */
function anchoredGlob(path: string): string {
  return `/${path.replace(/^\/+|\/+$/g, '')}`;
}

/**
 * The `modes` rules of a steering, first match wins: exclusions before pins, and a deeper path
 * before the folder that holds it: a file pinned inside an excluded folder stays out, and a file
 * pinned inside a pinned folder keeps its own pin.
 */
export function steeringRules(steering: SteeringRules): ModeRule[] {
  const depth = (p: string): number => p.split('/').length;
  const excluded = [...new Set(steering.excluded)].sort().map((p) => ({ pattern: anchoredGlob(p), mode: 'exclude' as const }));
  const pinned = Object.entries(steering.pins)
    .sort(([a], [b]) => depth(b) - depth(a) || a.localeCompare(b))
    .map(([p, mode]) => ({ pattern: anchoredGlob(p), mode }));
  return [...excluded, ...pinned];
}

/**
 * A request with the steering laid over it. Its rules go before any the request already holds
 * (the user's choice wins over the project file's `modes`); a full pin also joins the focus, so
 * under a budget selection gives that file its room first.
 */
export function withSteering(request: PackRequest, steering: SteeringRules, absolutePath: (path: string) => string): PackRequest {
  if (Object.keys(steering.pins).length === 0 && steering.excluded.length === 0) return request;
  const fullPins = Object.entries(steering.pins).filter(([, mode]) => mode === 'full').map(([p]) => absolutePath(p));
  return {
    ...request,
    modes: [...steeringRules(steering), ...(request.modes ?? [])],
    focus: [...new Set([...request.focus, ...fullPins])],
  };
}
