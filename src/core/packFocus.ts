import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { PackError } from './packTypes';

/**
 * Turns focus paths (absolute, or relative to the first root) into pack paths: relative, `/`
 * separated, prefixed by the root's folder name when several roots are packed. A focus on a
 * whole root is dropped, since it singles nothing out.
 */
export function resolveFocus(focus: readonly string[], roots: readonly string[]): string[] {
  const first = roots[0];
  if (first === undefined) return [];
  const out = new Set<string>();
  for (const entry of focus) {
    const abs = isAbsolute(entry) ? resolve(entry) : resolve(first, entry);
    const root = roots.map((r) => resolve(r)).find((r) => abs === r || abs.startsWith(r.endsWith(sep) ? r : r + sep));
    if (root === undefined) {
      throw new PackError(
        'focus-outside-roots',
        `The focus path "${entry}" is outside the folders being packed (${roots.join(', ')}). ` +
          'Give a path inside one of them, absolute or relative to the first.',
      );
    }
    const rel = relative(root, abs).split(sep).join('/');
    const path = roots.length > 1 ? [basename(root), rel].filter((p) => p !== '').join('/') : rel;
    if (path !== '') out.add(path);
  }
  return [...out].sort();
}
