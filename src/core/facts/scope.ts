import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/**
 * A short stable name for the set of roots a pack covers. Cache files that grow with the tree
 * (the stat index, the facts store) are kept one per scope, so packing a small tree loads and
 * rewrites only what it learnt about that tree, not everything any tree ever packed taught.
 */
export function cacheScopeOf(roots: readonly string[]): string {
  const key = roots.map((root) => resolve(root)).sort().join('\0');
  return createHash('sha1').update(key, 'utf8').digest('hex').slice(0, 16);
}

/** `base` + `-<scope>` before its extension, or `base` itself for no scope (`facts.bin` → `facts-<scope>.bin`). */
export function scopedFileName(base: string, scope: string | undefined): string {
  if (scope === undefined) return base;
  const dot = base.lastIndexOf('.');
  return dot < 0 ? `${base}-${scope}` : `${base.slice(0, dot)}-${scope}${base.slice(dot)}`;
}
