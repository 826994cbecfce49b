/**
 * Plain data shapes of the model client: what a chat request carries and what a streamed answer
 * yields. Nothing here depends on the `openai` package, so callers can hold these types without
 * pulling the SDK in.
 */
import type { ChatProblem } from './errors';

/** One message of a conversation, in the OpenAI chat shape. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Where to send a chat and what to ask. */
export interface ChatRequest {
  /** OpenAI-compatible base URL, e.g. `https://api.deepseek.com` or `http://localhost:11434/v1`. */
  baseURL: string;
  model: string;
  /** Bearer key; leave out for local servers. Never logged, never put in an error message. */
  apiKey?: string;
  messages: ChatMessage[];
  /** Sent as `max_tokens`. */
  maxOutputTokens?: number;
  temperature?: number;
  /**
   * Ask for the usage record with `stream_options.include_usage` (default true). A server that
   * refuses the option is asked again without it automatically.
   */
  includeUsage?: boolean;
  /** Extra request headers (e.g. OpenRouter's `HTTP-Referer`). */
  headers?: Record<string, string>;
  /**
   * Switches the model's thinking on or off, for providers with a toggle (DeepSeek's
   * `thinking: { type }`); left out, the provider's default applies.
   */
  thinking?: 'enabled' | 'disabled';
}

/** Token counts of one request, with the provider's prompt-cache figures folded into one shape. */
export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** Prompt tokens served from the provider's cache (0 when the provider does not say). */
  cachedPromptTokens: number;
  /** `promptTokens - cachedPromptTokens`. */
  uncachedPromptTokens: number;
  /** Hidden reasoning tokens inside `completionTokens`, when the provider reports them. */
  reasoningTokens?: number;
}

/** How a streamed answer ended. */
export type ChatOutcome = 'complete' | 'incomplete' | 'cancelled';

/** One event of a streamed answer, in the order they arrive. */
export type ChatEvent =
  /** A piece of the answer. */
  | { type: 'text'; text: string }
  /** A piece of the model's reasoning (DeepSeek `reasoning_content`, OpenRouter/vLLM `reasoning`); show it apart from the answer. */
  | { type: 'reasoning'; text: string }
  /** Token counts, normally once near the end. */
  | { type: 'usage'; usage: ChatUsage }
  /**
   * The request failed in a way worth retrying; the client waits `delayMs` and tries again.
   * `attempt` counts retries from 1; `reason` is the HTTP status (`'429'`) or the error kind (`'network'`).
   */
  | { type: 'retry'; attempt: number; delayMs: number; reason: string }
  /**
   * Always the last event. `incomplete` marks an answer cut short (the stream died or ended
   * without a finish reason): the text already yielded is all there is. `cancelled` marks a
   * stop through the caller's AbortSignal: an outcome, not an error.
   */
  | {
      type: 'done';
      outcome: ChatOutcome;
      /** The provider's `finish_reason` (`stop`, `length`, …), or null when none came. */
      finishReason: string | null;
      incomplete?: boolean;
      cancelled?: boolean;
      /** Why an incomplete answer stopped, in plain English words (the CLI, logs, tests). */
      reason?: string;
      /** Why an incomplete answer stopped, as data, for callers that word it themselves (l10n). */
      stop?: IncompleteStop;
    };

/**
 * Why an answer ended before it finished: the stream closed without a finish reason
 * (`ended-early`), or a request failure came after text was shown (`failed`, with its problem).
 */
export type IncompleteStop =
  | { kind: 'ended-early'; endpoint: string }
  | { kind: 'failed'; problem: ChatProblem; detail?: string };

/** Per-model prices in US dollars per one million tokens. */
export interface ModelPrices {
  input: number;
  /** Price of prompt tokens served from the cache; input price when left out. */
  cachedInput?: number;
  output: number;
  /**
   * Higher prices some providers charge once the prompt passes a size (Gemini 2.5 Pro above
   * 200k tokens). The whole request is billed at the tier's prices.
   */
  longPrompt?: { aboveTokens: number; input: number; cachedInput?: number; output: number };
  /**
   * Lower rates outside the provider's peak hours (DeepSeek: half). When set, `input`,
   * `cachedInput` and `output` above are the peak rates, and `peakHours` says when they apply.
   */
  offPeak?: { input: number; cachedInput?: number; output: number };
  /** When the peak rates apply; required with `offPeak`. */
  peakHours?: PeakHours;
}

/**
 * A provider's peak hours: on the listed hours of the day in one fixed time zone (no daylight
 * saving), on weekdays only when `weekdaysOnly`.
 */
export interface PeakHours {
  /** The zone's offset from UTC in minutes (Beijing: +480). */
  utcOffsetMinutes: number;
  weekdaysOnly: boolean;
  /** Half-open `[startHour, endHour)` ranges of local time, e.g. `[9, 12]` is 9:00 to 11:59:59. */
  windows: ReadonlyArray<readonly [number, number]>;
}
