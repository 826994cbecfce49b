/**
 * The model client: streaming chat with any OpenAI-compatible endpoint, usage and cost,
 * provider presets, errors in plain words, and token calibration. No `vscode` here; the
 * extension wraps this for its settings and secrets.
 *
 * @example
 * for await (const event of streamChat({ baseURL, model, apiKey, messages }, { signal })) {
 *   if (event.type === 'text') show(event.text);
 * }
 */
export type { ChatEvent, ChatMessage, ChatOutcome, ChatRequest, ChatUsage, ModelPrices, PeakHours } from './types';
export { streamChat, type StreamChatOptions } from './stream';
export { ChatError, redactSecrets, type ChatErrorKind } from './errors';
export { isContextLengthError, parseContextOverflow, smallerBudget, type ContextOverflow } from './contextLength';
export { detectTruncation, type PromptTruncation } from './truncation';
export { costAt, estimateCost, normalizeUsage } from './usage';
export { isPeakTime, pricesAt, type PriceRate } from './peakHours';
export { DEFAULT_RETRY, retryAfterMs, type RetryPolicy } from './retry';
export { listModels, endpointName, type EndpointConfig } from './client';
export { DEEPSEEK_PEAK_HOURS, PROVIDER_PRESETS, providerPreset, resolveModel, needsApiKey, type ModelPreset, type ProviderId, type ProviderPreset, type ResolvedModel } from './presets';
export {
  calibratedBudget,
  updateCalibration,
  MemoryCalibrationStore,
  stateCalibrationStore,
  type KeyValueState,
  TokenCalibrator,
  type CalibrationRecord,
  type CalibrationStore,
} from './calibration';
