/**
 * One place that builds the `openai` SDK client, so every request gets the same settings:
 * the SDK's own retries off (the stream loop owns retrying), and no stray key.
 */
import OpenAI from 'openai';
import { ChatError, toChatError } from './errors';

/** What a client needs: where to go and, for hosted providers, the key. */
export interface EndpointConfig {
  baseURL: string;
  apiKey?: string;
  headers?: Record<string, string>;
  /** The SDK's own request timeout; the stream loop keeps stricter watch itself. */
  timeoutMs?: number;
  /**
   * Called whenever response bytes arrive, keep-alive comments included (DeepSeek sends
   * `: keep-alive` while a request waits in its queue); the SDK hides those from the stream.
   */
  onActivity?: () => void;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An error body in the `{ "error": { "message": … } }` envelope the SDK reads, from the shapes
 * OpenAI-compatible servers actually send: Google's `[{ "error": … }]` (which the SDK would
 * report as "400 status code (no body)"), a bare `{ "message": … }` (older vLLM), a string
 * `{ "error": "…" }` (LM Studio), FastAPI's `{ "detail": "…" }`. Undefined when it is none.
 */
export function errorEnvelope(parsed: unknown): Record<string, unknown> | undefined {
  const candidate: unknown = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!isObject(candidate)) return undefined;
  if (isObject(candidate.error)) return candidate;
  if (typeof candidate.error === 'string') return { error: { message: candidate.error } };
  if (typeof candidate.message === 'string') return { error: candidate };
  if (typeof candidate.detail === 'string') return { error: { message: candidate.detail } };
  return undefined;
}

/** The same failed response with its error body in the envelope the SDK reads. */
async function readableError(response: Response): Promise<Response> {
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const envelope = errorEnvelope(parsed);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  return new Response(envelope ? JSON.stringify(envelope) : text, { status: response.status, statusText: response.statusText, headers });
}

/** `fetch` that makes provider errors readable and reports every piece of the body as it arrives. */
function providerFetch(onActivity: (() => void) | undefined): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!response.ok) return readableError(response);
    if (!response.body || !onActivity) return response;
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(piece, controller) {
          onActivity();
          controller.enqueue(piece);
        },
      }),
    );
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** Host (and port) of a base URL, for messages: never the path's query or any credentials in it. */
export function endpointName(baseURL: string): string {
  try {
    return new URL(baseURL).host || baseURL;
  } catch {
    return 'the model server';
  }
}

/** Throws a plain-words error when the base URL cannot be used at all. */
export function checkBaseURL(baseURL: string): void {
  let url: URL | undefined;
  try {
    url = new URL(baseURL);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ChatError({ kind: 'bad-request', badBaseUrl: baseURL });
  }
}

/**
 * Builds the SDK client. Nothing is taken from the environment: without a key, the
 * `Authorization` header is removed entirely (the SDK would otherwise fall back to
 * `OPENAI_API_KEY` and send it to whatever server the base URL names).
 */
export function createClient(config: EndpointConfig): OpenAI {
  checkBaseURL(config.baseURL);
  const hasKey = typeof config.apiKey === 'string' && config.apiKey.length > 0;
  return new OpenAI({
    apiKey: hasKey ? config.apiKey : 'no-key',
    baseURL: config.baseURL,
    // Explicit nulls so OPENAI_ORG_ID / OPENAI_PROJECT_ID from the environment are not sent to other servers.
    organization: null,
    project: null,
    // OPENAI_LOG=debug would print whole requests, i.e. the packed codebase, to the console.
    logLevel: 'error',
    maxRetries: 0,
    timeout: config.timeoutMs ?? 10 * 60_000,
    defaultHeaders: { ...config.headers, ...(hasKey ? {} : { Authorization: null }) },
    fetch: providerFetch(config.onActivity),
  });
}

/**
 * The model ids the endpoint lists at `GET /models` (local servers list what is loaded).
 * Throws a {@link ChatError} when the list cannot be had.
 */
export async function listModels(config: EndpointConfig, signal?: AbortSignal): Promise<string[]> {
  const client = createClient(config);
  try {
    const ids: string[] = [];
    for await (const model of client.models.list({ signal })) ids.push(model.id);
    return ids.sort();
  } catch (error) {
    throw toChatError(error, endpointName(config.baseURL), '(model list)', config.apiKey);
  }
}
