/**
 * The chat webview. Talks to the host only through the typed protocol in src/shared: sends
 * `ready` first, then renders whatever the host posts. `data-state` on #chat-root is
 * idle | streaming | stopped | error, for people reading the DOM and for tests.
 */
import { assertNever, isHostMessage, type ChatListItem, type ContextInfo, type ConversationView, type HostMessage, type SetupView, type UiStrings, type WebviewMessage } from '../shared/protocol';
import { renderContextBar } from './contextBar';
import { renderCostConfirm } from './costConfirm';
import { renderSetupCard } from './setupCard';
import { byId, el, icon, iconButton } from './dom';
import { newRequestId } from './format';
import { createTurnElement, renderAnswer, renderReasoning, renderTurnFooter, type TurnCallbacks } from './turnView';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type ChatState = 'idle' | 'streaming' | 'stopped' | 'error';

const vscode = acquireVsCodeApi();
const post = (message: WebviewMessage): void => vscode.postMessage(message);

let strings: UiStrings | undefined;
let conversation: ConversationView | undefined;
let chats: ChatListItem[] = [];
let context: ContextInfo | undefined;
let canSend = true;
let filesOpen = false;
let active: { requestId: string; turnId?: string } | undefined;
let renderQueued = false;
let setup: SetupView | null = null;

const callbacks: TurnCallbacks = {
  copy: (text) => post({ type: 'copyText', text }),
  runAction: (action) => post({ type: 'runAction', action }),
  retry: (turnId) => retry(turnId),
};

/** Sends the failed last question again; the host replaces its turn with the new answer. */
function retry(turnId: string): void {
  if (active || !conversation || conversation.turns.at(-1)?.id !== turnId) return;
  conversation.turns.pop();
  turnElement(turnId)?.remove();
  active = { requestId: newRequestId() };
  setState('streaming');
  post({ type: 'retry', requestId: active.requestId, turnId });
}

function renderSetup(): void {
  if (!strings) return;
  renderSetupCard(byId('setup-card'), setup, strings, { run: (action) => post({ type: 'setup', action }), runAction: callbacks.runAction });
  byId('empty-state').hidden = setup !== null || (conversation?.turns.length ?? 0) > 0;
}

function setState(state: ChatState): void {
  byId('chat-root').dataset.state = state;
  byId<HTMLButtonElement>('send-button').hidden = state === 'streaming';
  byId<HTMLButtonElement>('stop-button').hidden = state !== 'streaming';
}

function applyStrings(s: UiStrings): void {
  const input = byId<HTMLTextAreaElement>('question-input');
  input.placeholder = s.placeholder;
  input.setAttribute('aria-label', s.inputLabel);
  for (const [id, label] of [['send-button', s.send], ['stop-button', s.stop], ['new-chat-button', s.newChat], ['history-button', s.history]] as const) {
    const button = byId(id);
    button.title = label;
    button.setAttribute('aria-label', label);
  }
  // Text beside the icons: an unlabeled icon says nothing to someone new.
  byId('new-chat-button').replaceChildren(icon('add'), el('span', { class: 'button-label' }, s.newChat));
  byId('history-button').replaceChildren(icon('history'), el('span', { class: 'button-label' }, s.history));
  byId('files-toggle').replaceChildren(icon('list-flat'), el('span', { class: 'button-label' }, s.filesButton));
  byId('untrusted-banner').textContent = s.untrusted;
  byId('empty-state').textContent = s.emptyState;
}

function turnElement(turnId: string): HTMLElement | null {
  return byId('messages').querySelector<HTMLElement>(`.turn[data-turn-id="${CSS.escape(turnId)}"]`);
}

function renderMessages(): void {
  if (!strings || !conversation) return;
  const s = strings;
  byId('messages').replaceChildren(...conversation.turns.map((turn) => createTurnElement(turn, s, callbacks)));
  byId('empty-state').hidden = setup !== null || conversation.turns.length > 0;
  const last = conversation.turns.at(-1);
  setState(active ? 'streaming' : last?.status === 'stopped' ? 'stopped' : last?.status === 'error' || last?.status === 'incomplete' ? 'error' : 'idle');
}

