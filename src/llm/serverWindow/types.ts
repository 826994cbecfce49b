/**
 * What a model server says about the context window it runs a model with, as plain data. Every
 * probe returns one of these; none throws.
 */
import type { ModelPrices } from '../types';

/** The server shapes Tome can read a window from. */
export type WindowServer = 'vllm' | 'ollama' | 'lmstudio' | 'llamacpp' | 'openrouter' | 'gemini';

/** A window the server reported. */
export interface KnownServerWindow {
  kind: 'known';
  /** Tokens of prompt plus answer Tome may plan for. */
  window: number;
  source: WindowServer;
  /** Per-million prices, where the server lists them (OpenRouter). */
  prices?: ModelPrices;
  /** Longest answer, where the server says (Gemini `outputTokenLimit`). */
  maxOutputTokens?: number;
  /** The context the model was trained for (Ollama `<arch>.context_length`), when it differs from what is served. */
  trainedWindow?: number;
  /**
   * The context the server runs the model with right now (Ollama `/api/ps`, or `num_ctx` in the
   * model's parameters). Ollama's OpenAI-compatible endpoint cuts prompts to this, silently.
   */
  servedWindow?: number;
}

/** Why no window could be read. */
export type UnknownReason =
  /** Nothing answered, or the answer was an HTTP error. */
  | 'unreachable'
  /** The server did not answer within the probe's timeout. */
  | 'timeout'
  /** The server answered but does not list this model. */
  | 'no-such-model'
  /** The server lists the model but not its window. */
  | 'not-reported'
  /** This provider has no endpoint that reports windows. */
  | 'not-supported';

/** The outcome of asking a server for a model's window. */
export type ServerWindow = KnownServerWindow | { kind: 'unknown'; reason: UnknownReason };

/** Where and what to ask. */
export interface ProbeTarget {
  /** The base URL the chat goes to (OpenAI-compatible, or Ollama's root). */
  baseURL: string;
  model: string;
  /** Sent only to the provider's own host, as its API expects. */
  apiKey?: string;
  signal: AbortSignal;
}
