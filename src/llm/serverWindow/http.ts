/**
 * The probes' one HTTP helper: JSON in, JSON out, never throws, and keeps the API key out of
 * URLs (Gemini's key goes in a header, not `?key=`).
 */
import type { UnknownReason } from './types';

/** A JSON body, or why there is none. */
export type JsonAnswer = { ok: true; body: unknown } | { ok: false; reason: Extract<UnknownReason, 'unreachable' | 'timeout' | 'no-such-model'> };

/** GETs (or POSTs `body` to) `url` and parses the answer; 404 reads as "no such model". */
export async function fetchJson(url: string, signal: AbortSignal, init: { body?: unknown; headers?: Record<string, string> } = {}): Promise<JsonAnswer> {
  try {
    const response = await fetch(url, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: { accept: 'application/json', ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal,
    });
    if (response.status === 404) return { ok: false, reason: 'no-such-model' };
    if (!response.ok) return { ok: false, reason: 'unreachable' };
    return { ok: true, body: (await response.json()) as unknown };
  } catch {
    return { ok: false, reason: signal.aborted ? 'timeout' : 'unreachable' };
  }
}

/** A field of an object, or undefined. */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/** A positive whole number of tokens, or undefined. */
export function tokens(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

/** The entries of a `{ data: [...] }` list (OpenAI, vLLM, LM Studio, OpenRouter), or of a bare array. */
export function listEntries(body: unknown): unknown[] {
  const data = Array.isArray(body) ? body : field(body, 'data') ?? field(body, 'models');
  return Array.isArray(data) ? data : [];
}

/** The server's root: the base URL without a trailing `/v1`, `/api/v1` or `/v1beta/openai`. */
export function serverRoot(baseURL: string): string {
  return baseURL.replace(/\/+$/, '').replace(/\/(?:api\/)?v1$/, '').replace(/\/v1beta\/openai$/, '');
}
