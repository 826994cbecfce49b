import { buildImportGraph } from '../graph';
import { orderFiles } from '../order';
import { readFiles } from '../read';
import { redactFile } from '../redact';
import { scanFiles } from '../scan';
import { selectWithinBudget } from '../select';
import type { RedactedFile, SkippedFile } from '../types';
import type { FactStore } from '../facts';
import { PackClock } from './clock';
import { runPipeline } from './pipeline';
import { scanAndRead } from './readStage';
import type { PackRequest } from './request';
import { EngineState } from './state';
import { PackError, type PackDeps, type PackOptions, type PackResult, type PackStages } from './types';

/** The real stage functions; a PackEngine uses them unless its deps replace some. */
export const REAL_STAGES: PackStages = { scanFiles, readFiles, redactFile, buildImportGraph, orderFiles, selectWithinBudget };

/**
 * Packs, remembering between packs what it learnt about each file's content (see
 * {@link EngineState}): a follow-up pack re-reads only files whose size or mtime changed and
 * re-parses, re-outlines and re-counts only contents it has not seen. Safe to reuse across
 * requests with the counter's encoding, and across callers that interleave (status bar, context
 * view, questions): every other field may change freely.
 */
export class PackEngine {
  private readonly stages: PackStages;
  private readonly state: EngineState;

  /** @param facts where facts about file contents are kept; in memory by default. */
  constructor(private readonly deps: PackDeps & { facts?: FactStore }) {
    const { statIndex } = deps;
    const reading: Partial<PackStages> = statIndex ? { readFiles: (files, options) => readFiles(files, { ...options, statIndex }) } : {};
    this.stages = { ...REAL_STAGES, ...reading, ...deps.stages };
    this.state = new EngineState(deps.facts);
  }

  /** See {@link pack} in ./index. */
  async pack(request: PackRequest, options: PackOptions = {}): Promise<PackResult> {
    const clock = new PackClock(options);
    clock.checkpoint();
    if (request.roots.length === 0) throw new PackError({ code: 'no-roots' });
    if (request.encoding !== this.deps.tokenCounter.encoding) {
      throw new PackError({ code: 'encoding-mismatch', requested: request.encoding, counter: this.deps.tokenCounter.encoding });
    }
    this.state.beginPack();
    try {
      return await runPipeline(request, {
        state: this.state,
        stages: this.stages,
        counter: this.deps.tokenCounter,
        clock,
        reportOnly: options.reportOnly === true,
        ...(this.deps.savedPacks && this.deps.statIndex ? { saved: { packs: this.deps.savedPacks, statIndex: this.deps.statIndex } } : {}),
      });
    } finally {
      this.state.endPack();
    }
  }

  /**
   * The files a pack of `request` would hold, read and redacted, in scan order, with every file
   * left out and why: the scan and read half of a pack, sharing its state, so tools that show
   * single files (the MCP server's `read`, `outline`, `search`) re-read only what changed.
   */
  async files(request: PackRequest, options: PackOptions = {}): Promise<{ files: RedactedFile[]; skipped: SkippedFile[] }> {
    const clock = new PackClock(options);
    clock.checkpoint();
    this.state.beginPack();
    try {
      const { files, skipped } = await scanAndRead(request, this.state, this.stages, clock);
      return { files, skipped };
    } finally {
      this.state.endPack();
    }
  }
}