function renderHistory(): void {
  if (!strings) return;
  const s = strings;
  const list = byId('history-list');
  if (chats.length === 0) {
    list.replaceChildren(el('li', { class: 'history-empty' }, s.noHistory));
    return;
  }
  list.replaceChildren(
    ...chats.map((chat) => {
      const open = el('button', { class: 'history-open', type: 'button', 'data-chat-id': chat.id, 'aria-current': chat.id === conversation?.id ? 'true' : undefined }, chat.title || '…');
      open.addEventListener('click', () => {
        post({ type: 'openChat', chatId: chat.id });
        toggleHistory(false);
      });
      const remove = iconButton(undefined, 'trash', s.deleteChat, 'history-delete');
      remove.addEventListener('click', () => post({ type: 'deleteChat', chatId: chat.id }));
      return el('li', { class: 'history-row' }, open, remove);
    }),
  );
}

function renderContext(): void {
  if (!strings || !context) return;
  renderContextBar(context, strings, filesOpen, {
    clearScope: () => post({ type: 'clearScope' }),
    openFile: (path) => post({ type: 'openFile', path }),
  });
}

function toggleHistory(open: boolean): void {
  byId('history-panel').hidden = !open;
  byId('history-button').setAttribute('aria-expanded', String(open));
}

/** Re-renders a turn's reasoning and answer from its data. */
function renderTurnBody(node: HTMLElement, turn: ConversationView['turns'][number], s: UiStrings): void {
  const details = node.querySelector<HTMLDetailsElement>('.turn-reasoning');
  if (details) renderReasoning(details, turn, s, callbacks);
  renderAnswer(node.querySelector<HTMLElement>('.turn-answer') ?? node, turn.answer, s, callbacks);
}

/** Re-renders the streaming answer at most once per frame, however fast chunks arrive. */
function queueStreamRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    const turn = conversation?.turns.find((t) => t.id === active?.turnId);
    const node = turn && turnElement(turn.id);
    if (!turn || !node || !strings) return;
    renderTurnBody(node, turn, strings);
    node.scrollIntoView({ block: 'end' });
  });
}

function activeTurn(requestId: string): ConversationView['turns'][number] | undefined {
  if (active?.requestId !== requestId) return undefined;
  return conversation?.turns.find((t) => t.id === active?.turnId);
}

function finishTurn(requestId: string, update: (turn: ConversationView['turns'][number]) => void, state: ChatState): void {
  const turn = activeTurn(requestId);
  if (!turn || !strings) return;
  update(turn);
  active = undefined;
  const node = turnElement(turn.id);
  if (node) {
    node.dataset.status = turn.status;
    renderTurnBody(node, turn, strings);
    renderTurnFooter(node.querySelector<HTMLElement>('.turn-footer') ?? node, turn, strings, callbacks);
  }
  setState(state);
  byId('question-input').focus();
}

