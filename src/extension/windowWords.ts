/**
 * The sentences about the context window, in the UI language: where it comes from (the context
 * line's tooltip), the warning before sending more than a server serves, and the fix for a cut
 * prompt.
 */
import * as vscode from 'vscode';
import { providerPreset } from '../llm';
import type { ModelInfo, WindowSource } from '../chat/chatTypes';
import { exceedsServedContext, ollamaThroughOpenAI } from '../chat/modelWindow';
import type { TomeSettings } from '../chat/settings';

const SERVER_NAMES: Record<Extract<WindowSource, { kind: 'server' }>['server'], string> = {
  vllm: 'vLLM', ollama: 'Ollama', lmstudio: 'LM Studio', llamacpp: 'llama.cpp', openrouter: 'OpenRouter', gemini: 'Gemini',
};

/** Ollama's native root for a base URL (what `tome.baseUrl` should be to get num_ctx sizing). */
function ollamaRoot(settings: TomeSettings): string {
  return (settings.baseUrl || providerPreset('ollama').baseURL).replace(/\/+$/, '').replace(/\/v1$/, '');
}


/** "Window 131,072 tokens, reported by vLLM." and its kin. */
export function windowNote(info: ModelInfo, settings: TomeSettings): string {
  const window = info.contextWindow.toLocaleString();
  const source = info.windowSource ?? { kind: 'preset' };
  let line: string;
  switch (source.kind) {
    case 'setting':
      line = vscode.l10n.t('Window {0} tokens, set in "tome.contextWindow".', window);
      break;
    case 'server':
      line = vscode.l10n.t('Window {0} tokens, reported by {1}.', window, SERVER_NAMES[source.server]);
      break;
    case 'preset':
      line = vscode.l10n.t("Window {0} tokens, from Tome's {1} preset for {2}.", window, providerPreset(settings.provider).label, info.model);
      break;
    case 'vscode-lm':
      line = vscode.l10n.t('Window {0} tokens, as VS Code reports for {1}.', window, info.model);
      break;
    case 'unknown':
      line = vscode.l10n.t('Window unknown: the server did not report it, so Tome assumes {0} tokens. Set "tome.contextWindow" to the real window.', window);
      break;
  }
  if (info.servedWindow !== undefined && info.servedWindow !== info.contextWindow) line += ` ${vscode.l10n.t('The server runs the model with {0} tokens now.', info.servedWindow.toLocaleString())}`;
  return line;
}

/**
 * The warning before sending a prompt larger than the context the server runs the model with,
 * where the server would cut it silently (Ollama's OpenAI-compatible URL); undefined otherwise.
 */
export function overServedContextWarning(promptTokens: number, info: ModelInfo, settings: TomeSettings): string | undefined {
  if (!exceedsServedContext(promptTokens, info, settings) || info.servedWindow === undefined) return undefined;
  return vscode.l10n.t(
    'This prompt ({0} tokens) is larger than the context Ollama runs the model with ({1} tokens), and its OpenAI-compatible URL drops the rest without an error. Set "tome.baseUrl" to {2} so Tome sizes the context to each question, or start Ollama with OLLAMA_CONTEXT_LENGTH={3}.',
    promptTokens.toLocaleString(), info.servedWindow.toLocaleString(), ollamaRoot(settings), String(Math.ceil(promptTokens / 1024) * 1024),
  );
}

/** What to do about a prompt the server cut, for the provider in use. */
export function truncationFix(settings: TomeSettings): string {
  if (ollamaThroughOpenAI(settings)) {
    return vscode.l10n.t('Set "tome.baseUrl" to {0} so Tome sizes Ollama\'s context to each question, or start Ollama with a larger OLLAMA_CONTEXT_LENGTH.', ollamaRoot(settings));
  }
  if (settings.provider === 'ollama') {
    return vscode.l10n.t('Ollama ran the model with less context than Tome asked for (it may lower num_ctx to fit in memory): set "tome.contextWindow" to what the model really takes, or pick a model with a longer context.');
  }
  return vscode.l10n.t('Raise the server\'s context length (vLLM --max-model-len, LM Studio\'s context length, llama.cpp -c), or set "tome.contextWindow" to the context the server serves.');
}
