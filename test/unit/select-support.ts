import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { getEncoding } from 'js-tiktoken';
import { rendererFor } from '../../src/core/render';
import type { SelectCandidate, SelectInput } from '../../src/core/select';
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

/** Every file under `root`, as candidates in path order. */
export function loadCandidates(root: string): SelectCandidate[] {
  const out: SelectCandidate[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else {
        const path = relative(root, abs).split('\\').join('/');
        const text = readFileSync(abs, 'utf8');
        out.push({ path, text, fullTokens: tokens(block(path, 'full', text)), mtimeMs: 0 });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Edges from relative `from './x'` imports, resolved to `.ts` files that exist among the paths. */
export function relativeImportGraph(candidates: readonly SelectCandidate[]): ImportGraph {
  const paths = new Set(candidates.map((c) => c.path));
  const imports = new Map<string, string[]>();
  for (const c of candidates) {
    const targets = [...c.text.matchAll(/from '(\.{1,2}\/[^']+)'/g)]
      .map((m) => posix.normalize(posix.join(dirname(c.path), `${m[1] ?? ''}.ts`)))
      .filter((p) => paths.has(p));
    imports.set(c.path, [...new Set(targets)].sort());
  }
  return { imports, external: new Map(), warnings: [] };
}
