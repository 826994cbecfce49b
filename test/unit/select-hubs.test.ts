import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { fillBudget } from '../../src/core/select/fill';
import { rankFiles, type RankedFile } from '../../src/core/select/rank';
import { isReexportIndex } from '../../src/core/select/reexports';
import type { SelectCandidate } from '../../src/core/select';
import { countingBlockCost, candidateTree, relativeImportGraph } from './select-support';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` into a fresh temporary folder and loads them as candidates. */
const tree = (files: Record<string, string>): SelectCandidate[] => candidateTree(made, 'tome-hubs-', files);

/** Paths in rank order with their reasons (and L for a lead), for a question and no focus. */
function ranking(candidates: SelectCandidate[], query: string): string[] {
  return rankFiles(candidates, relativeImportGraph(candidates), [], query).map((r) => `${candidates[r.index]?.path ?? ''} ${r.reason}${r.lead === true ? ' L' : ''}`);
}

describe('re-export indexes', () => {
  it('tells an index that passes names on from a module that defines them, in each language', () => {
    expect(isReexportIndex("export * from './core.js';\nexport * from './parse.js';\nexport { toJSONSchema } from './json.js';\nexport * as util from './util.js';\n")).toBe(true);
    expect(isReexportIndex("import type * as R from 'rolldown'\nexport type { R }\nexport {\n  a,\n  b,\n} from './a'\nexport { c } from './c'\nexport const parseAst = _parseAst\n")).toBe(true);
    expect(isReexportIndex('"""The package."""\nfrom .core import Command as Command\nfrom .core import Group as Group\nfrom .types import Path as Path\n__all__ = ["Command"]\n')).toBe(true);
    expect(isReexportIndex('//! The crate.\nmod config;\nmod matcher;\npub use crate::matcher::RegexMatcher;\npub use crate::config::Config;\n')).toBe(true);
    // Imports are the preamble of any module; what follows decides.
    expect(isReexportIndex("import { a } from './a';\nimport { b } from './b';\nimport { c } from './c';\nexport function run() {\n  return a + b + c;\n}\nexport const x = 1;\n")).toBe(false);
    expect(isReexportIndex('use std::io;\nuse std::fs;\nuse crate::walk::Walk;\npub fn walk() {}\nstruct Walker;\n')).toBe(false);
    // Relative imports open most Python modules: one long class after them makes it code, not an index.
    const body = Array.from({ length: 12 }, (_, i) => `    def m${i}(self):\n        return ${i}\n`).join('');
    expect(isReexportIndex(`from .ctx import AppContext\nfrom .globals import g\nfrom .helpers import send_file\nfrom .sessions import Session\n\nclass App:\n${body}`)).toBe(false);
    // The same imports with a short tail are still an index.
    expect(isReexportIndex('from .ctx import AppContext as AppContext\nfrom .globals import g as g\nfrom .helpers import send_file as send_file\n\ndef __getattr__(name):\n    raise AttributeError(name)\n')).toBe(true);
    // Two re-exports are too few to blur anything.
    expect(isReexportIndex("export * from './a';\nexport * from './b';\n")).toBe(false);
  });

  it('gives no test evidence to an index a test imports, and lends no score through it to the whole package', () => {
    const candidates = tree({
      'src/index.ts': "export * from './pager';\nexport * from './colors';\nexport * from './style';\n",
      'src/pager.ts': 'export function pageText(text: string) {\n  return text;\n}\n',
      'src/colors.ts': 'export function red() {\n  return 1;\n}\n',
      'src/style.ts': 'export function bold() {\n  return 2;\n}\n',
      'src/__tests__/output.spec.ts': `import { pageText } from '../index';\n${"it('pages long output', () => pageText('long output'));\n".repeat(4)}`,
    });
    // Without the index rule the test's evidence lands on src/index.ts, which would then lend a
    // neighbour's share to every file it re-exports (colors and style included).
    expect(ranking(candidates, 'page long output')).toEqual([
      'src/pager.ts defines-query L',
      'src/index.ts fits',
      'src/colors.ts fits',
      'src/style.ts fits',
      'src/__tests__/output.spec.ts query-match',
    ]);
  });

  it('never makes an index a lead, though it still matches by its own words', () => {
    const candidates = tree({
      'src/schemas/index.ts': "export * from './object';\nexport * from './string';\nexport * from './number';\n// object schema, object schema\n",
      'src/schemas/object.ts': 'export function objectSchema() {\n  return {};\n}\n',
      'src/schemas/string.ts': 'export const s = 1;\n',
      'src/schemas/number.ts': 'export const n = 1;\n',
    });
    expect(ranking(candidates, 'object schema')).toEqual([
      'src/schemas/object.ts path-match L',
      'src/schemas/index.ts query-match',
      // Their folder names the question's word; that is all they have.
      'src/schemas/number.ts path-match',
      'src/schemas/string.ts path-match',
    ]);
  });
});

describe('matches by score per token when they cannot all fit', () => {
  const file = (name: string, fullTokens: number): { path: string; text: string; fullTokens: number } => ({ path: `src/${name}.ts`, text: `export function ${name}() {}\n${'x();\n'.repeat(fullTokens)}`, fullTokens });
  const match = (index: number, score: number): RankedFile => ({ index, reason: 'query-match', tier: 3, distance: 0, score });
  const deps = { outlineOf: async (): Promise<null> => null, blockCost: countingBlockCost() };

  it('lets two smaller matches that say more together go in full before one big match ranked above them', async () => {
    // Rank order packs big (390) and first (310), and second no longer fits; by score per token
    // first and second go in (9/310 and 8/310 beat 10/390) and big is left out.
    const candidates = [file('big', 390), file('first', 310), file('second', 310)];
    const placements = await fillBudget(candidates, [match(0, 10), match(1, 9), match(2, 8)], 1000, deps);
    expect(placements.map((p) => p.mode)).toEqual(['path-only', 'full', 'full']);
    // With room for all three, rank order stands and all go in.
    const roomy = await fillBudget(candidates, [match(0, 10), match(1, 9), match(2, 8)], 2000, deps);
    expect(roomy.map((p) => p.mode)).toEqual(['full', 'full', 'full']);
  });

  it('never lets a tiny file win on size alone', async () => {
    // Below the floor (8% of 1000 = 80 tokens) a file counts as costing the floor, so the 10-token
    // file scoring 0.5 comes last; counted at its size it would go first and push `other` out.
    const candidates = [file('rest', 390), file('more', 390), file('other', 215), file('tiny', 10)];
    const placements = await fillBudget(candidates, [match(0, 9), match(1, 8), match(2, 4), match(3, 0.5)], 1000, deps);
    expect(placements.map((p) => p.mode)).toEqual(['full', 'full', 'full', 'path-only']);
  });
});
