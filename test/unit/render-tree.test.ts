import { describe, expect, it } from 'vitest';
import { renderFixedParts, TREE_SHARE } from '../../src/core/pack/fixedParts';
import { rendererFor } from '../../src/core/render';
import { drawTree } from '../../src/core/render/tree';
import { countingCounter, referenceCount } from './packTestSupport';

const paths = [
  'README.md',
  'src/app.ts',
  'src/util/math.ts',
  ...Array.from({ length: 40 }, (_, i) => `playground/case${String(i).padStart(2, '0')}/main.ts`),
];

describe('collapsed directory tree', () => {
  it('draws every file when no limit is given', () => {
    const lines = drawTree(paths);
    // One line per file and per folder: playground, its 40 cases, src and src/util.
    expect(lines).toHaveLength(paths.length + 43);
    expect(lines.some((l) => l.includes('files)'))).toBe(false);
  });

  it('opens folders breadth first while they fit, and says how many files it left out', () => {
    expect(drawTree(paths, (n) => n, 8)).toEqual(['playground/ (40 files)', 'src/', '  util/', '    math.ts', '  app.ts', 'README.md', '(40 files in collapsed folders are not listed; packed files name their paths)']);
    expect(drawTree(paths, (n) => n, 3)).toEqual(['playground/ (40 files)', 'src/ (2 files)', 'README.md', '(42 files in collapsed folders are not listed; packed files name their paths)']);
  });

  it('keeps the tree within its share of a small budget, and whole under a large one', async () => {
    const renderer = rendererFor('xml');
    const many = Array.from({ length: 2000 }, (_, i) => `packages/p${i % 20}/src/module${i}/index.ts`);
    const small = await renderFixedParts(renderer, many, countingCounter(), undefined, [], 27_000);
    expect(referenceCount(small.tree)).toBeLessThanOrEqual(27_000 * TREE_SHARE);
    expect(small.tree).toContain('files in collapsed folders are not listed');
    expect(small.tokens).toBe(referenceCount(small.preamble) + referenceCount(small.tree));
    const large = await renderFixedParts(renderer, many, countingCounter(), undefined, [], 2_000_000);
    expect(large.tree).toBe(renderer.tree(many));
    const none = await renderFixedParts(renderer, many, countingCounter());
    expect(none.tree).toBe(renderer.tree(many));
  });
});
