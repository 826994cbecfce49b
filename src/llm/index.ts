/**
 * The model client: streaming chat with any OpenAI-compatible endpoint, usage and cost,
 * provider presets, errors as data, and token calibration. No `vscode` here; the extension wraps
 * this for its settings and secrets. The CLI, the chat logic and the extension import the model
 * client only from here (a lint zone enforces it).
 *
 * @example
 * for await (const event of streamChat({ baseURL, model, apiKey, messages }, { signal })) {
 *   if (event.type === 'text') show(event.text);
 * }
 */
/** Chatting: the request and answer shapes, the OpenAI-compatible stream and Ollama's native one. */
export type { ChatEvent, ChatMessage, ChatOutcome, ChatRequest, ChatUsage, IncompleteStop, ModelPrices, PeakHours } from './types';
export { streamChat, type StreamChatOptions } from './stream';
export { listOllamaModels, streamOllamaChat, type OllamaChatOptions } from './ollamaChat';
export { DEFAULT_RETRY, retryAfterMs, type RetryPolicy } from './retry';
export { listModels, endpointName, type EndpointConfig } from './client';

/** Failures as data, and what they tell about the prompt (too long, truncated by the server). */
export { ChatError, redactSecrets, type ChatErrorKind, type ChatProblem } from './errors';
export { isContextLengthError, parseContextOverflow, smallerBudget, type ContextOverflow } from './contextLength';
export { detectTruncation, type PromptTruncation } from './truncation';

/** Usage and cost, with peak-hour rates. */
export { costAt, estimateCost, normalizeUsage } from './usage';
export { isPeakTime, pricesAt, type PriceRate } from './peakHours';

/** Providers and models: presets, and the context window a server reports. */
export { DEEPSEEK_PEAK_HOURS, PROVIDER_PRESETS, providerPreset, resolveModel, needsApiKey, type ModelPreset, type ProviderId, type ProviderPreset, type ResolvedModel } from './presets';
export { isOllamaOpenAIUrl, probeServerWindow, ServerWindowCache, type ServerWindow } from './serverWindow';

/** Token calibration: how far the local count is from the provider's, per model. */
export {
  calibratedBudget,
  updateCalibration,
  MIN_CALIBRATION_TOKENS,
  MemoryCalibrationStore,
  stateCalibrationStore,
  type KeyValueState,
  TokenCalibrator,
  type CalibrationRecord,
  type CalibrationStore,
} from './calibration';
