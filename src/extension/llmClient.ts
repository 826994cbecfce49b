/**
 * The LlmBridge over src/llm: presets and the server's own answer size and price the model,
 * `streamChat` (or Ollama's native API) streams, and ChatError kinds become plain words in the
 * UI language with a next step.
 */
import * as vscode from 'vscode';
import {
  listModels,
  ChatError,
  listOllamaModels,
  streamOllamaChat,
  needsApiKey,
  providerPreset,
  resolveModel,
  isOllamaOpenAIUrl,
  type ServerWindowCache,
  streamChat,
  costAt,
  type ChatEvent,
  type ChatRequest,
  type IncompleteStop,
  type ModelPrices,
} from '../llm';
import type { TurnUsage } from '../shared/model';
import type { AnswerEvent, ChatFailure, ModelInfo } from '../chat/chatTypes';
import { modelInfoFrom } from '../chat/modelWindow';
import type { ChatMessage } from '../chat/chatMessages';
import type { TomeSettings } from '../chat/settings';
import type { ServerCheck } from '../chat/setupState';
import type { LlmBridge } from './llmBridge';

/** Characters per token assumed for the conversation's own text; low, so the estimate errs high. */
const CHARS_PER_TOKEN = 3;
/** How long "Select Model" waits for a server's model list. */
const LIST_MODELS_TIMEOUT_MS = 5000;

function baseUrlOf(settings: TomeSettings): string {
  return settings.baseUrl || providerPreset(settings.provider).baseURL;
}

/** True when questions go through Ollama's native API (its root URL, not `/v1`). */
function usesOllamaNative(settings: TomeSettings): boolean {
  return settings.provider === 'ollama' && !isOllamaOpenAIUrl(baseUrlOf(settings));
}

function toAnswerEvent(event: ChatEvent): AnswerEvent {
  switch (event.type) {
    case 'text':
    case 'reasoning':
      return event;
    case 'usage':
      return { type: 'usage', inputTokens: event.usage.promptTokens, outputTokens: event.usage.completionTokens, cachedTokens: event.usage.cachedPromptTokens };
    case 'retry':
      return { type: 'retry', attempt: event.attempt, delayMs: event.delayMs };
    case 'done':
      {
        const reason = event.stop ? stopText(event.stop) : event.reason;
        return { type: 'done', outcome: event.outcome, ...(reason ? { reason } : {}) };
      }
  }
}

/** Why an answer stopped early, in the UI language. */
function stopText(stop: IncompleteStop): string {
  if (stop.kind === 'ended-early') return vscode.l10n.t('The answer from {0} ended without finishing.', stop.endpoint);
  return describeChatError(new ChatError(stop.problem, stop.detail)).message;
}

/** A ChatError in the UI language, worded from its data; the provider's own words are kept as the detail. */
function describeChatError(error: ChatError): ChatFailure {
  const detail = error.detail ?? error.message;
  const { problem } = error;
  const other = (message: string, nextStep: string): ChatFailure => ({ kind: 'other', message, nextStep });
  const retryLater = vscode.l10n.t('Try again; if it keeps failing, check the provider settings.');
  const checkUrl = vscode.l10n.t('Check your connection and the "tome.baseUrl" setting.');
  switch (problem.kind) {
    case 'auth':
      return { kind: 'auth', message: vscode.l10n.t('The provider rejected the API key ({0}).', problem.status), nextStep: vscode.l10n.t('Run "Tome: Set API Key" and paste a valid key.') };
    case 'model-not-found':
      return { kind: 'model', message: vscode.l10n.t('The provider does not know this model: {0}', detail), nextStep: vscode.l10n.t('Run "Tome: Select Model" and pick a model the provider offers.') };
    case 'context-length':
      return { kind: 'context-length', message: vscode.l10n.t("The prompt is too long for the model's context window."), nextStep: vscode.l10n.t('Lower "tome.contextWindow" or ask about a folder instead of the whole workspace.'), overflowText: detail };
    case 'rate-limit':
      return other(
        problem.retryAfterMs === undefined ? vscode.l10n.t('The provider is rate-limiting requests.') : vscode.l10n.t('The provider is rate-limiting requests and asks to wait {0} s.', Math.ceil(problem.retryAfterMs / 1000)),
        vscode.l10n.t('Wait a minute and ask again, or check your plan\'s limits.'),
      );
    case 'network':
      if (problem.cause === 'refused') return other(vscode.l10n.t('Nothing is answering at {0}.', problem.endpoint), vscode.l10n.t('Start the model server (for Ollama: `ollama serve`) or check the "tome.baseUrl" setting.'));
      if (problem.cause === 'unknown-host') return other(vscode.l10n.t('The host {0} was not found.', problem.endpoint), checkUrl);
      return other(vscode.l10n.t('Could not reach the model server: {0}', problem.endpoint), checkUrl);
    case 'timeout':
      return other(
        problem.beforeText ? vscode.l10n.t('{0} did not start answering within {1} s.', problem.endpoint, problem.seconds) : vscode.l10n.t('{0} stopped sending within {1} s.', problem.endpoint, problem.seconds),
        vscode.l10n.t('Try again; for slow local models raise the timeout setting.'),
      );
    case 'server':
      return other(
        problem.status === undefined ? vscode.l10n.t('{0} reported an error while answering: {1}', problem.endpoint, detail) : vscode.l10n.t('{0} had a server error ({1}).', problem.endpoint, problem.status),
        retryLater,
      );
    case 'bad-request':
      if ('badBaseUrl' in problem) return other(vscode.l10n.t('The base URL "{0}" is not an http(s) address.', problem.badBaseUrl.slice(0, 200)), vscode.l10n.t('Set "tome.baseUrl" to an http(s) address, e.g. http://localhost:11434/v1.'));
      return other(vscode.l10n.t('{0} refused the request ({1}): {2}', problem.endpoint, problem.status, detail.length > 300 ? `${detail.slice(0, 300)}…` : detail), retryLater);
  }
}

