import type { FileFacts } from './facts';

/** The imports of one file after resolution. */
export interface ResolvedImports {
  /** Packed files imported. */
  files: string[];
  /** Names from outside the tree (packages, standard library). */
  external: string[];
  /** In-tree-looking imports that lead to no packed file (relative paths to missing files). */
  unresolved: string[];
}

/** Resolves the facts of one file of a language family. */
export interface LanguageResolver {
  resolve(path: string, facts: FileFacts): ResolvedImports;
}

/** An empty result to fill. */
export function noImports(): ResolvedImports {
  return { files: [], external: [], unresolved: [] };
}
