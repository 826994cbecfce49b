/** vLLM lists `max_model_len` beside each model at `GET /v1/models`. */
import { fetchJson, field, listEntries, tokens } from './http';
import type { ProbeTarget, ServerWindow } from './types';

/** The model's `max_model_len` from vLLM's model list. */
export async function probeVllm(target: ProbeTarget): Promise<ServerWindow> {
  const answer = await fetchJson(`${target.baseURL.replace(/\/+$/, '')}/models`, target.signal, target.apiKey ? { headers: { authorization: `Bearer ${target.apiKey}` } } : {});
  if (!answer.ok) return { kind: 'unknown', reason: answer.reason };
  const entry = listEntries(answer.body).find((model) => field(model, 'id') === target.model);
  if (!entry) return { kind: 'unknown', reason: 'no-such-model' };
  const window = tokens(field(entry, 'max_model_len'));
  return window ? { kind: 'known', window, source: 'vllm' } : { kind: 'unknown', reason: 'not-reported' };
}
