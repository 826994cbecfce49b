/**
 * The pack worker keeps one facts store for the engines of every encoding: a block's token count
 * learnt under one encoding must not be handed to a pack under another.
 */
import { describe, expect, it } from 'vitest';
import { MemoryFactStore, PackEngine, withDefaults } from '../../src/core';
import { countingCounter, fixture, referenceCount } from './packTestSupport';

describe('engines of two encodings over one facts store', () => {
  it('count each block in their own encoding', async () => {
    const facts = new MemoryFactStore();
    const request = { roots: [fixture('pack-basic')] };
    const o200k = await new PackEngine({ tokenCounter: countingCounter('o200k_base'), facts }).pack(withDefaults({ ...request, encoding: 'o200k_base' }));
    const cl100k = await new PackEngine({ tokenCounter: countingCounter('cl100k_base'), facts }).pack(withDefaults({ ...request, encoding: 'cl100k_base' }));
    const alone = await new PackEngine({ tokenCounter: countingCounter('cl100k_base') }).pack(withDefaults({ ...request, encoding: 'cl100k_base' }));
    expect(cl100k.text).toBe(alone.text);
    expect(cl100k.report.files).toEqual(alone.report.files);
    expect(cl100k.report.totalTokens).toBe(referenceCount(cl100k.text, 'cl100k_base'));
    expect(cl100k.report.totalTokens).not.toBe(o200k.report.totalTokens);
  }, 60_000);
});
