/**
 * Scope: "this folder or file, and what it imports". Resolved inside the pack, from the graph the
 * pack builds anyway, so a scoped question is one pack with one graph build.
 */
import type { ImportGraph, RedactedFile, SkippedFile } from '../types';

/**
 * Pack paths of the files under any of `scope` (pack paths of files or folders) and of every
 * in-tree file they import, transitively, sorted; null when no packed file is in the scope (the
 * pack then goes on unscoped, with the scope as its focus).
 */
export function scopeClosure(scope: readonly string[], paths: readonly string[], graph: ImportGraph): Set<string> | null {
  const inScope = (path: string): boolean => scope.some((s) => path === s || path.startsWith(`${s}/`));
  const seen = new Set<string>();
  const queue = paths.filter(inScope);
  if (queue.length === 0) return null;
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    if (seen.has(path)) continue;
    seen.add(path);
    for (const dep of graph.imports.get(path) ?? []) if (!seen.has(dep)) queue.push(dep);
  }
  return seen;
}

/** The files, skips and graph of a scoped pack: files outside the closure are left out as `not-included`. */
export function restrictToScope(
  closure: ReadonlySet<string>,
  files: readonly RedactedFile[],
  skipped: readonly SkippedFile[],
  graph: ImportGraph,
): { files: RedactedFile[]; skipped: SkippedFile[]; graph: ImportGraph } {
  const kept = files.filter((f) => closure.has(f.path));
  const outside = files.filter((f) => !closure.has(f.path)).map((f): SkippedFile => ({ path: f.path, reason: 'not-included', detail: 'outside the scope and what it imports' }));
  const only = <T>(map: ReadonlyMap<string, T>): Map<string, T> => new Map([...map].filter(([path]) => closure.has(path)));
  const restricted: ImportGraph = { imports: only(graph.imports), external: only(graph.external), warnings: graph.warnings };
  if (graph.unresolved) restricted.unresolved = only(graph.unresolved);
  return { files: kept, skipped: [...skipped, ...outside], graph: restricted };
}
