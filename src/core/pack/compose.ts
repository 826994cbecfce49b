import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { BlockMemo } from './blockMemo';
import type { PackClock } from './clock';
import { rebuildEdited, type GraphBasis } from './graphDelta';
import { placeCapped, type CappedMode } from './modes';
import { fitFooter, footerRoom, renderFixedParts, type FixedParts } from './fixedParts';
import { PackError, type PackResult, type PackStages } from './types';
import type { GitReport } from '../git';
import { rendererFor, withLineNumbers, type ContextSection, type Renderer } from '../render';
import type { PackRequest } from './request';
import { candidateHash, uncommittedFiles, type PreviousPlacement, type SelectCandidate, type SelectedFile } from '../select';
import type { TokenCounter } from '../tokenize/counter';
import type { FileMode, ImportGraph, PackWarning, RedactedFile, ReportFile, SkippedFile } from '../types';

/** Blocks counted per call between cancellation checks and progress events. */
const COUNT_BATCH = 256;

interface ComposeInput {
  request: PackRequest;
  files: RedactedFile[];
  skipped: SkippedFile[];
  focus: string[];
  /** Instructions, diff and log sections, rendered between the preamble and the tree. */
  sections?: readonly ContextSection[];
  /** What the git sections hold, for the report. */
  git?: GitReport;
  /** Files whose mode a tome.config.json rule caps (see packModes). */
  caps?: ReadonlyMap<string, CappedMode>;
  /** Secret values redacted in the sections (patches). */
  sectionRedactions?: number;
  /** Root → the prefix of its paths (see rootPrefixes). */
  prefixes: ReadonlyMap<string, string>;
}

interface ComposeContext {
  counter: TokenCounter;
  stages: PackStages;
  clock: PackClock;
  /** Outlines kept between packs by a long-lived engine. */
  outlineCache: Map<string, string | null>;
  /** The last import graph and the files it was built from, kept by a long-lived engine. */
  graphMemo: GraphMemo;
  /** File blocks and their counts kept between packs, so unchanged files are not counted again. */
  blockMemo: BlockMemo;
  /** The last order and fixed parts, reused while the graph and the file list stay the same. */
  layoutMemo: LayoutMemo;
  /** The last budget selection and the request it answered (see {@link SelectionMemo}). */
  selectionMemo?: SelectionMemo;
}

/**
 * The last budget selection of a long-lived engine. When the same request comes again (a chat
 * follow-up after an edit), unchanged files keep their modes, so the edit changes only its own
 * block and the provider's cached prompt prefix before it stays valid.
 */
export interface SelectionMemo {
  key?: string;
  previous?: Map<string, PreviousPlacement>;
}

