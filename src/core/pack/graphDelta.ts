import { importLanguageOf } from '../graph/languages';
import type { PackStages } from './types';
import type { ImportGraph, RedactedFile } from '../types';

/** The graph a pack last built and what it was built from. */
export interface GraphBasis {
  roots: string[];
  paths: string[];
  /** path → the text the graph read; an unchanged file hands back the same string. */
  texts: Map<string, string>;
  graph: ImportGraph;
}

/** Above this many edited files a full build is as quick and simpler to trust. */
const MAX_CHANGED = 8;
/** Families whose resolution reads other files' declarations (packages, namespaces), not just paths. */
const CROSS_FILE_FAMILIES = new Set(['java', 'kotlin', 'csharp', 'php']);

/**
 * The import graph of `files` rebuilt for the edited files only, or null when that cannot be
 * known to equal a full build. It can when the paths and roots are the same as last time, only
 * source files changed (configs such as tsconfig.json or go.mod change everyone's resolution),
 * no language in the tree resolves through other files' declarations, and neither build warned
 * (warnings summarize all files). Unchanged source files are passed with empty text, so only the
 * edited ones are parsed; every other file keeps its edges from last time.
 */
export async function rebuildEdited(
  basis: GraphBasis | undefined,
  roots: readonly string[],
  files: readonly RedactedFile[],
  build: PackStages['buildImportGraph'],
  signal?: AbortSignal,
): Promise<ImportGraph | null> {
  if (!basis || basis.graph.warnings.length > 0 || !sameList(basis.roots, roots) || basis.paths.length !== files.length) return null;
  const changed = new Set<string>();
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    if (f === undefined || f.path !== basis.paths[i]) return null;
    if (basis.texts.get(f.path) !== f.text) changed.add(f.path);
    if (changed.size > MAX_CHANGED) return null;
  }
  const languages = files.map((f) => importLanguageOf(f.path));
  if (languages.some((lang) => lang !== null && CROSS_FILE_FAMILIES.has(lang.family))) return null;
  for (let i = 0; i < files.length; i++) {
    if (changed.has(files[i]?.path ?? '') && languages[i] === null) return null;
  }
  const inputs = files.map((f, i) => ({
    path: f.path,
    absPath: f.absPath,
    root: f.root,
    text: changed.has(f.path) || languages[i] === null ? f.text : '',
  }));
  const partial = await build(inputs, { roots: [...roots], signal });
  if (partial.warnings.length > 0) return null;
  const imports = new Map<string, string[]>();
  const external = new Map<string, string[]>();
  const unresolved = new Map<string, string[]>();
  for (const { path } of files) {
    const from = changed.has(path) ? partial : basis.graph;
    imports.set(path, from.imports.get(path) ?? []);
    external.set(path, from.external.get(path) ?? []);
    const missing = from.unresolved?.get(path);
    if (missing !== undefined) unresolved.set(path, missing);
  }
  return { imports, external, unresolved, warnings: [] };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
