/**
 * Streaming chat completions from any OpenAI-compatible endpoint: AbortSignal in, events out.
 * Retries (429, 5xx, unreachable) happen here, visibly, before any text has been yielded;
 * once text has been shown, a failure ends the answer as incomplete instead, so nothing is lost
 * or shown twice.
 */
import type OpenAI from 'openai';
import { createClient, endpointName } from './client';
import { timeoutError, toChatError } from './errors';
import { DEFAULT_RETRY, retryOrGiveUp, sleep, type RetryPolicy } from './retry';
import { deltaPieces } from './delta';
import { ThinkTagSplitter } from './thinkTags';
import { adjustedShape, initialShape, requestBody } from './requestShape';
import { normalizeUsage } from './usage';
import { Watchdog } from './watchdog';
import type { ChatEvent, ChatRequest, ChatUsage } from './types';

/** How one stream behaves; every field is optional. */
export interface StreamChatOptions {
  /** Stop button: aborting ends the stream with a `cancelled` done event, never an error. */
  signal?: AbortSignal;
  retry?: Partial<RetryPolicy>;
  /**
   * Longest wait for the first bytes of the answer body, per attempt (default 120 s; reasoning
   * models think before they speak). 0 means no limit.
   */
  firstByteTimeoutMs?: number;
  /** Longest silence between two pieces of the body, keep-alive comments counting as life (default 120 s). 0 means no limit. */
  idleTimeoutMs?: number;
  /** Replaces the wait between retries; tests use it to see the delays asked for without waiting. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Source of jitter for the backoff (default Math.random). */
  random?: () => number;
}

const DEFAULT_FIRST_BYTE_MS = 120_000;
const DEFAULT_IDLE_MS = 120_000;

type StreamState = { shown: boolean; finishReason: string | null; usage: ChatUsage | undefined; think: ThinkTagSplitter };

function headersOf(error: unknown): Headers | undefined {
  const headers = (error as { headers?: unknown } | null)?.headers;
  return headers instanceof Headers ? headers : undefined;
}


/**
 * Streams one chat completion. Yields `text` and `reasoning` deltas as they arrive, one `usage`
 * record (requested with `stream_options.include_usage`), `retry` events while it waits out a
 * 429/5xx/unreachable endpoint, and always ends with one `done` event when it does not throw.
 *
 * Throws a {@link ChatError} only when no text has been yielded yet (auth, model not found,
 * context length, retries exhausted, timeout). A failure after text yields `done` with
 * `incomplete: true`; an abort through `options.signal` yields `done` with `cancelled: true`.
 */
export async function* streamChat(request: ChatRequest, options: StreamChatOptions = {}): AsyncGenerator<ChatEvent, void, undefined> {
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const firstByteMs = options.firstByteTimeoutMs ?? DEFAULT_FIRST_BYTE_MS;
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_MS;
  const wait = options.sleep ?? sleep;
  const timing = { ...(options.signal ? { signal: options.signal } : {}), random: options.random ?? Math.random };
  const endpoint = endpointName(request.baseURL);
  let onActivity = (): void => undefined;
  const client = createClient({
    baseURL: request.baseURL,
    apiKey: request.apiKey,
    headers: request.headers,
    timeoutMs: firstByteMs > 0 ? firstByteMs + 5000 : undefined,
    onActivity: () => onActivity(),
  });
  const cancelled: ChatEvent = { type: 'done', outcome: 'cancelled', finishReason: null, cancelled: true };
  let shape = initialShape(request);

  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) return yield cancelled;
    const state: StreamState = { shown: false, finishReason: null, usage: undefined, think: new ThinkTagSplitter() };
    const watchdog = new Watchdog(options.signal);
    // Any body bytes, keep-alive comments included, prove the server is alive.
    onActivity = () => watchdog.arm(idleMs);
    try {
      watchdog.arm(firstByteMs);
      const stream = await client.chat.completions.create(requestBody(request, shape), { signal: watchdog.signal });
      for await (const chunk of stream) {
        watchdog.arm(idleMs);
        yield* chunkEvents(chunk, state);
      }
      // The SDK ends its stream quietly when its signal aborts; a stop or a timeout must not read as a clean end.
      if (watchdog.signal.aborted) throw new Error('The stream was aborted.');
      watchdog.dispose();
      yield* state.think.flush();
      if (state.usage) yield { type: 'usage', usage: state.usage };
      if (state.finishReason !== null) return yield { type: 'done', outcome: 'complete', finishReason: state.finishReason };
      return yield { type: 'done', outcome: 'incomplete', finishReason: null, incomplete: true, reason: `The answer from ${endpoint} ended without finishing.`, stop: { kind: 'ended-early', endpoint } };
    } catch (error) {
      watchdog.dispose();
      yield* state.think.flush();
      if (options.signal?.aborted) {
        if (state.usage) yield { type: 'usage', usage: state.usage };
        return yield cancelled;
      }
      const failure = watchdog.fired ? timeoutError(endpoint, watchdog.fired.ms, !state.shown) : toChatError(error, endpoint, request.model, request.apiKey);
      const reshaped = failure.kind === 'bad-request' ? adjustedShape(shape, failure.detail ?? '') : undefined;
      if (reshaped) {
        // The server refused part of the body: ask again its way, at once; not a retry.
        shape = reshaped;
        attempt--;
        continue;
      }
      if (state.shown) {
        if (state.usage) yield { type: 'usage', usage: state.usage };
        return yield { type: 'done', outcome: 'incomplete', finishReason: null, incomplete: true, reason: failure.message, stop: { kind: 'failed', problem: failure.problem, ...(failure.detail !== undefined ? { detail: failure.detail } : {}) } };
      }
      const again = yield* retryOrGiveUp(failure, attempt, policy, headersOf(error), { ...timing, sleep: wait });
      if (!again) return yield cancelled;
    } finally {
      watchdog.dispose();
    }
  }
}

function* chunkEvents(chunk: OpenAI.Chat.ChatCompletionChunk, state: StreamState): Generator<ChatEvent> {
  const usage = chunk.usage ? normalizeUsage(chunk.usage) : undefined;
  if (usage) state.usage = usage;
  for (const choice of chunk.choices ?? []) {
    if (choice.index !== undefined && choice.index !== 0) continue;
    for (const piece of deltaPieces(choice.delta)) {
      // Counts as shown even while the splitter holds it back: a retry would repeat it.
      state.shown = true;
      yield* piece.type === 'text' ? state.think.push(piece.text) : [piece];
    }
    if (choice.finish_reason) state.finishReason = choice.finish_reason;
  }
}
