import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pack, PackError } from '../../src/core/pack/index';
import { withDefaults, type PackRequest } from '../../src/core/pack/request';
import { countingCounter, fixture, referenceCount } from './packTestSupport';

/** Budget selection end to end: scan → … → select → render, counted from the rendered text. */
const ROOT = fixture('select-app');

function packWith(request: Partial<PackRequest>) {
  return pack(withDefaults({ roots: [ROOT], ...request }), { tokenCounter: countingCounter() });
}

describe('pack under a budget with focus and query', () => {
  it('never renders more than budget − reserve, whatever the focus and query', async () => {
    const unlimited = await packWith({});
    const paths = unlimited.report.files.map((f) => f.path);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: unlimited.report.totalTokens + 100 }),
        fc.integer({ min: 0, max: 300 }),
        fc.uniqueArray(fc.constantFrom(...paths), { maxLength: 2 }),
        fc.constantFrom('', 'shadow map', 'server routes', 'no such thing zyxxy'),
        async (budget, reserve, focus, query) => {
          try {
            const { text, report } = await packWith({ budget, reserve, focus, query });
            expect(referenceCount(text)).toBeLessThanOrEqual(budget - reserve);
            expect(report.files.map((f) => f.path).sort()).toEqual([...paths].sort());
          } catch (error) {
            expect(error).toBeInstanceOf(PackError);
            expect((error as PackError).code).toBe('budget-too-small');
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('says the minimum budget when the preamble and tree alone do not fit', async () => {
    const error = await packWith({ budget: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackError);
    const minimum = Number(/at least (\d+)/.exec((error as PackError).message)?.[1]);
    expect(minimum).toBeGreaterThan(20);
    const { text } = await packWith({ budget: minimum });
    expect(referenceCount(text)).toBeLessThanOrEqual(minimum);
  });

  it('rejects a focus path outside the packed folder', async () => {
    await expect(packWith({ budget: 5000, focus: ['/somewhere/else.ts'] })).rejects.toMatchObject({ code: 'focus-outside-roots' });
  });

  it('packs the focus file first and still packs when the query matches nothing', async () => {
    const unlimited = await packWith({});
    const budget = Math.floor(unlimited.report.totalTokens / 2);
    const { report } = await packWith({ budget, focus: ['src/render/scene.ts'], query: 'zyxxy quux' });
    expect(report.files.find((f) => f.path === 'src/render/scene.ts')).toMatchObject({ mode: 'full', reason: 'focus' });
    expect(report.files.some((f) => f.reason === 'query-match')).toBe(false);
    expect(report.files.filter((f) => f.mode !== 'path-only').length).toBeGreaterThan(1);
  });

  it('gives byte-identical output for the same request', async () => {
    const request = { budget: 1500, focus: ['src/app.ts'], query: 'shadow' };
    expect((await packWith(request)).text).toBe((await packWith(request)).text);
  });
});
