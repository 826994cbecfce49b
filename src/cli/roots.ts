import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './errors';

/** Absolute folders from the command line; each must exist and be a folder. */
export function resolveRoots(dirs: readonly string[]): string[] {
  const roots = (dirs.length > 0 ? dirs : ['.']).map((d) => resolve(d));
  for (const root of roots) {
    let isDir: boolean;
    try {
      isDir = statSync(root).isDirectory();
    } catch {
      throw new UsageError(`There is no folder at "${root}". Give the path of a folder to pack.`);
    }
    if (!isDir) throw new UsageError(`"${root}" is a file, not a folder. Give the folder that holds it.`);
  }
  return [...new Set(roots)];
}
