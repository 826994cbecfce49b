import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderFiles } from '../../src/core/order';
import type { ImportGraph } from '../../src/core/types';
import { fixtureGraph, readTree } from './graphSupport';
import { join } from 'node:path';

function graphFrom(edges: Record<string, string[]>, paths: readonly string[]): ImportGraph {
  return {
    imports: new Map(paths.map((p) => [p, [...new Set(edges[p] ?? [])].filter((t) => t !== p).sort()])),
    external: new Map(paths.map((p) => [p, []])),
    warnings: [],
  };
}

describe('orderFiles', () => {
  it('puts dependencies before dependents, README and manifests first, docs and data last', () => {
    const paths = ['src/app.ts', 'src/util.ts', 'src/db.ts', 'README.md', 'package.json', 'docs/guide.md', 'data/x.json'];
    const graph = graphFrom({ 'src/app.ts': ['src/db.ts', 'src/util.ts'], 'src/db.ts': ['src/util.ts'] }, paths);
    expect(orderFiles(paths, graph, 'dependency')).toEqual({
      order: ['README.md', 'package.json', 'src/util.ts', 'src/db.ts', 'src/app.ts', 'data/x.json', 'docs/guide.md'],
      cycles: [],
    });
  });

  it('lists cycles and lays a cycle out so that few imports point forward', () => {
    const paths = ['a.ts', 'b.ts', 'c.ts', 'main.ts'];
    const graph = graphFrom({ 'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['c.ts'], 'c.ts': ['a.ts'], 'main.ts': ['a.ts'] }, paths);
    const { order, cycles } = orderFiles(paths, graph, 'dependency');
    expect(cycles).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(order).toEqual(['c.ts', 'b.ts', 'a.ts', 'main.ts']);
  });

  it('keeps a folder together when the graph allows', () => {
    const paths = ['lib/a.ts', 'lib/b.ts', 'lib/c.ts', 'app/x.ts', 'app/y.ts'];
    const graph = graphFrom({ 'app/x.ts': ['lib/c.ts'], 'app/y.ts': ['app/x.ts'] }, paths);
    expect(orderFiles(paths, graph, 'dependency').order).toEqual(['lib/a.ts', 'lib/b.ts', 'lib/c.ts', 'app/x.ts', 'app/y.ts']);
  });

  it('gives plain path order in path mode', () => {
    const paths = ['b.ts', 'README.md', 'a.ts'];
    const graph = graphFrom({ 'a.ts': ['b.ts'] }, paths);
    expect(orderFiles(paths, graph, 'path').order).toEqual(['README.md', 'a.ts', 'b.ts']);
  });

  it('orders the monorepo fixture with workspace dependencies first and reports the dynamic-import cycle', async () => {
    const graph = await fixtureGraph('graph-ts-monorepo');
    const paths = readTree(join(__dirname, '..', 'fixtures', 'graph-ts-monorepo')).map((f) => f.path);
    const { order, cycles } = orderFiles(paths, graph, 'dependency');
    expect(cycles).toEqual([['packages/app/src/lazy.ts', 'packages/app/src/main.tsx']]);
    expect(order.slice(0, 3)).toEqual(['README.md', 'package.json', 'pnpm-workspace.yaml']);
    expect(order.indexOf('packages/utils/src/index.ts')).toBeLessThan(order.indexOf('packages/app/src/main.tsx'));
    expect(order.indexOf('packages/utils/src/shared/log.ts')).toBeLessThan(order.indexOf('packages/utils/src/strings.ts'));
  });
});

const pathArb = fc
  .tuple(fc.constantFrom('', 'src/', 'src/lib/', 'test/', 'pkg/a/'), fc.stringMatching(/^[a-e]{1,3}$/), fc.constantFrom('.ts', '.py', '.go', '.md'))
  .map(([dir, name, ext]) => `${dir}${name}${ext}`);

const treeArb = fc.uniqueArray(pathArb, { minLength: 1, maxLength: 40 }).chain((paths) =>
  fc.tuple(
    fc.constant(paths),
    fc.array(fc.tuple(fc.nat(paths.length - 1), fc.nat(paths.length - 1)), { maxLength: 80 }),
  ),
);

describe('orderFiles properties', () => {
  it('places b before a for every edge a→b outside a cycle, and every path exactly once', () => {
    fc.assert(
      fc.property(treeArb, ([paths, pairs]) => {
        const edges: Record<string, string[]> = {};
        for (const [from, to] of pairs) (edges[paths[from] as string] ??= []).push(paths[to] as string);
        const graph = graphFrom(edges, paths);
        const { order, cycles } = orderFiles(paths, graph, 'dependency');
        expect([...order].sort()).toEqual([...paths].sort());
        const cycleOf = new Map<string, number>();
        cycles.forEach((c, i) => c.forEach((p) => cycleOf.set(p, i)));
        const position = new Map(order.map((p, i) => [p, i]));
        for (const [a, targets] of graph.imports) {
          for (const b of targets) {
            const sameCycle = cycleOf.has(a) && cycleOf.get(a) === cycleOf.get(b);
            if (!sameCycle) expect(position.get(b) as number).toBeLessThan(position.get(a) as number);
          }
        }
      }),
    );
  });

  it('gives the same order whatever order the paths come in', () => {
    fc.assert(
      fc.property(treeArb, fc.integer(), ([paths, pairs], seed) => {
        const edges: Record<string, string[]> = {};
        for (const [from, to] of pairs) (edges[paths[from] as string] ??= []).push(paths[to] as string);
        const shuffled = [...paths].sort((x, y) => ((x.length * 31 + seed) % 7) - ((y.length * 31 + seed) % 7) || (x < y ? 1 : -1));
        expect(orderFiles(shuffled, graphFrom(edges, shuffled), 'dependency')).toEqual(orderFiles(paths, graphFrom(edges, paths), 'dependency'));
      }),
    );
  });
});
