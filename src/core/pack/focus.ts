import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { PackError } from './types';
import type { ScannedFile } from '../types';

/** A focus path located in one of the roots: the root and the `/`-separated path inside it. */
export interface LocatedFocus {
  root: string;
  rel: string;
}

/**
 * Finds the root of each focus path (absolute, or relative to the first root). Fails before any
 * work is done when one lies outside every root. A focus on a whole root is dropped, since it
 * singles nothing out.
 */
export function locateFocus(focus: readonly string[], roots: readonly string[]): LocatedFocus[] {
  const first = roots[0];
  if (first === undefined) return [];
  const resolvedRoots = roots.map((r) => resolve(r));
  const out: LocatedFocus[] = [];
  for (const entry of focus) {
    const abs = isAbsolute(entry) ? resolve(entry) : resolve(first, entry);
    const root = resolvedRoots.find((r) => abs === r || abs.startsWith(r.endsWith(sep) ? r : r + sep));
    if (root === undefined) {
      throw new PackError(
        'focus-outside-roots',
        `The focus path "${entry}" is outside the folders being packed (${roots.join(', ')}). ` +
          'Give a path inside one of them, absolute or relative to the first.',
      );
    }
    const rel = relative(root, abs).split(sep).join('/');
    if (rel !== '') out.push({ root, rel });
  }
  return out;
}

/**
 * The prefix the scan gave each root's paths (`''` for a single root, `api/` or `api-2/` with
 * several), read back from the scanned files so focus and git paths match them exactly.
 */
export function rootPrefixes(roots: readonly string[], files: readonly ScannedFile[]): Map<string, string> {
  const prefixes = new Map<string, string>();
  for (const root of roots) prefixes.set(resolve(root), roots.length > 1 ? `${basename(root)}/` : '');
  const seen = new Set<string>();
  for (const f of files) {
    const root = resolve(f.root);
    if (seen.has(root)) continue;
    const rel = relative(root, f.absPath).split(sep).join('/');
    if (f.path.endsWith(rel)) {
      prefixes.set(root, f.path.slice(0, f.path.length - rel.length));
      seen.add(root);
    }
  }
  return prefixes;
}

/** Pack paths of located focus entries, sorted and without duplicates. */
export function focusPaths(located: readonly LocatedFocus[], prefixes: ReadonlyMap<string, string>): string[] {
  return [...new Set(located.map((f) => `${prefixes.get(f.root) ?? ''}${f.rel}`))].sort();
}
