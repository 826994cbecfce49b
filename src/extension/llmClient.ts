/**
 * The LlmBridge over the `openai` package: OpenAI-compatible streaming with usage, provider
 * presets, and errors in plain words with a next step.
 */
import * as vscode from 'vscode';
import OpenAI from 'openai';
import type { TurnUsage } from '../shared/model';
import type { AnswerEvent, ChatFailure, ModelInfo } from './logic/chatTypes';
import type { ChatMessage } from './logic/chatMessages';
import type { TomeSettings } from './logic/settings';
import type { LlmBridge } from './llmBridge';

interface ModelPreset {
  contextWindow: number;
  /** US dollars per million tokens. */
  prices?: { input: number; output: number; cachedInput?: number };
}

interface ProviderPreset {
  baseUrl: string;
  defaultModel: string;
  needsKey: boolean;
  models: Record<string, ModelPreset>;
}

/** Window used when neither the settings nor a preset know the model's. */
const FALLBACK_WINDOW = 128_000;

const PRESETS: Record<string, ProviderPreset> = {
  openai: { baseUrl: 'https://api.openai.com/v1', defaultModel: 'gpt-4.1', needsKey: true, models: { 'gpt-4.1': { contextWindow: 1_047_576, prices: { input: 2, output: 8, cachedInput: 0.5 } }, 'gpt-4.1-mini': { contextWindow: 1_047_576, prices: { input: 0.4, output: 1.6, cachedInput: 0.1 } }, 'gpt-4o': { contextWindow: 128_000, prices: { input: 2.5, output: 10, cachedInput: 1.25 } } } },
  deepseek: { baseUrl: 'https://api.deepseek.com/v1', defaultModel: 'deepseek-chat', needsKey: true, models: { 'deepseek-chat': { contextWindow: 128_000, prices: { input: 0.27, output: 1.1, cachedInput: 0.07 } }, 'deepseek-reasoner': { contextWindow: 128_000, prices: { input: 0.55, output: 2.19, cachedInput: 0.14 } } } },
  gemini: { baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai', defaultModel: 'gemini-2.5-pro', needsKey: true, models: { 'gemini-2.5-pro': { contextWindow: 1_048_576, prices: { input: 1.25, output: 10, cachedInput: 0.31 } }, 'gemini-2.5-flash': { contextWindow: 1_048_576, prices: { input: 0.3, output: 2.5, cachedInput: 0.075 } } } },
  openrouter: { baseUrl: 'https://openrouter.ai/api/v1', defaultModel: 'google/gemini-2.5-pro', needsKey: true, models: { 'google/gemini-2.5-pro': { contextWindow: 1_048_576 }, 'deepseek/deepseek-chat': { contextWindow: 128_000 } } },
  vllm: { baseUrl: 'http://localhost:8000/v1', defaultModel: '', needsKey: false, models: {} },
  ollama: { baseUrl: 'http://localhost:11434/v1', defaultModel: 'qwen2.5-coder:32b', needsKey: false, models: { 'qwen2.5-coder:32b': { contextWindow: 32_768, prices: { input: 0, output: 0 } } } },
  lmstudio: { baseUrl: 'http://localhost:1234/v1', defaultModel: '', needsKey: false, models: {} },
  custom: { baseUrl: '', defaultModel: '', needsKey: true, models: {} },
};

function presetOf(settings: TomeSettings): ProviderPreset {
  return PRESETS[settings.provider] ?? (PRESETS.custom as ProviderPreset);
}

function modelName(settings: TomeSettings): string {
  return settings.model || presetOf(settings).defaultModel;
}

function statusOf(error: unknown): number | undefined {
  return error instanceof OpenAI.APIError && typeof error.status === 'number' ? error.status : undefined;
}

const CONTEXT_LENGTH = /context[_ ]length|maximum context|too many tokens|prompt is too long|context window|too long/i;

/** Creates the bridge the extension talks to models through. */
export function createLlmBridge(): LlmBridge {
  return {
    modelInfo(settings: TomeSettings): ModelInfo {
      const model = modelName(settings);
      const preset = presetOf(settings).models[model];
      return { model, contextWindow: settings.contextWindow || preset?.contextWindow || FALLBACK_WINDOW, maxOutputTokens: settings.maxOutputTokens };
    },
    knownModels: (settings) => Object.keys(presetOf(settings).models),
    needsApiKey: (settings) => presetOf(settings).needsKey,
    countTokens: (text) => Math.ceil(text.length / 3),
    costOf(settings: TomeSettings, usage: Omit<TurnUsage, 'cost'>): number | null {
      const prices = settings.prices ?? presetOf(settings).models[modelName(settings)]?.prices;
      if (!prices) return null;
      const cached = Math.min(usage.cachedTokens, usage.inputTokens);
      const cachedPrice = prices.cachedInput ?? prices.input;
      return ((usage.inputTokens - cached) * prices.input + cached * cachedPrice + usage.outputTokens * prices.output) / 1e6;
    },
    async *stream(settings, apiKey, messages: ChatMessage[], signal): AsyncIterable<AnswerEvent> {
      const baseURL = settings.baseUrl || presetOf(settings).baseUrl;
      if (!baseURL) throw new Error(vscode.l10n.t('No base URL is set for the custom provider.'));
      const client = new OpenAI({ apiKey: apiKey ?? 'not-needed', baseURL, maxRetries: 2 });
      const stream = await client.chat.completions.create(
        { model: modelName(settings), messages, stream: true, stream_options: { include_usage: true }, max_tokens: settings.maxOutputTokens },
        { signal },
      );
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta as { content?: string | null; reasoning_content?: string | null } | undefined;
        if (delta?.reasoning_content) yield { type: 'reasoning', text: delta.reasoning_content };
        if (delta?.content) yield { type: 'text', text: delta.content };
        if (chunk.usage) {
          const cached = (chunk.usage as { prompt_tokens_details?: { cached_tokens?: number } }).prompt_tokens_details?.cached_tokens ?? 0;
          yield { type: 'usage', inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens, cachedTokens: cached };
        }
      }
      yield { type: 'done' };
    },
    describeFailure(error: unknown): ChatFailure {
      const status = statusOf(error);
      const detail = error instanceof Error ? error.message : String(error);
      if (status === 401 || status === 403) {
        return { kind: 'auth', message: vscode.l10n.t('The provider rejected the API key ({0}).', status), nextStep: vscode.l10n.t('Run "Tome: Set API Key" and paste a valid key.') };
      }
      if (status === 404) {
        return { kind: 'model', message: vscode.l10n.t('The provider does not know this model: {0}', detail), nextStep: vscode.l10n.t('Run "Tome: Select Model" and pick a model the provider offers.') };
      }
      if ((status === 400 || status === 413) && CONTEXT_LENGTH.test(detail)) {
        return { kind: 'context-length', message: vscode.l10n.t('The prompt is longer than the model accepts.'), nextStep: vscode.l10n.t('Lower "tome.contextWindow" or ask about a folder instead of the whole workspace.') };
      }
      if (status === 429) {
        return { kind: 'other', message: vscode.l10n.t('The provider is rate-limiting requests.'), nextStep: vscode.l10n.t('Wait a minute and ask again, or check your plan\'s limits.') };
      }
      if (error instanceof OpenAI.APIConnectionError) {
        return { kind: 'other', message: vscode.l10n.t('Could not reach the model server: {0}', detail), nextStep: vscode.l10n.t('Check your connection and the "tome.baseUrl" setting.') };
      }
      return { kind: 'other', message: vscode.l10n.t('The model request failed: {0}', detail), nextStep: vscode.l10n.t('Try again; if it keeps failing, check the provider settings.') };
    },
  };
}
