import { describe, expect, it } from 'vitest';
import { candidateHash, FocusOutsideRootsError, formatExplainTable, selectWithinBudget, type SelectInput } from '../../src/core/select';
import { rankFiles } from '../../src/core/select/rank';
import { fixture } from './packTestSupport';
import { block, countingBlockCost, loadCandidates, relativeImportGraph, tokens } from './select-support';

const candidates = loadCandidates(fixture('select-app'));
const graph = relativeImportGraph(candidates);
const fullTotal = candidates.reduce((sum, c) => sum + c.fullTokens, 0);

function input(overrides: Partial<SelectInput>): SelectInput {
  return { candidates, graph, available: fullTotal, focus: [], query: '', blockCost: countingBlockCost(), ...overrides };
}

function rankOf(paths: string[], focus: string[], query = ''): string[] {
  const focusIndexes = focus.map((f) => candidates.findIndex((c) => c.path === f));
  return rankFiles(candidates, graph, focusIndexes, query).map((r) => candidates[r.index]?.path ?? '').filter((p) => paths.includes(p));
}

describe('selectWithinBudget', () => {
  it('packs everything in full when everything fits, in the candidates order', async () => {
    const selected = await selectWithinBudget(input({}));
    expect(selected.map((s) => s.path)).toEqual(candidates.map((c) => c.path));
    expect(selected.every((s) => s.mode === 'full')).toBe(true);
  });

  it('ranks focus, then its imports nearest first, then its importers, then the rest', () => {
    const order = rankOf(['src/app.ts', 'src/util/log.ts', 'src/render/shadowMap.ts', 'src/api/server.ts', 'src/api/routes.ts', 'src/unrelated/colors.ts'], ['src/app.ts']);
    expect(order).toEqual(['src/app.ts', 'src/util/log.ts', 'src/render/shadowMap.ts', 'src/api/server.ts', 'src/api/routes.ts', 'src/unrelated/colors.ts']);
  });

  it('ranks query matches (docs too) above unrelated files, and unmatched tests and generated files last', () => {
    const order = rankOf(['src/render/shadowMap.ts', 'src/unrelated/colors.ts', 'test/app.test.ts', 'docs/guide.md', 'src/generated/schema.ts', 'src/util/math.ts'], [], 'how are shadow maps built?');
    expect(order[0]).toBe('src/render/shadowMap.ts');
    expect(order.indexOf('src/util/math.ts')).toBeLessThan(order.indexOf('test/app.test.ts'));
    expect(order.indexOf('docs/guide.md')).toBeLessThan(order.indexOf('src/unrelated/colors.ts'));
    for (const lower of ['test/app.test.ts', 'src/generated/schema.ts']) {
      expect(order.indexOf(lower)).toBeGreaterThan(order.indexOf('src/unrelated/colors.ts'));
    }
  });

  it('ranks the most imported file first when there is no focus and no query', () => {
    const order = rankOf(candidates.map((c) => c.path), []);
    expect(order[0]).toBe('src/util/math.ts');
  });

  it('outlines the focus file when only its outline fits, and lists the rest by path', async () => {
    const focus = candidates.find((c) => c.path === 'src/unrelated/legacyParser.ts');
    if (!focus) throw new Error('fixture missing');
    const selected = await selectWithinBudget(input({ focus: [focus.path], available: Math.floor(focus.fullTokens / 2) }));
    const mine = selected.find((s) => s.path === focus.path);
    expect(mine).toMatchObject({ mode: 'outline', reason: 'focus' });
    expect(mine?.tokens).toBe(tokens(block(focus.path, 'outline', mine?.body ?? '')));
    expect(mine?.body).toContain('export function legacyParse3(input: string): number { … }');
  });

  it('gives each packed file the reason of its rank, and over-budget to listed files', async () => {
    const selected = await selectWithinBudget(input({ focus: ['src/render'], available: Math.floor(fullTotal / 2) }));
    const reasons = new Map(selected.map((s) => [s.path, s.reason]));
    expect(reasons.get('src/render/scene.ts')).toBe('focus');
    expect(reasons.get('src/util/math.ts')).toBe('dependency-of-focus');
    expect(reasons.get('src/app.ts')).toBe('dependent-of-focus');
    for (const s of selected) expect(s.reason === 'over-budget').toBe(s.mode === 'path-only');
  });

  it('still packs when the query matches nothing', async () => {
    const selected = await selectWithinBudget(input({ query: 'zyxxy quux', available: Math.floor(fullTotal / 3) }));
    expect(selected.some((s) => s.mode !== 'path-only')).toBe(true);
    expect(selected.every((s) => s.reason !== 'query-match')).toBe(true);
  });

  it('rejects a focus path outside the roots with a message that says what to do', async () => {
    await expect(selectWithinBudget(input({ focus: ['../elsewhere/x.ts'] }))).rejects.toThrow(FocusOutsideRootsError);
    await expect(selectWithinBudget(input({ focus: ['/etc/passwd'] }))).rejects.toThrow(/outside the packed folders.*Pick a file or folder/);
  });

  it('gives byte-identical results for the same input', async () => {
    const a = await selectWithinBudget(input({ query: 'shadow', available: Math.floor(fullTotal / 2) }));
    const b = await selectWithinBudget(input({ query: 'shadow', available: Math.floor(fullTotal / 2) }));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('lists everything by path with no room at all, without counting blocks', async () => {
    const cost = countingBlockCost();
    const selected = await selectWithinBudget(input({ available: 0, blockCost: cost }));
    expect(selected.every((s) => s.mode === 'path-only' && s.tokens === 0)).toBe(true);
    expect(cost.calls).toBe(0);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(selectWithinBudget(input({ signal: controller.signal }))).rejects.toThrow('stopped');
  });
});

describe('formatExplainTable', () => {
  it('prints one aligned row per file with its mode, tokens and reason, and a summary', () => {
    const table = formatExplainTable([
      { path: 'src/a.ts', mode: 'full', reason: 'focus', tokens: 1200 },
      { path: 'src/b.ts', mode: 'outline', reason: 'dependency-of-focus', tokens: 35 },
      { path: 'docs/c.md', mode: 'path-only', reason: 'over-budget', tokens: 0 },
    ]);
    const lines = table.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^MODE\s+TOKENS\s+REASON\s+PATH$/);
    expect(lines[1]).toMatch(/^full\s+1200\s+focus\s+src\/a\.ts$/);
    expect(lines[2]).toMatch(/^outline\s+35\s+imported by focus\s+src\/b\.ts$/);
    expect(lines[3]).toMatch(/^path-only\s+0\s+over budget\s+docs\/c\.md$/);
    expect(lines[1]?.indexOf('src/a.ts')).toBe(lines[3]?.indexOf('docs/c.md'));
    expect(lines[4]).toBe('3 files: 1 full, 1 outline, 1 path only; 1235 tokens in file blocks');
  });
});

describe('selection stability', () => {
  it('changes only the edited file when an edit keeps its costs, identifiers and mtime', async () => {
    const available = Math.floor(fullTotal * 0.6);
    const before = await selectWithinBudget(input({ available, query: 'shadow', focus: ['src/app.ts'] }));
    const edited = candidates.map((c) =>
      c.path === 'src/util/log.ts' ? { ...c, text: c.text.replace("'log step 1'", "'log step 9'") } : c,
    );
    const target = edited.find((c) => c.path === 'src/util/log.ts');
    expect(target?.text).not.toBe(candidates.find((c) => c.path === 'src/util/log.ts')?.text);
    expect(target && tokens(block(target.path, 'full', target.text))).toBe(target?.fullTokens);
    const after = await selectWithinBudget(input({ candidates: edited, available, query: 'shadow', focus: ['src/app.ts'] }));
    const changed = after.filter((s, i) => JSON.stringify(s) !== JSON.stringify(before[i])).map((s) => s.path);
    expect(changed.every((p) => p === 'src/util/log.ts')).toBe(true);
    expect(after.map((s) => s.mode)).toEqual(before.map((s) => s.mode));
  });
});

describe('selection after an edit, given the previous selection', () => {
  const available = Math.floor(fullTotal * 0.6);
  const request = { available, query: 'shadow', focus: ['src/app.ts'] };
  const previousOf = (selected: Awaited<ReturnType<typeof selectWithinBudget>>, from: typeof candidates) =>
    new Map(selected.map((s, i) => [s.path, { mode: s.mode, reason: s.reason, hash: candidateHash(from[i] ?? { text: '' }) }]));

  /** A larger, newer version of `path`, grown by about `extra` tokens. */
  function grow(path: string, extra: number): typeof candidates {
    return candidates.map((c) => {
      if (c.path !== path) return c;
      const text = `${c.text}\n${'export const filler = 1;\n'.repeat(Math.ceil(extra / 7))}`;
      return { ...c, text, fullTokens: tokens(block(c.path, 'full', text)), mtimeMs: c.mtimeMs + 86_400_000 };
    });
  }

  it('keeps every unchanged file in its earlier mode and places only the edited one', async () => {
    const before = await selectWithinBudget(input(request));
    const slack = available - before.reduce((sum, s) => sum + s.tokens, 0);
    // The focus file itself, grown past the room left: a fresh selection must move others.
    const target = 'src/app.ts';
    const edited = grow(target, slack + 200);
    const fresh = await selectWithinBudget(input({ ...request, candidates: edited }));
    const movedByFresh = fresh.filter((s, i) => s.path !== target && JSON.stringify(s) !== JSON.stringify(before[i]));
    expect(movedByFresh.length).toBeGreaterThan(0);

    const after = await selectWithinBudget(input({ ...request, candidates: edited, previous: previousOf(before, candidates) }));
    for (const [i, s] of after.entries()) {
      if (s.path !== target) expect(s).toEqual(before[i]);
    }
    expect(after.reduce((sum, s) => sum + s.tokens, 0)).toBeLessThanOrEqual(available);
  });

  it('selects afresh when the earlier decisions no longer fit the budget', async () => {
    const before = await selectWithinBudget(input(request));
    const smaller = Math.floor(before.reduce((sum, s) => sum + s.tokens, 0) / 2);
    const after = await selectWithinBudget(input({ ...request, available: smaller, previous: previousOf(before, candidates) }));
    const fresh = await selectWithinBudget(input({ ...request, available: smaller }));
    expect(after).toEqual(fresh);
    expect(after.reduce((sum, s) => sum + s.tokens, 0)).toBeLessThanOrEqual(smaller);
  });
});
