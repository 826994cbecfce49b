import type { ReportFile } from '../../core';

/** One file reached from the start files, with its hop count. */
export interface Reached {
  path: string;
  depth: number;
}

/** Breadth-first from `start` along `edges`, up to `maxDepth` hops; the start files are not listed. */
export function walk(start: readonly string[], edges: ReadonlyMap<string, readonly string[]>, maxDepth: number): Reached[] {
  const seen = new Set(start);
  const out: Reached[] = [];
  let frontier = [...start];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const path of frontier) {
      for (const target of edges.get(path) ?? []) {
        if (seen.has(target)) continue;
        seen.add(target);
        next.push(target);
        out.push({ path: target, depth });
      }
    }
    frontier = next.sort();
  }
  return out.sort((a, b) => a.depth - b.depth || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The in-tree import edges of a pack report, both ways. */
export function edgesOf(files: readonly Pick<ReportFile, 'path' | 'imports'>[]): { imports: Map<string, string[]>; importedBy: Map<string, string[]> } {
  const imports = new Map<string, string[]>();
  const importedBy = new Map<string, string[]>();
  for (const f of files) {
    imports.set(f.path, f.imports ?? []);
    for (const target of f.imports ?? []) importedBy.set(target, [...(importedBy.get(target) ?? []), f.path]);
  }
  return { imports, importedBy };
}
