/**
 * Ollama's native chat API as a second transport behind the same event stream as
 * {@link streamChat}: `POST /api/chat` with `options.num_ctx` sized to the request, answered as
 * NDJSON (one JSON object per line, the last with `done: true` and the token counts). Ollama's
 * OpenAI-compatible endpoint ignores `num_ctx` and silently drops what does not fit its
 * default context; this one is told how much room the prompt needs.
 */
import { checkBaseURL, endpointName } from './client';
import { ChatError, errorForStatus, networkError, redactSecrets, streamedError, systemErrorCode, timeoutError } from './errors';
import { DEFAULT_RETRY, retryAfterMs, retryOrGiveUp, sleep, type RetryPolicy } from './retry';
import { serverRoot } from './serverWindow/http';
import type { StreamChatOptions } from './stream';
import { ThinkTagSplitter } from './thinkTags';
import type { ChatEvent, ChatRequest, ChatUsage } from './types';
import { Watchdog } from './watchdog';

/** Characters per token assumed when sizing `num_ctx`: low, so the context errs large. */
const CHARS_PER_TOKEN = 3;
/** `num_ctx` is rounded up to a multiple of this, so small changes in a question reuse the loaded context. */
const NUM_CTX_STEP = 2048;
/** The smallest `num_ctx` asked for (Ollama's own smallest default). */
const MIN_NUM_CTX = 4096;

/**
 * The `num_ctx` for a request: room for the prompt (`promptTokens`, estimated high) and the
 * answer, rounded up to a step, never above the model's trained context when it is known.
 */
export function numCtxFor(promptTokens: number, maxOutputTokens: number, trainedContext?: number): number {
  const needed = Math.max(MIN_NUM_CTX, Math.ceil((promptTokens + maxOutputTokens) / NUM_CTX_STEP) * NUM_CTX_STEP);
  return trainedContext !== undefined && trainedContext > 0 ? Math.min(needed, trainedContext) : needed;
}

/** A high estimate of a request's prompt tokens, from its characters. */
export function promptTokenEstimate(request: ChatRequest): number {
  return Math.ceil(request.messages.reduce((sum, message) => sum + message.content.length, 0) / CHARS_PER_TOKEN);
}

/** What the native transport needs beyond a chat request. */
export interface OllamaChatOptions extends StreamChatOptions {
  /** The model's trained context (from `/api/show`), which caps `num_ctx`. */
  trainedContext?: number;
}

type Line = { message?: { content?: unknown; thinking?: unknown }; done?: unknown; done_reason?: unknown; prompt_eval_count?: unknown; eval_count?: unknown; error?: unknown };

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

function usageOf(line: Line): ChatUsage {
  const promptTokens = count(line.prompt_eval_count);
  const completionTokens = count(line.eval_count);
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens, cachedPromptTokens: 0, uncachedPromptTokens: promptTokens };
}

/** Splits a byte stream into parsed NDJSON lines; a line that is not JSON is skipped. */
async function* ndjsonLines(body: ReadableStream<Uint8Array>, onBytes: () => void): AsyncGenerator<Line> {
  const decoder = new TextDecoder();
  let buffered = '';
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      onBytes();
      buffered += decoder.decode(value, { stream: true });
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (line) yield parseLine(line);
        newline = buffered.indexOf('\n');
      }
    }
    const rest = (buffered + decoder.decode()).trim();
    if (rest) yield parseLine(rest);
  } finally {
    reader.releaseLock();
  }
}

function parseLine(text: string): Line {
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Line) : {};
  } catch {
    return {};
  }
}

/** The error of a refused request, from Ollama's `{ "error": "…" }` body. */
async function refusal(response: Response, endpoint: string, model: string, apiKey: string | undefined): Promise<ChatError> {
  const text = await response.text().catch(() => '');
  let detail = text;
  try {
    const parsed = JSON.parse(text) as { error?: unknown };
    if (typeof parsed.error === 'string') detail = parsed.error;
  } catch {
    // Not JSON: the text as it came.
  }
  return errorForStatus(response.status, redactSecrets(detail, apiKey), undefined, endpoint, model, retryAfterMs(response.headers));
}

/**
 * Streams one chat through Ollama's native API, with the same events, outcomes, retries and
 * errors as {@link streamChat}: `text`/`reasoning` deltas, one `usage` (from `prompt_eval_count`
 * and `eval_count`), `retry` while Ollama is busy or unreachable before any text, and one `done`.
 */