/**
 * Creates the bridge the extension talks to models through. `windows` remembers what servers
 * said about their windows; `now` is the clock prices are chosen by (DeepSeek's peak hours).
 */
export function createLlmBridge(windows: ServerWindowCache, now: () => Date = () => new Date()): LlmBridge {
  const queryOf = (settings: TomeSettings) => ({ provider: settings.provider, baseURL: baseUrlOf(settings), model: resolveModel(settings.provider, settings.model).model });
  const pricesOf = (settings: TomeSettings): ModelPrices | undefined => {
    const server = windows.get(queryOf(settings));
    return settings.prices ?? (server?.kind === 'known' ? server.prices : undefined) ?? resolveModel(settings.provider, settings.model).prices;
  };
  const costNow = (settings: TomeSettings, usage: Omit<TurnUsage, 'cost' | 'rate'>): { cost: number | null; rate?: 'peak' | 'off-peak' } => {
    const prices = pricesOf(settings);
    if (!prices) return { cost: null };
    const cached = Math.min(usage.cachedTokens, usage.inputTokens);
    return costAt({ promptTokens: usage.inputTokens, completionTokens: usage.outputTokens, totalTokens: usage.inputTokens + usage.outputTokens, cachedPromptTokens: cached, uncachedPromptTokens: usage.inputTokens - cached }, prices, now());
  };
  return {
    modelInfo(settings: TomeSettings): ModelInfo {
      return modelInfoFrom(settings, windows.get(queryOf(settings)), resolveModel(settings.provider, settings.model));
    },
    async refreshWindow(settings: TomeSettings, apiKey: string | undefined): Promise<void> {
      await windows.refresh({ ...queryOf(settings), ...(apiKey ? { apiKey } : {}) });
    },
    async knownModels(settings: TomeSettings, apiKey: string | undefined): Promise<string[]> {
      const preset = providerPreset(settings.provider);
      const signal = AbortSignal.timeout(LIST_MODELS_TIMEOUT_MS);
      const listed = usesOllamaNative(settings)
        ? await listOllamaModels(baseUrlOf(settings), signal).catch(() => [])
        : preset.local || preset.id === 'custom'
          ? await listModels({ baseURL: baseUrlOf(settings), ...(apiKey ? { apiKey } : {}) }, signal).catch(() => [])
          : [];
      return [...new Set([...preset.models.map((m) => m.id), ...listed])];
    },
    async checkServer(settings: TomeSettings, apiKey: string | undefined): Promise<ServerCheck> {
      const signal = AbortSignal.timeout(LIST_MODELS_TIMEOUT_MS);
      try {
        const models = usesOllamaNative(settings) ? await listOllamaModels(baseUrlOf(settings), signal) : await listModels({ baseURL: baseUrlOf(settings), ...(apiKey ? { apiKey } : {}) }, signal);
        return { kind: 'answered', models };
      } catch (error) {
        // A server that answers with a refusal (a key it wants, no model list) is there all the same.
        const unreachable = !(error instanceof ChatError) || error.kind === 'network' || error.kind === 'timeout';
        return unreachable ? { kind: 'unreachable' } : { kind: 'answered', models: [] };
      }
    },
    needsApiKey: (settings) => needsApiKey(settings.provider),
    countTokens: (text) => Math.ceil(text.length / CHARS_PER_TOKEN),
    costOf: (settings, usage) => costNow(settings, usage).cost,
    costNow,
    async *stream(settings, apiKey, messages: ChatMessage[], signal): AsyncIterable<AnswerEvent> {
      const info = this.modelInfo(settings);
      const thinking = providerPreset(settings.provider).thinkingToggle ? { thinking: settings.thinking ? ('enabled' as const) : ('disabled' as const) } : {};
      const request: ChatRequest = { baseURL: baseUrlOf(settings), model: info.model, messages, maxOutputTokens: info.maxOutputTokens, ...thinking, ...(apiKey ? { apiKey } : {}) };
      if (usesOllamaNative(settings)) {
        const server = windows.get(queryOf(settings));
        const trained = server?.kind === 'known' ? server.trainedWindow : undefined;
        for await (const event of streamOllamaChat(request, { signal, ...(trained ? { trainedContext: trained } : {}) })) yield toAnswerEvent(event);
        return;
      }
      for await (const event of streamChat(request, { signal })) yield toAnswerEvent(event);
    },
    describeFailure(error: unknown): ChatFailure {
      if (error instanceof ChatError) return describeChatError(error);
      const detail = error instanceof Error ? error.message : String(error);
      return { kind: 'other', message: vscode.l10n.t('The model request failed: {0}', detail), nextStep: vscode.l10n.t('Try again; if it keeps failing, check the provider settings.') };
    },
  };
}