function onHostMessage(message: HostMessage): void {
  switch (message.type) {
    case 'init':
      strings = message.strings;
      conversation = message.conversation;
      chats = message.chats;
      context = message.context;
      canSend = message.canSend;
      active = message.streaming ? { ...message.streaming } : undefined;
      setup = message.setup ?? null;
      applyStrings(message.strings);
      byId('untrusted-banner').hidden = canSend;
      renderMessages();
      renderHistory();
      renderContext();
      renderSetup();
      return;
    case 'setup':
      setup = message.setup;
      renderSetup();
      return;
    case 'costConfirm': {
      const turn = activeTurn(message.requestId);
      const node = turn && turnElement(turn.id);
      if (!node || !strings) return;
      renderCostConfirm(node, message, strings, (choice) => post({ type: 'costAnswer', requestId: message.requestId, choice }));
      return;
    }
    case 'focusInput':
      byId('question-input').focus();
      return;
    case 'conversation':
      conversation = message.conversation;
      active = undefined;
      renderMessages();
      renderHistory();
      return;
    case 'chatList':
      chats = message.chats;
      renderHistory();
      return;
    case 'context':
      context = message.context;
      renderContext();
      return;
    case 'canSend':
      canSend = message.canSend;
      byId('untrusted-banner').hidden = canSend;
      return;
    case 'answerStart': {
      if (!conversation || !strings || active?.requestId !== message.requestId) return;
      active.turnId = message.turnId;
      const turn = { id: message.turnId, question: message.question, answer: '', status: 'streaming' as const, notices: [] };
      conversation.turns.push(turn);
      byId('messages').append(createTurnElement(turn, strings, callbacks));
      byId('empty-state').hidden = true;
      byId('messages').lastElementChild?.scrollIntoView({ block: 'end' });
      return;
    }
    case 'answerChunk': {
      const turn = activeTurn(message.requestId);
      if (!turn) return;
      turn.answer += message.text;
      queueStreamRender();
      return;
    }
    case 'reasoningChunk': {
      const turn = activeTurn(message.requestId);
      if (!turn) return;
      turn.reasoning = (turn.reasoning ?? '') + message.text;
      queueStreamRender();
      return;
    }
    case 'answerNotice': {
      const turn = activeTurn(message.requestId);
      const node = turn && turnElement(turn.id);
      if (!turn || !node || !strings) return;
      turn.notices.push(message.text);
      renderTurnFooter(node.querySelector<HTMLElement>('.turn-footer') ?? node, turn, strings, callbacks);
      return;
    }
    case 'answerWarning': {
      const turn = activeTurn(message.requestId);
      const node = turn && turnElement(turn.id);
      if (!turn || !node || !strings) return;
      turn.warnings = [...(turn.warnings ?? []), message.text];
      renderTurnFooter(node.querySelector<HTMLElement>('.turn-footer') ?? node, turn, strings, callbacks);
      return;
    }
    case 'answerDone':
      finishTurn(message.requestId, (turn) => {
        turn.status = message.stopped ? 'stopped' : 'complete';
        if (message.usage) turn.usage = message.usage;
      }, message.stopped ? 'stopped' : 'idle');
      return;
    case 'answerError':
      finishTurn(message.requestId, (turn) => {
        turn.status = message.partial ? 'incomplete' : 'error';
        turn.error = { message: message.message, nextStep: message.nextStep, ...(message.action ? { action: message.action } : {}) };
      }, 'error');
      return;
    default:
      assertNever(message);
  }
}

function send(): void {
  const input = byId<HTMLTextAreaElement>('question-input');
  const text = input.value.trim();
  if (text === '' || active || !strings) return;
  active = { requestId: newRequestId() };
  input.value = '';
  vscode.setState({ draft: '' });
  setState('streaming');
  post({ type: 'send', requestId: active.requestId, text });
}

function wireControls(): void {
  const input = byId<HTMLTextAreaElement>('question-input');
  const saved = vscode.getState() as { draft?: unknown } | undefined;
  if (typeof saved?.draft === 'string') input.value = saved.draft;
  input.addEventListener('input', () => vscode.setState({ draft: input.value }));
  input.addEventListener('keydown', (event) => {
    // Enter sends; Shift+Enter is a newline; Enter that confirms an IME composition (Korean) is neither.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    } else if (event.key === 'ArrowUp' && input.value === '' && !event.isComposing) {
      // Up in an empty box brings back the last question, as in a terminal.
      const last = conversation?.turns.at(-1)?.question;
      if (last === undefined) return;
      event.preventDefault();
      input.value = last;
      input.setSelectionRange(last.length, last.length);
      vscode.setState({ draft: last });
    }
  });
  // Not a <form>: webviews run without allow-forms, so a submit event would never fire.
  byId('send-button').addEventListener('click', () => send());
  byId('stop-button').addEventListener('click', () => active && post({ type: 'stop', requestId: active.requestId }));
  byId('new-chat-button').addEventListener('click', () => post({ type: 'newChat' }));
  byId('history-button').addEventListener('click', () => toggleHistory(byId('history-panel').hidden === true));
  byId('files-toggle').addEventListener('click', () => {
    filesOpen = !filesOpen;
    renderContext();
  });
  byId('stop-button').replaceChildren(icon('debug-stop'));
  byId('send-button').replaceChildren(icon('send'));
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostMessage(event.data)) onHostMessage(event.data);
});
wireControls();
post({ type: 'ready' });
