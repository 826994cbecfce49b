import type { ImportGraph } from '../types';

/** A file the graph stage can read imports from. */
export interface GraphInput {
  path: string;
  absPath: string;
  root: string;
  text: string;
}

/** Options for {@link buildImportGraph}. */
export interface GraphOptions {
  /** Absolute roots being packed; config files (tsconfig, go.mod, …) are looked up under them. */
  roots: string[];
  signal?: AbortSignal;
}

/**
 * Builds the import graph of `files`: in-tree edges and external names per file.
 * Placeholder until the dependency-order work lands: no edges.
 */
export async function buildImportGraph(files: readonly GraphInput[], _options: GraphOptions): Promise<ImportGraph> {
  return {
    imports: new Map(files.map((f) => [f.path, []])),
    external: new Map(files.map((f) => [f.path, []])),
    warnings: [],
  };
}
