/**
 * OpenRouter lists every model with its `context_length` and `pricing` (US dollars per token,
 * as decimal strings) at `GET /api/v1/models`.
 */
import type { ModelPrices } from '../types';
import { fetchJson, field, listEntries, tokens } from './http';
import type { ProbeTarget, ServerWindow } from './types';

function perMillion(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? Math.round(number * 1e6 * 1e6) / 1e6 : undefined;
}

/** Prices per million tokens from OpenRouter's per-token `pricing`, or undefined when incomplete. */
export function openRouterPrices(pricing: unknown): ModelPrices | undefined {
  const input = perMillion(field(pricing, 'prompt'));
  const output = perMillion(field(pricing, 'completion'));
  if (input === undefined || output === undefined) return undefined;
  const cachedInput = perMillion(field(pricing, 'input_cache_read'));
  return { input, output, ...(cachedInput !== undefined ? { cachedInput } : {}) };
}

/** The model's window, longest answer and prices from OpenRouter's model list. */
export async function probeOpenRouter(target: ProbeTarget): Promise<ServerWindow> {
  const answer = await fetchJson(`${target.baseURL.replace(/\/+$/, '')}/models`, target.signal);
  if (!answer.ok) return { kind: 'unknown', reason: answer.reason };
  const entry = listEntries(answer.body).find((model) => field(model, 'id') === target.model);
  if (!entry) return { kind: 'unknown', reason: 'no-such-model' };
  const top = field(entry, 'top_provider');
  const window = tokens(field(entry, 'context_length')) ?? tokens(field(top, 'context_length'));
  if (!window) return { kind: 'unknown', reason: 'not-reported' };
  const prices = openRouterPrices(field(entry, 'pricing'));
  const maxOutputTokens = tokens(field(top, 'max_completion_tokens'));
  return { kind: 'known', window, source: 'openrouter', ...(prices ? { prices } : {}), ...(maxOutputTokens ? { maxOutputTokens } : {}) };
}
