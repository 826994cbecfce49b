/**
 * The typed message protocol between the extension host and the chat webview.
 *
 * One discriminated union per direction. Every inbound message is checked by a runtime guard
 * before use (a webview is a web page; the host is the only side that may trust itself). The
 * webview sends `ready` first; the host posts nothing until then. Answers stream as
 * `answerChunk` … (with the model's reasoning, when it shows any, as `reasoningChunk` … beside
 * them) then exactly one `answerDone` or `answerError`, each carrying the request id.
 */
import type { ChatListItem, ContextInfo, ConversationView, CostChoice, HostAction, SetupAction, SetupView, TurnUsage, UiStrings } from './model';

export type * from './model';

/** Messages from the webview to the host. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'send'; requestId: string; text: string }
  | { type: 'stop'; requestId: string }
  | { type: 'newChat' }
  | { type: 'openChat'; chatId: string }
  | { type: 'deleteChat'; chatId: string }
  | { type: 'clearScope' }
  | { type: 'openFile'; path: string }
  | { type: 'copyText'; text: string }
  | { type: 'runAction'; action: HostAction }
  /** Asks the last question again, after a failure before anything was sent (no key, server down). */
  | { type: 'retry'; requestId: string; turnId: string }
  | { type: 'setup'; action: SetupAction }
  | { type: 'costAnswer'; requestId: string; choice: CostChoice };

/** Messages from the host to the webview. */
export type HostMessage =
  | {
      type: 'init';
      strings: UiStrings;
      conversation: ConversationView;
      chats: ChatListItem[];
      context: ContextInfo;
      canSend: boolean;
      /** The answer streaming now, when the view was re-created mid-answer. */
      streaming?: { requestId: string; turnId: string };
      /** The setup card, while the chat cannot be used yet. */
      setup?: SetupView | null;
    }
  | { type: 'setup'; setup: SetupView | null }
  /** The question would cost more than `tome.confirmAboveCost`: ask before sending. */
  | { type: 'costConfirm'; requestId: string; tokens: number; cost: number; rate?: 'peak' | 'off-peak' }
  /** Put the keyboard focus in the question box ("Tome: Focus Chat Input"). */
  | { type: 'focusInput' }
  | { type: 'conversation'; conversation: ConversationView }
  | { type: 'chatList'; chats: ChatListItem[] }
  | { type: 'context'; context: ContextInfo }
  | { type: 'canSend'; canSend: boolean }
  | { type: 'answerStart'; requestId: string; turnId: string; question: string }
  | { type: 'answerChunk'; requestId: string; text: string }
  /** A piece of the model's reasoning, shown apart from the answer and never sent back to it. */
  | { type: 'reasoningChunk'; requestId: string; text: string }
  | { type: 'answerNotice'; requestId: string; text: string }
  /** A problem with the answer the user must see (shown as a warning, kept with the turn). */
  | { type: 'answerWarning'; requestId: string; text: string }
  | { type: 'answerDone'; requestId: string; stopped: boolean; usage?: TurnUsage }
  | {
      type: 'answerError';
      requestId: string;
      message: string;
      nextStep: string;
      action?: HostAction;
      /** True when part of the answer arrived before the failure; it is kept. */
      partial: boolean;
    };

/** Longest question the host accepts; longer input is a bug or an attack, not a question. */
export const MAX_QUESTION_CHARS = 100_000;
/** Longest text the host copies to the clipboard on the webview's behalf. */
export const MAX_COPY_CHARS = 5_000_000;

/** Marks a switch as exhaustive: compiling fails when a case is missing. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(value)}`);
}

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isShortId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

function isStringUpTo(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

/** Longest model name the setup card may write to settings. */
const MAX_MODEL_CHARS = 256;

function isSetupAction(value: unknown): value is SetupAction {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case 'chooseProvider':
      return hasOnly(value, ['kind', 'provider']) && isShortId(value.provider);
    case 'chooseModel':
      return hasOnly(value, ['kind', 'model']) && isStringUpTo(value.model, MAX_MODEL_CHARS) && value.model.trim() !== '';
    case 'enterKey':
    case 'setUrl':
    case 'recheck':
    case 'changeProvider':
      return hasOnly(value, ['kind']);
    default:
      return false;
  }
}

function hasOnly(message: Fields, keys: readonly string[]): boolean {
  return Object.keys(message).every((key) => key === 'type' || keys.includes(key));
}

/**
 * Runtime guard for messages from the webview: the exact shape, bounded sizes, ids limited to
 * `[A-Za-z0-9_-]`, no extra fields. Anything else is dropped by the host.
 */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (!isRecord(value) || typeof value.type !== 'string') return false;
  switch (value.type) {
    case 'ready':
    case 'newChat':
    case 'clearScope':
      return hasOnly(value, []);
    case 'send':
      return hasOnly(value, ['requestId', 'text']) && isShortId(value.requestId) && isStringUpTo(value.text, MAX_QUESTION_CHARS) && value.text.trim() !== '';
    case 'stop':
      return hasOnly(value, ['requestId']) && isShortId(value.requestId);
    case 'openChat':
    case 'deleteChat':
      return hasOnly(value, ['chatId']) && isShortId(value.chatId);
    case 'openFile':
      return hasOnly(value, ['path']) && isStringUpTo(value.path, 4096) && value.path !== '';
    case 'copyText':
      return hasOnly(value, ['text']) && isStringUpTo(value.text, MAX_COPY_CHARS);
    case 'runAction':
      return hasOnly(value, ['action']) && (value.action === 'setApiKey' || value.action === 'selectModel');
    case 'retry':
      return hasOnly(value, ['requestId', 'turnId']) && isShortId(value.requestId) && isShortId(value.turnId);
    case 'setup':
      return hasOnly(value, ['action']) && isSetupAction(value.action);
    case 'costAnswer':
      return hasOnly(value, ['requestId', 'choice']) && isShortId(value.requestId) && (value.choice === 'send' || value.choice === 'sendAlways' || value.choice === 'cancel');
    default:
      return false;
  }
}

/**
 * Light guard for messages from the host. The host is trusted, so this only protects the page
 * from unrelated `message` events (e.g. from VS Code itself) reaching the switch.
 */
export function isHostMessage(value: unknown): value is HostMessage {
  if (!isRecord(value) || typeof value.type !== 'string') return false;
  switch (value.type) {
    case 'init':
      return isRecord(value.strings) && isRecord(value.conversation) && Array.isArray(value.chats) && isRecord(value.context);
    case 'conversation':
      return isRecord(value.conversation);
    case 'chatList':
      return Array.isArray(value.chats);
    case 'context':
      return isRecord(value.context);
    case 'canSend':
      return typeof value.canSend === 'boolean';
    case 'answerStart':
      return typeof value.requestId === 'string' && typeof value.turnId === 'string' && typeof value.question === 'string';
    case 'answerChunk':
    case 'reasoningChunk':
    case 'answerNotice':
    case 'answerWarning':
      return typeof value.requestId === 'string' && typeof value.text === 'string';
    case 'answerDone':
      return typeof value.requestId === 'string' && typeof value.stopped === 'boolean';
    case 'answerError':
      return typeof value.requestId === 'string' && typeof value.message === 'string' && typeof value.nextStep === 'string';
    case 'setup':
      return value.setup === null || isRecord(value.setup);
    case 'costConfirm':
      return typeof value.requestId === 'string' && typeof value.tokens === 'number' && typeof value.cost === 'number';
    case 'focusInput':
      return true;
    default:
      return false;
  }
}
