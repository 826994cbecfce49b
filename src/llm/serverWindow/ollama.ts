/**
 * Ollama: `POST /api/show` gives the model's trained context (`model_info["<arch>.context_length"]`)
 * and any `num_ctx` in its parameters; `GET /api/ps` gives the context a loaded model runs with.
 * Through the native `/api/chat` Tome sets `num_ctx` itself, so the trained context is the window;
 * through the OpenAI-compatible `/v1` the served context is, and Ollama drops what does not fit.
 */
import { fetchJson, field, listEntries, serverRoot, tokens } from './http';
import type { ProbeTarget, ServerWindow } from './types';

/** True when the base URL is Ollama's OpenAI-compatible endpoint rather than its native root. */
export function isOllamaOpenAIUrl(baseURL: string): boolean {
  return /\/v1\/?$/.test(baseURL);
}

/** The model's trained context from `/api/show`'s `model_info`. */
function trainedContext(show: unknown): number | undefined {
  const info = field(show, 'model_info');
  const arch = field(info, 'general.architecture');
  if (typeof arch === 'string') {
    const exact = tokens(field(info, `${arch}.context_length`));
    if (exact) return exact;
  }
  if (typeof info !== 'object' || info === null) return undefined;
  const key = Object.keys(info).find((name) => name.endsWith('.context_length'));
  return key ? tokens(field(info, key)) : undefined;
}

/** `num_ctx` from the model's Modelfile parameters (`"num_ctx 8192\nstop …"`). */
function parameterNumCtx(show: unknown): number | undefined {
  const parameters = field(show, 'parameters');
  const match = typeof parameters === 'string' ? /(?:^|\n)\s*num_ctx\s+(\d+)/.exec(parameters) : null;
  return match ? tokens(match[1]) : undefined;
}

/** The context a loaded model runs with, from `/api/ps` (newer Ollama lists `context_length`). */
async function loadedContext(root: string, model: string, signal: AbortSignal): Promise<number | undefined> {
  const answer = await fetchJson(`${root}/api/ps`, signal);
  if (!answer.ok) return undefined;
  const entry = listEntries(answer.body).find((loaded) => field(loaded, 'name') === model || field(loaded, 'model') === model);
  return tokens(field(entry, 'context_length'));
}

/** Ollama's trained and served context for the model; the window depends on the transport. */
export async function probeOllama(target: ProbeTarget): Promise<ServerWindow> {
  const root = serverRoot(target.baseURL);
  const show = await fetchJson(`${root}/api/show`, target.signal, { body: { model: target.model } });
  if (!show.ok) return { kind: 'unknown', reason: show.reason };
  const trained = trainedContext(show.body);
  const served = (await loadedContext(root, target.model, target.signal)) ?? parameterNumCtx(show.body);
  const window = isOllamaOpenAIUrl(target.baseURL) ? served : trained;
  if (!window) return { kind: 'unknown', reason: 'not-reported' };
  return { kind: 'known', window, source: 'ollama', ...(trained ? { trainedWindow: trained } : {}), ...(served ? { servedWindow: served } : {}) };
}
