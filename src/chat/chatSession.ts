/**
 * One chat view's conversation: ask → pack → stream → store, Stop, New chat, history.
 * Streams to the webview as answerStart, answerChunk… (and reasoningChunk… when the model shows
 * its reasoning), then answerDone or answerError.
 */
import { isAbortError } from '../core';
import { detectTruncation } from '../llm';
import type { ChatListItem, ChatScope, ChatTurn, CostChoice, TurnUsage } from '../shared/model';
import { buildChatMessages, conversationText } from './chatMessages';
import { expectedCachedTokens, mustConfirmCost } from './costGuard';
import { CostPrompts } from './costPrompts';
import { actionFor, type ChatFailure, type ChatSessionDeps } from './chatTypes';
import { contextForQuestion, firstBudget, smallerContext, type ConversationContext } from './conversationContext';
import { titleFromQuestion, toView, type StoredConversation } from './conversationStore';

/** Why a stream ended without an answer. */
type StreamOutcome = { kind: 'done'; usage?: Omit<TurnUsage, 'cost' | 'rate'> } | { kind: 'stopped' } | { kind: 'failed'; failure: ChatFailure };

/** The conversation behind one chat view. */
export class ChatSession {
  private chat: StoredConversation;
  private readonly running = new Map<string, AbortController>();
  private streamingTurn: { requestId: string; turnId: string } | undefined;
  private readonly costPrompts = new CostPrompts();
  /** Chats where the user chose "Send and don't ask again" (for as long as the window is open). */
  private readonly costConfirmedChats = new Set<string>();

  constructor(private readonly deps: ChatSessionDeps) {
    const activeId = deps.store.activeId();
    this.chat = (activeId && deps.store.get(activeId)) || deps.store.create(deps.newId(), { kind: 'workspace' });
    const unreadable = deps.store.unreadableCount();
    if (unreadable > 0) deps.warn?.(deps.strings.unreadableChats(unreadable));
  }

  /** The conversation now shown. */
  get current(): StoredConversation {
    return this.chat;
  }

  /** True while an answer streams. */
  get busy(): boolean {
    return this.running.size > 0;
  }

  /** The request streaming now, so a re-created webview can follow it. */
  get streaming(): { requestId: string; turnId: string } | undefined {
    return this.streamingTurn;
  }

  /** The budget the context line shows: the stored one, or what a first question would get. */
  previewBudget(): { budget: number | null; reserve: number; query: string } {
    const meta = this.chat.context;
    if (meta) return { budget: meta.budget, reserve: meta.reserve, query: meta.query };
    return { ...firstBudget(this.deps, ''), query: '' };
  }

  /** Past chats, newest first. */
  listChats(): ChatListItem[] {
    return this.deps.store.list();
  }

  /** Starts an empty conversation, optionally about one folder or file. */
  async newChat(scope: ChatScope = { kind: 'workspace' }): Promise<void> {
    this.stopAll();
    this.chat = this.deps.store.create(this.deps.newId(), scope);
    await this.deps.store.setActive(this.chat.id);
    this.postConversation();
  }

  /** Asks about a folder or file: a fresh chat unless the current one is still empty. */
  async setScope(scope: ChatScope): Promise<void> {
    if (this.chat.turns.length > 0 || this.busy) return this.newChat(scope);
    this.chat = { ...this.chat, scope, context: undefined };
    this.postConversation();
  }

  async openChat(id: string): Promise<void> {
    const found = this.deps.store.get(id);
    if (!found) return;
    this.stopAll();
    this.chat = found;
    await this.deps.store.setActive(id);
    this.postConversation();
  }

  async deleteChat(id: string): Promise<void> {
    await this.deps.store.delete(id);
    if (id === this.chat.id) await this.newChat();
    else this.deps.post({ type: 'chatList', chats: this.deps.store.list() });
  }

  /** Aborts the request with this id; its partial answer is kept and marked stopped. */
  stop(requestId: string): void {
    this.running.get(requestId)?.abort();
  }

  stopAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }

  /** The user's answer to the cost guard's question for `requestId`. */
  answerCost(requestId: string, choice: CostChoice): void {
    this.costPrompts.answer(requestId, choice);
  }

  /**
   * Asks the last question again when it failed with nothing answered (no key, server down,
   * untrusted workspace, cancelled at the cost guard): the failed turn is replaced by the new one.
   * Anything else re-sends the conversation so the webview drops its optimistic state.
   */
  async retry(requestId: string, turnId: string): Promise<void> {
    const last = this.chat.turns.at(-1);
    if (this.busy || last?.id !== turnId || last.status !== 'error' || last.answer !== '') {
      this.postConversation();
      return;
    }
    this.chat.turns.pop();
    await this.deps.store.save(this.chat);
    await this.ask(requestId, last.question);
  }

  /** Asks a question in the current conversation and streams the answer. */
  async ask(requestId: string, question: string): Promise<void> {
    const turn: ChatTurn = { id: this.deps.newId(), question, answer: '', status: 'streaming', notices: [] };
    const chat = this.chat;
    chat.title ||= titleFromQuestion(question);
    const history = [...chat.turns];
    chat.turns.push(turn);
    this.deps.post({ type: 'answerStart', requestId, turnId: turn.id, question });

    const refusal = !this.deps.canSend() ? this.deps.strings.untrusted() : this.deps.workspaceFolders().length === 0 ? this.deps.strings.noWorkspace() : undefined;
    if (refusal) return this.finishWithError(chat, turn, requestId, { kind: 'other', ...refusal });

    const controller = new AbortController();
    this.running.set(requestId, controller);
    this.streamingTurn = { requestId, turnId: turn.id };
    try {
      await this.deps.store.save(chat);
      await this.deps.store.setActive(chat.id);
      await this.answer(chat, turn, history, requestId, controller.signal);
    } finally {
      this.running.delete(requestId);
      if (this.streamingTurn?.requestId === requestId) this.streamingTurn = undefined;
    }
  }

  private async answer(chat: StoredConversation, turn: ChatTurn, history: ChatTurn[], requestId: string, signal: AbortSignal): Promise<void> {
    let context: ConversationContext;
    try {
      context = await contextForQuestion(this.deps, chat, turn.question, signal);
    } catch (error) {
      if (isAbortError(error) || signal.aborted) return this.finishStopped(chat, turn, requestId);
      return this.finishWithError(chat, turn, requestId, { kind: 'other', ...this.deps.strings.packFailed(error instanceof Error ? error.message : String(error)) });
    }
    chat.context = context.meta;
    if (context.changed) this.notice(turn, requestId, this.deps.strings.repackedFilesChanged());

    const estimatedPrompt = (meta: { tokens: number }): number => meta.tokens + this.deps.countTokens(conversationText(history, turn.question));
    const choice = await this.confirmCost(chat, requestId, estimatedPrompt(context.meta), expectedCachedTokens(history, context.changed, estimatedPrompt(context.meta)), signal);
    if (choice === 'cancel') {
      if (signal.aborted) return this.finishStopped(chat, turn, requestId);
      return this.finishWithError(chat, turn, requestId, { kind: 'other', ...this.deps.strings.notSent() });
    }
    this.warnBeforeSending(turn, requestId, estimatedPrompt(context.meta));
    let outcome = await this.stream(turn, requestId, context.text, history, signal);
    if (outcome.kind === 'failed' && outcome.failure.kind === 'context-length' && turn.answer === '') {
      try {
        context = await smallerContext(this.deps, chat, context.meta, outcome.failure.overflowText ?? outcome.failure.message, signal);
      } catch (error) {
        if (signal.aborted) return this.finishStopped(chat, turn, requestId);
        return this.finishWithError(chat, turn, requestId, { kind: 'other', ...this.deps.strings.packFailed(error instanceof Error ? error.message : String(error)) });
      }
      const previousTokens = chat.context?.tokens ?? Number.POSITIVE_INFINITY;
      chat.context = context.meta;
      // Sending a prompt the provider already refused, no smaller, would only fail again.
      if (context.meta.tokens >= previousTokens) return this.finishWithError(chat, turn, requestId, { kind: 'other', ...this.deps.strings.cannotFit(context.meta.tokens) });
      this.notice(turn, requestId, this.deps.strings.repackedSmaller(context.meta.tokens));
      outcome = await this.stream(turn, requestId, context.text, history, signal);
    }

    if (outcome.kind === 'stopped') return this.finishStopped(chat, turn, requestId);
    if (outcome.kind === 'failed') return this.finishWithError(chat, turn, requestId, outcome.failure);
    turn.status = 'complete';
    if (outcome.usage) {
      const priced = this.deps.costNow ? this.deps.costNow(outcome.usage) : { cost: this.deps.costOf(outcome.usage) };
      turn.usage = { ...outcome.usage, ...priced };
      const estimated = estimatedPrompt(context.meta);
      const truncation = detectTruncation(estimated, outcome.usage.inputTokens);
      // A cut prompt says nothing about the tokenizer: warn, and keep it out of calibration.
      if (truncation) this.warn(turn, requestId, this.deps.strings.promptTruncated(truncation.sentTokens, truncation.billedTokens));
      else this.deps.recordPromptTokens?.(estimated, outcome.usage.inputTokens);
    }
    await this.deps.store.save(chat);
    this.deps.post({ type: 'answerDone', requestId, stopped: false, usage: turn.usage });
    this.postChatList();
  }

  private async stream(turn: ChatTurn, requestId: string, packedContext: string, history: ChatTurn[], signal: AbortSignal): Promise<StreamOutcome> {
    const messages = buildChatMessages({ packedContext, history, question: turn.question });
    let usage: Omit<TurnUsage, 'cost' | 'rate'> | undefined;
    try {
      for await (const event of this.deps.streamAnswer(messages, signal)) {
        if (signal.aborted) return { kind: 'stopped' };
        if (event.type === 'text') {
          turn.answer += event.text;
          this.deps.post({ type: 'answerChunk', requestId, text: event.text });
        } else if (event.type === 'reasoning') {
          turn.reasoning = (turn.reasoning ?? '') + event.text;
          this.deps.post({ type: 'reasoningChunk', requestId, text: event.text });
        } else if (event.type === 'usage') {
          usage = { inputTokens: event.inputTokens, outputTokens: event.outputTokens, cachedTokens: event.cachedTokens };
        } else if (event.type === 'retry') {
          this.notice(turn, requestId, this.deps.strings.retrying(event.attempt));
        } else if (event.type === 'done') {
          if (event.outcome === 'cancelled') return { kind: 'stopped' };
          if (event.outcome === 'incomplete') return { kind: 'failed', failure: { kind: 'other', ...this.deps.strings.endedEarly(event.reason) } };
          break;
        }
      }
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return { kind: 'stopped' };
      return { kind: 'failed', failure: this.deps.describeFailure(error) };
    }
    return signal.aborted ? { kind: 'stopped' } : { kind: 'done', usage };
  }

  /** The cost guard: asks in the chat when the question's input would cost more than the threshold. */
  private async confirmCost(chat: StoredConversation, requestId: string, promptTokens: number, cachedTokens: number, signal: AbortSignal): Promise<CostChoice> {
    const threshold = this.deps.confirmAboveCost?.() ?? 0;
    const priced = this.deps.costNow ? this.deps.costNow({ inputTokens: promptTokens, outputTokens: 0, cachedTokens }) : { cost: this.deps.costOf({ inputTokens: promptTokens, outputTokens: 0, cachedTokens }) };
    if (!mustConfirmCost({ estimatedCost: priced.cost, threshold, confirmedForChat: this.costConfirmedChats.has(chat.id) }) || priced.cost === null) return 'send';
    const asked = this.costPrompts.wait(requestId, signal);
    this.deps.post({ type: 'costConfirm', requestId, tokens: promptTokens, cost: priced.cost, ...(priced.rate ? { rate: priced.rate } : {}) });
    const choice = await asked;
    if (choice === 'sendAlways') this.costConfirmedChats.add(chat.id);
    return choice;
  }

  private warnBeforeSending(turn: ChatTurn, requestId: string, promptTokens: number): void {
    const warning = this.deps.preSendWarning?.(promptTokens);
    if (warning) this.warn(turn, requestId, warning);
  }

  private warn(turn: ChatTurn, requestId: string, text: string): void {
    turn.warnings = [...(turn.warnings ?? []), text];
    this.deps.post({ type: 'answerWarning', requestId, text });
  }

  private notice(turn: ChatTurn, requestId: string, text: string): void {
    turn.notices.push(text);
    this.deps.post({ type: 'answerNotice', requestId, text });
  }

  private async finishStopped(chat: StoredConversation, turn: ChatTurn, requestId: string): Promise<void> {
    turn.status = 'stopped';
    await this.deps.store.save(chat);
    this.deps.post({ type: 'answerDone', requestId, stopped: true });
    this.postChatList();
  }

  private async finishWithError(chat: StoredConversation, turn: ChatTurn, requestId: string, failure: ChatFailure): Promise<void> {
    const partial = turn.answer !== '';
    turn.status = partial ? 'incomplete' : 'error';
    const action = actionFor(failure);
    turn.error = { message: failure.message, nextStep: failure.nextStep, ...(action ? { action } : {}) };
    await this.deps.store.save(chat);
    this.deps.post({ type: 'answerError', requestId, message: failure.message, nextStep: failure.nextStep, action, partial });
    this.postChatList();
  }

  private postConversation(): void {
    this.deps.post({ type: 'conversation', conversation: toView(this.chat) });
    this.postChatList();
  }

  private postChatList(): void {
    this.deps.post({ type: 'chatList', chats: this.deps.store.list() });
  }
}
