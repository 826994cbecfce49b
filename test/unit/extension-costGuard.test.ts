import { describe, expect, it } from 'vitest';
import { expectedCachedTokens, mustConfirmCost } from '../../src/chat/costGuard';
import type { ChatTurn } from '../../src/shared/model';

const answered = (inputTokens: number): ChatTurn => ({ id: 't', question: 'q', answer: 'a', status: 'complete', notices: [], usage: { inputTokens, outputTokens: 10, cachedTokens: 0, cost: 0.1 } });

describe('cost guard rule', () => {
  it('asks above the threshold and not at or below it', () => {
    expect(mustConfirmCost({ estimatedCost: 0.62, threshold: 0.25, confirmedForChat: false })).toBe(true);
    expect(mustConfirmCost({ estimatedCost: 0.25, threshold: 0.25, confirmedForChat: false })).toBe(false);
    expect(mustConfirmCost({ estimatedCost: 0.01, threshold: 0.25, confirmedForChat: false })).toBe(false);
  });

  it('does not ask again in a chat where the user said so, nor when prices are unknown or the guard is off', () => {
    expect(mustConfirmCost({ estimatedCost: 5, threshold: 0.25, confirmedForChat: true })).toBe(false);
    expect(mustConfirmCost({ estimatedCost: null, threshold: 0.25, confirmedForChat: false })).toBe(false);
    expect(mustConfirmCost({ estimatedCost: 5, threshold: 0, confirmedForChat: false })).toBe(false);
  });

  it('expects a follow-up on an unchanged pack to hit the cache for the whole previous prompt', () => {
    expect(expectedCachedTokens([answered(300_000)], false, 301_000)).toBe(300_000);
    expect(expectedCachedTokens([answered(300_000), { ...answered(0), usage: undefined, status: 'error' }], false, 301_000)).toBe(300_000);
  });

  it('expects no cache hit on a first question, after files changed, or beyond the new prompt', () => {
    expect(expectedCachedTokens([], false, 300_000)).toBe(0);
    expect(expectedCachedTokens([answered(300_000)], true, 301_000)).toBe(0);
    expect(expectedCachedTokens([answered(300_000)], false, 200_000)).toBe(200_000);
  });
});
