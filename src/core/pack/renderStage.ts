import { countBlocks } from './blocks';
import type { PackContext } from './context';
import { fitFooter, type FixedParts } from './fixedParts';
import type { GitReport } from '../git';
import type { SelectedFile } from '../select';
import type { FileMode, ImportGraph, PackReport, PackWarning, RedactedFile, ReportFile, RootPrefix, SkippedFile } from '../types';

/**
 * The rendered output: its text as the parts it is made of, in order (none for a report-only
 * pack; see {@link PackResult.chunks}), each file's block tokens and the total.
 */
export interface RenderedPack {
  chunks: string[];
  blockTokens: number[];
  totalTokens: number;
}

/**
 * Renders the selected blocks (counted already, so this only looks them up) and fits the footer,
 * whose stated total includes itself. A report-only pack stops short of joining the text.
 */
export async function renderPack(ctx: PackContext, selected: readonly SelectedFile[], fixed: FixedParts, redactionCount: number, reportOnly: boolean): Promise<RenderedPack> {
  const shown = selected.flatMap((s) => (s.mode === 'path-only' ? [] : [{ path: s.path, mode: s.mode, body: s.body, hash: ctx.hashes.get(s.path) ?? '' }]));
  const counted = await countBlocks(ctx.renderer, shown, ctx.counter, ctx.state.facts, { signal: ctx.clock.signal });
  let next = 0;
  const blocks: string[] = [];
  const counts: number[] = [];
  for (const s of selected) {
    const shownHere = s.mode !== 'path-only';
    blocks.push(shownHere ? counted.blocks[next] ?? '' : '');
    counts.push(shownHere ? counted.tokens[next] ?? 0 : 0);
    if (shownHere) next++;
  }
  const base = fixed.tokens + counts.reduce((a, b) => a + b, 0);
  const stats = { ...modeCounts(selected.map((s) => s.mode)), redactions: redactionCount };
  const footer = await fitFooter(ctx.renderer, stats, base, ctx.counter, ctx.clock.signal);
  // Not joined: the blocks are the facts store's own strings, so the parts cost nothing more.
  const chunks = reportOnly ? [] : [fixed.preamble, fixed.sections, fixed.tree, ...blocks, footer.text].filter((c) => c !== '');
  return { chunks, blockTokens: counts, totalTokens: footer.totalTokens };
}

function modeCounts(modes: FileMode[]): { full: number; outline: number; pathOnly: number } {
  return {
    full: modes.filter((m) => m === 'full').length,
    outline: modes.filter((m) => m === 'outline').length,
    pathOnly: modes.filter((m) => m === 'path-only').length,
  };
}

/** What the report is made from. */
export interface ReportInput {
  selected: readonly SelectedFile[];
  rendered: RenderedPack;
  files: readonly RedactedFile[];
  skipped: readonly SkippedFile[];
  graph: ImportGraph;
  roots: readonly RootPrefix[];
  cycles: string[][];
  redactionCount: number;
  warnings: PackWarning[];
  git?: GitReport;
}

/** The pack report: every file in output order with its exact tokens, mode and why. */
export function reportOf(ctx: PackContext, input: ReportInput): PackReport {
  const { request } = ctx;
  const byPath = new Map(input.files.map((f) => [f.path, f]));
  const files = input.selected.map((s, i): ReportFile => {
    const f = byPath.get(s.path);
    const entry: ReportFile = { path: s.path, tokens: input.rendered.blockTokens[i] ?? 0, mode: s.mode, redactions: f?.redactions ?? 0 };
    if (request.budget !== null) entry.reason = s.reason;
    const imports = input.graph.imports.get(s.path);
    const external = input.graph.external.get(s.path);
    if (imports && imports.length > 0) entry.imports = imports;
    if (external && external.length > 0) entry.external = external;
    if (f?.invalidUtf8) entry.invalidUtf8 = true;
    return entry;
  });
  return {
    root: request.roots[0] ?? '',
    roots: [...request.roots],
    rootPrefixes: input.roots.map((r) => ({ ...r })),
    encoding: request.encoding,
    format: request.format,
    budget: request.budget,
    reserve: request.reserve,
    totalTokens: input.rendered.totalTokens,
    files,
    skipped: [...input.skipped].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    redactionCount: input.redactionCount,
    warnings: input.warnings,
    cycles: input.cycles,
    ...(input.git ? { git: input.git } : {}),
    timings: ctx.clock.timings,
  };
}
