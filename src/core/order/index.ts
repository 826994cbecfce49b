import { importLanguageOf } from '../graph/languages';
import type { ImportGraph, OrderMode } from '../types';
import { StringHeap } from './heap';
import { orientationRank } from './orientation';
import { stronglyConnectedComponents } from './scc';

/** The output order and the import cycles met on the way. */
export interface FileOrder {
  order: string[];
  cycles: string[][];
}

/** Compares paths by UTF-16 code units, the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/**
 * Files ordered by the graph: every source file of a language whose imports are read (even one
 * with no edges, so it stays beside its folder), plus any file an edge touches.
 */
function graphMembers(paths: readonly string[], known: ReadonlySet<string>, graph: ImportGraph): Set<string> {
  const members = new Set<string>();
  for (const path of paths) {
    const targets = graph.imports.get(path);
    if (importLanguageOf(path) !== null || (targets !== undefined && targets.length > 0)) members.add(path);
  }
  // Imported files without a language of their own (JSON, CSS) still take their place in the order.
  for (const path of members) {
    for (const target of graph.imports.get(path) ?? []) if (!members.has(target) && known.has(target)) members.add(target);
  }
  return members;
}

/**
 * Lays out the code files dependencies-first. Cycles are collapsed with Tarjan's SCC; the DAG of
 * components is emitted by Kahn's algorithm choosing, among components whose dependencies are all
 * out, one in the folder of the file just written (so a folder stays together where the graph
 * allows), else the one with the smallest path. Inside a cycle see {@link layOutComponent}.
 */
export function orderByDependencies(code: readonly string[], graph: ImportGraph): FileOrder {
  const sorted = [...code].sort(comparePaths);
  const indexOf = new Map(sorted.map((p, i) => [p, i]));
  const edges: number[][] = sorted.map((p) => {
    const out: number[] = [];
    for (const t of graph.imports.get(p) ?? []) {
      const i = indexOf.get(t);
      if (i !== undefined && t !== p) out.push(i);
    }
    return out;
  });
  const components = stronglyConnectedComponents(edges);
  const componentOf = new Int32Array(sorted.length);
  components.forEach((members, c) => members.forEach((m) => (componentOf[m] = c)));
  const laidOut = components.map((members) => layOutComponent(members, edges, componentOf, sorted));
  const cycles = laidOut.filter((m) => m.length > 1).map((m) => [...m].sort(comparePaths));
  cycles.sort((a, b) => comparePaths(a[0] ?? '', b[0] ?? ''));

  // Kahn over components: waiting[c] = number of distinct components c still needs.
  const dependents: number[][] = components.map(() => []);
  const waiting = new Int32Array(components.length);
  components.forEach((members, c) => {
    const needs = new Set<number>();
    for (const m of members) for (const t of edges[m] ?? []) if (componentOf[t] !== c) needs.add(componentOf[t] as number);
    waiting[c] = needs.size;
    for (const n of needs) dependents[n]?.push(c);
  });
  const keyOf = laidOut.map((members) => (members.length === 1 ? (members[0] as string) : ([...members].sort(comparePaths)[0] ?? '')));
  const componentByKey = new Map(keyOf.map((k, c) => [k, c]));
  const readyAll = new StringHeap();
  const readyByFolder = new Map<string, StringHeap>();
  const emitted = new Uint8Array(components.length);
  const makeReady = (c: number): void => {
    const key = keyOf[c] as string;
    readyAll.push(key);
    const folder = folderOf(key);
    let heap = readyByFolder.get(folder);
    if (heap === undefined) readyByFolder.set(folder, (heap = new StringHeap()));
    heap.push(key);
  };
  components.forEach((_, c) => {
    if (waiting[c] === 0) makeReady(c);
  });
  const order: string[] = [];
  let folder = '';
  for (;;) {
    const local = readyByFolder.get(folder);
    const key = popFresh(local, componentByKey, emitted) ?? popFresh(readyAll, componentByKey, emitted);
    if (key === undefined) break;
    const c = componentByKey.get(key) as number;
    emitted[c] = 1;
    const members = laidOut[c] ?? [];
    order.push(...members);
    folder = folderOf(members[members.length - 1] ?? key);
    for (const d of dependents[c] ?? []) if (--(waiting[d] as number) === 0) makeReady(d);
  }
  return { order, cycles };
}

