/**
 * The `@tome` chat participant: VS Code's request, response stream and chosen model adapted to
 * src/chat/tomeParticipant.ts, which packs and answers. The answer comes from the user's own chat
 * model through the Language Model API, so a Copilot subscriber needs no API key.
 */
import * as vscode from 'vscode';
import { readSettings, workspaceFolderPaths } from './config';
import type { ChatMessage } from '../chat/chatMessages';
import { answerTomeRequest, type ParticipantModel, type ParticipantStrings } from '../chat/tomeParticipant';
import { requestModel } from './newerApi';
import type { PackService } from './packService';

/** The participant's id in package.json `contributes.chatParticipants`. */
export const TOME_PARTICIPANT_ID = 'tome.participant';

/** Characters per token assumed for the question; low, so the reserve errs high. */
const CHARS_PER_TOKEN = 3;

function strings(): ParticipantStrings {
  return {
    packing: (label) => vscode.l10n.t('Packing {0}…', label),
    asking: (files, tokens) => vscode.l10n.t('Asking the model about {0} files ({1} tokens)…', files, tokens),
    workspaceLabel: vscode.l10n.t('the workspace'),
    noWorkspace: vscode.l10n.t('Tome needs an open folder to pack.'),
    noFile: vscode.l10n.t('Name a file of the workspace after /file, attach one, or open it in the editor.'),
    noFolder: vscode.l10n.t('Name a folder of the workspace after /folder, attach one, or open a file in it.'),
    askSomething: vscode.l10n.t('Ask a question after the command, for example: @tome /folder src what does this do?'),
    packFailed: (detail) => vscode.l10n.t('Tome could not pack the workspace: {0}', detail),
    modelFailed: (detail) => vscode.l10n.t('The model request failed: {0}', detail),
  };
}

/** VS Code's LM messages have no system role: the system prompt goes first as a user message. */
function toLmMessages(messages: ChatMessage[]): vscode.LanguageModelChatMessage[] {
  return messages.map((m) => (m.role === 'assistant' ? vscode.LanguageModelChatMessage.Assistant(m.content) : vscode.LanguageModelChatMessage.User(m.content)));
}

/** The chat model as the participant uses it. */
export function participantModel(model: vscode.LanguageModelChat): ParticipantModel {
  return {
    maxInputTokens: model.maxInputTokens,
    async *send(messages, signal) {
      const source = new vscode.CancellationTokenSource();
      signal.addEventListener('abort', () => source.cancel(), { once: true });
      try {
        const response = await model.sendRequest(toLmMessages(messages), {}, source.token);
        for await (const text of response.text) yield text;
      } finally {
        source.dispose();
      }
    },
  };
}

/** Earlier `@tome` turns of this chat as question and answer text. */
function historyOf(context: vscode.ChatContext): { question: string; answer: string }[] {
  const turns: { question: string; answer: string }[] = [];
  for (const turn of context.history) {
    if (turn instanceof vscode.ChatRequestTurn) turns.push({ question: turn.prompt, answer: '' });
    else if (turn instanceof vscode.ChatResponseTurn) {
      const last = turns.at(-1);
      const answer = turn.response.map((part) => (part instanceof vscode.ChatResponseMarkdownPart ? part.value.value : '')).join('');
      if (last) last.answer += answer;
    }
  }
  return turns;
}

function referencedPaths(request: vscode.ChatRequest): string[] {
  return request.references.flatMap((r) => {
    const value = r.value;
    if (value instanceof vscode.Uri && value.scheme === 'file') return [value.fsPath];
    if (value instanceof vscode.Location && value.uri.scheme === 'file') return [value.uri.fsPath];
    return [];
  });
}

/** Creates `@tome` where the chat API exists. */
export function registerTomeParticipant(context: vscode.ExtensionContext, packs: PackService): vscode.Disposable | undefined {
  if (typeof vscode.chat?.createChatParticipant !== 'function') return undefined;
  const handler: vscode.ChatRequestHandler = async (request, chatContext, stream, token) => {
    const model = requestModel(request) ?? (await vscode.lm.selectChatModels())[0];
    if (!model) {
      stream.markdown(vscode.l10n.t('No chat model is available. Sign in to a chat model provider, or pick a model in the chat view.'));
      return { errorDetails: { message: vscode.l10n.t('No chat model is available.') } };
    }
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    const activeUri = vscode.window.activeTextEditor?.document.uri;
    const outcome = await answerTomeRequest(
      { prompt: request.prompt, ...(request.command ? { command: request.command } : {}), referencedPaths: referencedPaths(request), history: historyOf(chatContext) },
      participantModel(model),
      { progress: (t) => stream.progress(t), markdown: (t) => stream.markdown(t), reference: (p) => stream.reference(vscode.Uri.file(p)) },
      {
        pack: (r, o) => packs.pack(r, o),
        workspaceFolders: workspaceFolderPaths,
        packSettings: readSettings,
        activeFile: () => (activeUri?.scheme === 'file' ? activeUri.fsPath : undefined),
        countTokens: (text) => Math.ceil(text.length / CHARS_PER_TOKEN),
        strings: strings(),
      },
      controller.signal,
    );
    return { metadata: { packedFiles: outcome.packedFiles, packedTokens: outcome.packedTokens }, ...(outcome.error ? { errorDetails: { message: outcome.error } } : {}) };
  };
  const participant = vscode.chat.createChatParticipant(TOME_PARTICIPANT_ID, handler);
  participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
  return participant;
}
