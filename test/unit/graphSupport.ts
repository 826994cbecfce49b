import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildImportGraph, type GraphInput } from '../../src/core/graph';
import type { ImportGraph } from '../../src/core/types';

/** Every file under `dir` as graph input, paths relative and `/`-separated. */
export function readTree(dir: string): GraphInput[] {
  const files: GraphInput[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const abs = join(folder, entry.name);
      if (entry.isDirectory()) walk(abs);
      else files.push({ path: relative(dir, abs).split('\\').join('/'), absPath: abs, root: dir, text: readFileSync(abs, 'utf8') });
    }
  };
  walk(dir);
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The graph of a fixture folder under test/fixtures. */
export async function fixtureGraph(name: string): Promise<ImportGraph> {
  const dir = join(__dirname, '..', 'fixtures', name);
  return buildImportGraph(readTree(dir), { roots: [dir] });
}

/** Only the files with something in them, as a plain object for readable diffs. */
export function nonEmpty(map: ReadonlyMap<string, string[]>): Record<string, string[]> {
  return Object.fromEntries([...map].filter(([, list]) => list.length > 0).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** In-memory graph input (no file on disk) for small cases. */
export function memoryFiles(files: Record<string, string>): GraphInput[] {
  return Object.entries(files).map(([path, text]) => ({ path, absPath: `/nonexistent-tome-tree/${path}`, root: '/nonexistent-tome-tree', text }));
}
