import { buildImportGraph } from '../graph';
import { orderFiles } from '../order';
import { readFiles } from '../read';
import { scanOptionsOf, type PackRequest } from './request';
import { scanFiles } from '../scan';
import type { ImportGraph } from '../types';

/** The import graph of the files a pack of `request` would hold, with the cycles ordering meets. */
export interface RootsGraph {
  graph: ImportGraph;
  cycles: string[][];
  /** Every file in the graph, in path order. */
  paths: string[];
}

/** Scans and reads like a pack would, then builds the import graph (for `tome graph`). */
export async function graphOfRoots(request: PackRequest, signal?: AbortSignal): Promise<RootsGraph> {
  const scan = await scanFiles({ ...scanOptionsOf(request), signal });
  const read = await readFiles(scan.files, { maxFileSize: request.maxFileSize, signal });
  const graph = await buildImportGraph(
    read.files.map((f) => ({ path: f.path, absPath: f.absPath, root: f.root, text: f.text })),
    { roots: request.roots, signal },
  );
  const paths = read.files.map((f) => f.path).sort();
  const { cycles } = orderFiles(paths, graph, 'dependency');
  return { graph, cycles, paths };
}
