/**
 * Reads `tome.*` settings from VS Code and warns, once per key, when a workspace tried to set
 * a user-only setting (see src/chat/settings.ts for why those are user-only).
 */
import * as vscode from 'vscode';
import { resolveSettings, type SettingInspection, type TomeSettings } from '../chat/settings';

const warned = new Set<string>();

/** The settings now in effect. */
export function readSettings(): TomeSettings {
  const config = vscode.workspace.getConfiguration('tome');
  const resolved = resolveSettings((key) => config.inspect<unknown>(key) as SettingInspection | undefined);
  for (const key of resolved.ignoredWorkspaceKeys) {
    if (warned.has(key)) continue;
    warned.add(key);
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Tome ignored "tome.{0}" from this workspace\'s settings: where your code is sent is set in your user settings only.', key),
    );
  }
  for (const key of resolved.invalidKeys) {
    if (warned.has(`invalid:${key}`)) continue;
    warned.add(`invalid:${key}`);
    void vscode.window.showWarningMessage(vscode.l10n.t('The setting "tome.{0}" has an invalid value; Tome uses its default. Fix it in Settings.', key));
  }
  return resolved.settings;
}

/** Absolute paths of the open workspace folders on disk. */
export function workspaceFolderPaths(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}