export async function* streamOllamaChat(request: ChatRequest, options: OllamaChatOptions = {}): AsyncGenerator<ChatEvent, void, undefined> {
  checkBaseURL(request.baseURL);
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const firstByteMs = options.firstByteTimeoutMs ?? 120_000;
  const idleMs = options.idleTimeoutMs ?? 120_000;
  const wait = options.sleep ?? sleep;
  const endpoint = endpointName(request.baseURL);
  const cancelled: ChatEvent = { type: 'done', outcome: 'cancelled', finishReason: null, cancelled: true };
  const maxOutput = request.maxOutputTokens ?? 0;
  const body = {
    model: request.model,
    messages: request.messages,
    stream: true,
    options: { num_ctx: numCtxFor(promptTokenEstimate(request), maxOutput, options.trainedContext), ...(request.maxOutputTokens !== undefined ? { num_predict: request.maxOutputTokens } : {}), ...(request.temperature !== undefined ? { temperature: request.temperature } : {}) },
  };

  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) return yield cancelled;
    const watchdog = new Watchdog(options.signal);
    const think = new ThinkTagSplitter();
    let shown = false;
    let usage: ChatUsage | undefined;
    let failure: ChatError | undefined;
    let headers: Headers | undefined;
    try {
      watchdog.arm(firstByteMs);
      const response = await fetch(`${serverRoot(request.baseURL)}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...request.headers, ...(request.apiKey ? { authorization: `Bearer ${request.apiKey}` } : {}) }, body: JSON.stringify(body), signal: watchdog.signal });
      headers = response.headers;
      if (!response.ok || !response.body) throw await refusal(response, endpoint, request.model, request.apiKey);
      for await (const line of ndjsonLines(response.body, () => watchdog.arm(idleMs))) {
        if (typeof line.error === 'string') throw streamedError(endpoint, redactSecrets(line.error, request.apiKey));
        const thinking = line.message?.thinking;
        if (typeof thinking === 'string' && thinking) {
          shown = true;
          yield { type: 'reasoning', text: thinking };
        }
        const content = line.message?.content;
        if (typeof content === 'string' && content) {
          shown = true;
          yield* think.push(content);
        }
        if (line.done === true) {
          usage = usageOf(line);
          watchdog.dispose();
          yield* think.flush();
          yield { type: 'usage', usage };
          return yield { type: 'done', outcome: 'complete', finishReason: typeof line.done_reason === 'string' ? line.done_reason : 'stop' };
        }
      }
      if (watchdog.signal.aborted) throw new Error('The stream was aborted.');
      watchdog.dispose();
      yield* think.flush();
      return yield { type: 'done', outcome: 'incomplete', finishReason: null, incomplete: true, reason: `The answer from ${endpoint} ended without finishing.`, stop: { kind: 'ended-early', endpoint } };
    } catch (error) {
      watchdog.dispose();
      yield* think.flush();
      if (options.signal?.aborted) return yield cancelled;
      failure = watchdog.fired
        ? timeoutError(endpoint, watchdog.fired.ms, !shown)
        : error instanceof ChatError ? error : networkError(endpoint, redactSecrets(error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error), request.apiKey), systemErrorCode(error));
    } finally {
      watchdog.dispose();
    }
    if (shown) return yield { type: 'done', outcome: 'incomplete', finishReason: null, incomplete: true, reason: failure.message, stop: { kind: 'failed', problem: failure.problem, ...(failure.detail !== undefined ? { detail: failure.detail } : {}) } };
    const again = yield* retryOrGiveUp(failure, attempt, policy, headers, { ...(options.signal ? { signal: options.signal } : {}), sleep: wait, random: options.random ?? Math.random });
    if (!again) return yield cancelled;
  }
}

/** The models Ollama has pulled, from `GET /api/tags`. */
export async function listOllamaModels(baseURL: string, signal?: AbortSignal): Promise<string[]> {
  checkBaseURL(baseURL);
  const endpoint = endpointName(baseURL);
  let response: Response;
  try {
    response = await fetch(`${serverRoot(baseURL)}/api/tags`, { ...(signal ? { signal } : {}) });
  } catch (error) {
    throw networkError(endpoint, error instanceof Error ? error.message : String(error), systemErrorCode(error));
  }
  if (!response.ok) throw await refusal(response, endpoint, '(model list)', undefined);
  const body = (await response.json()) as { models?: Array<{ name?: unknown }> };
  return (body.models ?? []).map((model) => model.name).filter((name): name is string => typeof name === 'string').sort();
}
