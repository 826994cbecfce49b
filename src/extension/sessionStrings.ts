/** The chat session's runtime messages, through VS Code's localization. */
import * as vscode from 'vscode';
import type { SessionStrings } from '../chat/chatTypes';
import { readSettings } from './config';
import { truncationFix } from './windowWords';

/** Messages in the UI language (English and Korean bundles in l10n/). */
export function sessionStrings(): SessionStrings {
  return {
    untrusted: () => ({
      message: vscode.l10n.t('This workspace is not trusted, so Tome does not send its code to a model.'),
      nextStep: vscode.l10n.t('Trust the workspace (Manage Workspace Trust) to chat; packing commands still work.'),
    }),
    noWorkspace: () => ({
      message: vscode.l10n.t('No folder is open.'),
      nextStep: vscode.l10n.t('Open a folder to chat about its code.'),
    }),
    repackedFilesChanged: () => vscode.l10n.t('Files changed since the last question, so the codebase was packed again.'),
    repackedSmaller: (tokens) => vscode.l10n.t('The prompt was too long for the model, so Tome packed the codebase again into {0} tokens and retried.', tokens.toLocaleString()),
    cannotFit: (tokens) => ({
      message: vscode.l10n.t("The question does not fit the model's context window: packed as small as Tome can make it, the codebase still takes {0} tokens.", tokens.toLocaleString()),
      nextStep: vscode.l10n.t('Narrow the scope with "Ask About This Folder" or "Ask About This File", or choose a model with a larger context window.'),
    }),
    retrying: (attempt) => vscode.l10n.t('The provider is busy; retrying (attempt {0})…', attempt),
    packFailed: (detail) => ({
      message: vscode.l10n.t('Tome could not pack the codebase: {0}', detail),
      nextStep: vscode.l10n.t('Check the Tome settings (exclude, maxFileSize, contextWindow) and try again.'),
    }),
    promptTruncated: (sent, billed) =>
      vscode.l10n.t('The server read only {0} of the {1} prompt tokens Tome sent: it cut the prompt, so this answer saw only the end of the codebase. {2}', billed.toLocaleString(), sent.toLocaleString(), truncationFix(readSettings())),
    notSent: () => ({
      message: vscode.l10n.t('Not sent: the question was cancelled before sending.'),
      nextStep: vscode.l10n.t('Nothing was sent or billed. Retry to send it, or ask about a folder to send less.'),
    }),
    endedEarly: (reason) => ({
      message: reason ? vscode.l10n.t('The answer stopped early: {0}', reason) : vscode.l10n.t('The answer stopped early: the connection to the model ended.'),
      nextStep: vscode.l10n.t('The part that arrived is kept. Ask again to get the rest.'),
    }),
    unreadableChats: (count) =>
      count === 1
        ? vscode.l10n.t('One stored conversation could not be read and is not shown; the other conversations are as they were.')
        : vscode.l10n.t('{0} stored conversations could not be read and are not shown; the other conversations are as they were.', count),
    contextNotSaved: (failure) =>
      failure.kind === 'disk-full'
        ? vscode.l10n.t('The disk is full, so Tome could not save the packed codebase for follow-up questions ({0}). The answer is not affected; the next question packs again.', failure.code)
        : vscode.l10n.t('Tome could not save the packed codebase for follow-up questions ({0}). The answer is not affected; the next question packs again.', failure.code),
  };
}
