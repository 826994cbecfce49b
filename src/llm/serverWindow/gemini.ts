/**
 * Gemini's `models.get` (`GET /v1beta/models/{model}`) states `inputTokenLimit` and
 * `outputTokenLimit`. The key goes in the `x-goog-api-key` header, never in the URL.
 */
import { fetchJson, field, serverRoot, tokens } from './http';
import type { ProbeTarget, ServerWindow } from './types';

/** The model's input and output limits from Gemini's native API, beside the OpenAI-compatible one. */
export async function probeGemini(target: ProbeTarget): Promise<ServerWindow> {
  const name = target.model.replace(/^models\//, '');
  const answer = await fetchJson(`${serverRoot(target.baseURL)}/v1beta/models/${encodeURIComponent(name)}`, target.signal, target.apiKey ? { headers: { 'x-goog-api-key': target.apiKey } } : {});
  if (!answer.ok) return { kind: 'unknown', reason: answer.reason };
  const input = tokens(field(answer.body, 'inputTokenLimit'));
  const output = tokens(field(answer.body, 'outputTokenLimit'));
  return input ? { kind: 'known', window: input, source: 'gemini', ...(output ? { maxOutputTokens: output } : {}) } : { kind: 'unknown', reason: 'not-reported' };
}
