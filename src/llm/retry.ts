/**
 * When and how long to wait before trying a failed request again. The client owns this loop
 * (the SDK's own retries are off) so every retry is visible to the caller as an event. Both
 * streams (OpenAI-compatible and Ollama's native one) decide and wait through {@link retryOrGiveUp}.
 */
import type { ChatError } from './errors';
import type { ChatEvent } from './types';

/** Retry and timeout settings of one chat stream; every field has a default. */
export interface RetryPolicy {
  /** Retries after the first attempt (default 3). 0 turns retrying off. */
  maxRetries: number;
  /** First backoff delay when the server names none (default 1000 ms); doubles each retry. */
  baseDelayMs: number;
  /** Longest backoff between attempts (default 30 s). */
  maxDelayMs: number;
  /** A `retry-after` longer than this is not waited out: the error goes to the user (default 60 s). */
  maxRetryAfterMs: number;
}

/** Defaults for {@link RetryPolicy}. */
export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 60_000 };

/**
 * Reads the server's wish from `retry-after-ms` (OpenAI) or `retry-after` (seconds or an HTTP
 * date). Returns milliseconds, or undefined when there is no usable header.
 */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** Exponential backoff for retry number `attempt` (1-based), with ±20 % jitter so clients do not retry in step. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const plain = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(plain * (0.8 + 0.4 * random()));
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** How the retry wait is done; tests replace `sleep` and `random`. */
export interface RetryTiming {
  signal?: AbortSignal;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
}

/**
 * After failed attempt number `attempt` (nothing shown yet): throws `failure` when it is final
 * (not retryable, retries used up, or a `retry-after` longer than the policy waits out);
 * otherwise yields the `retry` event, waits, and returns true to try again, or false when the
 * wait was cancelled. `headers` are the failed response's, for the server's own `retry-after`.
 */
export async function* retryOrGiveUp(failure: ChatError, attempt: number, policy: RetryPolicy, headers: Headers | undefined, timing: RetryTiming): AsyncGenerator<ChatEvent, boolean, undefined> {
  if (!failure.retryable || attempt > policy.maxRetries) throw failure;
  const asked = retryAfterMs(headers);
  const delayMs = asked !== undefined ? (asked <= policy.maxRetryAfterMs ? asked : undefined) : backoffMs(attempt, policy, timing.random);
  if (delayMs === undefined) throw failure;
  yield { type: 'retry', attempt, delayMs, reason: failure.status ? `${failure.status}` : failure.kind };
  try {
    await timing.sleep(delayMs, timing.signal);
    return true;
  } catch {
    return false;
  }
}
