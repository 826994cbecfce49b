/**
 * What the extension needs from the model client in src/llm, in one small interface, so the
 * chat session and the view depend on this and not on the client's details.
 */
import type { TurnUsage } from '../shared/model';
import type { AnswerEvent, ChatFailure, ModelInfo } from '../chat/chatTypes';
import type { ChatMessage } from '../chat/chatMessages';
import type { ServerCheck } from '../chat/setupState';
import type { TomeSettings } from '../chat/settings';

/** The model client as the extension uses it. */
export interface LlmBridge {
  /** The model and its window: the setting, else what the server reported, else the preset. */
  modelInfo(settings: TomeSettings): ModelInfo;
  /** Asks the server for the model's window (and prices) again; resolves when it answered or gave up. */
  refreshWindow(settings: TomeSettings, apiKey: string | undefined): Promise<void>;
  /** Models to offer in "Select Model": the preset's, plus what a local or custom server lists. */
  knownModels(settings: TomeSettings, apiKey: string | undefined): Promise<string[]>;
  /** Asks the provider's server which models it serves; `unreachable` when nothing answers in time. */
  checkServer(settings: TomeSettings, apiKey: string | undefined): Promise<ServerCheck>;
  /** Streams one answer; throws on failure (see {@link LlmBridge.describeFailure}). */
  stream(settings: TomeSettings, apiKey: string | undefined, messages: ChatMessage[], signal: AbortSignal): AsyncIterable<AnswerEvent>;
  describeFailure(error: unknown): ChatFailure;
  costOf(settings: TomeSettings, usage: Omit<TurnUsage, 'cost' | 'rate'>): number | null;
  /** The cost at the rate in force now, and which rate that is (DeepSeek's peak hours). */
  costNow(settings: TomeSettings, usage: Omit<TurnUsage, 'cost' | 'rate'>): { cost: number | null; rate?: 'peak' | 'off-peak' };
  /** Tokens of plain text, calibrated to the model where the client knows how. */
  countTokens(text: string, settings: TomeSettings): number;
  /** True when the provider needs an API key (local servers usually do not). */
  needsApiKey(settings: TomeSettings): boolean;
}
