/**
 * The scan, read and redact stages of a pack, over the engine's stat index and facts: a file
 * whose size and mtime did not change is not read again, and a content already redacted (an
 * edit undone, a copy) is not scanned for secrets again.
 */
import { applyRedactions } from '../redact';
import type { PackClock } from './clock';
import { applyModeRules, type CappedMode } from './modes';
import { scanOptionsOf, type PackRequest } from './request';
import type { EngineState } from './state';
import type { PackStages } from './types';
import type { ReadFile, RedactedFile, RootPrefix, ScannedFile, SkippedFile } from '../types';

/** Files redacted per batch between cancellation checks and progress events. */
const REDACT_BATCH = 32;

/** What the scan and read half of a pack gives the rest. */
export interface ReadResult {
  /** The files to pack, read and redacted, in scan order. */
  files: RedactedFile[];
  skipped: SkippedFile[];
  /** Files whose mode a tome.config.json rule caps. */
  caps: Map<string, CappedMode>;
  /** The roots and their path prefixes, as the scan defined them. */
  roots: RootPrefix[];
}

/** What the scan stage gives: the files to read, what it left out and the roots. */
export interface ScanStageResult {
  /** The files to read, in scan order: what the scan kept and the mode rules did not exclude. */
  files: ScannedFile[];
  /** What the scan and the mode rules left out. */
  skipped: SkippedFile[];
  /** Files whose mode a tome.config.json rule caps. */
  caps: Map<string, CappedMode>;
  roots: RootPrefix[];
}

/** Scans the roots and drops the files the mode rules exclude, before anything is read. */
export async function scanStage(request: PackRequest, stages: PackStages, clock: PackClock): Promise<ScanStageResult> {
  const scan = await clock.time('scan', () =>
    stages.scanFiles({
      ...scanOptionsOf(request),
      signal: clock.signal,
      onProgress: (done, total) => clock.progress('scan', done, total),
    }),
    true,
  );
  // Per-glob modes from the project config drop excluded files before they are read.
  const moded = applyModeRules(request, scan.files);
  return { files: moded.files, skipped: [...scan.skipped, ...moded.skipped], caps: moded.caps, roots: scan.roots };
}

/**
 * Reads and redacts what {@link scanStage} kept. `onRedacted` is told of each batch of files as
 * it comes out of the redact stage.
 */
export async function readScanned(
  scanned: ScanStageResult,
  request: PackRequest,
  state: EngineState,
  stages: PackStages,
  clock: PackClock,
  onRedacted?: (files: readonly RedactedFile[]) => void,
): Promise<ReadResult> {
  const { files, skipped } = await readAndRedact(scanned.files, request.maxFileSize, state, stages, clock, onRedacted);
  return { files, skipped: [...scanned.skipped, ...skipped], caps: scanned.caps, roots: scanned.roots };
}

/** {@link scanStage} then {@link readScanned}. */
export async function scanAndRead(request: PackRequest, state: EngineState, stages: PackStages, clock: PackClock): Promise<ReadResult> {
  return readScanned(await scanStage(request, stages, clock), request, state, stages, clock);
}

/**
 * Reads and redacts `scanned`, in scan order: unchanged files come from the stat index and the
 * redaction facts; the rest go through the read and redact stages, `onRedacted` hearing of each
 * batch redacted. Used by the pack and for excluded config files the graph stage needs.
 */
