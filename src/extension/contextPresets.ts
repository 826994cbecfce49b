/**
 * Presets of the Context view through quick picks: save the current pins and exclusions under
 * a name, restore, rename or delete one. Kept in workspace state, or written to tome.config.json
 * so a team shares them; every pick lists both, and renaming or deleting a shared one edits the
 * file in place, keeping its comments.
 */
import * as vscode from 'vscode';
import {
  CONFIG_FILE_NAME,
  ConfigError,
  configTextWithoutPreset,
  configTextWithPreset,
  configTextWithPresetRenamed,
  findConfigFile,
  readConfigFile,
  type PresetEdit,
  writeFileAtomic,
} from '../core';
import { workspaceFolderPaths } from './config';
import type { ContextSteeringStore } from './contextSteeringStore';
import { deletePreset, pinCount, presetChoices, presetNamed, renamePreset, restorePreset, savePreset, type PresetChoice, type SteeringPreset } from '../chat/contextSteering';
import { configProblemText } from './problemText';

/** The presets in tome.config.json of the first workspace folder; none when there is no file or it cannot be used (said in a warning). */
async function sharedPresets(): Promise<SteeringPreset[]> {
  const root = workspaceFolderPaths()[0];
  const file = root === undefined ? null : await findConfigFile(root);
  if (file === null) return [];
  try {
    return (await readConfigFile(file)).presets ?? [];
  } catch (error) {
    const detail = error instanceof ConfigError ? error.problems.map(configProblemText).join(' ') : String(error);
    void vscode.window.showWarningMessage(vscode.l10n.t('The presets in tome.config.json are not listed: {0}', detail));
    return [];
  }
}

/** A preset chosen from a quick pick, with where it is kept; undefined when none is saved or the user cancelled. */
async function pickChoice(choices: PresetChoice[], placeHolder: string): Promise<PresetChoice | undefined> {
  if (choices.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No Tome context presets are saved in this workspace yet.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    choices.map((choice) => ({
      label: choice.preset.name,
      description: vscode.l10n.t('{0} pinned, {1} left out', pinCount(choice.preset), choice.preset.excluded.length),
      ...(choice.shared ? { detail: vscode.l10n.t('Shared in tome.config.json') } : {}),
      choice,
    })),
    { placeHolder },
  );
  return picked?.choice;
}

/** Asks for a preset name; undefined when cancelled. */
async function askName(): Promise<string | undefined> {
  const chosen = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Name of the preset (the current pins and exclusions)'), validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Give the preset a name.') : undefined) });
  return chosen?.trim() || undefined;
}

/**
 * Replaces tome.config.json whole. On disk through a temporary file and a rename: the file is
 * watched (by this view, by every pack that reads its presets, by the team's tools), and a write
 * in place shows them an empty or half-written file for a moment.
 */
async function writeConfigText(uri: vscode.Uri, text: string): Promise<void> {
  if (uri.scheme === 'file') await writeFileAtomic(uri.fsPath, text);
  else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** Writes the current pins and exclusions into tome.config.json under `name`, keeping the file's comments. */
async function saveToConfig(store: ContextSteeringStore, name: string): Promise<void> {
  const root = workspaceFolderPaths()[0];
  if (root === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder to chat about its code.'));
    return;
  }
  const uri = vscode.Uri.joinPath(vscode.Uri.file(root), CONFIG_FILE_NAME);
  let text = '';
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
  }
  const steering = store.get();
  await writeConfigText(uri, configTextWithPreset(text, { name, pins: steering.pins, excluded: steering.excluded }));
  void vscode.window.showInformationMessage(vscode.l10n.t('Saved the Tome context preset "{0}" in tome.config.json.', name));
}

/**
 * Edits the presets in the first workspace folder's tome.config.json with `edit`, keeping the
 * rest of the file. Says so and writes nothing when the preset is gone or the file cannot be
 * edited; true when the file was written.
 */
async function editConfig(edit: (text: string) => PresetEdit): Promise<boolean> {
  const root = workspaceFolderPaths()[0];
  if (root === undefined) return false;
  const uri = vscode.Uri.joinPath(vscode.Uri.file(root), CONFIG_FILE_NAME);
  try {
    const result = edit(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    if (result.kind === 'no-preset') {
      void vscode.window.showWarningMessage(vscode.l10n.t('tome.config.json no longer has a preset called "{0}"; nothing was changed.', result.name));
      return false;
    }
    if (result.kind === 'not-json') {
      void vscode.window.showWarningMessage(vscode.l10n.t('tome.config.json is not valid JSON, so Tome left it as it is. Fix the file and try again.'));
      return false;
    }
    await writeConfigText(uri, result.text);
    return true;
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Tome could not write tome.config.json: {0}', error instanceof Error ? error.message : String(error)));
    return false;
  }
}

/** Registers the preset commands. */
export function registerContextPresets(context: vscode.ExtensionContext, store: ContextSteeringStore): void {
  // The shared presets are read ahead and again when the file changes, so the pick opens at once.
  let shared: SteeringPreset[] = [];
  const reload = async (): Promise<void> => {
    shared = await sharedPresets();
  };
  const reloadSoon = (): void => void reload();
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
  reloadSoon();
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(reloadSoon),
    watcher.onDidChange(reloadSoon),
    watcher.onDidDelete(reloadSoon),
    vscode.commands.registerCommand('tome.context.savePreset', async (name?: string) => {
      const chosen = typeof name === 'string' ? name.trim() : await askName();
      if (!chosen) return;
      await store.setPresets(savePreset(store.presets(), chosen, store.get()));
      void vscode.window.showInformationMessage(vscode.l10n.t('Saved the Tome context preset "{0}".', chosen));
    }),
    vscode.commands.registerCommand('tome.context.savePresetToConfig', async (name?: string) => {
      const chosen = typeof name === 'string' ? name.trim() : await askName();
      if (!chosen) return;
      try {
        await saveToConfig(store, chosen);
        await reload();
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Tome could not write tome.config.json: {0}', error instanceof Error ? error.message : String(error)));
      }
    }),
    vscode.commands.registerCommand('tome.context.restorePreset', async (name?: string) => {
      const preset = typeof name === 'string' ? presetNamed(store.presets(), shared, name) : (await pickChoice(presetChoices(store.presets(), shared), vscode.l10n.t('Preset to restore')))?.preset;
      const steering = preset && restorePreset([preset], preset.name);
      if (steering) await store.set(steering);
    }),
    vscode.commands.registerCommand('tome.context.renamePreset', async () => {
      const choice = await pickChoice(presetChoices(store.presets(), shared), vscode.l10n.t('Preset to rename'));
      if (!choice) return;
      const from = choice.preset.name;
      const to = (await vscode.window.showInputBox({ prompt: vscode.l10n.t('New name of the preset'), value: from }))?.trim();
      if (!to) return;
      if (!choice.shared) await store.setPresets(renamePreset(store.presets(), from, to));
      else if (await editConfig((text) => configTextWithPresetRenamed(text, from, to))) await reload();
    }),
    vscode.commands.registerCommand('tome.context.deletePreset', async () => {
      const choice = await pickChoice(presetChoices(store.presets(), shared), vscode.l10n.t('Preset to delete'));
      if (!choice) return;
      if (!choice.shared) await store.setPresets(deletePreset(store.presets(), choice.preset.name));
      else if (await editConfig((text) => configTextWithoutPreset(text, choice.preset.name))) await reload();
    }),
  );
}
