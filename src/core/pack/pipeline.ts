/**
 * The pack pipeline, top to bottom, in the order the stages really run:
 *
 *   scan → read → redact → (git) → tokenize ‖ graph → (scope) → order → select → render → report
 *
 * or, when every input is unchanged since a saved pack of the same request, scan → reuse (see
 * savedPackStage.ts); a pack made in full is then saved for the next one.
 *
 * Tokenize and graph run at the same time (counting in worker threads, parsing on this one), so
 * their stage times overlap; without a budget, counting starts with the first files redacted.
 *
 * Rendering comes before selection: budgets are exact on the rendered text, so every file's full
 * block is rendered and counted before selection decides on it (without a budget all of them up
 * front, `tokenize`; under one, selection counts each only as far as its decision needs), the fixed parts (preamble,
 * sections, tree) are rendered and counted before selection shares out what they leave, and
 * selection prices an outline by rendering and counting its block. The `render` stage then only
 * looks the chosen blocks up and fits the footer.
 */
import { resolveGitContext, type GitContext } from '../git';
import { rendererFor, withLineNumbers, type ContextSection } from '../render';
import type { SelectCandidate } from '../select';
import type { TokenCounter } from '../tokenize/counter';
import type { PackWarning, RedactedFile, RootPrefix, SkippedFile } from '../types';
import type { PackClock } from './clock';
import type { PackContext } from './context';
import { focusPaths, locateFocus } from './focus';
import { FullBlockCounts } from './fullCounts';
import { importGraphOf, readLeftOutConfigs } from './graphStage';
import { orderStage } from './orderStage';
import { readScanned, scanStage } from './readStage';
import { renderPack, reportOf } from './renderStage';
import type { PackRequest } from './request';
import { findSavedPack, savePack, usesSavedPacks, type SavedPackDeps } from './savedPackStage';
import { restrictToScope, scopeClosure } from './scope';
import { fixedPartsFor, selectFiles } from './selectStage';
import type { EngineState } from './state';
import { packResultOf, type PackResult, type PackStages } from './types';
import { worded } from '../warnings';

/** What one run of the pipeline uses. */
export interface PipelineDeps {
  state: EngineState;
  stages: PackStages;
  counter: TokenCounter;
  clock: PackClock;
  /** Skip joining the text: the result's `text` is '' (the report is exact all the same). */
  reportOnly: boolean;
  /** Saved packs: found after the scan, and saved after a pack made in full. */
  saved?: SavedPackDeps;
}