export async function readAndRedact(
  scanned: readonly ScannedFile[],
  maxFileSize: number,
  state: EngineState,
  stages: PackStages,
  clock: PackClock,
  onRedacted?: (files: readonly RedactedFile[]) => void,
): Promise<{ files: RedactedFile[]; skipped: SkippedFile[] }> {
  const known = new Map<string, RedactedFile>();
  const stale: ScannedFile[] = [];
  for (const f of scanned) {
    const fresh = freshFile(f, maxFileSize, state);
    if (fresh) known.set(f.absPath, fresh);
    else stale.push(f);
  }
  const read = await clock.time('read', () =>
    stale.length === 0
      ? { files: [], skipped: [] }
      : stages.readFiles(stale, { maxFileSize, signal: clock.signal, onProgress: (done, total) => clock.progress('read', done, total) }),
    true,
  );
  const unscanned = await clock.time('redact', () => redactAll(read.files, state, stages, clock, known, onRedacted), true);
  const skippedNow = [...read.skipped, ...unscanned];
  const skippedPaths = new Set(skippedNow.map((s) => s.path));
  const files: RedactedFile[] = [];
  for (const f of scanned) {
    const file = known.get(f.absPath);
    if (skippedPaths.has(f.path)) state.stats.delete(f.absPath);
    else if (file) files.push({ ...file, path: f.path, root: f.root });
  }
  return { files, skipped: skippedNow };
}

/** The file as last read, when its size and mtime say it did not change and its facts are kept. */
function freshFile(file: ScannedFile, maxFileSize: number, state: EngineState): RedactedFile | undefined {
  const stat = state.stats.get(file.absPath);
  if (stat === undefined || stat.size !== file.size || stat.mtimeMs !== file.mtimeMs || file.size > maxFileSize) return undefined;
  const fact = state.facts.get('redaction', stat.hash, file.path);
  return fact === undefined ? undefined : { ...stat, text: fact.text, redactions: fact.redactions, redactionKinds: fact.redactionKinds };
}

/**
 * Redacts `files` in batches into `into`, telling `onRedacted` of each batch; returns the files the
 * secret scan failed on.
 */
async function redactAll(
  files: readonly ReadFile[],
  state: EngineState,
  stages: PackStages,
  clock: PackClock,
  into: Map<string, RedactedFile>,
  onRedacted: ((files: readonly RedactedFile[]) => void) | undefined,
): Promise<SkippedFile[]> {
  const unscanned: SkippedFile[] = [];
  for (let i = 0; i < files.length; i += REDACT_BATCH) {
    clock.checkpoint();
    const batch = files.slice(i, i + REDACT_BATCH);
    const results = await Promise.allSettled(batch.map((f) => redactOne(f, state, stages)));
    const redacted: RedactedFile[] = [];
    results.forEach((result, j) => {
      const file = batch[j];
      if (result.status === 'fulfilled') {
        into.set(result.value.absPath, result.value);
        redacted.push(result.value);
      }
      // A file the secret scan could not check might hold secrets: leave it out rather than risk it.
      else if (file) unscanned.push({ path: file.path, reason: 'redaction-failed', detail: String(result.reason) });
    });
    if (redacted.length > 0) onRedacted?.(redacted);
    clock.progress('redact', Math.min(i + REDACT_BATCH, files.length), files.length);
  }
  return unscanned;
}

/**
 * The file redacted: from the in-memory fact of its content when there is one, else by applying
 * the findings remembered for its content (no secret scan), else by the redact stage. Findings
 * are keyed by the content hash, so an edited file is always scanned again.
 */
async function redactOne(file: ReadFile, state: EngineState, stages: PackStages): Promise<RedactedFile> {
  const stat = { path: file.path, absPath: file.absPath, root: file.root, size: file.size, mtimeMs: file.mtimeMs, hash: file.hash, invalidUtf8: file.invalidUtf8 };
  const fact = state.facts.get('redaction', file.hash, file.path);
  if (fact) {
    state.stats.set(stat);
    return { ...file, text: fact.text, redactions: fact.redactions, redactionKinds: fact.redactionKinds };
  }
  const known = state.facts.get('findings', file.hash, file.path);
  let redacted: RedactedFile;
  if (known) {
    const result = applyRedactions(file.text, known);
    redacted = { ...file, text: result.text, redactions: result.redactions, redactionKinds: result.kinds };
  } else {
    const { spans, ...rest } = await stages.redactFile(file);
    state.facts.set('findings', file.hash, file.path, spans);
    redacted = rest;
  }
  state.facts.set('redaction', file.hash, file.path, { text: redacted.text, redactions: redacted.redactions, redactionKinds: redacted.redactionKinds });
  state.stats.set(stat);
  return redacted;
}
