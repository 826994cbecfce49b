/** "Tome: Ask About My Changes": the chat scoped to a folder's git changes, from the palette or the Source Control title bar. */
import * as vscode from 'vscode';
import { defaultBaseBranch, GitError, isInsideWorkTree } from '../core';
import type { ChatScope } from '../shared/model';
import { workspaceFolderPaths } from './config';
import { gitProblemText } from './problemText';
import { labelFor } from '../chat/packScope';
import { pickFolder } from './packCommands';

/** The folder a Source Control view stands for, when the command was run from its title bar. */
function scmFolder(arg: unknown): string | undefined {
  if (typeof arg !== 'object' || arg === null || !('rootUri' in arg)) return undefined;
  const uri = (arg as { rootUri?: unknown }).rootUri;
  return uri instanceof vscode.Uri && uri.scheme === 'file' ? uri.fsPath : undefined;
}

/** The changes scope of `folder`, or undefined (with a message shown) when it has no git changes to ask about. */
export async function changesScope(folder: string): Promise<ChatScope | undefined> {
  try {
    if (!(await isInsideWorkTree(folder))) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not in a git repository, so it has no changes to ask about.', labelFor(folder, workspaceFolderPaths())));
      return undefined;
    }
    const base = await defaultBaseBranch(folder);
    const label = vscode.l10n.t('changes vs {0}', base ?? 'HEAD');
    return { kind: 'changes', absPath: folder, base, label };
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    void vscode.window.showErrorMessage(gitProblemText(error.problem));
    return undefined;
  }
}

/** Registers the command; `askAbout` opens the chat with the scope. */
export function registerAskAboutChanges(context: vscode.ExtensionContext, askAbout: (scope: ChatScope) => Promise<void>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('tome.askAboutChanges', async (arg?: unknown) => {
      const folders = workspaceFolderPaths();
      const folder = scmFolder(arg) ?? (folders.length === 1 ? folders[0] : (await pickFolder(vscode.l10n.t('Folder whose changes to ask about')))?.absPath);
      if (folder === undefined) return;
      const scope = await changesScope(folder);
      if (scope) await askAbout(scope);
    }),
  );
}
