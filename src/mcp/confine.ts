/**
 * Keeps every path a model sends inside the workspace roots. A tool argument is a workspace path
 * as the pack report writes it (relative, `/`-separated; with several roots it starts with the
 * root's folder name). Absolute paths, `..` and symbolic links that lead out are refused before
 * anything is read.
 */
import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep, win32 } from 'node:path';
import { rootsWithPrefixes } from '../core';

/** Why a path was refused. */
export type RefusalKind = 'absolute' | 'climbs-out' | 'unknown-root' | 'symlink-out';

/** A path the server will not touch: the kind and the path, worded by the server (see toolErrors). */
export class PathRefusedError extends Error {
  override readonly name = 'PathRefusedError';
  constructor(
    readonly kind: RefusalKind,
    readonly path: string,
    /** The root folder names a multi-root path may start with. */
    readonly rootNames: readonly string[],
  ) {
    super(`${kind}: ${path}`);
  }
}

/** A workspace path checked against the roots. */
export interface ConfinedPath {
  /** The root it lies under. */
  root: string;
  /** Absolute path on disk (not resolved through links). */
  absPath: string;
  /** The path as pack reports write it ('' for a root itself). */
  reportPath: string;
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The real path of `absPath`, or of its nearest existing ancestor when it does not exist. */
async function realPathOrAncestor(absPath: string): Promise<string> {
  let current = absPath;
  for (;;) {
    try {
      return await realpath(current);
    } catch {
      const parent = dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}

/** Splits and checks a workspace path; throws {@link PathRefusedError} when it may not be used. */
export async function confinePath(path: string, roots: readonly string[]): Promise<ConfinedPath> {
  // The scan's prefixes (`api/`, `api-2/` for two roots named api), so paths read as reports write them.
  const prefixes = rootsWithPrefixes(roots).map((r) => r.prefix);
  const rootNames = roots.length > 1 ? prefixes.map((p) => p.slice(0, -1)) : roots.map((r) => basename(r));
  const slashed = path.trim().replace(/\\/g, '/');
  if (isAbsolute(slashed) || win32.isAbsolute(path) || slashed.startsWith('~')) throw new PathRefusedError('absolute', path, rootNames);
  const parts = slashed.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new PathRefusedError('climbs-out', path, rootNames);
  let root = roots[0];
  let rest = parts;
  let prefix = '';
  if (roots.length > 1) {
    const index = rootNames.indexOf(parts[0] ?? '');
    root = index < 0 ? undefined : roots[index];
    prefix = prefixes[index] ?? '';
    rest = parts.slice(1);
  }
  if (root === undefined) throw new PathRefusedError('unknown-root', path, rootNames);
  const absPath = join(root, ...rest);
  const [realRoot, realTarget] = await Promise.all([realpath(root).catch(() => root), realPathOrAncestor(absPath)]);
  if (!isInside(realRoot, realTarget)) throw new PathRefusedError('symlink-out', path, rootNames);
  const reportPath = rest.length === 0 ? prefix.slice(0, -1) : `${prefix}${rest.join('/')}`;
  return { root, absPath, reportPath };
}
