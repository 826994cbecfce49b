import { describe, expect, it, vi } from 'vitest';
import { estimateCost, normalizeUsage, redactSecrets, retryAfterMs, type ChatUsage } from '../../src/llm';
import { backoffMs, DEFAULT_RETRY } from '../../src/llm/retry';

describe('normalizeUsage', () => {
  it('reads OpenAI prompt_tokens_details.cached_tokens and reasoning tokens', () => {
    expect(normalizeUsage({ prompt_tokens: 2000, completion_tokens: 300, total_tokens: 2300, prompt_tokens_details: { cached_tokens: 1536 }, completion_tokens_details: { reasoning_tokens: 120 } })).toEqual({
      promptTokens: 2000, completionTokens: 300, totalTokens: 2300, cachedPromptTokens: 1536, uncachedPromptTokens: 464, reasoningTokens: 120,
    });
  });

  it('reads DeepSeek prompt_cache_hit_tokens and prompt_cache_miss_tokens', () => {
    expect(normalizeUsage({ prompt_tokens: 900, completion_tokens: 50, prompt_cache_hit_tokens: 640, prompt_cache_miss_tokens: 260 })).toMatchObject({
      promptTokens: 900, totalTokens: 950, cachedPromptTokens: 640, uncachedPromptTokens: 260,
    });
  });

  it('counts nothing as cached when the provider reports no cache figures', () => {
    expect(normalizeUsage({ prompt_tokens: 10, completion_tokens: 2 })).toMatchObject({ cachedPromptTokens: 0, uncachedPromptTokens: 10 });
  });

  it('returns undefined for a record without token counts', () => {
    expect(normalizeUsage({})).toBeUndefined();
    expect(normalizeUsage(null)).toBeUndefined();
    expect(normalizeUsage({ prompt_tokens: 'many' })).toBeUndefined();
  });
});

describe('estimateCost', () => {
  const usage: ChatUsage = { promptTokens: 1_000_000, completionTokens: 100_000, totalTokens: 1_100_000, cachedPromptTokens: 400_000, uncachedPromptTokens: 600_000 };

  it('prices uncached input, cached input and output per million tokens', () => {
    // 0.6M × $0.28 + 0.4M × $0.028 + 0.1M × $0.42
    expect(estimateCost(usage, { input: 0.28, cachedInput: 0.028, output: 0.42 })).toBeCloseTo(0.168 + 0.0112 + 0.042, 10);
  });

  it('bills cached tokens at the input price when the model has no cached price', () => {
    expect(estimateCost(usage, { input: 1, output: 2 })).toBeCloseTo(1 + 0.2, 10);
  });

  it('switches to long-prompt prices once the prompt passes the tier', () => {
    const prices = { input: 1.25, output: 10, longPrompt: { aboveTokens: 200_000, input: 2.5, output: 15 } };
    const small: ChatUsage = { promptTokens: 100_000, completionTokens: 0, totalTokens: 100_000, cachedPromptTokens: 0, uncachedPromptTokens: 100_000 };
    expect(estimateCost(small, prices)).toBeCloseTo(0.125, 10);
    expect(estimateCost({ ...usage, cachedPromptTokens: 0, uncachedPromptTokens: 1_000_000 }, prices)).toBeCloseTo(2.5 + 1.5, 10);
  });

  it('costs nothing on a free local model', () => {
    expect(estimateCost(usage, { input: 0, output: 0 })).toBe(0);
  });
});

describe('retry timing', () => {
  const headers = (entries: Record<string, string>): Headers => new Headers(entries);

  it('reads retry-after in seconds, as an HTTP date, and retry-after-ms', () => {
    expect(retryAfterMs(headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(headers({ 'retry-after': '0.25' }))).toBe(250);
    expect(retryAfterMs(headers({ 'retry-after-ms': '75', 'retry-after': '9' }))).toBe(75);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }), now)).toBe(30_000);
  });

  it('ignores a missing or unreadable retry-after', () => {
    expect(retryAfterMs(headers({}))).toBeUndefined();
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });

  it('doubles the backoff each retry up to the cap, with jitter inside ±20 %', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 1000, maxDelayMs: 5000 };
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, policy, () => 0.5))).toEqual([1000, 2000, 4000, 5000]);
    expect(backoffMs(1, policy, () => 0)).toBe(800);
    expect(backoffMs(1, policy, () => 0.999999)).toBe(1200);
  });
});

describe('redactSecrets', () => {
  it('removes the exact key, key-shaped strings and bearer values', () => {
    const out = redactSecrets('key abcd-1234-custom rejected; Authorization: Bearer xyz.123; also sk-proj-ABCDEFGHIJKLMNOP', 'abcd-1234-custom');
    expect(out).not.toContain('abcd-1234-custom');
    expect(out).not.toContain('xyz.123');
    expect(out).not.toContain('sk-proj-ABCDEFGHIJKLMNOP');
    expect(out).toContain('rejected');
  });

  it('removes Google-style keys but leaves ordinary long words alone', () => {
    const out = redactSecrets('key AIzaSyA1234567890abcdefghijklmnopqrstu is invalid in keyboardShortcutHandler', undefined);
    expect(out).toBe('key [key] is invalid in keyboardShortcutHandler');
  });
});

describe('Watchdog', () => {
  it('aborts when armed time runs out, and arms nothing once disposed', async () => {
    const { Watchdog } = await import('../../src/llm/watchdog');
    const dog = new Watchdog(undefined);
    dog.arm(10);
    await vi.waitFor(() => expect(dog.signal.aborted).toBe(true));
    expect(dog.fired).toEqual({ ms: 10 });
    const done = new Watchdog(undefined);
    done.dispose();
    done.arm(10);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(done.fired).toBeUndefined();
  });

  it('follows the caller\'s signal without calling it a timeout', async () => {
    const { Watchdog } = await import('../../src/llm/watchdog');
    const stop = new AbortController();
    const dog = new Watchdog(stop.signal);
    stop.abort();
    expect(dog.signal.aborted).toBe(true);
    expect(dog.fired).toBeUndefined();
  });
});
