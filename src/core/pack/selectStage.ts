/**
 * The select stage of a pack: the fixed parts (preamble, sections, tree) are rendered and
 * counted first, since what they take is what selection must leave room for; then capped files
 * take their room, and selection shares out the rest by the blocks' real rendered counts.
 */
import { createHash } from 'node:crypto';
import type { BlockRequest } from './blocks';
import { countBlocksWithin } from './boundedBlocks';
import { blockCost, declarationsOf, outlineOf, type PackContext } from './context';
import { footerRoom, renderFixedParts, type FixedParts } from './fixedParts';
import { placeCapped, type CappedMode } from './modes';
import type { PackRequest } from './request';
import { PackError } from './types';
import type { ContextSection } from '../render';
import { candidateHash, type SelectCandidate, type SelectedFile } from '../select';
import type { ImportGraph } from '../types';

/** What selection works from besides the request. */
export interface SelectionInput {
  candidates: SelectCandidate[];
  graph: ImportGraph;
  /** Pack paths of the focus, resolved. */
  focus: string[];
  sections: readonly ContextSection[];
  caps: ReadonlyMap<string, CappedMode>;
  redactionCount: number;
}

/** The fixed parts for `order`, remembered by format, variant, budget, order and sections. */
export async function fixedPartsFor(ctx: PackContext, order: readonly string[], sections: readonly ContextSection[]): Promise<FixedParts> {
  const { request, renderer } = ctx;
  const key = createHash('sha1')
    .update(JSON.stringify([request.format, renderer.variant ?? '', request.budget, sections]))
    .update(order.join('\0'))
    .digest('hex');
  const remembered = ctx.state.fixedParts.get(key);
  if (remembered) return remembered;
  const parts = await renderFixedParts(renderer, order, ctx.counter, ctx.clock.signal, sections, request.budget);
  ctx.state.fixedParts.set(key, parts);
  return parts;
}

/** The key of a request's last selection: the request with its resolved focus. */
export function selectionKeyOf(request: PackRequest, focus: readonly string[]): string {
  return JSON.stringify({ ...request, focus });
}

/**
 * Every file in full without a budget; otherwise the select stage decides within what the fixed
 * parts, the footer and the reserve leave. The last selection for the same request is kept
 * (key: the request with its resolved focus), so a follow-up after an edit keeps unchanged
 * files' modes and the prompt's prefix stays byte-stable.
 */
export async function selectFiles(ctx: PackContext, input: SelectionInput, fixed: FixedParts): Promise<SelectedFile[]> {
  const { request } = ctx;
  const { candidates } = input;
  const cappedDeps = {
    blockCost: (path: string, mode: SelectedFile['mode'], body: string) => blockCost(ctx, path, mode, body),
    outlineOf: (c: SelectCandidate) => outlineOf(ctx, c),
    ...(ctx.clock.signal ? { signal: ctx.clock.signal } : {}),
  };
  if (request.budget === null) {
    const { placed } = await placeCapped(candidates, input.caps, Number.POSITIVE_INFINITY, cappedDeps);
    return candidates.map((c) => placed.get(c.path) ?? { path: c.path, mode: 'full', reason: 'fits', body: c.text, tokens: c.fullTokens ?? 0 });
  }
  const room = await footerRoom(ctx.renderer, candidates.length, input.redactionCount, request.budget, ctx.counter, ctx.clock.signal);
  const minimum = fixed.tokens + room + request.reserve;
  const available = request.budget - minimum;
  if (available < 0) {
    throw new PackError({ code: 'budget-too-small', budget: request.budget, fixedTokens: fixed.tokens + room, reserve: request.reserve, minimum, withSections: fixed.sections !== '' });
  }
  const key = selectionKeyOf(request, input.focus);
  const previous = ctx.state.selections.get(key);
  // Capped files take their room first; selection shares out what they leave.
  const { placed, left } = await placeCapped(candidates, input.caps, available, cappedDeps);
  const free = placed.size === 0 ? candidates : candidates.filter((c) => !placed.has(c.path));
  const chosen = await ctx.stages.selectWithinBudget({
    candidates: free,
    graph: input.graph,
    available: left,
    focus: input.focus,
    query: request.query,
    signal: ctx.clock.signal,
    outlineOf: cappedDeps.outlineOf,
    declarationsOf: (c) => declarationsOf(ctx, c),
    ...(previous ? { previous } : {}),
    blockCost: cappedDeps.blockCost,
    countFullWithin: (indexes, limits) => {
      const requests = indexes.map((i): BlockRequest => {
        const c = free[i];
        return { path: c?.path ?? '', mode: 'full', body: c?.text ?? '', hash: (c && ctx.hashes.get(c.path)) ?? '' };
      });
      // Counting is the tokenize stage's work, though selection asks for it here.
      return ctx.clock.timeWithin('tokenize', 'select', () => countBlocksWithin(ctx.renderer, requests, limits, ctx.counter, ctx.state.facts, ctx.clock.signal));
    },
  });
  const chosenByPath = new Map(chosen.map((s) => [s.path, s]));
  const selected = placed.size === 0 ? chosen : candidates.flatMap((c) => {
    const s = placed.get(c.path) ?? chosenByPath.get(c.path);
    return s ? [s] : [];
  });
  ctx.state.selections.set(key, new Map(selected.map((s, i) => [s.path, { mode: s.mode, reason: s.reason, hash: candidateHash(candidates[i] ?? { text: s.body }) }])));
  return selected;
}
