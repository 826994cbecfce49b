import { describe, expect, it } from 'vitest';
import { MemoryFactStore } from '../../src/core/facts';
import { countBlocks } from '../../src/core/pack/blocks';
import { countBlocksWithin } from '../../src/core/pack/boundedBlocks';
import { rendererFor } from '../../src/core/render';
import { countingCounter, referenceCount } from './packTestSupport';

const renderer = rendererFor('xml');
const big = Array.from({ length: 400 }, (_, i) => `export function handler${i}(value: number): number { return value * ${i}; }\n`).join('');
const requests = [
  { path: 'src/big.ts', mode: 'full' as const, body: big, hash: 'h-big' },
  { path: 'src/small.ts', mode: 'full' as const, body: 'export const small = 1;\n', hash: 'h-small' },
];
const exact = requests.map((r) => referenceCount(renderer.fileBlock(r.path, r.mode, r.body)));

describe('countBlocksWithin', () => {
  it('counts exactly what is within its limit, and proves the rest over it from a prefix', async () => {
    const counter = countingCounter();
    const counts = await countBlocksWithin(renderer, requests, [50, 50], counter, new MemoryFactStore());
    expect(counts[1]).toBe(exact[1]);
    expect(counts[0]).toBeGreaterThan(50);
    expect(counts[0]).toBeLessThan(exact[0] ?? 0);
  });

  it('remembers a proved bound: the next pack over the same limit or a lower one counts nothing, a higher one counts again', async () => {
    const facts = new MemoryFactStore();
    const first = await countBlocksWithin(renderer, requests, [50, 50], countingCounter(), facts);
    const again = countingCounter();
    expect(await countBlocksWithin(renderer, requests, [40, 50], again, facts)).toEqual(first);
    expect(again.texts).toBe(0);
    // Above what the bound proves, the bound says nothing: the file is counted (exactly, here).
    const wider = countingCounter();
    const counts = await countBlocksWithin(renderer, requests, [(exact[0] ?? 0) + 1, 50], wider, facts);
    expect(counts).toEqual(exact);
    expect(wider.texts).toBeGreaterThan(0);
  });

  it('never lets a bound stand in for a count in an unbudgeted pack', async () => {
    const facts = new MemoryFactStore();
    await countBlocksWithin(renderer, requests, [50, 50], countingCounter(), facts);
    const counts = await countBlocks(renderer, requests, countingCounter(), facts);
    expect(counts.tokens).toEqual(exact);
  });

  it('counts exactly without a limit, or when the limit is above the count', async () => {
    const counts = await countBlocksWithin(renderer, requests, [Number.POSITIVE_INFINITY, 10 * (exact[1] ?? 0)], countingCounter(), new MemoryFactStore());
    expect(counts).toEqual(exact);
    const roomy = await countBlocksWithin(renderer, requests, [(exact[0] ?? 0) + 1, 1000], countingCounter(), new MemoryFactStore());
    expect(roomy).toEqual(exact);
  });
});
