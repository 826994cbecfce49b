/** llama.cpp's server reports the context of its slots at `GET /props`. */
import { fetchJson, field, serverRoot, tokens } from './http';
import type { ProbeTarget, ServerWindow } from './types';

/** `default_generation_settings.n_ctx` (older builds: a top-level `n_ctx`). */
export async function probeLlamaCpp(target: ProbeTarget): Promise<ServerWindow> {
  const answer = await fetchJson(`${serverRoot(target.baseURL)}/props`, target.signal, target.apiKey ? { headers: { authorization: `Bearer ${target.apiKey}` } } : {});
  if (!answer.ok) return { kind: 'unknown', reason: answer.reason === 'no-such-model' ? 'not-reported' : answer.reason };
  const window = tokens(field(field(answer.body, 'default_generation_settings'), 'n_ctx')) ?? tokens(field(answer.body, 'n_ctx'));
  return window ? { kind: 'known', window, source: 'llamacpp', servedWindow: window } : { kind: 'unknown', reason: 'not-reported' };
}
