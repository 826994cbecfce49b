import { resolveGitContext, type GitContext } from '../git';
import { buildImportGraph } from '../graph';
import { orderFiles } from '../order';
import { BlockMemo } from './blockMemo';
import { composePack, type GraphMemo, type LayoutMemo, type SelectionMemo } from './compose';
import { PackClock } from './clock';
import { focusPaths, locateFocus, rootPrefixes } from './focus';
import { PackError, type PackDeps, type PackOptions, type PackResult, type PackStages } from './types';
import { applyModeRules } from './modes';
import { readFiles } from '../read';
import { redactFile } from '../redact';
import { scanOptionsOf, type PackRequest } from './request';
import { scanFiles } from '../scan';
import { selectWithinBudget } from '../select';
import type { RedactedFile, ScannedFile, SkippedFile } from '../types';

const REAL_STAGES: PackStages = { scanFiles, readFiles, redactFile, buildImportGraph, orderFiles, selectWithinBudget };

/** Files redacted per batch between cancellation checks and progress events. */
const REDACT_BATCH = 32;

/**
 * Packs, keeping each file's read and redacted text between packs: a follow-up pack re-reads
 * only files whose size or mtime changed (token counts are cached by the counter). Safe to
 * reuse across requests with the counter's encoding; every other field may change freely.
 */
export class PackEngine {
  private readonly stages: PackStages;
  /** absPath → the file as last read and redacted. */
  private readonly cache = new Map<string, RedactedFile>();
  /** Outlines by path and content hash, so follow-ups do not parse unchanged files again. */
  private readonly outlineCache = new Map<string, string | null>();
  private readonly graphMemo: GraphMemo = {};
  /** Rendered file blocks with their counts, so a follow-up counts only the blocks that changed. */
  private readonly blockMemo = new BlockMemo();
  private readonly layoutMemo: LayoutMemo = {};
  private readonly selectionMemo: SelectionMemo = {};

  constructor(private readonly deps: PackDeps) {
    this.stages = { ...REAL_STAGES, ...deps.stages };
  }

  /** See {@link pack} in ./pack. */
  async pack(request: PackRequest, options: PackOptions = {}): Promise<PackResult> {
    const clock = new PackClock(options);
    clock.checkpoint();
    if (request.roots.length === 0) throw new PackError('no-roots', 'Nothing to pack: give at least one folder.');
    if (request.encoding !== this.deps.tokenCounter.encoding) {
      throw new PackError(
        'encoding-mismatch',
        `This pack asks for ${request.encoding} but the token counter counts ${this.deps.tokenCounter.encoding}; ` +
          'create the engine with a counter for that encoding.',
      );
    }
    const located = locateFocus(request.focus, request.roots);
    const { scanned, files, skipped, caps } = await this.scanAndRead(request, clock);
    const prefixes = rootPrefixes(request.roots, scanned);
    const git = await this.gitContext(request, prefixes, files, skipped, clock);
    const focus = [...new Set([...focusPaths(located, prefixes), ...(git?.focus ?? [])])].sort();
    this.blockMemo.beginPack();
    const composeInput = {
      request,
      files,
      skipped,
      focus,
      prefixes,
      sections: [...(request.instructions !== undefined ? [{ kind: 'instructions' as const, title: 'Instructions', body: request.instructions }] : []), ...(git?.sections ?? [])],
      caps,
      ...(git ? { git: git.report, sectionRedactions: git.redactions } : {}),
    };
    const result = await composePack(composeInput, {
      counter: this.deps.tokenCounter,
      stages: this.stages,
      clock,
      outlineCache: this.outlineCache,
      graphMemo: this.graphMemo,
      blockMemo: this.blockMemo,
      layoutMemo: this.layoutMemo,
      selectionMemo: this.selectionMemo,
    });
    this.blockMemo.endPack();
    if (git) result.report.warnings.push(...git.warnings.map((message) => ({ stage: 'git' as const, message })));
    return result;
  }

  /**
   * The files a pack of `request` would hold, read and redacted, in scan order, with every file
   * left out and why: the scan and read half of a pack, sharing its caches, so tools that show
   * single files (the MCP server's `read`, `outline`, `search`) re-read only what changed.
   */
  async files(request: PackRequest, options: PackOptions = {}): Promise<{ files: RedactedFile[]; skipped: SkippedFile[] }> {
    const clock = new PackClock(options);
    clock.checkpoint();
    const { files, skipped } = await this.scanAndRead(request, clock);
    return { files, skipped };
  }

