import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pack, PackError } from '../../src/core/pack/index';
import { withDefaults } from '../../src/core/pack/request';
import type { OutputFormat } from '../../src/core/types';
import { countingCounter, fixture, referenceCount } from './packTestSupport';

const ROOT = fixture('pack-basic');

async function packWith(format: OutputFormat, budget: number | null, reserve = 0) {
  return pack(withDefaults({ roots: [ROOT], format, budget, reserve }), { tokenCounter: countingCounter() });
}

/** The smallest budget the error message names. */
function minimumFrom(error: unknown): number {
  const match = error instanceof PackError ? /at least (\d+)/.exec(error.message) : null;
  if (!match) throw error;
  return Number(match[1]);
}

describe.each<OutputFormat>(['xml', 'markdown', 'plain'])('packing %s under a budget', (format) => {
  it('never exceeds budget − reserve, and the total stays exact', async () => {
    const unlimited = await packWith(format, null);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: unlimited.report.totalTokens + 50 }), fc.integer({ min: 0, max: 200 }), async (budget, reserve) => {
        try {
          const { text, report } = await packWith(format, budget, reserve);
          expect(report.totalTokens).toBe(referenceCount(text));
          expect(report.totalTokens).toBeLessThanOrEqual(budget - reserve);
          expect(report.files.length).toBe(unlimited.report.files.length);
        } catch (error) {
          expect(error).toMatchObject({ code: 'budget-too-small' });
          expect(minimumFrom(error)).toBeGreaterThan(budget);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('names a minimum budget that works, and lists every file by path at that minimum', async () => {
    const error = await packWith(format, 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackError);
    expect((error as PackError).message).toMatch(/too small.*at least \d+/s);
    const { report } = await packWith(format, minimumFrom(error));
    expect(report.files.every((f) => f.mode === 'path-only')).toBe(true);
  });

  it('packs everything in full when the budget is the unlimited total', async () => {
    const unlimited = await packWith(format, null);
    const { text, report } = await packWith(format, unlimited.report.totalTokens + 10);
    expect(report.files.every((f) => f.mode === 'full')).toBe(true);
    expect(report.totalTokens).toBe(referenceCount(text));
  });
});
