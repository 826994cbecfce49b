/**
 * Providers Tome knows out of the box, with their defaults. Prices are US dollars per one
 * million tokens as the providers published them; they change, so the user can override them
 * and the docs say to check the provider's page.
 */
import type { ModelPrices } from './types';

/** Identifiers of the built-in providers (also the values of the `tome.provider` setting). */
export type ProviderId = 'deepseek' | 'openai' | 'openrouter' | 'gemini' | 'ollama' | 'lmstudio' | 'vllm' | 'custom';

/** A model a provider offers, with what Tome needs to size and price a pack. */
export interface ModelPreset {
  id: string;
  /** Tokens of prompt plus answer the model accepts. */
  contextWindow: number;
  /** Longest answer the model can give, where published. */
  maxOutputTokens?: number;
  /** Left out when not published or when it varies (OpenRouter routes). */
  prices?: ModelPrices;
}

/** A provider's endpoint and defaults. */
export interface ProviderPreset {
  id: ProviderId;
  /** Name shown to the user. */
  label: string;
  /** OpenAI-compatible base URL; empty for Custom (the user sets it). */
  baseURL: string;
  /** Hosted services need a key; local servers do not; Custom may or may not. */
  apiKey: 'required' | 'optional' | 'none';
  /** Runs on the user's machine: free, and no data leaves it. */
  local: boolean;
  /** Model chosen when the user has not picked one ('' when it depends on what is loaded). */
  defaultModel: string;
  /** Known models; local servers list theirs at `GET /models` (see `listModels`). */
  models: readonly ModelPreset[];
  /** Window assumed for a model not in `models`. */
  defaultContextWindow: number;
}

const FREE: ModelPrices = { input: 0, output: 0 };

/** Built-in providers, in the order a picker shows them. */
export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  {
    id: 'deepseek', label: 'DeepSeek', baseURL: 'https://api.deepseek.com', apiKey: 'required', local: false,
    defaultModel: 'deepseek-chat', defaultContextWindow: 128_000,
    models: [
      { id: 'deepseek-chat', contextWindow: 128_000, maxOutputTokens: 8_000, prices: { input: 0.28, cachedInput: 0.028, output: 0.42 } },
      { id: 'deepseek-reasoner', contextWindow: 128_000, maxOutputTokens: 64_000, prices: { input: 0.28, cachedInput: 0.028, output: 0.42 } },
    ],
  },
  {
    id: 'openai', label: 'OpenAI', baseURL: 'https://api.openai.com/v1', apiKey: 'required', local: false,
    defaultModel: 'gpt-4.1', defaultContextWindow: 128_000,
    models: [
      { id: 'gpt-4.1', contextWindow: 1_047_576, maxOutputTokens: 32_768, prices: { input: 2, cachedInput: 0.5, output: 8 } },
      { id: 'gpt-4.1-mini', contextWindow: 1_047_576, maxOutputTokens: 32_768, prices: { input: 0.4, cachedInput: 0.1, output: 1.6 } },
      { id: 'gpt-5', contextWindow: 400_000, maxOutputTokens: 128_000, prices: { input: 1.25, cachedInput: 0.125, output: 10 } },
      { id: 'gpt-5-mini', contextWindow: 400_000, maxOutputTokens: 128_000, prices: { input: 0.25, cachedInput: 0.025, output: 2 } },
      { id: 'gpt-4o', contextWindow: 128_000, maxOutputTokens: 16_384, prices: { input: 2.5, cachedInput: 1.25, output: 10 } },
    ],
  },
  {
    id: 'openrouter', label: 'OpenRouter', baseURL: 'https://openrouter.ai/api/v1', apiKey: 'required', local: false,
    defaultModel: 'google/gemini-2.5-pro', defaultContextWindow: 128_000,
    models: [
      { id: 'google/gemini-2.5-pro', contextWindow: 1_048_576 },
      { id: 'openai/gpt-4.1', contextWindow: 1_047_576 },
      { id: 'deepseek/deepseek-chat', contextWindow: 128_000 },
    ],
  },
  {
    id: 'gemini', label: 'Google Gemini', baseURL: 'https://generativelanguage.googleapis.com/v1beta/openai/', apiKey: 'required', local: false,
    defaultModel: 'gemini-2.5-pro', defaultContextWindow: 1_048_576,
    models: [
      { id: 'gemini-2.5-pro', contextWindow: 1_048_576, maxOutputTokens: 65_536, prices: { input: 1.25, output: 10, longPrompt: { aboveTokens: 200_000, input: 2.5, output: 15 } } },
      { id: 'gemini-2.5-flash', contextWindow: 1_048_576, maxOutputTokens: 65_536, prices: { input: 0.3, output: 2.5 } },
    ],
  },
  {
    id: 'ollama', label: 'Ollama', baseURL: 'http://localhost:11434/v1', apiKey: 'none', local: true,
    defaultModel: '', defaultContextWindow: 32_768, models: [],
  },
  {
    id: 'lmstudio', label: 'LM Studio', baseURL: 'http://localhost:1234/v1', apiKey: 'none', local: true,
    defaultModel: '', defaultContextWindow: 32_768, models: [],
  },
  {
    id: 'vllm', label: 'vLLM', baseURL: 'http://localhost:8000/v1', apiKey: 'optional', local: true,
    defaultModel: '', defaultContextWindow: 32_768, models: [],
  },
  {
    id: 'custom', label: 'Custom (OpenAI-compatible)', baseURL: '', apiKey: 'optional', local: false,
    defaultModel: '', defaultContextWindow: 128_000, models: [],
  },
];

/** The preset of a provider id; Custom for an id Tome does not know (e.g. a stale setting). */
export function providerPreset(id: string): ProviderPreset {
  const custom = PROVIDER_PRESETS[PROVIDER_PRESETS.length - 1] as ProviderPreset;
  return PROVIDER_PRESETS.find((preset) => preset.id === id) ?? custom;
}

/** What Tome assumes about one model of one provider. */
export interface ResolvedModel {
  model: string;
  contextWindow: number;
  maxOutputTokens?: number;
  /** Undefined when unknown: show no cost rather than a wrong one. */
  prices?: ModelPrices;
}

/**
 * The window and prices of `model` at `providerId` (the provider's default model when `model`
 * is empty). A model the preset does not list gets the provider's default window, and prices
 * only when the provider is local (free).
 */
export function resolveModel(providerId: string, model: string): ResolvedModel {
  const provider = providerPreset(providerId);
  const id = model || provider.defaultModel;
  const known = provider.models.find((entry) => entry.id === id);
  if (known) return { model: id, contextWindow: known.contextWindow, ...(known.maxOutputTokens ? { maxOutputTokens: known.maxOutputTokens } : {}), ...(known.prices ? { prices: known.prices } : {}) };
  return { model: id, contextWindow: provider.defaultContextWindow, ...(provider.local ? { prices: FREE } : {}) };
}

/** True when the provider cannot be used without an API key. */
export function needsApiKey(providerId: string): boolean {
  return providerPreset(providerId).apiKey === 'required';
}
