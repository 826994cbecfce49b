/**
 * Presets of the Context view through quick picks: save the current pins and exclusions under
 * a name, restore, rename or delete one. Kept in workspace state.
 */
import * as vscode from 'vscode';
import type { ContextSteeringStore } from './contextSteeringStore';
import { deletePreset, pinCount, renamePreset, restorePreset, savePreset, type SteeringPreset } from './logic/contextSteering';

/** A preset chosen from a quick pick, or undefined when none is saved or the user cancelled. */
async function pickPreset(store: ContextSteeringStore, placeHolder: string): Promise<SteeringPreset | undefined> {
  const presets = store.presets();
  if (presets.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No Tome context presets are saved in this workspace yet.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    presets.map((p) => ({ label: p.name, description: vscode.l10n.t('{0} pinned, {1} left out', pinCount(p), p.excluded.length), preset: p })),
    { placeHolder },
  );
  return picked?.preset;
}

/** Registers the preset commands. */
export function registerContextPresets(context: vscode.ExtensionContext, store: ContextSteeringStore): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('tome.context.savePreset', async (name?: string) => {
      const chosen = typeof name === 'string' ? name : await vscode.window.showInputBox({ prompt: vscode.l10n.t('Name of the preset (the current pins and exclusions)'), validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Give the preset a name.') : undefined) });
      if (!chosen?.trim()) return;
      await store.setPresets(savePreset(store.presets(), chosen, store.get()));
      void vscode.window.showInformationMessage(vscode.l10n.t('Saved the Tome context preset "{0}".', chosen.trim()));
    }),
    vscode.commands.registerCommand('tome.context.restorePreset', async (name?: string) => {
      const preset = typeof name === 'string' ? store.presets().find((p) => p.name === name) : await pickPreset(store, vscode.l10n.t('Preset to restore'));
      const steering = preset && restorePreset(store.presets(), preset.name);
      if (steering) await store.set(steering);
    }),
    vscode.commands.registerCommand('tome.context.renamePreset', async () => {
      const preset = await pickPreset(store, vscode.l10n.t('Preset to rename'));
      if (!preset) return;
      const to = await vscode.window.showInputBox({ prompt: vscode.l10n.t('New name of the preset'), value: preset.name });
      if (to?.trim()) await store.setPresets(renamePreset(store.presets(), preset.name, to));
    }),
    vscode.commands.registerCommand('tome.context.deletePreset', async () => {
      const preset = await pickPreset(store, vscode.l10n.t('Preset to delete'));
      if (preset) await store.setPresets(deletePreset(store.presets(), preset.name));
    }),
  );
}