  private async scanAndRead(
    request: PackRequest,
    clock: PackClock,
  ): Promise<{ scanned: ScannedFile[]; files: RedactedFile[]; skipped: SkippedFile[]; caps: ReturnType<typeof applyModeRules>['caps'] }> {
    const scan = await clock.time('scan', () =>
      this.stages.scanFiles({
        ...scanOptionsOf(request),
        signal: clock.signal,
        onProgress: (done, total) => clock.progress('scan', done, total),
      }),
      true,
    );
    // Per-glob modes from the project config drop excluded files before they are read.
    const moded = applyModeRules(request, scan.files);
    const { files, skipped } = await this.readAndRedact(moded.files, request, clock);
    return { scanned: scan.files, files, skipped: [...scan.skipped, ...moded.skipped, ...skipped], caps: moded.caps };
  }

  /** The diff and log the request asks for, filtered by what the scan and read left out. */
  private async gitContext(
    request: PackRequest,
    prefixes: ReadonlyMap<string, string>,
    files: readonly RedactedFile[],
    skipped: readonly SkippedFile[],
    clock: PackClock,
  ): Promise<GitContext | undefined> {
    const git = request.git;
    if (!git || (git.diff === undefined && !(git.log !== undefined && git.log > 0))) return undefined;
    return clock.time('git', () =>
      resolveGitContext({
        roots: request.roots,
        prefixes,
        git,
        packed: new Set(files.map((f) => f.path)),
        skipped: new Map(skipped.map((s) => [s.path, s])),
        maxPatchLength: request.maxFileSize,
        ...(clock.signal ? { signal: clock.signal } : {}),
      }),
    );
  }

  /** Reads and redacts the files whose size or mtime changed since the last pack; reuses the rest. */
  private async readAndRedact(
    scanned: readonly ScannedFile[],
    request: PackRequest,
    clock: PackClock,
  ): Promise<{ files: RedactedFile[]; skipped: SkippedFile[] }> {
    const stale = scanned.filter((f) => !this.isFresh(f, request.maxFileSize));
    const read = await clock.time('read', () =>
      stale.length === 0
        ? { files: [], skipped: [] }
        : this.stages.readFiles(stale, {
            maxFileSize: request.maxFileSize,
            signal: clock.signal,
            onProgress: (done, total) => clock.progress('read', done, total),
          }),
      true,
    );
    const unscanned: SkippedFile[] = [];
    await clock.time('redact', async () => {
      for (let i = 0; i < read.files.length; i += REDACT_BATCH) {
        clock.checkpoint();
        const batch = read.files.slice(i, i + REDACT_BATCH);
        const results = await Promise.allSettled(batch.map((f) => this.stages.redactFile(f)));
        results.forEach((result, j) => {
          const file = batch[j];
          if (result.status === 'fulfilled') this.cache.set(result.value.absPath, result.value);
          // A file the secret scan could not check might hold secrets: leave it out rather than risk it.
          else if (file) unscanned.push({ path: file.path, reason: 'unreadable', detail: `secret scan failed: ${String(result.reason)}` });
        });
        clock.progress('redact', Math.min(i + REDACT_BATCH, read.files.length), read.files.length);
      }
    }, true);
    const seen = new Set(scanned.map((f) => f.absPath));
    const skippedNow = new Set([...read.skipped, ...unscanned].map((s) => s.path));
    for (const absPath of this.cache.keys()) if (!seen.has(absPath)) this.cache.delete(absPath);
    const files: RedactedFile[] = [];
    for (const f of scanned) {
      const cached = this.cache.get(f.absPath);
      if (skippedNow.has(f.path)) this.cache.delete(f.absPath);
      else if (cached) files.push({ ...cached, path: f.path, root: f.root });
    }
    return { files, skipped: [...read.skipped, ...unscanned] };
  }

  private isFresh(file: ScannedFile, maxFileSize: number): boolean {
    const cached = this.cache.get(file.absPath);
    return cached !== undefined && cached.size === file.size && cached.mtimeMs === file.mtimeMs && file.size <= maxFileSize;
  }
}
