/**
 * The `@tome` chat participant without `vscode`: scope the request (`/folder`, `/file`, or the
 * workspace), pack as the sidebar does, list the packed files as references, and stream the
 * answer of the user's own chat model. The extension adapts VS Code's request, stream and model
 * to the small interfaces here (see ../tomeParticipant.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { isAbortError } from '../core';
import type { ChatScope, ChatTurn } from '../shared/model';
import { buildChatMessages, conversationText, FRAMING_TOKENS, type ChatMessage } from './chatMessages';
import { absolutePathOf, folderContaining, labelFor, packScope, type PackFunction, type PackSettings } from './packScope';

/** Share of the model's input window the pack may fill: Tome counts with its own tokenizer, not the model's. */
export const MODEL_WINDOW_SHARE = 0.9;

/** What the participant needs from VS Code's chat request. */
export interface ParticipantRequest {
  prompt: string;
  /** The slash command without the slash: `folder`, `file`, or undefined. */
  command?: string;
  /** Absolute paths of files and folders the user attached (`#file`, drag and drop). */
  referencedPaths: readonly string[];
  /** Earlier `@tome` questions and answers of this chat, oldest first, for follow-ups. */
  history?: readonly { question: string; answer: string }[];
}

/** The user's selected chat model, reduced to what the participant uses. */
export interface ParticipantModel {
  /** Input tokens the model accepts. */
  maxInputTokens: number;
  /** Streams the answer's text. Throws on failure; rejects with an AbortError when cancelled. */
  send(messages: ChatMessage[], signal: AbortSignal): AsyncIterable<string>;
}

/** VS Code's response stream, reduced to what the participant writes. */
export interface ParticipantStream {
  progress(text: string): void;
  markdown(text: string): void;
  /** A file the answer is built on (shown as a reference). */
  reference(absPath: string): void;
}

/** Words the participant says, chosen by the extension's l10n. */
export interface ParticipantStrings {
  packing(label: string): string;
  asking(files: number, tokens: number): string;
  workspaceLabel: string;
  noWorkspace: string;
  noFile: string;
  noFolder: string;
  askSomething: string;
  packFailed(detail: string): string;
  modelFailed(detail: string): string;
}

/** Everything else the participant needs. */
export interface ParticipantDeps {
  pack: PackFunction;
  workspaceFolders(): readonly string[];
  packSettings(): PackSettings;
  /** The file in the active editor, if any. */
  activeFile(): string | undefined;
  /** Tokens of plain text (an estimate is fine: it sizes the reserve). */
  countTokens(text: string): number;
  strings: ParticipantStrings;
}

/** What one request did: for the chat result's metadata, and for tests. */
export interface ParticipantOutcome {
  scope: ChatScope | null;
  packedFiles: number;
  packedTokens: number;
  /** Set when the request failed; the words were already streamed. */
  error?: string;
}

const isFolder = (p: string): boolean => existsSync(p) && statSync(p).isDirectory();
const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile();

/** The first word of the prompt as a path inside the workspace, and the prompt without it. */
function leadingPath(prompt: string, folders: readonly string[], accept: (p: string) => boolean): { absPath: string; rest: string } | undefined {
  const match = /^\s*(\S+)\s*([\s\S]*)$/.exec(prompt);
  if (!match?.[1]) return undefined;
  const word = match[1];
  const candidates = isAbsolute(word) ? [word] : folders.map((f) => join(f, word));
  const absPath = candidates.find((c) => accept(c) && folderContaining(c, folders) !== undefined);
  return absPath ? { absPath, rest: match[2] ?? '' } : undefined;
}

/** The scope and the question of a request; null scope when the command names nothing usable. */
export function scopeOf(request: ParticipantRequest, deps: Pick<ParticipantDeps, 'workspaceFolders' | 'activeFile'>): { scope: ChatScope | null; question: string } {
  const folders = deps.workspaceFolders();
  const prompt = request.prompt.trim();
  if (request.command !== 'file' && request.command !== 'folder') return { scope: { kind: 'workspace' }, question: prompt };
  const kind = request.command;
  const accept = kind === 'file' ? isFile : isFolder;
  const inWorkspace = (p: string): boolean => folderContaining(p, folders) !== undefined;
  const referenced = request.referencedPaths.find((p) => accept(p) && inWorkspace(p));
  const typed = referenced ? undefined : leadingPath(prompt, folders, accept);
  const active = deps.activeFile();
  const fallback = active && inWorkspace(active) ? (kind === 'file' ? active : join(active, '..')) : undefined;
  const absPath = referenced ?? typed?.absPath ?? fallback;
  const question = typed ? typed.rest.trim() : prompt;
  if (!absPath) return { scope: null, question };
  return { scope: { kind, absPath, label: labelFor(absPath, folders) }, question };
}

/** Answers one `@tome` request. Never throws: failures are streamed in words and returned. */
export async function answerTomeRequest(
  request: ParticipantRequest,
  model: ParticipantModel,
  stream: ParticipantStream,
  deps: ParticipantDeps,
  signal: AbortSignal,
): Promise<ParticipantOutcome> {
  const { strings } = deps;
  const folders = deps.workspaceFolders();
  const fail = (scope: ChatScope | null, message: string): ParticipantOutcome => {
    stream.markdown(message);
    return { scope, packedFiles: 0, packedTokens: 0, error: message };
  };
  if (folders.length === 0) return fail(null, strings.noWorkspace);
  const { scope, question } = scopeOf(request, deps);
  if (!scope) return fail(null, request.command === 'file' ? strings.noFile : strings.noFolder);
  if (question === '') return fail(scope, strings.askSomething);

  stream.progress(strings.packing(scope.kind === 'workspace' ? strings.workspaceLabel : scope.label));
  const budget = Math.floor(model.maxInputTokens * MODEL_WINDOW_SHARE);
  const history: ChatTurn[] = (request.history ?? []).map((t, i) => ({ id: String(i), question: t.question, answer: t.answer, status: 'complete', notices: [] }));
  const reserve = Math.min(budget, deps.countTokens(conversationText(history, question)) + FRAMING_TOKENS);
  let packed;
  try {
    packed = await packScope(deps.pack, { scope, workspaceFolders: folders, settings: deps.packSettings(), budget, reserve, query: question }, { signal });
  } catch (error) {
    if (isAbortError(error) || signal.aborted) return { scope, packedFiles: 0, packedTokens: 0 };
    return fail(scope, strings.packFailed(error instanceof Error ? error.message : String(error)));
  }
  const { report } = packed;
  const shown = report.files.filter((f) => f.mode !== 'path-only');
  for (const file of shown) stream.reference(absolutePathOf(file.path, report.rootPrefixes));
  stream.progress(strings.asking(shown.length, report.totalTokens));

  const outcome = { scope, packedFiles: shown.length, packedTokens: report.totalTokens };
  try {
    for await (const text of model.send(buildChatMessages({ packedContext: packed.text, history, question }), signal)) stream.markdown(text);
  } catch (error) {
    if (isAbortError(error) || signal.aborted) return outcome;
    return { ...fail(scope, strings.modelFailed(error instanceof Error ? error.message : String(error))), packedFiles: shown.length, packedTokens: report.totalTokens };
  }
  return outcome;
}
