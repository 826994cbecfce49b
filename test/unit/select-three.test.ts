import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectWithinBudget, type SelectCandidate, type SelectedFile } from '../../src/core/select';
import { rendererFor } from '../../src/core/render';
import { createTokenCounter } from '../../src/core/tokenize';
import type { FileMode, ImportGraph } from '../../src/core/types';
import { rankFiles } from '../../src/core/select/rank';
import { readTree, relativeImportGraph } from './select-support';

/**
 * Selection on a real tree far larger than the budget: the `three` npm package (~1,000 files).
 * Fetch it once with `node test/unit/select-three.fetch.mjs`; without it these tests are skipped.
 */
const ROOT = join(__dirname, '..', 'bench', '.cache', 'three-0.170.0', 'package');
const BUDGET = 100_000;
const TEXT_FILE = /\.(js|cjs|mjs|ts|json|md|txt)$/;
/** What the scan stage leaves out by default: minified bundles and files over 1 MB. */
const keep = (path: string, size: number): boolean => TEXT_FILE.test(path) && !path.includes('.min.') && size <= 1024 * 1024;

/** A query and the file that implements what it asks about. */
const QUERIES: [string, string][] = [
  ['How are shadow maps rendered in WebGL?', 'src/renderers/webgl/WebGLShadowMap.js'],
  ['How does the GLTF loader parse animations and skins?', 'examples/jsm/loaders/GLTFLoader.js'],
  ['How does the raycaster intersect meshes?', 'src/core/Raycaster.js'],
];

describe.skipIf(!existsSync(ROOT))('selection on the three package at a 100K budget', () => {
  const counter = createTokenCounter({ encoding: 'o200k_base', workers: 0 });
  const renderer = rendererFor('xml');
  let candidates: (SelectCandidate & { fullTokens: number })[] = [];
  let graph: ImportGraph;
  const blockCost = async (path: string, mode: FileMode, body: string): Promise<number> => {
    if (mode === 'path-only') return 0;
    const [n = 0] = await counter.countMany([renderer.fileBlock(path, mode, body)]);
    return n;
  };

  beforeAll(async () => {
    const files = readTree(ROOT, keep);
    const full = await counter.countMany(files.map((f) => renderer.fileBlock(f.path, 'full', f.text)));
    candidates = files.map((f, i) => ({ ...f, fullTokens: full[i] ?? 0, mtimeMs: 0 }));
    graph = relativeImportGraph(candidates);
  }, 120_000);
  afterAll(() => counter.dispose());

  async function select(query: string): Promise<{ selected: SelectedFile[]; ms: number }> {
    const started = performance.now();
    const selected = await selectWithinBudget({ candidates, graph, available: BUDGET, focus: [], query, blockCost });
    return { selected, ms: performance.now() - started };
  }

  it('is a tree far larger than the budget', () => {
    expect(candidates.reduce((sum, c) => sum + c.fullTokens, 0)).toBeGreaterThan(10 * BUDGET);
  });

  for (const [query, implementation] of QUERIES) {
    it(`pulls in ${implementation} for "${query}"`, async () => {
      const { selected, ms } = await select(query);
      const mine = selected.find((s) => s.path === implementation);
      expect(mine?.mode).not.toBe('path-only');
      // Any of the query signals: the file defining the question's words says `defines-query`.
      expect(['query-match', 'path-match', 'defines-query', 'words-together', 'tested-by-match', 'near-match']).toContain(mine?.reason);
      const packed = selected.filter((s) => s.mode !== 'path-only');
      const rendered = await counter.countMany(packed.map((s) => renderer.fileBlock(s.path, s.mode as Exclude<FileMode, 'path-only'>, s.body)));
      expect(rendered.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(BUDGET);
      const top = rankFiles(candidates, graph, [], query).slice(0, 8).map((r) => selected[r.index]);
      const lines = top.map((s) => `${s?.mode ?? '?'} ${s?.path ?? '?'}`);
      console.log(`"${query}": ${ms.toFixed(0)} ms, ${packed.length} packed; best ranked:\n  ${lines.join('\n  ')}`);
    }, 120_000);
  }
});
