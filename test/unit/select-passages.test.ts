import { describe, expect, it } from 'vitest';
import { fillBudget } from '../../src/core/select/fill';
import { bestPassage, PASSAGE_CHARS } from '../../src/core/select/passages';
import { rankFiles, type RankedFile } from '../../src/core/select/rank';
import { candidateTrees, countingBlockCost, reasonRanking as ranking, relativeImportGraph } from './select-support';

/** Writes `files` into a fresh temporary folder and loads them as candidates. */
const tree = candidateTrees('tome-passages-');

/** `count` unrelated functions: the bulk of a large module around the passage that matters. */
const filler = (prefix: string, count: number): string =>
  Array.from({ length: count }, (_, i) => `export function ${prefix}${i}(value: number) {\n  return compute(value * ${i}, options.level);\n}\n`).join('');

describe('the best passage', () => {
  const weight = (stem: string): number => ({ a: 1, b: 2, c: 3 })[stem] ?? 0;

  it('sums the weights of the distinct stems that meet within one passage, and takes the best one', () => {
    const hits = [
      { at: 0, stem: 'a' },
      { at: 10, stem: 'b' },
      { at: 20, stem: 'a' },
      { at: 5000, stem: 'c' },
      { at: 5010, stem: 'a' },
    ];
    // a+b near the start (3; `a` twice counts once), c+a far later (4).
    expect(bestPassage(hits, weight)).toBe(4);
  });

  it('gives nothing for one stem alone, however often, or for stems farther apart than a passage', () => {
    expect(bestPassage([{ at: 0, stem: 'c' }, { at: 5, stem: 'c' }, { at: 9, stem: 'c' }], weight)).toBe(0);
    expect(bestPassage([{ at: 0, stem: 'b' }, { at: PASSAGE_CHARS, stem: 'c' }], weight)).toBe(0);
    expect(bestPassage([{ at: 0, stem: 'b' }, { at: PASSAGE_CHARS - 1, stem: 'c' }], weight)).toBe(5);
  });
});

describe('words side by side (words-together)', () => {
  const together = 'export async function loadFile(file: string) {\n  const bundle = await rollup(file);\n  try {\n    return await bundle.generate();\n  } finally {\n    await bundle.close();\n  }\n}\n';

  it('lifts a large module whose one function holds the question words together above short files that name one of them', () => {
    const candidates = tree({
      'src/config.ts': `${filler('step', 60)}${together}${filler('after', 60)}`,
      'src/chunks.ts': 'export const list = [bundle, bundle];\nexport const other = bundle;\n',
      'src/closer.ts': 'export const onStop = () => close();\n',
      'src/unrelated.ts': 'export const x = 1;\n',
    });
    expect(ranking(candidates, 'close bundles when generation fails')).toEqual([
      'src/config.ts words-together',
      'src/chunks.ts query-match',
      'src/closer.ts query-match',
      'src/unrelated.ts fits',
    ]);
  });

  it('does not lift the same module when its words are spread far apart', () => {
    const spread = `${filler('step', 30)}export const b = bundle;\n${filler('mid', 30)}export const c = close;\n${filler('late', 30)}export const g = generate;\n${filler('after', 30)}`;
    const candidates = tree({
      'src/config.ts': spread,
      'src/chunks.ts': 'export const list = [bundle, bundle];\nexport const other = bundle;\n',
      'src/closer.ts': 'export const onStop = () => close();\n',
      'src/unrelated.ts': 'export const x = 1;\n',
    });
    expect(ranking(candidates, 'close bundles when generation fails')).toEqual([
      'src/chunks.ts query-match',
      'src/closer.ts query-match',
      'src/config.ts query-match',
      'src/unrelated.ts fits',
    ]);
  });

  it('leaves tests out: a test that holds the words together lends its subject no more than one that spreads them', () => {
    const [opened, generated, closed] = ['const bundle = await rollup(file);\n', 'await bundle.generate();\n', 'await close();\n'];
    /** The subject's score and the ranking, with the test's lines in the given order (same text, same length). */
    const withTest = (testText: string): { loader: number; order: string[] } => {
      const candidates = tree({
        'src/loader.ts': `${filler('step', 40)}export const b = bundle;\n`,
        'src/loader.test.ts': testText,
        'src/closer.ts': `export const onStop = () => close();\n${filler('step', 40)}`,
        ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`src/other${i}.ts`, filler(`o${i}_`, 3)])),
      });
      const ranked = rankFiles(candidates, relativeImportGraph(candidates), [], 'close bundles when generation fails');
      const loader = ranked.find((r) => candidates[r.index]?.path === 'src/loader.ts');
      return { loader: loader?.score ?? 0, order: ranked.slice(0, 2).map((r) => `${candidates[r.index]?.path ?? ''} ${r.reason}`) };
    };
    const together = withTest(`${filler('case', 20)}${filler('late', 20)}${opened}${generated}${closed}`);
    const spread = withTest(`${opened}${filler('case', 20)}${generated}${filler('late', 20)}${closed}`);
    expect(together.loader).toBeGreaterThan(0);
    expect(together.loader).toBe(spread.loader);
    expect(together.order).toEqual(['src/loader.ts tested-by-match', 'src/closer.ts query-match']);
  });
});

describe('the strongest lead', () => {
  it('may take up to 90% of the room in full; a later lead only the usual 70%', async () => {
    const file = (name: string, fullTokens: number): { path: string; text: string; fullTokens: number } => ({ path: `src/${name}.ts`, text: `export function ${name}() {}\n${Array.from({ length: fullTokens / 2 }, (_, i) => `run${i}();`).join('\n')}\n`, fullTokens });
    const candidates = [file('big', 850), file('small', 100), file('mid', 300)];
    const deps = { outlineOf: async (): Promise<string> => 'export function x() { … }\n', blockCost: countingBlockCost() };
    const bigFirst: RankedFile[] = [
      { index: 0, reason: 'defines-query', tier: 3, distance: 0, lead: true },
      { index: 1, reason: 'query-match', tier: 3, distance: 0, lead: true },
      { index: 2, reason: 'query-match', tier: 3, distance: 0 },
    ];
    expect((await fillBudget(candidates, bigFirst, 1000, deps)).map((p) => p.mode)).toEqual(['full', 'full', 'outline']);
    const bigSecond: RankedFile[] = [bigFirst[1] as RankedFile, bigFirst[0] as RankedFile, bigFirst[2] as RankedFile];
    // The small lead goes first; the big one, now second, is past 70%: the match after it goes
    // in full and the big one is outlined.
    expect((await fillBudget(candidates, bigSecond, 1000, deps)).map((p) => p.mode)).toEqual(['outline', 'full', 'full']);
  });
});
