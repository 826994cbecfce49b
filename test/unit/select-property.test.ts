import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outlineSource } from '../../src/core/outline';
import { selectWithinBudget, type SelectedFile } from '../../src/core/select';
import { rankFiles } from '../../src/core/select/rank';
import { fixture } from './packTestSupport';
import { block, countingBlockCost, loadCandidates, relativeImportGraph, tokens } from './select-support';

const candidates = loadCandidates(fixture('select-app'));
const graph = relativeImportGraph(candidates);
const paths = candidates.map((c) => c.path);
const fullTotal = candidates.reduce((sum, c) => sum + c.fullTokens, 0);
const QUERIES = ['', 'shadow map bias', 'how does the server start?', 'legacy parser', 'nothing matches zyxxy'];

/** The cheapest block a file can have that is more than its path: its outline, else in full. */
async function cheapestCost(path: string): Promise<number> {
  const c = candidates.find((x) => x.path === path);
  if (!c) throw new Error(path);
  const outline = await outlineSource(path, c.text);
  const outlineCost = outline === null ? Number.POSITIVE_INFINITY : tokens(block(path, 'outline', outline));
  return Math.min(outlineCost, c.fullTokens);
}

/** Exact tokens of everything selection asks to render, counted from the rendered blocks. */
function renderedTokens(selected: readonly SelectedFile[]): number {
  return selected.reduce((sum, s) => sum + (s.mode === 'path-only' ? 0 : tokens(block(s.path, s.mode, s.body))), 0);
}

const scenario = fc.record({
  available: fc.integer({ min: 0, max: fullTotal + 50 }),
  focus: fc.uniqueArray(fc.constantFrom(...paths), { maxLength: 2 }),
  query: fc.constantFrom(...QUERIES),
});

describe('selectWithinBudget properties', () => {
  it('never renders more than the room it was given, and reports exact block tokens', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ available, focus, query }) => {
        const selected = await selectWithinBudget({ candidates, graph, available, focus, query, blockCost: countingBlockCost() });
        expect(renderedTokens(selected)).toBeLessThanOrEqual(available);
        for (const s of selected) {
          expect(s.tokens).toBe(s.mode === 'path-only' ? 0 : tokens(block(s.path, s.mode, s.body)));
          if (s.mode === 'full') expect(s.body).toBe(candidates.find((c) => c.path === s.path)?.text);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('packs the focus file at least as an outline whenever that fits the room', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.integer({ min: 0, max: fullTotal }), fc.constantFrom(...QUERIES), async (focus, available, query) => {
        const selected = await selectWithinBudget({ candidates, graph, available, focus: [focus], query, blockCost: countingBlockCost() });
        const mine = selected.find((s) => s.path === focus);
        if ((await cheapestCost(focus)) <= available) expect(mine?.mode).not.toBe('path-only');
        else expect(mine?.mode).toBe('path-only');
      }),
      { numRuns: 60 },
    );
  });

  it("ranks every direct import of the focus before any unrelated file", () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.constantFrom(...QUERIES), (focus, query) => {
        const direct = new Set(graph.imports.get(focus) ?? []);
        const ranked = rankFiles(candidates, graph, [paths.indexOf(focus)], query);
        const lastDirect = Math.max(-1, ...ranked.flatMap((r, i) => (direct.has(paths[r.index] ?? '') ? [i] : [])));
        const firstUnrelated = ranked.findIndex((r) => r.tier >= 3);
        if (firstUnrelated >= 0) expect(lastDirect).toBeLessThan(firstUnrelated);
        expect(ranked.filter((r) => direct.has(paths[r.index] ?? '')).every((r) => r.reason === 'dependency-of-focus')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('leaves a direct import of the focus out only when it could not fit beside the focus and its other imports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.integer({ min: 0, max: fullTotal }), fc.constantFrom(...QUERIES), async (focus, available, query) => {
        const selected = await selectWithinBudget({ candidates, graph, available, focus: [focus], query, blockCost: countingBlockCost() });
        const byPath = new Map(selected.map((s) => [s.path, s]));
        const core = [focus, ...(graph.imports.get(focus) ?? [])];
        for (const dep of graph.imports.get(focus) ?? []) {
          if (byPath.get(dep)?.mode !== 'path-only') continue;
          const others = core.filter((p) => p !== dep).reduce((sum, p) => sum + (byPath.get(p)?.tokens ?? 0), 0);
          expect(await cheapestCost(dep)).toBeGreaterThan(available - others);
        }
      }),
      { numRuns: 60 },
    );
  });
});
