/**
 * The palette's packing commands: to the clipboard, a new editor, a file, a chosen folder, and
 * the token report. Each packs in the worker behind a cancellable progress notification.
 */
import * as vscode from 'vscode';
import { type PackResult, WriteFailure, writeFileAtomic, type OutputFormat } from '../core';
import { readSettings, workspaceFolderPaths } from './config';
import { listFolders } from '../chat/folderList';
import { packScope } from '../chat/packScope';
import type { ChatScope } from '../shared/model';
import type { CalibrationRecord } from '../llm';
import { calibrationMarkdown } from '../chat/calibrationReport';
import { tokenReportMarkdown } from '../chat/tokenReport';
import { calibrationStrings } from './modelCalibration';
import { skipReasonText, warningText } from './problemText';
import type { PackedDocuments } from './packedDocuments';
import type { PackService } from './packService';

const LANGUAGE_OF: Record<OutputFormat, string> = { xml: 'xml', markdown: 'markdown', plain: 'plaintext' };
const EXTENSION_OF: Record<OutputFormat, string> = { xml: 'xml', markdown: 'md', plain: 'txt' };

function requireWorkspace(): string[] | undefined {
  const folders = workspaceFolderPaths();
  if (folders.length === 0) void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: Tome packs the folders of the workspace.'));
  return folders.length > 0 ? folders : undefined;
}

async function packWithProgress(packs: PackService, scope: ChatScope): Promise<PackResult | undefined> {
  const folders = requireWorkspace();
  if (!folders) return undefined;
  const input = { scope, workspaceFolders: folders, settings: readSettings(), budget: null, reserve: 0, query: '' };
  const title = vscode.l10n.t('Tome: packing {0}', scope.kind === 'workspace' ? vscode.l10n.t('the workspace') : scope.label);
  return packs.withProgress(title, (options) => packScope((request, o) => packs.pack(request, o), input, options));
}

function summary(result: PackResult): string {
  return vscode.l10n.t('{0} files, {1} tokens', result.report.files.length, result.report.totalTokens.toLocaleString());
}

async function openInEditor(documents: PackedDocuments, result: PackResult): Promise<void> {
  // Read-only, never dirty: it closes without asking to be saved ("Save As…" is in its title).
  await documents.open(result.text, `tome-pack.${EXTENSION_OF[result.report.format]}`, LANGUAGE_OF[result.report.format]);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Tome packed {0}.', summary(result)), 5000);
}

/** Asks for a folder of the workspace; undefined when the user cancels. */
export async function pickFolder(placeHolder: string): Promise<{ absPath: string; label: string } | undefined> {
  const folders = requireWorkspace();
  if (!folders) return undefined;
  const choices = await listFolders(folders);
  const picked = await vscode.window.showQuickPick(
    choices.map((c) => ({ label: c.label, choice: c })),
    { placeHolder, matchOnDescription: true },
  );
  return picked?.choice;
}

/** The current model and its token calibration, for the token report. */
export type CalibrationSource = () => { model: string; record: CalibrationRecord | undefined };

/** Registers the packing commands; the token report shows the model's calibration when `calibration` is given. */
export function registerPackCommands(context: vscode.ExtensionContext, packs: PackService, calibration: CalibrationSource | undefined, documents: PackedDocuments): void {
  const register = (id: string, run: () => Promise<void>): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  };

  register('tome.packWorkspaceToClipboard', async () => {
    const result = await packWithProgress(packs, { kind: 'workspace' });
    if (!result) return;
    await vscode.env.clipboard.writeText(result.text);
    void vscode.window.showInformationMessage(vscode.l10n.t('Copied the packed workspace to the clipboard: {0}.', summary(result)));
  });

  register('tome.packWorkspaceToEditor', async () => {
    const result = await packWithProgress(packs, { kind: 'workspace' });
    if (result) await openInEditor(documents, result);
  });

  register('tome.packWorkspaceToFile', async () => {
    const folders = requireWorkspace();
    if (!folders?.[0]) return;
    const format = readSettings().format;
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(vscode.Uri.file(folders[0]), `tome-pack.${EXTENSION_OF[format]}`),
      title: vscode.l10n.t('Save the packed workspace'),
    });
    if (!target) return;
    const result = await packWithProgress(packs, { kind: 'workspace' });
    if (!result) return;
    try {
      // On disk, whole or not at all: a full disk leaves no truncated pack that looks complete.
      if (target.scheme === 'file') await writeFileAtomic(target.fsPath, result.text);
      else await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
      void vscode.window.showInformationMessage(vscode.l10n.t('Saved the packed workspace to {0}: {1}.', target.fsPath, summary(result)));
    } catch (error) {
      if (error instanceof WriteFailure && error.kind === 'disk-full') {
        void vscode.window.showErrorMessage(vscode.l10n.t('The disk is full, so Tome could not save the packed file to {0} ({1}); nothing was written there. Free some space or choose another place.', target.fsPath, error.code));
      } else {
        void vscode.window.showErrorMessage(vscode.l10n.t('Tome could not write {0}: {1}. Choose another place.', target.fsPath, error instanceof Error ? error.message : String(error)));
      }
    }
  });

  register('tome.packFolder', async () => {
    const folder = await pickFolder(vscode.l10n.t('Folder to pack'));
    if (!folder) return;
    const result = await packWithProgress(packs, { kind: 'folder', absPath: folder.absPath, label: folder.label });
    if (result) await openInEditor(documents, result);
  });

  register('tome.showTokenReport', async () => {
    const result = await packWithProgress(packs, { kind: 'workspace' });
    if (!result) return;
    const markdown = tokenReportMarkdown(result.report, {
      title: vscode.l10n.t('Tome token report'),
      summary: vscode.l10n.t('{0} files packed, {1} tokens in total; {2} files left out.', result.report.files.length, result.report.totalTokens.toLocaleString(), result.report.skipped.length),
      folders: vscode.l10n.t('Largest folders'),
      files: vscode.l10n.t('Largest files'),
      folder: vscode.l10n.t('Folder'),
      file: vscode.l10n.t('File'),
      tokens: vscode.l10n.t('Tokens'),
      share: vscode.l10n.t('Share'),
      mode: vscode.l10n.t('Mode'),
      count: vscode.l10n.t('Files'),
      skipped: vscode.l10n.t('Left out'),
      skipReason: skipReasonText,
      warnings: vscode.l10n.t('Warnings'),
      warningText,
    });
    const model = calibration?.();
    const content = model ? markdown + calibrationMarkdown(model.model, model.record, calibrationStrings()) : markdown;
    await documents.open(content, 'tome-token-report.md', 'markdown');
  });
}
