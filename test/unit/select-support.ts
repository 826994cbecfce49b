import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative } from 'node:path';
import { getEncoding } from 'js-tiktoken';
import { afterAll } from 'vitest';
import { rendererFor } from '../../src/core/render';
import type { SelectCandidate, SelectInput } from '../../src/core/select';
import { rankFiles } from '../../src/core/select/rank';
import type { FileMode, ImportGraph } from '../../src/core/types';

const encoder = getEncoding('o200k_base');
const renderer = rendererFor('xml');

/** Exact tokens of `text`, straight from js-tiktoken. */
export function tokens(text: string): number {
  return encoder.encode(text).length;
}

/** The rendered block of a file, as the pack would print it. */
export function block(path: string, mode: Exclude<FileMode, 'path-only'>, body: string): string {
  return renderer.fileBlock(path, mode, body);
}

/** Exact block cost over the xml renderer, counting every call. */
export function countingBlockCost(): SelectInput['blockCost'] & { calls: number } {
  const cost = Object.assign(
    async (path: string, mode: FileMode, body: string): Promise<number> => {
      cost.calls++;
      return mode === 'path-only' ? 0 : tokens(block(path, mode, body));
    },
    { calls: 0 },
  );
  return cost;
}

/** Every file under `root` that `keep` accepts, with its text, in path order. */
export function readTree(root: string, keep: (path: string, size: number) => boolean = () => true): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      const stat = statSync(abs);
      if (stat.isDirectory()) walk(abs);
      else {
        const path = relative(root, abs).split('\\').join('/');
        if (keep(path, stat.size)) out.push({ path, text: readFileSync(abs, 'utf8') });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** A candidate whose full cost is counted up front, as the tests' candidates all are. */
export type CountedCandidate = SelectCandidate & { fullTokens: number };

/** Every file under `root`, as candidates in path order, with exact full-block tokens. */
export function loadCandidates(root: string): CountedCandidate[] {
  return readTree(root).map(({ path, text }) => ({ path, text, fullTokens: tokens(block(path, 'full', text)), mtimeMs: 0 }));
}

/** `./x` → `./x.ts`; a specifier that names its extension (`./x.js`) is kept as it is. */
function withExtension(specifier: string): string {
  return /\.[cm]?[jt]sx?$/.test(specifier) ? specifier : `${specifier}.ts`;
}

/** Edges from relative `from './x'` imports, resolved to files that exist among the paths. */
export function relativeImportGraph(candidates: readonly SelectCandidate[]): ImportGraph {
  const paths = new Set(candidates.map((c) => c.path));
  const imports = new Map<string, string[]>();
  for (const c of candidates) {
    const targets = [...c.text.matchAll(/from '(\.{1,2}\/[^']+)'/g)]
      .map((m) => posix.normalize(posix.join(dirname(c.path), withExtension(m[1] ?? ''))))
      .filter((p) => paths.has(p));
    imports.set(c.path, [...new Set(targets)].sort());
  }
  return { imports, external: new Map(), warnings: [] };
}

/** Writes `files` into a fresh temporary folder (recorded in `made`, for the caller to remove) and loads them as candidates. */
export function candidateTree(made: string[], prefix: string, files: Record<string, string>): CountedCandidate[] {
  const root = mkdtempSync(join(tmpdir(), prefix));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return loadCandidates(root);
}

/**
 * A writer of temporary candidate trees named `prefix…` (see {@link candidateTree}); every tree
 * it writes is removed after the calling test file's tests.
 */
export function candidateTrees(prefix: string): (files: Record<string, string>) => CountedCandidate[] {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return (files) => candidateTree(made, prefix, files);
}

/** Paths in rank order, each with the reason that put it there, for a question and no focus. */
export function reasonRanking(candidates: SelectCandidate[], query: string): string[] {
  return rankFiles(candidates, relativeImportGraph(candidates), [], query).map((r) => `${candidates[r.index]?.path ?? ''} ${r.reason}`);
}
