/**
 * Asking the model server for the window (and, where listed, the prices) of the model in use:
 * one probe per server shape, picked by provider, behind one cache keyed by
 * (provider, base URL, model). Probes run in the background with a timeout; a question never
 * waits for one, it uses what is known at the time.
 */
import { probeGemini } from './gemini';
import { probeLlamaCpp } from './llamacpp';
import { probeLmStudio } from './lmstudio';
import { probeOllama } from './ollama';
import { probeOpenRouter } from './openrouter';
import type { ProbeTarget, ServerWindow } from './types';
import { probeVllm } from './vllm';

export type { KnownServerWindow, ServerWindow, UnknownReason, WindowServer } from './types';
export { isOllamaOpenAIUrl } from './ollama';
export { openRouterPrices } from './openrouter';
export { serverRoot } from './http';

type Probe = (target: ProbeTarget) => Promise<ServerWindow>;

/** The probes to try for a provider, in order; the first known answer wins. */
const PROBES: Record<string, readonly Probe[]> = {
  vllm: [probeVllm],
  ollama: [probeOllama],
  lmstudio: [probeLmStudio],
  openrouter: [probeOpenRouter],
  gemini: [probeGemini],
  // A custom OpenAI-compatible server may be vLLM, llama.cpp's server or LM Studio.
  custom: [probeVllm, probeLlamaCpp, probeLmStudio],
};

/** What to ask about. */
export interface ServerWindowQuery {
  provider: string;
  baseURL: string;
  model: string;
  apiKey?: string;
}

/** Default time a probe may take before it counts as unanswered. */
export const PROBE_TIMEOUT_MS = 3000;

/** Asks the server; resolves to `unknown` (never rejects) when it cannot say within `timeoutMs`. */
export async function probeServerWindow(query: ServerWindowQuery, timeoutMs = PROBE_TIMEOUT_MS): Promise<ServerWindow> {
  const probes = PROBES[query.provider];
  if (!probes || !query.model || !URL.canParse(query.baseURL)) return { kind: 'unknown', reason: 'not-supported' };
  const signal = AbortSignal.timeout(timeoutMs);
  let last: ServerWindow = { kind: 'unknown', reason: 'not-reported' };
  for (const probe of probes) {
    last = await probe({ baseURL: query.baseURL, model: query.model, ...(query.apiKey ? { apiKey: query.apiKey } : {}), signal });
    if (last.kind === 'known' || last.reason === 'timeout') return last;
  }
  return last;
}

/** The cache key of a query: the key itself is never part of it. */
function keyOf(query: ServerWindowQuery): string {
  return JSON.stringify([query.provider, query.baseURL, query.model]);
}

/**
 * Remembered probe answers, one per (provider, base URL, model). `get` answers at once from
 * memory; `refresh` starts a probe (one at a time per key) and calls `onChange` when its answer
 * differs from what was known.
 */
export class ServerWindowCache {
  private readonly answers = new Map<string, ServerWindow>();
  private readonly running = new Map<string, Promise<ServerWindow>>();

  constructor(
    private readonly onChange: (query: ServerWindowQuery, answer: ServerWindow) => void = () => undefined,
    private readonly probe: (query: ServerWindowQuery) => Promise<ServerWindow> = (query) => probeServerWindow(query),
  ) {}

  /** The answer known for this query, if a probe has finished. */
  get(query: ServerWindowQuery): ServerWindow | undefined {
    return this.answers.get(keyOf(query));
  }

  /** Probes again (unless a probe for the same key is running) and resolves with its answer. */
  refresh(query: ServerWindowQuery): Promise<ServerWindow> {
    const key = keyOf(query);
    const running = this.running.get(key);
    if (running) return running;
    const started = this.probe(query).then((answer) => {
      this.running.delete(key);
      const before = this.answers.get(key);
      this.answers.set(key, answer);
      if (JSON.stringify(before) !== JSON.stringify(answer)) this.onChange(query, answer);
      return answer;
    });
    this.running.set(key, started);
    return started;
  }

  /** {@link get}, and a probe in the background when nothing is known yet. */
  lookup(query: ServerWindowQuery): ServerWindow | undefined {
    const known = this.get(query);
    if (!known) void this.refresh(query);
    return known;
  }
}