/** The last ordering's input and output, and the last preamble and tree. */
export interface LayoutMemo {
  order?: { graph: ImportGraph; paths: string[]; mode: PackRequest['order']; result: ReturnType<PackStages['orderFiles']> };
  fixed?: { format: PackRequest['format']; budget: number | null; order: string[]; sections: string; parts: FixedParts };
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Ordering reads only the in-tree edges: an edit that keeps every file's imports keeps the order. */
function sameImports(a: ImportGraph, b: ImportGraph): boolean {
  if (a === b) return true;
  if (a.imports.size !== b.imports.size) return false;
  for (const [path, targets] of a.imports) {
    const other = b.imports.get(path);
    if (other === undefined || !sameList(targets, other)) return false;
  }
  return true;
}

/** Building the graph parses every file; a follow-up pack over unchanged files reuses it. */
export interface GraphMemo {
  key?: string;
  graph?: ImportGraph;
  /** What the last graph was built from, so an edit re-parses only the edited files. */
  basis?: GraphBasis;
}

/** Identifies the graph's input: roots, and every file's path and content hash. */
function graphKey(roots: readonly string[], files: readonly RedactedFile[]): string {
  const hash = createHash('sha1').update(roots.join('\0'));
  for (const f of files) hash.update(`\0${f.path}\0${f.hash}`);
  return hash.digest('hex');
}

/** tokenize → graph → order → select → render over read and redacted files. */
export async function composePack(input: ComposeInput, ctx: ComposeContext): Promise<PackResult> {
  const { request, files } = input;
  const { clock, counter, stages } = ctx;
  const renderer = request.lineNumbers ? withLineNumbers(rendererFor(request.format)) : rendererFor(request.format);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const warnings: PackWarning[] = files
    .filter((f) => f.invalidUtf8)
    .map((f) => ({ stage: 'read', path: f.path, message: 'Not valid UTF-8; undecodable bytes were replaced by U+FFFD.' }));

  const fullTokens = await clock.time('tokenize', async () => {
    clock.progress('tokenize', 0, files.length);
    const requests = files.map((f) => ({ path: f.path, mode: 'full' as const, body: f.text }));
    const counted = await ctx.blockMemo.count(renderer, requests, counter, {
      signal: clock.signal,
      batch: COUNT_BATCH,
      between: (done, total) => {
        clock.checkpoint();
        if (done > 0) clock.progress('tokenize', done, total);
      },
    });
    return counted.tokens;
  }, true);
  const fullByPath = new Map(files.map((f, i) => [f.path, fullTokens[i] ?? 0]));

  const graph = await clock.time('graph', async () => {
    const key = graphKey(request.roots, files);
    if (ctx.graphMemo.key === key && ctx.graphMemo.graph) return ctx.graphMemo.graph;
    const built =
      (await rebuildEdited(ctx.graphMemo.basis, request.roots, files, stages.buildImportGraph, clock.signal)) ??
      (await stages.buildImportGraph(
        files.map((f) => ({ path: f.path, absPath: f.absPath, root: f.root, text: f.text })),
        { roots: request.roots, signal: clock.signal },
      ));
    const basis: GraphBasis = { roots: [...request.roots], paths: files.map((f) => f.path), texts: new Map(files.map((f) => [f.path, f.text])), graph: built };
    Object.assign(ctx.graphMemo, { key, graph: built, basis });
    return built;
  });
  warnings.push(...graph.warnings.map((message): PackWarning => ({ stage: 'graph', message })));

  const { order, cycles } = await clock.time('order', async () => {
    const paths = [...byPath.keys()];
    const memo = ctx.layoutMemo.order;
    const ordered =
      memo && sameImports(memo.graph, graph) && memo.mode === request.order && sameList(memo.paths, paths)
        ? memo.result
        : stages.orderFiles(paths, graph, request.order);
    ctx.layoutMemo.order = { graph, paths, mode: request.order, result: ordered };
    if (!request.volatileLast) return ordered;
    return { ...ordered, order: moveVolatileLast(ordered.order, await volatilePaths(request.roots, input.prefixes, clock.signal)) };
  });

  const candidates: SelectCandidate[] = order.flatMap((path) => {
    const f = byPath.get(path);
    return f ? [{ path, text: f.text, fullTokens: fullByPath.get(path) ?? 0, mtimeMs: f.mtimeMs, hash: f.hash }] : [];
  });
  const redactionCount = files.reduce((sum, f) => sum + f.redactions, input.sectionRedactions ?? 0);
  // The preamble and tree do not depend on selection; their size is what selection must leave room for.
  const { fixed, selected } = await clock.time('select', async () => {
    const memo = ctx.layoutMemo.fixed;
    const sections = input.sections ?? [];
    const sectionsKey = JSON.stringify(sections);
    const fixedParts =
      memo && memo.format === request.format && memo.budget === request.budget && sameList(memo.order, order) && memo.sections === sectionsKey
        ? memo.parts
        : await renderFixedParts(renderer, order, counter, clock.signal, sections, request.budget);
    ctx.layoutMemo.fixed = { format: request.format, budget: request.budget, order: [...order], sections: sectionsKey, parts: fixedParts };
    return { fixed: fixedParts, selected: await selectFiles(candidates, graph, fixedParts, redactionCount, input, ctx, renderer) };
  });

  const { text, blockTokens, totalTokens } = await clock.time('render', async () => {
    const shown = selected.flatMap((s) => (s.mode === 'path-only' ? [] : [{ path: s.path, mode: s.mode, body: s.body }]));
    const counted = await ctx.blockMemo.count(renderer, shown, counter, { signal: clock.signal });
    let next = 0;
    const blocks: string[] = [];
    const counts: number[] = [];
    for (const s of selected) {
      const shownHere = s.mode !== 'path-only';
      blocks.push(shownHere ? counted.blocks[next] ?? '' : '');
      counts.push(shownHere ? counted.tokens[next] ?? 0 : 0);
      if (shownHere) next++;
    }
    const body = ctx.blockMemo.join(blocks);
    const base = fixed.tokens + counts.reduce((a, b) => a + b, 0);
    const stats = { ...modeCounts(selected.map((s) => s.mode)), redactions: redactionCount };
    const footer = await fitFooter(renderer, stats, base, counter, clock.signal);
    return { text: fixed.preamble + fixed.sections + fixed.tree + body + footer.text, blockTokens: counts, totalTokens: footer.totalTokens };
  });
  const limit = request.budget === null ? null : request.budget - request.reserve;
  if (limit !== null && totalTokens > limit) {
    warnings.push({ stage: 'select', message: `The output holds ${totalTokens} tokens, over the ${limit} the budget allows.` });
  }

  const reportFiles = selected.map((s, i): ReportFile => {
    const f = byPath.get(s.path);
    const entry: ReportFile = { path: s.path, tokens: blockTokens[i] ?? 0, mode: s.mode, redactions: f?.redactions ?? 0 };
    if (request.budget !== null) entry.reason = s.reason;
    const imports = graph.imports.get(s.path);
    const external = graph.external.get(s.path);
    if (imports && imports.length > 0) entry.imports = imports;
    if (external && external.length > 0) entry.external = external;
    if (f?.invalidUtf8) entry.invalidUtf8 = true;
    return entry;
  });
  return {
    text,
    report: {
      root: request.roots[0] ?? '',
      roots: [...request.roots],
      encoding: request.encoding,
      format: request.format,
      budget: request.budget,
      reserve: request.reserve,
      totalTokens,
      files: reportFiles,
      skipped: [...input.skipped].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
      redactionCount,
      warnings,
      cycles,
      ...(input.git ? { git: input.git } : {}),
      timings: clock.timings,
    },
  };
}

/** Every file in full without a budget; otherwise the select stage decides within what is left. */
async function selectFiles(
  candidates: SelectCandidate[],
  graph: ImportGraph,
  fixed: FixedParts,
  redactionCount: number,
  input: ComposeInput,
  ctx: ComposeContext,
  renderer: Renderer,
): Promise<SelectedFile[]> {
  const { request } = input;
  const caps = input.caps ?? new Map<string, CappedMode>();
  const blockCost = async (path: string, mode: FileMode, body: string): Promise<number> => {
    if (mode === 'path-only') return 0;
    const { tokens } = await ctx.blockMemo.count(renderer, [{ path, mode, body }], ctx.counter, { signal: ctx.clock.signal });
    return tokens[0] ?? 0;
  };
  const cappedDeps = { blockCost, outlineCache: ctx.outlineCache, ...(ctx.clock.signal ? { signal: ctx.clock.signal } : {}) };
  if (request.budget === null) {
    const { placed } = await placeCapped(candidates, caps, Number.POSITIVE_INFINITY, cappedDeps);
    return candidates.map((c) => placed.get(c.path) ?? { path: c.path, mode: 'full', reason: 'fits', body: c.text, tokens: c.fullTokens });
  }
  const room = await footerRoom(renderer, candidates.length, redactionCount, request.budget, ctx.counter, ctx.clock.signal);
  const minimum = fixed.tokens + room + request.reserve;
  const available = request.budget - minimum;
  if (available < 0) {
    throw new PackError(
      'budget-too-small',
      `A budget of ${request.budget} tokens is too small: the preamble, ${fixed.sections === '' ? '' : 'the diff, log and instructions, '}the directory tree and the summary ` +
        `need ${fixed.tokens + room} tokens${request.reserve > 0 ? ` and the reserve ${request.reserve} more` : ''}. ` +
        `Give a budget of at least ${minimum}, or pack fewer files.`,
    );
  }
  const memo = ctx.selectionMemo;
  const key = JSON.stringify({ ...request, focus: input.focus });
  const previous = memo?.key === key ? memo.previous : undefined;
  // Capped files take their room first; selection shares out what they leave.
  const { placed, left } = await placeCapped(candidates, caps, available, cappedDeps);
  const free = placed.size === 0 ? candidates : candidates.filter((c) => !placed.has(c.path));
  const chosen = await ctx.stages.selectWithinBudget({
    candidates: free,
    graph,
    available: left,
    focus: input.focus,
    query: request.query,
    signal: ctx.clock.signal,
    outlineCache: ctx.outlineCache,
    ...(previous ? { previous } : {}),
    blockCost,
  });
  const chosenByPath = new Map(chosen.map((s) => [s.path, s]));
  const selected = placed.size === 0 ? chosen : candidates.flatMap((c) => {
    const s = placed.get(c.path) ?? chosenByPath.get(c.path);
    return s ? [s] : [];
  });
  if (memo) {
    memo.key = key;
    memo.previous = new Map(selected.map((s, i) => [s.path, { mode: s.mode, reason: s.reason, hash: candidateHash(candidates[i] ?? { text: s.body }) }]));
  }
  return selected;
}

function modeCounts(modes: FileMode[]): { full: number; outline: number; pathOnly: number } {
  return {
    full: modes.filter((m) => m === 'full').length,
    outline: modes.filter((m) => m === 'outline').length,
    pathOnly: modes.filter((m) => m === 'path-only').length,
  };
}

/**
 * Pack paths of files with uncommitted changes. They change between packs, so putting them last
 * keeps the rest of the prompt's prefix stable for providers' prompt caches. Outside a git work
 * tree the set is empty and the order stays as it is.
 */
async function volatilePaths(roots: readonly string[], prefixes: ReadonlyMap<string, string>, signal?: AbortSignal): Promise<Set<string>> {
  const out = new Set<string>();
  for (const root of roots) {
    const prefix = prefixes.get(resolve(root)) ?? '';
    for (const path of await uncommittedFiles(root, signal)) out.add(`${prefix}${path}`);
  }
  return out;
}

/** Moves the `volatile` paths to the end, keeping the relative order within both groups. */
function moveVolatileLast(order: readonly string[], volatile: ReadonlySet<string>): string[] {
  return [...order.filter((p) => !volatile.has(p)), ...order.filter((p) => volatile.has(p))];
}