/** Runs every stage of one pack of `request`. */
export async function runPipeline(request: PackRequest, deps: PipelineDeps): Promise<PackResult> {
  const { clock } = deps;
  const located = locateFocus(request.focus, request.roots);
  const scopeLocated = locateFocus(request.scope?.paths ?? [], request.roots, 'scope');

  const renderer = request.lineNumbers ? withLineNumbers(rendererFor(request.format)) : rendererFor(request.format);
  // Without a budget every file's full block is counted: each batch starts as soon as it is
  // redacted, so the token workers count while this thread reads and redacts the rest (and then
  // builds the graph). Under a budget nothing is counted up front: selection counts each file only
  // as far as its decision needs.
  const fullCounts = request.budget === null ? new FullBlockCounts({ renderer, counter: deps.counter, facts: deps.state.facts, clock }) : null;
  const scanned = await scanStage(request, deps.stages, clock);
  const saving = deps.saved !== undefined && usesSavedPacks(request, scanned, deps.state) ? deps.saved : undefined;
  const saved = saving ? await findSavedPack(request, scanned, saving, clock) : undefined;
  if (saved) return deps.reportOnly ? packResultOf([], saved.report) : saved;
  const read = await readScanned(scanned, request, deps.state, deps.stages, clock, fullCounts ? (files) => fullCounts.add(files) : undefined);
  const prefixes = new Map(read.roots.map((r) => [r.root, r.prefix]));
  const git = await gitContext(request, read.roots, read.files, read.skipped, clock);
  const focus = [...new Set([...focusPaths(located, prefixes), ...(git?.focus ?? [])])].sort();
  const ctx: PackContext = {
    request,
    ...deps,
    renderer,
    hashes: new Map(read.files.map((f) => [f.path, f.hash])),
  };

  // Counting runs in worker threads while this thread builds the graph: the two share nothing but
  // the redacted texts, so their results are the same as one after the other.
  const counting = fullCounts ? fullCounts.finish(read.files) : Promise.resolve(null);
  const graphing = (async () => {
    const configs = await readLeftOutConfigs(read.skipped, read.roots, request.maxFileSize, deps.state, deps.stages, clock);
    const graph = await clock.time('graph', () => importGraphOf(request.roots, read.files, configs, deps.state, deps.stages, clock.signal));
    // Nothing is left for this thread but waiting for the counts: it counts along.
    deps.counter.lendThreadUntil?.(counting);
    return graph;
  })();
  const [fullTokens, builtGraph] = await Promise.all([counting, graphing]);
  let graph = builtGraph;
  let { files, skipped } = read;
  const closure = scopeLocated.length === 0 ? null : scopeClosure(focusPaths(scopeLocated, prefixes), files.map((f) => f.path), graph);
  if (closure) ({ files, skipped, graph } = restrictToScope(closure, files, skipped, graph));

  const warnings: PackWarning[] = [
    ...files.filter((f) => f.invalidUtf8).map((f): PackWarning => ({ stage: 'read', path: f.path, ...worded({ code: 'invalid-utf8' }) })),
    ...graph.warnings.map((w): PackWarning => ({ stage: 'graph', ...w })),
  ];

  const { order, cycles } = await clock.time('order', () => orderStage(ctx, files.map((f) => f.path), graph, read.roots));

  const byPath = new Map(files.map((f) => [f.path, f]));
  const candidates: SelectCandidate[] = order.flatMap((path) => {
    const f = byPath.get(path);
    return f ? [{ path, text: f.text, ...(fullTokens ? { fullTokens: fullTokens.get(path) ?? 0 } : {}), mtimeMs: f.mtimeMs, hash: f.hash }] : [];
  });
  const redactionCount = files.reduce((sum, f) => sum + f.redactions, git?.redactions ?? 0);
  const sections: ContextSection[] = [
    ...(request.instructions !== undefined ? [{ kind: 'instructions' as const, title: 'Instructions', body: request.instructions }] : []),
    ...(git?.sections ?? []),
  ];
  const { fixed, selected } = await clock.time('select', async () => {
    const fixedParts = await fixedPartsFor(ctx, order, sections);
    return { fixed: fixedParts, selected: await selectFiles(ctx, { candidates, graph, focus, sections, caps: read.caps, redactionCount }, fixedParts) };
  });

  const rendered = await clock.time('render', () => renderPack(ctx, selected, fixed, redactionCount, deps.reportOnly));
  const limit = request.budget === null ? null : request.budget - request.reserve;
  if (limit !== null && rendered.totalTokens > limit) {
    warnings.push({ stage: 'select', ...worded({ code: 'over-budget', tokens: rendered.totalTokens, limit }) });
  }
  if (git) warnings.push(...git.warnings.map((w): PackWarning => ({ stage: 'git', ...w })));
  const report = reportOf(ctx, { selected, rendered, files, skipped, graph, roots: read.roots, cycles, redactionCount, warnings, ...(git ? { git: git.report } : {}) });
  const result = packResultOf(rendered.chunks, report);
  if (saving && !deps.reportOnly) await savePack(request, scanned, read, result, saving);
  return result;
}

/** The diff and log the request asks for, filtered by what the scan and read left out. */
async function gitContext(
  request: PackRequest,
  roots: readonly RootPrefix[],
  files: readonly RedactedFile[],
  skipped: readonly SkippedFile[],
  clock: PackClock,
): Promise<GitContext | undefined> {
  const git = request.git;
  if (!git || (git.diff === undefined && !(git.log !== undefined && git.log > 0))) return undefined;
  return clock.time('git', () =>
    resolveGitContext({
      roots: request.roots,
      prefixes: new Map(roots.map((r) => [r.root, r.prefix])),
      git,
      packed: new Set(files.map((f) => f.path)),
      skipped: new Map(skipped.map((s) => [s.path, s])),
      maxPatchLength: request.maxFileSize,
      ...(clock.signal ? { signal: clock.signal } : {}),
    }),
  );
}
