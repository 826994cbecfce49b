/**
 * Folders offered by "Pack Folder…" and "Ask About This Folder" from the palette: a shallow walk
 * that skips folders nobody packs (VCS, dependencies, build output) and never follows links.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Folder names never offered: they are excluded by the pack anyway. */
const SKIPPED = new Set(['.git', '.hg', '.svn', 'node_modules', 'dist', 'out', 'build', 'target', '__pycache__', '.venv', 'venv', '.next', 'coverage']);

/** One folder in the pick list. */
export interface FolderChoice {
  absPath: string;
  /** `/`-separated path relative to its workspace folder, prefixed by the folder name when there are several. */
  label: string;
}

/** Folders below each root up to `maxDepth` levels, sorted by label; at most `limit` of them. */
export async function listFolders(roots: readonly string[], maxDepth = 3, limit = 2000): Promise<FolderChoice[]> {
  const out: FolderChoice[] = [];
  const prefixOf = (root: string): string => (roots.length > 1 ? `${root.split(sep).pop() ?? root}/` : '');
  async function walk(root: string, dir: string, depth: number): Promise<void> {
    if (depth > maxDepth || out.length >= limit) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable or vanished: nothing to offer there
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || SKIPPED.has(entry.name) || entry.name.startsWith('.')) continue;
      const absPath = join(dir, entry.name);
      out.push({ absPath, label: prefixOf(root) + relative(root, absPath).split(sep).join('/') });
      if (out.length >= limit) return;
      await walk(root, absPath, depth + 1);
    }
  }
  for (const root of roots) await walk(root, root, 1);
  return out.sort((a, b) => a.label.localeCompare(b.label));
}
