import { isAbsolute, relative, resolve, sep } from 'node:path';
import { PackError } from './types';

/** A focus path located in one of the roots: the root and the `/`-separated path inside it. */
export interface LocatedFocus {
  root: string;
  rel: string;
}

/**
 * Finds the root of each focus (or scope) path (absolute, or relative to the first root). Fails
 * before any work is done when one lies outside every root. A path naming a whole root is
 * dropped, since it singles nothing out.
 */
export function locateFocus(focus: readonly string[], roots: readonly string[], what: 'focus' | 'scope' = 'focus'): LocatedFocus[] {
  const first = roots[0];
  if (first === undefined) return [];
  const resolvedRoots = roots.map((r) => resolve(r));
  const out: LocatedFocus[] = [];
  for (const entry of focus) {
    const abs = isAbsolute(entry) ? resolve(entry) : resolve(first, entry);
    const root = resolvedRoots.find((r) => abs === r || abs.startsWith(r.endsWith(sep) ? r : r + sep));
    if (root === undefined) {
      throw new PackError({ code: what === 'focus' ? 'focus-outside-roots' : 'scope-outside-roots', path: entry, roots: [...roots] });
    }
    const rel = relative(root, abs).split(sep).join('/');
    if (rel !== '') out.push({ root, rel });
  }
  return out;
}

/** Pack paths of located focus entries, sorted and without duplicates. */
export function focusPaths(located: readonly LocatedFocus[], prefixes: ReadonlyMap<string, string>): string[] {
  return [...new Set(located.map((f) => `${prefixes.get(f.root) ?? ''}${f.rel}`))].sort();
}
