/**
 * The packed codebase behind a conversation. The first question packs it; follow-ups pack again
 * with exactly the same request — the engine re-reads only changed files — and, when nothing
 * changed, send the stored bytes unchanged so the provider's prompt cache hits.
 */
import { type PackResult, WriteFailure } from '../core';
import { conversationText, contextBudget, shrunkBudget, type ContextBudget } from './chatMessages';
import type { ChatSessionDeps } from './chatTypes';
import type { PackedContextMeta, StoredConversation } from './conversationStore';
import { packedFilesOf, packScope } from './packScope';

/** Share of the window kept for follow-up turns beyond the first question, within limits. */
const FOLLOW_UP_SHARE = 0.05;
const FOLLOW_UP_MIN = 1024;
const FOLLOW_UP_MAX = 16_384;

/** The context to send, and whether it differs from what the conversation sent before. */
export interface ConversationContext {
  text: string;
  meta: PackedContextMeta;
  /** True when files changed since the last question and the text is new. */
  changed: boolean;
}

type Deps = Pick<ChatSessionDeps, 'pack' | 'store' | 'model' | 'packSettings' | 'workspaceFolders' | 'countTokens' | 'smallerPackShare' | 'calibratedBudget' | 'warn'> & {
  strings: Pick<ChatSessionDeps['strings'], 'contextNotSaved'>;
};

/**
 * Keeps the packed text for follow-ups. A failed write (a full disk) leaves no partial file and
 * costs only the byte-identical follow-up: the answer goes on, and the next question packs again.
 */
async function saveContext(deps: Deps, id: string, text: string): Promise<void> {
  try {
    await deps.store.writeContext(id, text);
  } catch (error) {
    if (!(error instanceof WriteFailure)) throw error;
    deps.warn?.(deps.strings.contextNotSaved(error));
  }
}

/** Room for follow-ups, so later turns fit beside the same pack. */
export function followUpHeadroom(contextWindow: number): number {
  return Math.min(FOLLOW_UP_MAX, Math.max(FOLLOW_UP_MIN, Math.floor(contextWindow * FOLLOW_UP_SHARE)));
}

/**
 * The budget a new conversation packs with: the window minus the answer, in the provider's
 * tokens, turned into Tome's tokens by the calibration when there is one.
 */
export function firstBudget(deps: Pick<Deps, 'model' | 'countTokens' | 'calibratedBudget'>, question: string): ContextBudget {
  const model = deps.model();
  const conversationTokens = deps.countTokens(conversationText([], question)) + followUpHeadroom(model.contextWindow);
  const { budget, reserve } = contextBudget(model.contextWindow, model.maxOutputTokens, conversationTokens);
  const calibrated = deps.calibratedBudget ? deps.calibratedBudget(budget) : budget;
  return { budget: calibrated, reserve: Math.min(reserve, calibrated) };
}

async function packWith(deps: Deps, chat: StoredConversation, meta: Omit<PackedContextMeta, 'tokens' | 'files'>, signal: AbortSignal): Promise<{ result: PackResult; meta: PackedContextMeta }> {
  const settings = { ...deps.packSettings(), encoding: meta.encoding, format: meta.format };
  const input = { scope: chat.scope, workspaceFolders: deps.workspaceFolders(), settings, budget: meta.budget, reserve: meta.reserve, query: meta.query };
  const result = await packScope((request, options) => deps.pack(request, options), input, { signal });
  return { result, meta: { ...meta, tokens: result.report.totalTokens, files: packedFilesOf(result.report) } };
}

/**
 * The conversation's context for the next question: packed fresh for the first question,
 * re-packed with the stored request for follow-ups. Writes the text to the store when it changed.
 */
export async function contextForQuestion(deps: Deps, chat: StoredConversation, question: string, signal: AbortSignal): Promise<ConversationContext> {
  const stored = chat.context;
  if (stored) {
    const previous = await deps.store.readContext(chat.id);
    const { result, meta } = await packWith(deps, chat, stored, signal);
    const changed = previous !== undefined && previous !== result.text;
    if (previous !== result.text) await saveContext(deps, chat.id, result.text);
    return { text: result.text, meta, changed };
  }
  const settings = deps.packSettings();
  const { budget, reserve } = firstBudget(deps, question);
  const { result, meta } = await packWith(deps, chat, { budget, reserve, query: question, encoding: settings.encoding, format: settings.format }, signal);
  await saveContext(deps, chat.id, result.text);
  return { text: result.text, meta, changed: false };
}

/** Packs again with a smaller budget after the provider said the prompt was too long. */
export async function smallerContext(deps: Deps, chat: StoredConversation, current: PackedContextMeta, overflowText: string, signal: AbortSignal): Promise<ConversationContext> {
  const budget = current.budget ?? deps.model().contextWindow - deps.model().maxOutputTokens;
  const pick = deps.smallerPackShare;
  const smaller = shrunkBudget({ budget, reserve: current.reserve }, current.tokens, pick ? (share) => pick(overflowText, share) : undefined);
  const { result, meta } = await packWith(deps, chat, { ...current, budget: smaller.budget, reserve: smaller.reserve }, signal);
  await saveContext(deps, chat.id, result.text);
  return { text: result.text, meta, changed: true };
}
