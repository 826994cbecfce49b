import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { CacheWriteFailure } from '../../src/core/pack/worker/protocol';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pack } from '../../src/core/pack/index';
import { WorkerPackEngine } from '../../src/core/pack/worker/workerEngine';
import { withDefaults } from '../../src/core/pack/request';
import { contextCounts } from '../../src/core/report/contextCounts';
import type { ProgressEvent } from '../../src/core/types';
import { buildDist, REPO } from './cliBuild';
import { GitError } from '../../src/core/git';
import { repoWith, writeFiles } from '../support/gitRepo';
import { countingCounter, fixture } from './packTestSupport';

describe('WorkerPackEngine', () => {
  let engine: WorkerPackEngine;
  beforeAll(() => {
    buildDist();
    engine = new WorkerPackEngine({ workerScript: join(REPO, 'dist', 'packWorker.js'), cacheDir: null });
  });
  afterAll(async () => {
    await engine.dispose();
  });

  it.each(['xml', 'markdown', 'plain'] as const)('gives the same %s text and report as packing in process', async (format) => {
    const request = withDefaults({ roots: [fixture('pack-basic')], format, budget: 2000 });
    const events: ProgressEvent[] = [];
    const inWorker = await engine.pack(request, { onProgress: (e) => events.push(e) });
    const inProcess = await pack(request, { tokenCounter: countingCounter() });
    expect(inWorker.text).toBe(inProcess.text);
    expect(inWorker.report.files).toEqual(inProcess.report.files);
    expect(inWorker.report.totalTokens).toBe(inProcess.report.totalTokens);
    expect(events.some((e) => e.stage === 'render')).toBe(true);
  });

  it('packs a git diff in the worker and gives a git problem back as data', async () => {
    const repo = repoWith({ 'a.ts': 'export const a = 1;\n' });
    writeFiles(repo, { 'a.ts': 'export const a = 2;\n' });
    const request = withDefaults({ roots: [repo], git: { diff: { kind: 'worktree' } } });
    const inWorker = await engine.pack(request);
    expect(inWorker.text).toBe((await pack(request, { tokenCounter: countingCounter() })).text);
    expect(inWorker.report.git?.diff?.files).toEqual([{ path: 'a.ts', status: 'modified' }]);
    const error = await engine.pack(withDefaults({ roots: [repo], git: { diff: { kind: 'base', base: 'no-such-base' } } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).problem).toEqual({ kind: 'unknown-revision', root: repo, revision: 'no-such-base' });
  });

  it('counts for the Context view in the worker: the folder index of the pack, each file\'s size in full beside it', async () => {
    const request = withDefaults({ roots: [fixture('pack-basic')], budget: 400 });
    const counts = await engine.count(request);
    const full = await pack({ ...request, budget: null }, { tokenCounter: countingCounter() });
    const next = await pack(request, { tokenCounter: countingCounter() });
    expect(counts).toEqual(contextCounts(next.report, full.report));
    expect(counts.folders.get('')?.fileCount).toBe(next.report.files.length);
    expect(counts.folders.get('')?.fullTokens).toBe(full.report.files.reduce((s, f) => s + f.tokens, 0));
    expect(Object.keys(counts).sort()).toEqual(['budget', 'folders', 'reserve', 'rootPrefixes']);
  });

  it('cancels a count with the signal\'s reason', async () => {
    const controller = new AbortController();
    const run = engine.count(withDefaults({ roots: [fixture('pack-basic')], budget: 400 }), { signal: controller.signal, onProgress: () => controller.abort() });
    expect(await run.catch((e: unknown) => e)).toBe(controller.signal.reason);
    expect((await engine.count(withDefaults({ roots: [fixture('pack-basic')] }))).folders.get('')?.fileCount).toBeGreaterThan(0);
  });

  it('rejects with the signal’s reason when cancelled, then keeps working', async () => {
    const controller = new AbortController();
    const request = withDefaults({ roots: [fixture('pack-basic')] });
    const run = engine.pack(request, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(await run.catch((e: unknown) => e)).toBe(controller.signal.reason);
    const after = await engine.pack(request);
    expect(after.report.files.length).toBeGreaterThan(0);
  });

  it('passes a clear error through from the worker', async () => {
    const request = withDefaults({ roots: [fixture('pack-basic')], budget: 5 });
    await expect(engine.pack(request)).rejects.toMatchObject({ name: 'PackError', code: 'budget-too-small' });
  });
});

describe('WorkerPackEngine with a token cache that cannot be saved', () => {
  it('tells its caller once, as data, and the pack still succeeds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tome-cache-blocked-'));
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'a file where the cache folder should be\n');
    const failures: CacheWriteFailure[] = [];
    const blocked = new WorkerPackEngine({
      workerScript: join(REPO, 'dist', 'packWorker.js'),
      cacheDir: join(blocker, 'cache'),
      onCacheWriteFailure: (failure) => failures.push(failure),
    });
    try {
      const result = await blocked.pack(withDefaults({ roots: [fixture('pack-basic')] }));
      expect(result.report.files.length).toBeGreaterThan(0);
      await expect.poll(() => failures.length, { timeout: 10_000 }).toBe(1);
      expect(failures[0]).toMatchObject({ kind: 'no-folder', code: 'ENOTDIR' });
      expect(failures[0]?.path.startsWith(blocker)).toBe(true);
      // A second pack counts nothing new, so nothing more is written and nothing is told again.
      await blocked.pack(withDefaults({ roots: [fixture('pack-basic')] }));
      expect(failures).toHaveLength(1);
    } finally {
      await blocked.dispose();
    }
  });
});
