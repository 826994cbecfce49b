/**
 * Providers Tome knows out of the box, with their defaults. Prices are US dollars per one
 * million tokens as the providers published them; they change, so the user can override them
 * and the docs say to check the provider's page.
 */
import type { ModelPrices, PeakHours } from './types';

/** Identifiers of the built-in providers (also the values of the `tome.provider` setting). */
export type ProviderId = 'deepseek' | 'openai' | 'openrouter' | 'gemini' | 'ollama' | 'lmstudio' | 'vllm' | 'custom';

/** A model a provider offers, with what Tome needs to size and price a pack. */
export interface ModelPreset {
  id: string;
  /** Other names the provider still accepts for this model (billed as it). */
  aliases?: readonly string[];
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
  /** Window assumed for a model not in `models` until the server says otherwise. */
  defaultContextWindow: number;
  /** How the provider switches the model's thinking on and off, when it can. */
  thinkingToggle?: 'deepseek';
}

const FREE: ModelPrices = { input: 0, output: 0 };

/** DeepSeek's peak hours: Beijing time (UTC+8, no daylight saving), weekdays 9:00–12:00 and 14:00–18:00. */
export const DEEPSEEK_PEAK_HOURS: PeakHours = { utcOffsetMinutes: 8 * 60, weekdaysOnly: true, windows: [[9, 12], [14, 18]] };

