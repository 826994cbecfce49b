/**
 * Registers the `#tome` language-model tool (`tome_pack`) where VS Code has the API (1.95+):
 * Copilot's agent mode, and any chat that uses tools, can ask for the packed workspace, a folder,
 * a file or a question's context. The logic lives in src/chat/tomeLmTool.ts.
 */
import * as vscode from 'vscode';
import { readSettings, workspaceFolderPaths } from './config';
import { TomeToolRunner, ToolInputError, type TomeToolInput, type ToolInputProblem } from '../chat/tomeLmTool';
import { newerClasses, newerLm } from './newerApi';
import type { PackService } from './packService';

/** The tool's name in package.json `contributes.languageModelTools`. */
export const TOME_TOOL_NAME = 'tome_pack';

function signalOf(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}

function problemText(problem: ToolInputProblem): string {
  switch (problem.kind) {
    case 'no-workspace':
      return vscode.l10n.t('Tome needs an open folder to pack.');
    case 'needs-path':
      return problem.scope === 'file' ? vscode.l10n.t('Give the path of the file to pack.') : vscode.l10n.t('Give the path of the folder to pack.');
    case 'outside-workspace':
      return vscode.l10n.t('"{0}" is outside the workspace; Tome packs only workspace folders.', problem.path);
  }
}

/** Registers the tool when the API exists; returns nothing to dispose otherwise. */
export function registerTomeLmTool(packs: PackService): vscode.Disposable | undefined {
  const lm = newerLm();
  const { LanguageModelToolResult, LanguageModelTextPart } = newerClasses();
  if (typeof lm.registerTool !== 'function' || !LanguageModelToolResult || !LanguageModelTextPart) return undefined;
  const runner = new TomeToolRunner({ pack: (request, options) => packs.pack(request, options), workspaceFolders: workspaceFolderPaths, packSettings: readSettings });
  const label = (input: TomeToolInput, scopeLabel: string | undefined): string => scopeLabel ?? (input.path || vscode.l10n.t('the workspace'));
  return lm.registerTool<TomeToolInput>(TOME_TOOL_NAME, {
    async prepareInvocation(options, token) {
      try {
        const { scope, result } = await runner.prepare(options.input, signalOf(token));
        const what = label(options.input, scope.kind === 'workspace' ? undefined : scope.label);
        return { invocationMessage: vscode.l10n.t('Tome packs {0}: {1} files, ~{2} tokens', what, result.report.files.length, result.report.totalTokens) };
      } catch {
        // The invoke reports the problem as the tool's result, where the model can read it.
        return { invocationMessage: vscode.l10n.t('Tome packs {0}', label(options.input, undefined)) };
      }
    },
    async invoke(options, token) {
      try {
        const { result } = await runner.invoke(options.input, signalOf(token));
        return new LanguageModelToolResult([new LanguageModelTextPart(result.text)]);
      } catch (error) {
        const text = error instanceof ToolInputError ? problemText(error.problem) : vscode.l10n.t('Tome could not pack the workspace: {0}', error instanceof Error ? error.message : String(error));
        return new LanguageModelToolResult([new LanguageModelTextPart(text)]);
      }
    },
  });
}
