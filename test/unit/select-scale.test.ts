import { describe, expect, it } from 'vitest';
import { selectWithinBudget, type SelectCandidate } from '../../src/core/select';
import type { ImportGraph } from '../../src/core/types';
import { countingBlockCost, tokens, block } from './select-support';

/** A wide tree of small modules, each importing two others. */
function wideTree(count: number): { candidates: SelectCandidate[]; graph: ImportGraph } {
  const candidates = Array.from({ length: count }, (_, i): SelectCandidate => {
    const path = `pkg${i % 50}/mod${Math.floor(i / 50)}/file${i}.ts`;
    const text = `import { f } from './x';\nexport function handler${i}(input: number): number {\n  const doubled = input * 2;\n  return doubled + ${i};\n}\n`;
    return { path, text, fullTokens: tokens(block(path, 'full', text)), mtimeMs: i };
  });
  const imports = new Map(candidates.map((c, i) => [c.path, [...new Set([(i * 7 + 1) % count, (i * 13 + 5) % count])].filter((j) => j !== i).map((j) => candidates[j]?.path ?? '').sort()]));
  return { candidates, graph: { imports, external: new Map(), warnings: [] } };
}

describe('selection on a wide tree', () => {
  const { candidates, graph } = wideTree(3000);

  it('fills a small room without outlining or counting every file', async () => {
    const blockCost = countingBlockCost();
    const selected = await selectWithinBudget({ candidates, graph, available: 2000, focus: ['pkg3/mod2/file103.ts'], query: 'handler doubled', blockCost });
    const used = selected.reduce((sum, s) => sum + s.tokens, 0);
    expect(used).toBeLessThanOrEqual(2000);
    expect(selected.filter((s) => s.mode !== 'path-only').length).toBeGreaterThan(10);
    // Costly attempts stop after a run of misses: far fewer counts than files.
    expect(blockCost.calls).toBeLessThan(candidates.length / 4);
  });

  it('packs the focus file and its direct imports first', async () => {
    const focus = 'pkg3/mod2/file103.ts';
    const selected = await selectWithinBudget({ candidates, graph, available: 600, focus: [focus], query: '', blockCost: countingBlockCost() });
    const byPath = new Map(selected.map((s) => [s.path, s]));
    for (const path of [focus, ...(graph.imports.get(focus) ?? [])]) expect(byPath.get(path)?.mode).not.toBe('path-only');
  });
});
