import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackEngine } from '../../src/core/pack/index';
import { withDefaults } from '../../src/core/pack/request';
import { contextCounts } from '../../src/core/report/contextCounts';
import { folderTotals } from '../../src/core/report/folderTotals';
import type { PackReport } from '../../src/core/types';
import { applySteering, EMPTY_STEERING, pinnedCost, setIncluded, setPin, type Steering } from '../../src/chat/contextSteering';
import { childItems, findItem, rootItem } from '../../src/chat/contextTree';
import { writeFiles } from '../support/gitRepo';
import { countingCounter } from './packTestSupport';

/** A tree two folders deep, with a binary file the view must not list. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'tome-context-counts-'));
  writeFiles(root, {
    'README.md': '# shop\n',
    'src/main.ts': "import { total } from './cart/total';\nconsole.log(total([1, 2]));\n",
    'src/cart/total.ts': 'export function total(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0);\n}\n',
    'src/cart/tax.ts': 'export const RATE = 0.2;\nexport function tax(x: number): number {\n  return x * RATE;\n}\n',
    'src/util/b.ts': 'export const b = 2;\n',
    'src/util/a.ts': 'export const a = 1;\n',
    'docs/guide.md': '# Guide\n\nHow to run the shop.\n',
  });
  return root;
}

async function packs(root: string, steering: Steering, budget: number | null): Promise<{ next: PackReport; full: PackReport }> {
  const engine = new PackEngine({ tokenCounter: countingCounter() });
  const request = applySteering(withDefaults({ roots: [root], budget }), steering, (p) => join(root, p));
  const full = (await engine.pack({ ...request, budget: null })).report;
  const next = budget === null ? full : (await engine.pack(request)).report;
  return { next, full };
}

describe('the folder index of a pack (contextCounts)', () => {
  it('sums every folder over the files below it, as folderTotals does', async () => {
    const { next } = await packs(project(), EMPTY_STEERING, null);
    const counts = contextCounts(next);
    for (const { folder, tokens, files } of folderTotals(next.files, 1)) {
      if (folder === '.') continue;
      expect(counts.folders.get(folder)).toMatchObject({ tokens, fileCount: files });
    }
    const src = next.files.filter((f) => f.path.startsWith('src/cart/'));
    expect(counts.folders.get('src/cart')).toMatchObject({ tokens: src.reduce((s, f) => s + f.tokens, 0), fileCount: 2 });
    expect(counts.folders.get('')?.tokens).toBe(next.files.reduce((s, f) => s + f.tokens, 0));
  });

  it('lists only what sits directly in a folder, folders first, each by name', async () => {
    const { next, full } = await packs(project(), EMPTY_STEERING, null);
    const tree = { counts: contextCounts(next, full), steering: EMPTY_STEERING };
    expect(childItems(tree, '').map((i) => [i.path, i.kind])).toEqual([
      ['docs', 'folder'],
      ['src', 'folder'],
      ['README.md', 'file'],
    ]);
    expect(childItems(tree, 'src').map((i) => i.path)).toEqual(['src/cart', 'src/util', 'src/main.ts']);
    expect(childItems(tree, 'src/util').map((i) => i.name)).toEqual(['a.ts', 'b.ts']);
    expect(childItems(tree, 'src/main.ts')).toEqual([]);
    expect(childItems(tree, 'no/such/folder')).toEqual([]);
    expect(rootItem(tree).fileCount).toBe(next.files.length);
  });

  it('keeps a file cut by the budget at its tokens in the pack, with its size in full beside them', async () => {
    const root = project();
    const { full: all } = await packs(root, EMPTY_STEERING, null);
    const { next, full } = await packs(root, EMPTY_STEERING, Math.floor(all.totalTokens * 0.6));
    const cut = next.files.find((f) => f.mode !== 'full');
    expect(cut).toBeDefined();
    const counts = contextCounts(next, full);
    const item = findItem({ counts, steering: EMPTY_STEERING }, cut?.path ?? '');
    expect(item?.tokens).toBe(cut?.tokens);
    expect(item?.fullTokens).toBe(full.files.find((f) => f.path === cut?.path)?.tokens);
    expect(counts.folders.get('')?.fullTokens).toBe(full.files.reduce((s, f) => s + f.tokens, 0));
  });

  it('lists files left out by the user with no tokens, unchecked, and no other skips', async () => {
    const root = project();
    writeFiles(root, { 'src/logo.png': '\u0000\u0001\u0002PNG' });
    const steering = setIncluded(EMPTY_STEERING, 'src/cart', false);
    const { next } = await packs(root, steering, null);
    expect(next.skipped.some((s) => s.path === 'src/logo.png')).toBe(true);
    const tree = { counts: contextCounts(next), steering };
    expect(childItems(tree, 'src').map((i) => i.name)).not.toContain('logo.png');
    expect(childItems(tree, 'src/cart').map((i) => [i.name, i.tokens, i.mode, i.included])).toEqual([
      ['tax.ts', 0, 'excluded', false],
      ['total.ts', 0, 'excluded', false],
    ]);
    expect(findItem(tree, 'src/cart')).toMatchObject({ tokens: 0, fileCount: 0, included: false });
  });

  it('prices a pinned set once, also when a pin sits inside a folder pinned as full', async () => {
    const root = project();
    const steering = setPin(setPin(EMPTY_STEERING, 'src', 'full'), 'src/cart/tax.ts', 'full');
    const { next, full } = await packs(root, steering, null);
    const counts = contextCounts(next, full);
    const underSrc = full.files.filter((f) => f.path.startsWith('src/'));
    const cost = pinnedCost(counts, steering, null);
    expect(cost).toEqual({ tokens: underSrc.reduce((s, f) => s + f.tokens, 0), files: underSrc.length, overBudget: false });
    const one = pinnedCost(counts, setPin(EMPTY_STEERING, 'src/cart/tax.ts', 'full'), 1);
    expect(one).toEqual({ tokens: full.files.find((f) => f.path === 'src/cart/tax.ts')?.tokens, files: 1, overBudget: true });
  });
});
