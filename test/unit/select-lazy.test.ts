import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { selectWithinBudget, type SelectCandidate } from '../../src/core/select';
import { countablePrefix } from '../../src/core/tokenize';
import { fixture } from './packTestSupport';
import { block, candidateTree, countingBlockCost, loadCandidates, relativeImportGraph, tokens } from './select-support';

const candidates = loadCandidates(fixture('select-app'));
const graph = relativeImportGraph(candidates);
const fullTotal = candidates.reduce((sum, c) => sum + c.fullTokens, 0);

/** Counts like the pack does under a budget: exact up to each limit, a prefix's count above it. */
function countingWithin(lazy: readonly SelectCandidate[]) {
  const asked = { exact: 0, bounded: 0 };
  const countFullWithin = async (indexes: readonly number[], limits: readonly number[]): Promise<number[]> =>
    indexes.map((i, j) => {
      const c = lazy[i];
      if (c === undefined) throw new Error(`no candidate ${i}`);
      const text = block(c.path, 'full', c.text);
      const limit = limits[j] ?? Number.POSITIVE_INFINITY;
      const prefix = Number.isFinite(limit) ? countablePrefix(text, 4 * (limit + 1)) : text;
      const count = tokens(prefix);
      if (prefix.length < text.length && count > limit) {
        asked.bounded++;
        return count;
      }
      asked.exact++;
      return tokens(text);
    });
  return { asked, countFullWithin };
}

describe('selection that counts full blocks on demand', () => {
  const cases: [number, string, string[]][] = [
    [fullTotal, '', []],
    [Math.floor(fullTotal / 3), '', []],
    [Math.floor(fullTotal / 10), 'shadow map bias', []],
    [Math.floor(fullTotal / 20), 'how does the server start?', []],
    [400, '', []],
    [Math.floor(fullTotal / 8), 'legacy parser', ['src/unrelated/legacyParser.ts']],
  ];
  for (const [available, query, focus] of cases) {
    it(`decides exactly as with every count known (${available} tokens, "${query}", focus ${focus.join(',') || 'none'})`, async () => {
      const known = await selectWithinBudget({ candidates, graph, available, focus, query, blockCost: countingBlockCost() });
      const lazy = candidates.map(({ fullTokens: _counted, ...rest }) => rest);
      const { countFullWithin } = countingWithin(lazy);
      const counted = await selectWithinBudget({ candidates: lazy, graph, available, focus, query, blockCost: countingBlockCost(), countFullWithin });
      expect(counted).toEqual(known);
    });
  }

  it('counts a file that cannot fit only as far as its prefix proves it', async () => {
    const made: string[] = [];
    // Files of declarations only, each far over the room: neither in full nor outlined can they fit.
    const files = Object.fromEntries(
      Array.from({ length: 6 }, (_, f) => [`src/big${f}.ts`, Array.from({ length: 300 }, (_, i) => `export const value${f}x${i} = ${i};\n`).join('')]),
    );
    const tree = candidateTree(made, 'tome-lazy-', { ...files, 'src/small.ts': 'export const small = 1;\n' });
    try {
      const lazy = tree.map(({ fullTokens: _counted, ...rest }) => rest);
      const { asked, countFullWithin } = countingWithin(lazy);
      const selected = await selectWithinBudget({ candidates: lazy, graph: relativeImportGraph(tree), available: 300, focus: [], query: '', blockCost: countingBlockCost(), countFullWithin });
      expect(selected.map((s) => s.mode)).toEqual(['path-only', 'path-only', 'path-only', 'path-only', 'path-only', 'path-only', 'full']);
      expect(asked).toEqual({ exact: 1, bounded: 6 });
    } finally {
      for (const dir of made) rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('countablePrefix', () => {
  const text = 'export function parse(input: string): number {\n  return input.length * 42;\n}\n// done\n';
  it('cuts where the prefix counts no more than the whole', () => {
    for (let at = 1; at < text.length; at++) {
      const prefix = countablePrefix(text, at);
      expect(text.startsWith(prefix)).toBe(true);
      expect(prefix.length).toBeGreaterThanOrEqual(Math.min(at, text.length));
      expect(tokens(prefix) + tokens(text.slice(prefix.length))).toBe(tokens(text));
    }
  });

  it('returns the whole text when no cut comes before its end', () => {
    expect(countablePrefix('    ', 1)).toBe('    ');
    expect(countablePrefix('abc', 10)).toBe('abc');
  });
});
