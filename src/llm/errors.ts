/**
 * Failures of a model request in plain words with a next step. Every error the client throws is
 * a {@link ChatError}; a cancellation is not an error and never becomes one.
 */
import OpenAI from 'openai';
import { isContextLengthError } from './contextLength';

/** What went wrong, for the caller to branch on. */
export type ChatErrorKind =
  /** 401/403: the key is missing or rejected. */
  | 'auth'
  /** 404: the model (or the endpoint path) does not exist. */
  | 'model-not-found'
  /** 429 after the retries ran out. */
  | 'rate-limit'
  /** The prompt is longer than the model accepts; re-pack smaller (see `smallerBudget`). */
  | 'context-length'
  /** 5xx after the retries ran out. */
  | 'server'
  /** The endpoint could not be reached. */
  | 'network'
  /** The endpoint did not answer in time. */
  | 'timeout'
  /** Any other 4xx: the request itself was refused. */
  | 'bad-request';

/** A failed model request, safe to show: it never contains the API key. */
export class ChatError extends Error {
  override readonly name = 'ChatError';
  constructor(
    readonly kind: ChatErrorKind,
    message: string,
    /** What the user can do about it. */
    readonly nextStep: string,
    /** HTTP status, when the endpoint answered. */
    readonly status?: number,
    /** The provider's own words (redacted), for a details view or a re-pack helper. */
    readonly detail?: string,
    /** Set when retrying cannot help although the kind usually could (nothing listens at the address). */
    readonly permanent = false,
  ) {
    super(message);
  }

  /** True when retrying the same request later may succeed. */
  get retryable(): boolean {
    return !this.permanent && (this.kind === 'rate-limit' || this.kind === 'server' || this.kind === 'network');
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

/** Builds the error for an HTTP status answered by `endpoint`. */
export function errorForStatus(status: number, detail: string, code: string | undefined, endpoint: string, model: string): ChatError {
  if ((status === 400 || status === 413 || status === 422) && isContextLengthError(code, detail)) {
    return new ChatError('context-length', `The prompt is longer than ${model} accepts.`, 'Pack less (a folder, or a smaller budget) and ask again.', status, detail);
  }
  if (status === 401 || status === 403) {
    return new ChatError('auth', `${endpoint} rejected the API key (${status}).`, 'Set a valid key with "Tome: Set API Key".', status, detail);
  }
  if (status === 404) {
    return new ChatError('model-not-found', `${endpoint} does not offer the model "${model}".`, 'Pick a model the provider offers with "Tome: Select Model", or check the base URL.', status, detail);
  }
  if (status === 429) {
    return new ChatError('rate-limit', `${endpoint} is limiting requests (429).`, 'Wait a minute and ask again, or check your plan\'s limits.', status, detail);
  }
  if (status >= 500) {
    return new ChatError('server', `${endpoint} had a server error (${status}).`, 'Try again in a few minutes; if it persists, check the provider\'s status page.', status, detail);
  }
  const shortDetail = detail.length > 300 ? `${detail.slice(0, 300)}…` : detail;
  return new ChatError('bad-request', `${endpoint} refused the request (${status}): ${shortDetail}`, 'Check the model and provider settings, then ask again.', status, detail);
}

/** The error for an endpoint that could not be reached at all. */
export function networkError(endpoint: string, detail: string, code?: string): ChatError {
  if (code === 'ECONNREFUSED') {
    return new ChatError('network', `Nothing is answering at ${endpoint}.`, 'Start the model server (for Ollama: `ollama serve`) or check the base URL setting.', undefined, detail, true);
  }
  if (code === 'ENOTFOUND') {
    return new ChatError('network', `The host ${endpoint} was not found.`, 'Check the base URL setting for typos, and your connection.', undefined, detail, true);
  }
  return new ChatError('network', `Could not reach ${endpoint}.`, 'Check your connection, that the server is running, and the base URL setting.', undefined, detail);
}

/** The error for an endpoint that went silent for `ms` milliseconds, before (`beforeText`) or during the answer. */
export function timeoutError(endpoint: string, ms: number, beforeText: boolean): ChatError {
  const what = beforeText ? 'did not start answering' : 'stopped sending';
  return new ChatError('timeout', `${endpoint} ${what} within ${Math.round(ms / 1000)} s.`, 'Try again; for slow local models raise the timeout setting.');
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
    return errorForStatus(error.status, detail, providerCode(error), endpoint, model);
  }
  if (error instanceof OpenAI.APIError) {
    // An error object inside the stream itself (OpenRouter sends these mid-answer).
    const detail = redactSecrets(providerMessage(error), apiKey);
    if (isContextLengthError(providerCode(error), detail)) return errorForStatus(400, detail, providerCode(error), endpoint, model);
    return new ChatError('server', `${endpoint} reported an error while answering: ${detail}`, 'Try again; if it persists, try another model.', undefined, detail);
  }
  const detail = redactSecrets(error instanceof Error ? error.message : String(error), apiKey);
  return networkError(endpoint, detail);
}
