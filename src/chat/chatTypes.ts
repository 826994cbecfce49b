/**
 * What the chat session needs from the outside world, as plain interfaces, so the whole
 * ask → pack → stream → store flow runs in unit tests without VS Code or a network.
 */
import type { WriteFailure, PackOptions, PackResult, PackRequest } from '../core';
import type { HostAction, HostMessage } from '../shared/protocol';
import type { TurnUsage } from '../shared/model';
import type { ChatMessage } from './chatMessages';
import type { ConversationStore } from './conversationStore';
import type { PackSettings } from './packScope';

/** One event of a streamed answer, as the session consumes it. */
export type AnswerEvent =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'usage'; inputTokens: number; outputTokens: number; cachedTokens: number }
  | { type: 'retry'; attempt: number; delayMs: number }
  /** Always last. `incomplete`: the stream ended early, the text so far is all there is. */
  | { type: 'done'; outcome?: 'complete' | 'incomplete' | 'cancelled'; reason?: string };

/** A failed request, in words for the user. */
export interface ChatFailure {
  /** `context-length` triggers one re-pack with a smaller budget. */
  kind: 'auth' | 'model' | 'context-length' | 'other';
  message: string;
  nextStep: string;
  /** The provider's own words on a context-length error; may state how far over the prompt was. */
  overflowText?: string;
}

/** Where the context window Tome plans with comes from. */
export type WindowSource =
  /** `tome.contextWindow` is set: it wins over everything. */
  | { kind: 'setting' }
  /** The server reported it (vLLM `max_model_len`, Ollama, LM Studio, llama.cpp `/props`, OpenRouter, Gemini). */
  | { kind: 'server'; server: 'vllm' | 'ollama' | 'lmstudio' | 'llamacpp' | 'openrouter' | 'gemini' }
  /** Tome's preset for a model it knows. */
  | { kind: 'preset' }
  /** VS Code's Language Model API reported the model's input limit (provider `vscode-lm`). */
  | { kind: 'vscode-lm' }
  /** Nobody said: `contextWindow` is the provider's guess. `reason` is why the server did not say, when it was asked. */
  | { kind: 'unknown'; reason?: string };

/** The model the conversation talks to, with its limits and prices resolved. */
export interface ModelInfo {
  model: string;
  contextWindow: number;
  maxOutputTokens: number;
  /** Where `contextWindow` comes from (absent in tests that do not care). */
  windowSource?: WindowSource;
  /** The context the server runs the model with, when it reports one (Ollama, LM Studio, llama.cpp). */
  servedWindow?: number;
}

/** Runtime strings the session shows; filled in by the host's localization. */
export interface SessionStrings {
  untrusted(): { message: string; nextStep: string };
  noWorkspace(): { message: string; nextStep: string };
  repackedFilesChanged(): string;
  repackedSmaller(tokens: number): string;
  /** The re-pack after a context-length error came out no smaller (`tokens`): the question cannot fit. */
  cannotFit(tokens: number): { message: string; nextStep: string };
  retrying(attempt: number): string;
  packFailed(detail: string): { message: string; nextStep: string };
  /** The stream ended before the answer did; `reason` is the client's, when it gave one. */
  endedEarly(reason: string | undefined): { message: string; nextStep: string };
  /** The user cancelled at the cost guard: nothing was sent. */
  notSent(): { message: string; nextStep: string };
  /** The server read only `billed` of the `sent` prompt tokens: it cut the prompt. Names the fix. */
  promptTruncated(sent: number, billed: number): string;
  /** `count` stored conversations could not be read; the others opened as usual. */
  unreadableChats(count: number): string;
  /** The packed context could not be saved to disk (`failure` says why); the answer goes on. */
  contextNotSaved(failure: WriteFailure): string;
}

/** Everything the session calls. */
export interface ChatSessionDeps {
  store: ConversationStore;
  pack(request: PackRequest, options: PackOptions): Promise<PackResult>;
  /** Streams one answer; throws on failure. */
  streamAnswer(messages: ChatMessage[], signal: AbortSignal): AsyncIterable<AnswerEvent>;
  /** Turns anything `streamAnswer` threw into words. */
  describeFailure(error: unknown): ChatFailure;
  /** Token count of plain text (calibrated to the model where known). */
  countTokens(text: string): number;
  /** Cost in US dollars of a usage, or null when prices are unknown. */
  costOf(usage: Omit<TurnUsage, 'cost' | 'rate'>): number | null;
  model(): ModelInfo;
  packSettings(): PackSettings;
  workspaceFolders(): readonly string[];
  /** False in an untrusted workspace: Tome packs but does not send. */
  canSend(): boolean;
  post(message: HostMessage): void;
  /** Shows a warning that belongs to no answer (a notification in VS Code). */
  warn?(message: string): void;
  newId(): string;
  strings: SessionStrings;
  /**
   * The pack share for the retry after a context-length error, below `current`; may use the
   * provider's words. Defaults to three quarters of `current`.
   */
  smallerPackShare?(overflowText: string, current: number): number;
  /**
   * Token calibration: how many of Tome's tokens fill `providerTokens` of the model's (the
   * provider tokenizes its own way). Identity when left out.
   */
  calibratedBudget?(providerTokens: number): number;
  /** Records that a prompt Tome estimated at `estimated` tokens was billed as `billed`. */
  recordPromptTokens?(estimated: number, billed: number): void;
  /**
   * A warning to show before sending a prompt of `promptTokens` (e.g. it is larger than the
   * context the server runs with), or undefined when there is none. The prompt is still sent.
   */
  preSendWarning?(promptTokens: number): string | undefined;
  /** `tome.confirmAboveCost`: a question whose input costs more asks first; 0 or absent never asks. */
  confirmAboveCost?(): number;
  /** Cost of a usage at the time of sending, with the rate it was taken at; preferred over `costOf`. */
  costNow?(usage: Omit<TurnUsage, 'cost' | 'rate'>): { cost: number | null; rate?: 'peak' | 'off-peak' };
}

/** The action button an error offers, if any. */
export function actionFor(failure: ChatFailure): HostAction | undefined {
  if (failure.kind === 'auth') return 'setApiKey';
  if (failure.kind === 'model') return 'selectModel';
  return undefined;
}
