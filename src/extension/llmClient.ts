/**
 * The LlmBridge over src/llm: presets size and price the model, `streamChat` streams, and
 * ChatError kinds become plain words in the UI language with a next step.
 */
import * as vscode from 'vscode';
import { listModels } from '../llm/client';
import { ChatError } from '../llm/errors';
import { needsApiKey, providerPreset, resolveModel } from '../llm/presets';
import { streamChat } from '../llm/stream';
import { estimateCost } from '../llm/usage';
import type { ChatEvent } from '../llm/types';
import type { TurnUsage } from '../shared/model';
import type { AnswerEvent, ChatFailure, ModelInfo } from './logic/chatTypes';
import type { ChatMessage } from './logic/chatMessages';
import type { TomeSettings } from './logic/settings';
import type { LlmBridge } from './llmBridge';

/** Characters per token assumed for the conversation's own text; low, so the estimate errs high. */
const CHARS_PER_TOKEN = 3;
/** How long "Select Model" waits for a server's model list. */
const LIST_MODELS_TIMEOUT_MS = 5000;

function baseUrlOf(settings: TomeSettings): string {
  return settings.baseUrl || providerPreset(settings.provider).baseURL;
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
      return { type: 'done', outcome: event.outcome, ...(event.reason ? { reason: event.reason } : {}) };
  }
}

/** A ChatError in the UI language; the provider's own words are kept as the detail. */
function describeChatError(error: ChatError): ChatFailure {
  const detail = error.detail ?? error.message;
  switch (error.kind) {
    case 'auth':
      return { kind: 'auth', message: vscode.l10n.t('The provider rejected the API key ({0}).', error.status ?? 401), nextStep: vscode.l10n.t('Run "Tome: Set API Key" and paste a valid key.') };
    case 'model-not-found':
      return { kind: 'model', message: vscode.l10n.t('The provider does not know this model: {0}', detail), nextStep: vscode.l10n.t('Run "Tome: Select Model" and pick a model the provider offers.') };
    case 'context-length':
      return { kind: 'context-length', message: vscode.l10n.t("The prompt is too long for the model's context window."), nextStep: vscode.l10n.t('Lower "tome.contextWindow" or ask about a folder instead of the whole workspace.'), overflowText: detail };
    case 'rate-limit':
      return { kind: 'other', message: vscode.l10n.t('The provider is rate-limiting requests.'), nextStep: vscode.l10n.t('Wait a minute and ask again, or check your plan\'s limits.') };
    case 'network':
    case 'timeout':
      return { kind: 'other', message: vscode.l10n.t('Could not reach the model server: {0}', error.message), nextStep: vscode.l10n.t('Check your connection and the "tome.baseUrl" setting.') };
    case 'server':
    case 'bad-request':
      return { kind: 'other', message: vscode.l10n.t('The model request failed: {0}', error.message), nextStep: vscode.l10n.t('Try again; if it keeps failing, check the provider settings.') };
  }
}

/** Creates the bridge the extension talks to models through. */
export function createLlmBridge(): LlmBridge {
  return {
    modelInfo(settings: TomeSettings): ModelInfo {
      const resolved = resolveModel(settings.provider, settings.model);
      const maxOutputTokens = Math.min(settings.maxOutputTokens, resolved.maxOutputTokens ?? Number.POSITIVE_INFINITY);
      return { model: resolved.model, contextWindow: settings.contextWindow || resolved.contextWindow, maxOutputTokens };
    },
    async knownModels(settings: TomeSettings, apiKey: string | undefined): Promise<string[]> {
      const preset = providerPreset(settings.provider);
      const listed = preset.local || preset.id === 'custom'
        ? await listModels({ baseURL: baseUrlOf(settings), ...(apiKey ? { apiKey } : {}) }, AbortSignal.timeout(LIST_MODELS_TIMEOUT_MS)).catch(() => [])
        : [];
      return [...new Set([...preset.models.map((m) => m.id), ...listed])];
    },
    needsApiKey: (settings) => needsApiKey(settings.provider),
    countTokens: (text) => Math.ceil(text.length / CHARS_PER_TOKEN),
    costOf(settings: TomeSettings, usage: Omit<TurnUsage, 'cost'>): number | null {
      const prices = settings.prices ?? resolveModel(settings.provider, settings.model).prices;
      if (!prices) return null;
      const cached = Math.min(usage.cachedTokens, usage.inputTokens);
      return estimateCost({ promptTokens: usage.inputTokens, completionTokens: usage.outputTokens, totalTokens: usage.inputTokens + usage.outputTokens, cachedPromptTokens: cached, uncachedPromptTokens: usage.inputTokens - cached }, prices);
    },
    async *stream(settings, apiKey, messages: ChatMessage[], signal): AsyncIterable<AnswerEvent> {
      const model = resolveModel(settings.provider, settings.model).model;
      const request = { baseURL: baseUrlOf(settings), model, messages, maxOutputTokens: this.modelInfo(settings).maxOutputTokens, ...(apiKey ? { apiKey } : {}) };
      for await (const event of streamChat(request, { signal })) yield toAnswerEvent(event);
    },
    describeFailure(error: unknown): ChatFailure {
      if (error instanceof ChatError) return describeChatError(error);
      const detail = error instanceof Error ? error.message : String(error);
      return { kind: 'other', message: vscode.l10n.t('The model request failed: {0}', detail), nextStep: vscode.l10n.t('Try again; if it keeps failing, check the provider settings.') };
    },
  };
}

