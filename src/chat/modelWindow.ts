/**
 * The model Tome plans for, from three sources in order: `tome.contextWindow` when set, what the
 * server reported, Tome's preset. Without vscode, so the order is tested in plain Node.
 */
import { providerPreset, type ResolvedModel, isOllamaOpenAIUrl, type ServerWindow } from '../llm';
import type { ModelInfo, WindowSource } from './chatTypes';
import type { TomeSettings } from './settings';

/** The answer never takes more than this share of a small window. */
const MAX_OUTPUT_SHARE = 0.25;

/** The window and where it comes from. */
export function windowOf(settings: Pick<TomeSettings, 'contextWindow'>, server: ServerWindow | undefined, preset: ResolvedModel): { window: number; source: WindowSource } {
  if (settings.contextWindow > 0) return { window: settings.contextWindow, source: { kind: 'setting' } };
  if (server?.kind === 'known') return { window: server.window, source: { kind: 'server', server: server.source } };
  if (preset.windowKnown) return { window: preset.contextWindow, source: { kind: 'preset' } };
  return { window: preset.contextWindow, source: { kind: 'unknown', ...(server ? { reason: server.reason } : {}) } };
}

/**
 * The model info for the settings, the server's answer (if any) and the preset: the window by
 * {@link windowOf}; the answer's room the smallest of the setting, the server's or preset's
 * limit and a quarter of the window (so a small local window still leaves room to pack).
 */
export function modelInfoFrom(settings: Pick<TomeSettings, 'contextWindow' | 'maxOutputTokens'>, server: ServerWindow | undefined, preset: ResolvedModel): ModelInfo {
  const { window, source } = windowOf(settings, server, preset);
  const known = server?.kind === 'known' ? server : undefined;
  const maxOutputTokens = Math.max(1, Math.min(settings.maxOutputTokens, known?.maxOutputTokens ?? preset.maxOutputTokens ?? Number.POSITIVE_INFINITY, Math.floor(window * MAX_OUTPUT_SHARE)));
  return { model: preset.model, contextWindow: window, maxOutputTokens, windowSource: source, ...(known?.servedWindow !== undefined ? { servedWindow: known.servedWindow } : {}) };
}

/** True when Ollama is reached through its OpenAI-compatible URL, which ignores `num_ctx`. */
export function ollamaThroughOpenAI(settings: Pick<TomeSettings, 'provider' | 'baseUrl'>): boolean {
  return settings.provider === 'ollama' && isOllamaOpenAIUrl(settings.baseUrl || providerPreset('ollama').baseURL);
}

/**
 * True when a prompt of `promptTokens` is larger than the context the server runs the model with
 * and the server would cut it without an error (Ollama at its OpenAI-compatible URL).
 */
export function exceedsServedContext(promptTokens: number, info: Pick<ModelInfo, 'servedWindow'>, settings: Pick<TomeSettings, 'provider' | 'baseUrl'>): boolean {
  return ollamaThroughOpenAI(settings) && info.servedWindow !== undefined && promptTokens > info.servedWindow;
}
