/**
 * "Set API Key" and "Select Model". The key lives only in SecretStorage, one per provider;
 * the model is written to USER settings, the only place Tome reads it from.
 */
import * as vscode from 'vscode';
import { readSettings } from './config';
import type { LlmBridge } from './llmBridge';

/** The SecretStorage key of a provider's API key. */
export function apiKeySecretName(provider: string): string {
  return `tome.apiKey.${provider}`;
}

/** Registers the key and model commands. */
export function registerModelCommands(context: vscode.ExtensionContext, llm: LlmBridge, onModelChanged: () => void): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('tome.setApiKey', async () => {
      const { provider } = readSettings();
      const key = await vscode.window.showInputBox({
        title: vscode.l10n.t('API key for {0}', provider),
        prompt: vscode.l10n.t('Stored in VS Code\'s secret storage, never in settings. Leave empty to remove the key.'),
        password: true,
        ignoreFocusOut: true,
      });
      if (key === undefined) return;
      const name = apiKeySecretName(provider);
      if (key.trim() === '') {
        await context.secrets.delete(name);
        void vscode.window.showInformationMessage(vscode.l10n.t('Removed the API key for {0}.', provider));
      } else {
        await context.secrets.store(name, key.trim());
        void vscode.window.showInformationMessage(vscode.l10n.t('Saved the API key for {0}.', provider));
      }
    }),
    vscode.commands.registerCommand('tome.selectModel', async () => {
      const settings = readSettings();
      const current = llm.modelInfo(settings).model;
      const other = vscode.l10n.t('Other model…');
      const items: vscode.QuickPickItem[] = [
        ...(await llm.knownModels(settings, await context.secrets.get(apiKeySecretName(settings.provider)))).map((model) => ({ label: model, description: model === current ? vscode.l10n.t('current') : undefined })),
        { label: other, alwaysShow: true },
      ];
      const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Model for {0}', settings.provider), placeHolder: current });
      if (!picked) return;
      let model = picked.label;
      if (picked.label === other) {
        const typed = await vscode.window.showInputBox({ title: vscode.l10n.t('Model name'), value: current, ignoreFocusOut: true });
        if (!typed?.trim()) return;
        model = typed.trim();
      }
      await vscode.workspace.getConfiguration('tome').update('model', model, vscode.ConfigurationTarget.Global);
      onModelChanged();
    }),
  );
}
