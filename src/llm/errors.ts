/**
 * Failures of a model request as data (a kind and its fields), worded at the edge. Every error the
 * client throws is a {@link ChatError}; a cancellation is not an error and never becomes one.
 */
import OpenAI from 'openai';
import { isContextLengthError } from './contextLength';
import { describeChatProblem } from './errorText';
import { retryAfterMs } from './retry';

/** What went wrong, for the caller to branch on. */
export type ChatErrorKind = ChatProblem['kind'];

/**
 * A failed model request as data: a kind and the fields its words are made of. The CLI and the
 * tests word it in English ({@link describeChatProblem}); the extension words it through l10n.
 */
export type ChatProblem =
  /** 401/403: the key is missing or rejected. */
  | { kind: 'auth'; endpoint: string; status: number }
  /** 404: the model (or the endpoint path) does not exist. */
  | { kind: 'model-not-found'; endpoint: string; model: string; status: number }
  /** 429 after the retries ran out; `retryAfterMs` is the wait the server asked for, when it named one. */
  | { kind: 'rate-limit'; endpoint: string; status: number; retryAfterMs?: number }
  /** The prompt is longer than the model accepts; re-pack smaller (see `smallerBudget`). */
  | { kind: 'context-length'; model: string; status: number }
  /** 5xx after the retries ran out; no status when the error came inside the answer's stream. */
  | { kind: 'server'; endpoint: string; status?: number }
  /** The endpoint could not be reached: nothing listens (`refused`), no such host, or another failure. */
  | { kind: 'network'; endpoint: string; cause: 'refused' | 'unknown-host' | 'unreachable' }
  /** The endpoint went silent for `seconds`, before it started answering or during the answer. */
  | { kind: 'timeout'; endpoint: string; seconds: number; beforeText: boolean }
  /** Any other 4xx: the request itself was refused. */
  | { kind: 'bad-request'; endpoint: string; status: number }
  /** The base URL setting (`badBaseUrl`) is not an http(s) address; nothing was sent. */
  | { kind: 'bad-request'; badBaseUrl: string };

/**
 * A failed model request, safe to show: it never contains the API key. `problem` is the data;
 * `message` and `nextStep` are its English words, for logs, the CLI and tests.
 */
export class ChatError extends Error {
  override readonly name = 'ChatError';
  /** What went wrong: `problem.kind`, for callers that branch on it. */
  readonly kind: ChatErrorKind;
  /** HTTP status, when the endpoint answered. */
  readonly status?: number;

  constructor(
    readonly problem: ChatProblem,
    /** The provider's own words (redacted), for a details view or a re-pack helper. */
    readonly detail?: string,
  ) {
    super(describeChatProblem(problem, detail).message);
    this.kind = problem.kind;
    if ('status' in problem && problem.status !== undefined) this.status = problem.status;
  }

  /** What the user can do about it, in English. */
  get nextStep(): string {
    return describeChatProblem(this.problem, this.detail).nextStep;
  }

  /** True when retrying the same request later may succeed (not when nothing listens at the address). */
  get retryable(): boolean {
    const { problem } = this;
    if (problem.kind === 'network') return problem.cause === 'unreachable';
    return problem.kind === 'rate-limit' || problem.kind === 'server';
  }
}

/** Removes the key (and anything shaped like a bearer secret) from text shown or logged. */
export function redactSecrets(text: string, apiKey: string | undefined): string {
  let out = apiKey && apiKey.length >= 4 ? text.split(apiKey).join('[key]') : text;
  // OpenAI/DeepSeek/OpenRouter style (`sk-…`) and Google style (`AIza…`) keys, even ones not ours.
  out = out.replace(/\b(?:sk|rk)-[-_A-Za-z0-9*]{12,}/g, '[key]').replace(/\bAIza[-_A-Za-z0-9]{30,}/g, '[key]');
  return out.replace(/(bearer\s+)\S+/gi, '$1[key]');
}

function providerMessage(error: InstanceType<typeof OpenAI.APIError>): string {
  const body = error.error as { message?: unknown } | undefined;
  if (body && typeof body.message === 'string') return body.message;
  return error.message;
}

function providerCode(error: InstanceType<typeof OpenAI.APIError>): string | undefined {
  if (typeof error.code === 'string') return error.code;
  const body = error.error as { code?: unknown; type?: unknown } | undefined;
  if (typeof body?.code === 'string') return body.code;
  return typeof body?.type === 'string' ? body.type : undefined;
}

/** Builds the error for an HTTP status answered by `endpoint`; `retryAfterMs` is the wait a 429 asked for. */
export function errorForStatus(status: number, detail: string, code: string | undefined, endpoint: string, model: string, retryAfterMs?: number): ChatError {
  if ((status === 400 || status === 413 || status === 422) && isContextLengthError(code, detail)) {
    return new ChatError({ kind: 'context-length', model, status }, detail);
  }
  if (status === 401 || status === 403) return new ChatError({ kind: 'auth', endpoint, status }, detail);
  if (status === 404) return new ChatError({ kind: 'model-not-found', endpoint, model, status }, detail);
  if (status === 429) return new ChatError({ kind: 'rate-limit', endpoint, status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) }, detail);
  if (status >= 500) return new ChatError({ kind: 'server', endpoint, status }, detail);
  return new ChatError({ kind: 'bad-request', endpoint, status }, detail);
}

/** The error for an endpoint that could not be reached at all. */
export function networkError(endpoint: string, detail: string, code?: string): ChatError {
  const cause = code === 'ECONNREFUSED' ? 'refused' : code === 'ENOTFOUND' ? 'unknown-host' : 'unreachable';
  return new ChatError({ kind: 'network', endpoint, cause }, detail);
}

/** The error for an endpoint that went silent for `ms` milliseconds, before (`beforeText`) or during the answer. */
export function timeoutError(endpoint: string, ms: number, beforeText: boolean): ChatError {
  return new ChatError({ kind: 'timeout', endpoint, seconds: Math.round(ms / 1000), beforeText });
}

/** The error for a provider that reported a failure inside the answer's stream (OpenRouter, Ollama). */
export function streamedError(endpoint: string, detail: string): ChatError {
  return new ChatError({ kind: 'server', endpoint }, detail);
}

/** The Node system error code (`ECONNREFUSED`, …) somewhere down an error's cause chain. */
export function systemErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Maps anything the SDK threw into a {@link ChatError}, with the key redacted. User aborts are
 * not passed here; the stream loop turns them into a cancelled outcome first.
 */
export function toChatError(error: unknown, endpoint: string, model: string, apiKey: string | undefined): ChatError {
  if (error instanceof ChatError) return error;
  if (error instanceof OpenAI.APIConnectionError) {
    const cause = error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
    return networkError(endpoint, redactSecrets(cause, apiKey), systemErrorCode(error));
  }
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const detail = redactSecrets(providerMessage(error), apiKey);
    return errorForStatus(error.status, detail, providerCode(error), endpoint, model, retryAfterMs(error.headers));
  }
  if (error instanceof OpenAI.APIError) {
    // An error object inside the stream itself (OpenRouter sends these mid-answer).
    const detail = redactSecrets(providerMessage(error), apiKey);
    if (isContextLengthError(providerCode(error), detail)) return errorForStatus(400, detail, providerCode(error), endpoint, model);
    return streamedError(endpoint, detail);
  }
  const detail = redactSecrets(error instanceof Error ? error.message : String(error), apiKey);
  return networkError(endpoint, detail);
}
