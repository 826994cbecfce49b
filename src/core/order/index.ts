import type { ImportGraph, OrderMode } from '../types';

/** The output order and the import cycles met on the way. */
export interface FileOrder {
  order: string[];
  cycles: string[][];
}

/** Compares paths by UTF-16 code units, the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders `paths` for output. Placeholder until the dependency-order work lands: path order.
 */
export function orderFiles(paths: readonly string[], _graph: ImportGraph, _mode: OrderMode): FileOrder {
  return { order: [...paths].sort(comparePaths), cycles: [] };
}
