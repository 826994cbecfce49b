import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackEngine } from '../../src/core/pack/index';
import { withDefaults, type PackRequest } from '../../src/core/pack/request';
import {
  applySteering,
  deletePreset,
  EMPTY_STEERING,
  pinCount,
  pinnedCost,
  presetsFromState,
  renamePreset,
  restorePreset,
  savePreset,
  setIncluded,
  setPin,
  steeringFromState,
  type Steering,
} from '../../src/chat/contextSteering';
import { buildContextTree, findNode, shareText, type ContextNode } from '../../src/chat/contextTree';
import { contextCounts } from '../../src/core/report/contextCounts';
import { countingCounter, fixture } from './packTestSupport';

const ROOT = fixture('pack-basic');
const absolute = (p: string): string => join(ROOT, p);

async function treeFor(steering: Steering, budget: number | null = null): Promise<{ tree: ContextNode; request: PackRequest; report: Awaited<ReturnType<PackEngine['pack']>>['report'] }> {
  const engine = new PackEngine({ tokenCounter: countingCounter() });
  const request = applySteering(withDefaults({ roots: [ROOT], budget }), steering, absolute);
  const { report } = await engine.pack(request);
  return { tree: buildContextTree(report, steering), request, report };
}

function files(node: ContextNode): ContextNode[] {
  return node.kind === 'file' ? [node] : node.children.flatMap(files);
}

describe('Context tree', () => {
  it('gives every packed file the exact tokens of its block in the report', async () => {
    const { tree, report } = await treeFor(EMPTY_STEERING);
    const shown = new Map(files(tree).map((f) => [f.path, f.tokens]));
    expect(shown.size).toBe(report.files.length);
    for (const f of report.files) expect(shown.get(f.path)).toBe(f.tokens);
  });

  it('sums a folder from the files under it and lists folders before files', async () => {
    const { tree, report } = await treeFor(EMPTY_STEERING);
    const src = findNode(tree, 'src');
    const underSrc = report.files.filter((f) => f.path.startsWith('src/'));
    expect(src?.tokens).toBe(underSrc.reduce((s, f) => s + f.tokens, 0));
    expect(src?.fileCount).toBe(underSrc.length);
    expect(src?.children[0]?.kind).toBe('folder');
    expect(tree.tokens).toBe(report.files.reduce((s, f) => s + f.tokens, 0));
  });

  it('gives the share of the budget a folder would take, and none without a budget', async () => {
    const { tree: unbounded } = await treeFor(EMPTY_STEERING);
    expect(findNode(unbounded, 'src')?.share).toBeNull();
    const { tree, report } = await treeFor(EMPTY_STEERING, 100_000);
    const src = findNode(tree, 'src');
    expect(src?.share).toBeCloseTo((src?.tokens ?? 0) / (report.budget ?? 1), 6);
    expect(shareText(0.004)).toBe('<1%');
    expect(shareText(0.25)).toBe('25%');
    expect(shareText(null)).toBe('');
  });

  it('keeps each file\'s size in full beside its tokens in a budgeted pack', async () => {
    const engine = new PackEngine({ tokenCounter: countingCounter() });
    const full = (await engine.pack(withDefaults({ roots: [ROOT] }))).report;
    const next = (await engine.pack(withDefaults({ roots: [ROOT], budget: 400 }))).report;
    const tree = buildContextTree(next, EMPTY_STEERING, full);
    const cut = next.files.find((f) => f.mode !== 'full');
    expect(cut).toBeDefined();
    const node = findNode(tree, cut?.path ?? '');
    expect(node?.tokens).toBe(cut?.tokens);
    expect(node?.fullTokens).toBe(full.files.find((f) => f.path === cut?.path)?.tokens);
    expect(node?.fullTokens).toBeGreaterThan(node?.tokens ?? 0);
  });

  it('shows the mode and reason selection gives each file under a budget', async () => {
    const { tree, report } = await treeFor(EMPTY_STEERING, 100_000);
    for (const f of report.files) {
      const node = findNode(tree, f.path);
      expect(node?.mode).toBe(f.mode);
      expect(node?.reason).toBe(f.reason);
    }
  });

  it('leaves an unchecked folder out of the pack and shows its files unchecked with no tokens', async () => {
    const steering = setIncluded(EMPTY_STEERING, 'src/lib', false);
    const { tree, report } = await treeFor(steering);
    expect(report.files.some((f) => f.path.startsWith('src/lib/'))).toBe(false);
    const lib = findNode(tree, 'src/lib');
    expect(lib?.included).toBe(false);
    expect(lib?.tokens).toBe(0);
    expect(files(lib ?? tree).map((f) => [f.path, f.mode, f.included])).toEqual([
      ['src/lib/math.ts', 'excluded', false],
      ['src/lib/strings.ts', 'excluded', false],
    ]);
    const again = setIncluded(steering, 'src', true);
    expect(again.excluded).toEqual([]);
  });

  it('packs a file pinned as outline as its outline, and says the pin set it', async () => {
    const steering = setPin(EMPTY_STEERING, 'src/main.ts', 'outline');
    expect(pinCount(steering)).toBe(1);
    const { tree } = await treeFor(steering, 100_000);
    const main = findNode(tree, 'src/main.ts');
    expect(main?.mode).toBe('outline');
    expect(main?.pin).toBe('outline');
    expect(main?.reason).toBe('config-mode');
  });

  it('puts a file pinned as full first under a small budget, in full', async () => {
    const { report: all } = await treeFor(EMPTY_STEERING);
    const target = all.files.find((f) => f.path === 'src/lib/strings.ts');
    expect(target).toBeDefined();
    const steering = setPin(EMPTY_STEERING, 'src/lib/strings.ts', 'full');
    // A window where, unpinned, selection gives the file no more than its path.
    const budget = 400;
    const { tree: unpinned } = await treeFor(EMPTY_STEERING, budget);
    expect(findNode(unpinned, 'src/lib/strings.ts')?.mode).not.toBe('full');
    const { tree, request } = await treeFor(steering, budget);
    expect(request.focus).toContain(join(ROOT, 'src/lib/strings.ts'));
    expect(findNode(tree, 'src/lib/strings.ts')?.mode).toBe('full');
  });

  it('clears a pin', () => {
    const pinned = setPin(EMPTY_STEERING, 'src', 'path-only');
    expect(setPin(pinned, 'src', null)).toEqual(EMPTY_STEERING);
  });

  it('keeps an exclusion over a pin inside it, and a deeper pin over its folder', async () => {
    const steering: Steering = { pins: { src: 'path-only', 'src/main.ts': 'full', 'src/lib/math.ts': 'full' }, excluded: ['src/lib'] };
    const { tree, report } = await treeFor(steering, 100_000);
    expect(report.files.some((f) => f.path === 'src/lib/math.ts')).toBe(false);
    expect(findNode(tree, 'src/main.ts')?.mode).toBe('full');
    expect(findNode(tree, 'src/config.ts')?.mode).toBe('path-only');
  });

  it('names the total of a pinned set that cannot fit', async () => {
    const steering = setPin(EMPTY_STEERING, 'src', 'full');
    const { report } = await treeFor(steering);
    const cost = pinnedCost(contextCounts(report), steering, 100_000);
    const expected = report.files.filter((f) => f.path.startsWith('src/')).reduce((s, f) => s + f.tokens, 0);
    expect(cost.tokens).toBe(expected);
    expect(cost.files).toBe(4);
    expect(cost.overBudget).toBe(false);
    expect(pinnedCost(contextCounts(report), steering, expected - 1).overBudget).toBe(true);
    expect(pinnedCost(contextCounts(report), setPin(steering, 'src', 'outline'), 1).tokens).toBe(0);
  });
});

