import { createHash } from 'node:crypto';
import type { PackContext } from './context';
import type { FileOrder } from '../order';
import { uncommittedFiles } from '../select';
import type { ImportGraph, RootPrefix } from '../types';

/**
 * Orders `paths` (dependencies first, or by path), remembered by order mode, paths and every
 * in-tree edge: ordering reads nothing else, so an edit that keeps every file's imports keeps
 * the order without running it again. With `volatileLast`, files with uncommitted changes go last.
 */
export async function orderStage(ctx: PackContext, paths: readonly string[], graph: ImportGraph, roots: readonly RootPrefix[]): Promise<FileOrder> {
  const { request } = ctx;
  const hash = createHash('sha1').update(request.order);
  for (const path of paths) hash.update(`\0${path}\0${(graph.imports.get(path) ?? []).join('\u0001')}`);
  const key = hash.digest('hex');
  let ordered = ctx.state.orders.get(key);
  if (ordered === undefined) {
    ordered = ctx.stages.orderFiles(paths, graph, request.order);
    ctx.state.orders.set(key, ordered);
  }
  if (!request.volatileLast) return ordered;
  return { ...ordered, order: moveVolatileLast(ordered.order, await volatilePaths(roots, ctx.clock.signal)) };
}

/**
 * Pack paths of files with uncommitted changes. They change between packs, so putting them last
 * keeps the rest of the prompt's prefix stable for providers' prompt caches. Outside a git work
 * tree the set is empty and the order stays as it is.
 */
async function volatilePaths(roots: readonly RootPrefix[], signal?: AbortSignal): Promise<Set<string>> {
  const out = new Set<string>();
  for (const { root, prefix } of roots) {
    for (const path of await uncommittedFiles(root, signal)) out.add(`${prefix}${path}`);
  }
  return out;
}

/** Moves the `volatile` paths to the end, keeping the relative order within both groups. */
function moveVolatileLast(order: readonly string[], volatile: ReadonlySet<string>): string[] {
  return [...order.filter((p) => !volatile.has(p)), ...order.filter((p) => volatile.has(p))];
}
