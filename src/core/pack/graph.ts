import { PackClock } from './clock';
import { REAL_STAGES } from './engine';
import { importGraphOf, readLeftOutConfigs } from './graphStage';
import { readAndRedact } from './readStage';
import { scanOptionsOf, type PackRequest } from './request';
import { EngineState } from './state';
import type { ImportGraph } from '../types';

/** The import graph of the files a pack of `request` would hold, with the cycles ordering meets. */
export interface RootsGraph {
  graph: ImportGraph;
  cycles: string[][];
  /** Every file in the graph, in path order. */
  paths: string[];
}

/**
 * Scans and reads like a pack would, then builds the import graph (for `tome graph`), with the
 * configs the scan left out read the same way the pack reads them.
 */
export async function graphOfRoots(request: PackRequest, signal?: AbortSignal): Promise<RootsGraph> {
  const state = new EngineState();
  const clock = new PackClock(signal ? { signal } : {});
  const scan = await REAL_STAGES.scanFiles({ ...scanOptionsOf(request), signal });
  const read = await readAndRedact(scan.files, request.maxFileSize, state, REAL_STAGES, clock);
  const configs = await readLeftOutConfigs(scan.skipped, scan.roots, request.maxFileSize, state, REAL_STAGES, clock);
  const graph = await importGraphOf(request.roots, read.files, configs, state, REAL_STAGES, signal);
  const paths = read.files.map((f) => f.path).sort();
  const { cycles } = REAL_STAGES.orderFiles(paths, graph, 'dependency');
  return { graph, cycles, paths };
}