describe('Context presets', () => {
  const a: Steering = { pins: { 'src/main.ts': 'full' }, excluded: ['docs'] };
  const b: Steering = { pins: {}, excluded: ['src/lib'] };

  it('saves, restores, renames and deletes presets by name', () => {
    let presets = savePreset([], ' review ', a);
    presets = savePreset(presets, 'api', b);
    expect(presets.map((p) => p.name)).toEqual(['api', 'review']);
    expect(restorePreset(presets, 'review')).toEqual(a);
    presets = renamePreset(presets, 'review', 'audit');
    expect(presets.map((p) => p.name)).toEqual(['api', 'audit']);
    expect(restorePreset(presets, 'audit')).toEqual(a);
    expect(restorePreset(presets, 'review')).toBeUndefined();
    presets = deletePreset(presets, 'api');
    expect(presets.map((p) => p.name)).toEqual(['audit']);
  });

  it('replaces a preset saved again under the same name, and restores a copy', () => {
    const presets = savePreset(savePreset([], 'x', a), 'x', b);
    expect(presets).toHaveLength(1);
    const restored = restorePreset(presets, 'x');
    restored?.excluded.push('more');
    expect(restorePreset(presets, 'x')).toEqual(b);
  });

  it('reads malformed workspace state as nothing set', () => {
    expect(steeringFromState(undefined)).toEqual(EMPTY_STEERING);
    expect(steeringFromState({ pins: { a: 'huge', b: 'outline' }, excluded: ['c', 3] })).toEqual({ pins: { b: 'outline' }, excluded: ['c'] });
    expect(presetsFromState([{ name: 'ok', pins: {}, excluded: [] }, { nope: 1 }, 'x'])).toEqual([{ name: 'ok', pins: {}, excluded: [] }]);
  });
});
