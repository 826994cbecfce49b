import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildImportGraph } from '../../src/core/graph';
import { orderFiles } from '../../src/core/order';
import { readTree } from './graphSupport';

/**
 * The import graph of a real tree: `src/` of the `three` package (~680 files). Fetch it once with
 * `node test/unit/select-three.fetch.mjs`; without it these tests are skipped.
 */
const ROOT = join(__dirname, '..', 'bench', '.cache', 'three-0.170.0', 'package');

describe.skipIf(!existsSync(ROOT))('import graph of three/src', () => {
  it('resolves every relative import', async () => {
    const files = readTree(ROOT).filter((f) => f.path.startsWith('src/'));
    const started = performance.now();
    const graph = await buildImportGraph(files, { roots: [ROOT] });
    const elapsed = performance.now() - started;
    const edges = [...graph.imports.values()].reduce((n, list) => n + list.length, 0);
    const unresolved = [...(graph.unresolved ?? new Map<string, string[]>()).entries()];
    const rate = edges / (edges + unresolved.reduce((n, [, list]) => n + list.length, 0));
    console.log(`three/src: ${files.length} files, ${edges} edges, resolution ${(rate * 100).toFixed(2)}%, graph ${elapsed.toFixed(0)} ms`);
    expect(unresolved).toEqual([]);
    expect(edges).toBeGreaterThan(files.length);
    const { order, cycles } = orderFiles(files.map((f) => f.path), graph, 'dependency');
    const position = new Map(order.map((p, i) => [p, i]));
    const cycleOf = new Map(cycles.flatMap((c, i) => c.map((p) => [p, i] as const)));
    let forward = 0;
    for (const [a, targets] of graph.imports) {
      for (const b of targets) {
        if ((position.get(b) as number) > (position.get(a) as number) && (cycleOf.get(a) === undefined || cycleOf.get(a) !== cycleOf.get(b))) forward++;
      }
    }
    expect(forward).toBe(0);
    expect(order.indexOf('src/constants.js')).toBeLessThan(order.indexOf('src/Three.js'));
  });
});