/** Pops the smallest key whose component is not yet emitted (each key sits in two heaps). */
function popFresh(heap: StringHeap | undefined, componentByKey: ReadonlyMap<string, number>, emitted: Uint8Array): string | undefined {
  while (heap !== undefined && heap.size > 0) {
    const key = heap.pop() as string;
    if (emitted[componentByKey.get(key) as number] === 0) return key;
  }
  return undefined;
}

/** Above this size a cycle is laid out by the one-pass rule; the greedy pass is quadratic. */
const GREEDY_CYCLE_LIMIT = 2000;

/**
 * Lays out one strongly connected component. Greedy (after Eades, Lin and Smyth): repeatedly take
 * the member with the fewest unplaced cycle-mates it imports minus those importing it, ties by
 * path, so few imports point forward. Very large cycles use the same score computed once.
 */
function layOutComponent(members: readonly number[], edges: readonly (readonly number[])[], componentOf: Int32Array, paths: readonly string[]): string[] {
  if (members.length === 1) return [paths[members[0] as number] as string];
  const c = componentOf[members[0] as number];
  const inside = new Map<number, number[]>(members.map((m) => [m, [...new Set((edges[m] ?? []).filter((t) => componentOf[t] === c))]]));
  const importers = new Map<number, number[]>(members.map((m) => [m, []]));
  for (const [m, targets] of inside) for (const t of targets) importers.get(t)?.push(m);
  const score = (m: number, placed: ReadonlySet<number>): number =>
    (inside.get(m) ?? []).filter((t) => !placed.has(t)).length - (importers.get(m) ?? []).filter((t) => !placed.has(t)).length;
  const byScoreThenPath = (placed: ReadonlySet<number>) => (a: number, b: number): number =>
    score(a, placed) - score(b, placed) || comparePaths(paths[a] as string, paths[b] as string);
  if (members.length > GREEDY_CYCLE_LIMIT) return [...members].sort(byScoreThenPath(new Set())).map((m) => paths[m] as string);
  const placed = new Set<number>();
  const order: string[] = [];
  const left = new Set(members);
  while (left.size > 0) {
    let best = -1;
    let bestScore = 0;
    for (const m of left) {
      const s = score(m, placed);
      if (best < 0 || s < bestScore || (s === bestScore && comparePaths(paths[m] as string, paths[best] as string) < 0)) {
        best = m;
        bestScore = s;
      }
    }
    left.delete(best);
    placed.add(best);
    order.push(paths[best] as string);
  }
  return order;
}

/**
 * Orders `paths` for output. `path` mode is plain path order. `dependency` mode puts top-level
 * orientation files first (README, manifests), then source files dependencies-first, then every
 * other file (docs, configs, data) in path order. Cycles are reported in both modes.
 */
export function orderFiles(paths: readonly string[], graph: ImportGraph, mode: OrderMode): FileOrder {
  const known = new Set(paths);
  const members = graphMembers(paths, known, graph);
  const { order: codeOrder, cycles } = orderByDependencies([...members], graph);
  if (mode === 'path') return { order: [...paths].sort(comparePaths), cycles };
  const orientation = paths
    .filter((p) => !members.has(p) && orientationRank(p) !== null)
    .sort((a, b) => (orientationRank(a) as number) - (orientationRank(b) as number) || comparePaths(a, b));
  const placed = new Set([...orientation, ...codeOrder]);
  const rest = paths.filter((p) => !placed.has(p)).sort(comparePaths);
  return { order: [...orientation, ...codeOrder, ...rest], cycles };
}
