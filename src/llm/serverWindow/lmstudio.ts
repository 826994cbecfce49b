/**
 * LM Studio's own REST API (`GET /api/v0/models`) lists, per model, the context it is loaded
 * with (`loaded_context_length`) and the most it could take (`max_context_length`).
 */
import { fetchJson, field, listEntries, serverRoot, tokens } from './http';
import type { ProbeTarget, ServerWindow } from './types';

/** The loaded context of the model in LM Studio; the model's maximum when it is not loaded yet. */
export async function probeLmStudio(target: ProbeTarget): Promise<ServerWindow> {
  const answer = await fetchJson(`${serverRoot(target.baseURL)}/api/v0/models`, target.signal);
  if (!answer.ok) return { kind: 'unknown', reason: answer.reason };
  const entry = listEntries(answer.body).find((model) => field(model, 'id') === target.model);
  if (!entry) return { kind: 'unknown', reason: 'no-such-model' };
  const loaded = tokens(field(entry, 'loaded_context_length'));
  const max = tokens(field(entry, 'max_context_length'));
  // A model loads on the first request with LM Studio's default context, not its maximum: only the loaded figure is what the server serves.
  if (loaded) return { kind: 'known', window: loaded, source: 'lmstudio', servedWindow: loaded, ...(max ? { trainedWindow: max } : {}) };
  return { kind: 'unknown', reason: 'not-reported' };
}
