/**
 * The provider "vscode-lm": the sidebar answers with a chat model VS Code already offers
 * (Copilot's, or any extension's) through the Language Model API, so no API key is needed.
 * Wraps the regular bridge and takes over only when `tome.provider` is "vscode-lm".
 */
import * as vscode from 'vscode';
import type { AnswerEvent, ChatFailure, ModelInfo } from '../chat/chatTypes';
import type { TomeSettings } from '../chat/settings';
import type { LlmBridge } from './llmBridge';
import { participantModel } from './tomeParticipant';

/** The `tome.provider` value that selects VS Code's own chat models. */
export const VSCODE_LM_PROVIDER = 'vscode-lm';

/** Window assumed before VS Code has listed any model. */
const UNKNOWN_WINDOW = 64_000;

/** The model `tome.model` names (by id or family), else the first one VS Code offers. */
function pick(models: readonly vscode.LanguageModelChat[], wanted: string): vscode.LanguageModelChat | undefined {
  return models.find((m) => m.id === wanted) ?? models.find((m) => m.family === wanted) ?? models[0];
}

/** The regular bridge, with "vscode-lm" answered by VS Code's chat models. */
export function withVscodeLm(base: LlmBridge): LlmBridge & vscode.Disposable {
  let models: readonly vscode.LanguageModelChat[] = [];
  const refresh = (): void => {
    void vscode.lm.selectChatModels().then((found) => (models = found), () => undefined);
  };
  refresh();
  const subscription = vscode.lm.onDidChangeChatModels(refresh);
  const isLm = (settings: TomeSettings): boolean => settings.provider === VSCODE_LM_PROVIDER;

  return {
    modelInfo(settings): ModelInfo {
      if (!isLm(settings)) return base.modelInfo(settings);
      const model = pick(models, settings.model);
      const name = model?.id ?? (settings.model || VSCODE_LM_PROVIDER);
      if (settings.contextWindow) return { model: name, contextWindow: settings.contextWindow, maxOutputTokens: settings.maxOutputTokens, windowSource: { kind: 'setting' } };
      // VS Code gives the input limit; the window the budget splits also holds the answer.
      if (model) return { model: name, contextWindow: model.maxInputTokens + settings.maxOutputTokens, maxOutputTokens: settings.maxOutputTokens, windowSource: { kind: 'vscode-lm' } };
      return { model: name, contextWindow: UNKNOWN_WINDOW, maxOutputTokens: settings.maxOutputTokens, windowSource: { kind: 'unknown' } };
    },
    async refreshWindow(settings, apiKey) {
      if (!isLm(settings)) return base.refreshWindow(settings, apiKey);
      models = await vscode.lm.selectChatModels().then((found) => found, () => models);
    },
    async knownModels(settings, apiKey) {
      if (!isLm(settings)) return base.knownModels(settings, apiKey);
      models = await vscode.lm.selectChatModels();
      return models.map((m) => m.id);
    },
    async checkServer(settings, apiKey) {
      if (!isLm(settings)) return base.checkServer(settings, apiKey);
      models = await vscode.lm.selectChatModels().then((found) => found, () => models);
      return { kind: 'answered', models: models.map((m) => m.id) };
    },
    async *stream(settings, apiKey, messages, signal): AsyncIterable<AnswerEvent> {
      if (!isLm(settings)) return yield* base.stream(settings, apiKey, messages, signal);
      const model = pick(await vscode.lm.selectChatModels(), settings.model);
      if (!model) throw new Error(vscode.l10n.t('No chat model is available.'));
      try {
        for await (const text of participantModel(model).send(messages, signal)) yield { type: 'text', text };
      } catch (error) {
        if (signal.aborted) return yield { type: 'done', outcome: 'cancelled' };
        throw error;
      }
      yield { type: 'done', outcome: signal.aborted ? 'cancelled' : 'complete' };
    },
    describeFailure(error): ChatFailure {
      if (error instanceof vscode.LanguageModelError) {
        const denied = error.code === vscode.LanguageModelError.NoPermissions.name;
        return denied
          ? { kind: 'auth', message: vscode.l10n.t('VS Code did not allow Tome to use this chat model.'), nextStep: vscode.l10n.t('Allow Tome to use the model when VS Code asks, or pick another model with "Tome: Select Model".') }
          : { kind: 'other', message: vscode.l10n.t('The model request failed: {0}', error.message), nextStep: vscode.l10n.t('Try again; if it keeps failing, check the provider settings.') };
      }
      return base.describeFailure(error);
    },
    costOf: (settings, usage) => (isLm(settings) ? null : base.costOf(settings, usage)),
    costNow: (settings, usage) => (isLm(settings) ? { cost: null } : base.costNow(settings, usage)),
    countTokens: (text, settings) => base.countTokens(text, settings),
    needsApiKey: (settings) => !isLm(settings) && base.needsApiKey(settings),
    dispose: () => subscription.dispose(),
  };
}