/** Built-in providers, in the order a picker shows them. */
export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  {
    // Source: https://api-docs.deepseek.com/quick_start/pricing (checked 2026-12-01): deepseek-flash
    // (DeepSeek-V4.1-Flash) and deepseek-v4-pro, 1M context, up to 384K output; peak rates are twice
    // off-peak, peak = Beijing weekdays 9:00–12:00 and 14:00–18:00 (Chinese public holidays are
    // off-peak all day; Tome does not know them and shows the peak rate then, the higher one).
    // deepseek-v4-flash is still accepted and billed as Flash; deepseek-chat / deepseek-reasoner are retired.
    // Thinking: https://api-docs.deepseek.com/guides/thinking_mode (checked 2026-12-01), `thinking.type`.
    id: 'deepseek', label: 'DeepSeek', baseURL: 'https://api.deepseek.com', apiKey: 'required', local: false,
    defaultModel: 'deepseek-flash', defaultContextWindow: 1_000_000, thinkingToggle: 'deepseek',
    models: [
      {
        id: 'deepseek-flash', aliases: ['deepseek-v4-flash'], contextWindow: 1_000_000, maxOutputTokens: 384_000,
        prices: { input: 0.3, cachedInput: 0.006, output: 1.2, offPeak: { input: 0.15, cachedInput: 0.003, output: 0.6 }, peakHours: DEEPSEEK_PEAK_HOURS },
      },
      {
        id: 'deepseek-v4-pro', contextWindow: 1_000_000, maxOutputTokens: 384_000,
        prices: { input: 1.32, cachedInput: 0.044, output: 3.96, offPeak: { input: 0.66, cachedInput: 0.022, output: 1.98 }, peakHours: DEEPSEEK_PEAK_HOURS },
      },
    ],
  },
  {
    // Source: https://developers.openai.com/api/docs/models/gpt-5.5 and /api/docs/pricing (checked
    // 2026-12-01): gpt-5.5, 1,050,000 context, 128,000 output, $5 / $0.50 cached / $30.
    // Older entries as published at their launch (gpt-5, gpt-4.1 model pages).
    id: 'openai', label: 'OpenAI', baseURL: 'https://api.openai.com/v1', apiKey: 'required', local: false,
    defaultModel: 'gpt-5.5', defaultContextWindow: 128_000,
    models: [
      { id: 'gpt-5.5', contextWindow: 1_050_000, maxOutputTokens: 128_000, prices: { input: 5, cachedInput: 0.5, output: 30 } },
      { id: 'gpt-5', contextWindow: 400_000, maxOutputTokens: 128_000, prices: { input: 1.25, cachedInput: 0.125, output: 10 } },
      { id: 'gpt-5-mini', contextWindow: 400_000, maxOutputTokens: 128_000, prices: { input: 0.25, cachedInput: 0.025, output: 2 } },
      { id: 'gpt-4.1', contextWindow: 1_047_576, maxOutputTokens: 32_768, prices: { input: 2, cachedInput: 0.5, output: 8 } },
      { id: 'gpt-4.1-mini', contextWindow: 1_047_576, maxOutputTokens: 32_768, prices: { input: 0.4, cachedInput: 0.1, output: 1.6 } },
    ],
  },
  {
    // Source: https://openrouter.ai/docs/api-reference/list-available-models (checked 2026-12-01):
    // every model's context_length and pricing come from GET /api/v1/models, so Tome reads them
    // from the server; the windows here only stand in until that answer arrives
    // (https://openrouter.ai/deepseek/deepseek-v4-flash lists 1,048,576, checked 2026-12-01).
    id: 'openrouter', label: 'OpenRouter', baseURL: 'https://openrouter.ai/api/v1', apiKey: 'required', local: false,
    defaultModel: 'deepseek/deepseek-v4-pro', defaultContextWindow: 128_000,
    models: [
      { id: 'deepseek/deepseek-v4-pro', contextWindow: 1_000_000 },
      { id: 'deepseek/deepseek-v4-flash', contextWindow: 1_048_576 },
      { id: 'google/gemini-3.8-flash', contextWindow: 1_048_576 },
      { id: 'openai/gpt-5.5', contextWindow: 1_050_000 },
    ],
  },
  {
    // Source: https://ai.google.dev/gemini-api/docs/models and /gemini-api/docs/pricing (checked
    // 2026-12-01): gemini-3.8-flash, input limit 1,048,576, output 65,536, $0.75 / $0.075 cached / $3.75;
    // gemini-2.5-pro with its above-200k tier. Tome also reads inputTokenLimit from models.get.
    id: 'gemini', label: 'Google Gemini', baseURL: 'https://generativelanguage.googleapis.com/v1beta/openai/', apiKey: 'required', local: false,
    defaultModel: 'gemini-3.8-flash', defaultContextWindow: 1_048_576,
    models: [
      { id: 'gemini-3.8-flash', contextWindow: 1_048_576, maxOutputTokens: 65_536, prices: { input: 0.75, cachedInput: 0.075, output: 3.75 } },
      { id: 'gemini-2.5-pro', contextWindow: 1_048_576, maxOutputTokens: 65_536, prices: { input: 1.25, output: 10, longPrompt: { aboveTokens: 200_000, input: 2.5, output: 15 } } },
      { id: 'gemini-2.5-flash', contextWindow: 1_048_576, maxOutputTokens: 65_536, prices: { input: 0.3, output: 2.5 } },
    ],
  },
  {
    // Source: https://github.com/ollama/ollama/blob/main/docs/api.md (checked 2026-12-01): native
    // POST /api/chat with options.num_ctx, NDJSON streaming; /api/show, /api/ps. The root URL is the
    // native API; a URL ending in /v1 is Ollama's OpenAI-compatible endpoint, which ignores num_ctx.
    id: 'ollama', label: 'Ollama', baseURL: 'http://localhost:11434', apiKey: 'none', local: true,
    defaultModel: '', defaultContextWindow: 32_768, models: [],
  },
  {
    // Source: https://lmstudio.ai/docs/app/api/endpoints/rest (checked 2026-12-01): GET /api/v0/models
    // lists loaded_context_length and max_context_length.
    id: 'lmstudio', label: 'LM Studio', baseURL: 'http://localhost:1234/v1', apiKey: 'none', local: true,
    defaultModel: '', defaultContextWindow: 32_768, models: [],
  },
  {
    // Source: https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html (checked
    // 2026-12-01): GET /v1/models lists max_model_len per model.
    id: 'vllm', label: 'vLLM', baseURL: 'http://localhost:8000/v1', apiKey: 'optional', local: true,
    defaultModel: '', defaultContextWindow: 32_768, models: [],
  },
  {
    // Any OpenAI-compatible server; llama.cpp's server reports n_ctx at GET /props
    // (https://github.com/ggml-org/llama.cpp/tree/master/tools/server, checked 2026-12-01).
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
  /** False when the preset does not list the model: `contextWindow` is the provider's guess. */
  windowKnown: boolean;
}

/**
 * The window and prices of `model` at `providerId` (the provider's default model when `model`
 * is empty; an alias resolves to its model). A model the preset does not list gets the provider's
 * default window with `windowKnown: false`, and prices only when the provider is local (free).
 */
export function resolveModel(providerId: string, model: string): ResolvedModel {
  const provider = providerPreset(providerId);
  const id = model || provider.defaultModel;
  const known = provider.models.find((entry) => entry.id === id || entry.aliases?.includes(id));
  if (known) return { model: id, contextWindow: known.contextWindow, windowKnown: true, ...(known.maxOutputTokens ? { maxOutputTokens: known.maxOutputTokens } : {}), ...(known.prices ? { prices: known.prices } : {}) };
  return { model: id, contextWindow: provider.defaultContextWindow, windowKnown: false, ...(provider.local ? { prices: FREE } : {}) };
}

/** True when the provider cannot be used without an API key. */
export function needsApiKey(providerId: string): boolean {
  return providerPreset(providerId).apiKey === 'required';
}
