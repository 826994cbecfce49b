/**
 * Usage records as providers send them, folded into one {@link ChatUsage}, and their cost.
 */
import { pricesAt, type PriceRate } from './peakHours';
import type { ChatUsage, ModelPrices } from './types';

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function field(record: unknown, key: string): unknown {
  return typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[key] : undefined;
}

/**
 * Reads a raw `usage` object of a chat completion. Understands OpenAI's
 * `prompt_tokens_details.cached_tokens` and DeepSeek's `prompt_cache_hit_tokens` /
 * `prompt_cache_miss_tokens`; returns undefined when the record has no token counts at all.
 */
export function normalizeUsage(raw: unknown): ChatUsage | undefined {
  const prompt = count(field(raw, 'prompt_tokens'));
  const completion = count(field(raw, 'completion_tokens'));
  if (prompt === undefined && completion === undefined) return undefined;
  const hit = count(field(raw, 'prompt_cache_hit_tokens'));
  const miss = count(field(raw, 'prompt_cache_miss_tokens'));
  const openaiCached = count(field(field(raw, 'prompt_tokens_details'), 'cached_tokens'));
  const promptTokens = prompt ?? (hit ?? 0) + (miss ?? 0);
  const completionTokens = completion ?? 0;
  const cached = Math.min(promptTokens, hit ?? openaiCached ?? 0);
  const reasoning = count(field(field(raw, 'completion_tokens_details'), 'reasoning_tokens'));
  return {
    promptTokens,
    completionTokens,
    totalTokens: count(field(raw, 'total_tokens')) ?? promptTokens + completionTokens,
    cachedPromptTokens: cached,
    uncachedPromptTokens: promptTokens - cached,
    ...(reasoning !== undefined ? { reasoningTokens: reasoning } : {}),
  };
}

/**
 * Cost in US dollars of one request: uncached prompt tokens at the input price, cached ones at
 * the cached-input price (the input price when the model has none), completion tokens at the
 * output price. A `longPrompt` tier applies to the whole request once the prompt passes it.
 * Prices with peak hours are taken at their peak rates here (an upper bound); {@link costAt}
 * picks the rate in force at the time of sending.
 */
export function estimateCost(usage: ChatUsage, prices: ModelPrices): number {
  const tier = prices.longPrompt && usage.promptTokens > prices.longPrompt.aboveTokens ? prices.longPrompt : prices;
  const cachedPrice = tier.cachedInput ?? tier.input;
  const cached = Math.min(usage.cachedPromptTokens, usage.promptTokens);
  const dollars = (usage.promptTokens - cached) * tier.input + cached * cachedPrice + usage.completionTokens * tier.output;
  return dollars / 1_000_000;
}

/** {@link estimateCost} at the rate in force at `at` (the time of sending), and which rate that was. */
export function costAt(usage: ChatUsage, prices: ModelPrices, at: Date): { cost: number; rate?: PriceRate } {
  const chosen = pricesAt(prices, at);
  return { cost: estimateCost(usage, chosen.prices), ...(chosen.rate ? { rate: chosen.rate } : {}) };
}
