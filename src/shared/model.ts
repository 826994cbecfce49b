/**
 * Plain data the host shows in the chat webview. Everything here crosses the message channel,
 * so it is JSON: no classes, no Maps, no functions.
 */
import type { FileMode, SelectionReason } from './packReport';

/** What a conversation packs: the whole workspace, one folder or file in it, or the git changes of a folder. */
export type ChatScope =
  | { kind: 'workspace' }
  | {
      kind: 'folder' | 'file';
      /** Absolute path on disk. */
      absPath: string;
      /** Workspace-relative path shown on the chip. */
      label: string;
    }
  | {
      kind: 'changes';
      /** The folder (in a git repository) whose changes are packed. */
      absPath: string;
      /** The branch the changes are measured against (merge base); null for the working tree against HEAD. */
      base: string | null;
      /** The chip's text, e.g. "changes vs main". */
      label: string;
    };

/** An action a button in an error can run on the host. */
export type HostAction = 'setApiKey' | 'selectModel';

/** How a turn ended (or that it has not ended yet). */
export type TurnStatus = 'streaming' | 'complete' | 'stopped' | 'incomplete' | 'error';

/** Tokens and cost of one answered question. */
export interface TurnUsage {
  inputTokens: number;
  outputTokens: number;
  /** Input tokens the provider served from its prompt cache. */
  cachedTokens: number;
  /** US dollars, or null when the model's prices are unknown. */
  cost: number | null;
  /** Which rate the cost was taken at, for providers with peak hours (DeepSeek). */
  rate?: 'peak' | 'off-peak';
}

/** One question and its answer. */
export interface ChatTurn {
  id: string;
  question: string;
  /** Markdown as the model wrote it; the webview renders and sanitizes it. */
  answer: string;
  /**
   * The model's reasoning before (or beside) the answer, markdown as streamed; absent when the
   * model shows none. Shown collapsed under "Thinking"; never sent back to the model.
   */
  reasoning?: string;
  status: TurnStatus;
  /** Notes shown under the answer, e.g. "re-packed with a smaller budget". */
  notices: string[];
  /** Problems with the answer the user must see, e.g. "the server read only 4,096 of 90,000 tokens". */
  warnings?: string[];
  error?: { message: string; nextStep: string; action?: HostAction };
  usage?: TurnUsage;
}

/** Why selection put a file in (or left it as a path): the pack report's own reason. */
export type PackReasonView = SelectionReason;

/** One packed file in the context list. */
export interface PackedFileView {
  /** Path relative to the packed root, `/`-separated. */
  path: string;
  /** Absolute path, used to open the file. */
  absPath: string;
  tokens: number;
  mode: FileMode;
  /** Why it is in; absent without a budget (everything is in) and in chats stored before reasons. */
  reason?: PackReasonView;
}

/** A conversation as the webview shows it. */
export interface ConversationView {
  id: string;
  title: string;
  scope: ChatScope;
  turns: ChatTurn[];
}

/** One entry in the list of past chats. */
export interface ChatListItem {
  id: string;
  title: string;
  /** Epoch milliseconds of the last change. */
  updatedAt: number;
  turnCount: number;
}

/** The context line: what is (or will be) packed, against the model's window. */
export interface ContextInfo {
  status: 'idle' | 'packing' | 'ready' | 'error';
  scope: ChatScope;
  model: string;
  fileCount: number;
  tokens: number;
  contextWindow: number;
  /** Estimated cost in US dollars of the next question, or null when prices are unknown. */
  estimatedCost: number | null;
  /** Which rate the estimate uses, for providers with peak hours. */
  costRate?: 'peak' | 'off-peak';
  /** Where the window comes from, shown as the context line's tooltip ("window 131,072, reported by vLLM"). */
  windowNote?: string;
  files: PackedFileView[];
  /** Files and folders pinned in the Context view; the scope chip says "N pinned" when above zero. */
  pinned?: number;
  /** Shown when status is `error`. */
  message?: string;
}

/** One provider button on the setup card. */
export interface SetupProviderView {
  /** The `tome.provider` value. */
  id: string;
  label: string;
  /** Runs on this machine: the card says the code stays here. */
  local: boolean;
}

/** The first-run setup card: shown instead of the empty state while the chat cannot be used. */
export interface SetupView {
  step: 'choose-provider' | 'enter-key' | 'need-url' | 'checking-server' | 'server-unreachable' | 'choose-model';
  providers: SetupProviderView[];
  /** The provider chosen so far (absent on `choose-provider`). */
  provider?: string;
  /** The URL Tome checks or sends to. */
  baseUrl: string;
  /** Models the server listed, on `choose-model`. */
  models?: string[];
}

/** What the user asked the setup card to do. */
export type SetupAction =
  | { kind: 'chooseProvider'; provider: string }
  | { kind: 'enterKey' }
  | { kind: 'setUrl' }
  | { kind: 'recheck' }
  | { kind: 'chooseModel'; model: string }
  | { kind: 'changeProvider' };

/** The answer to "This question sends ~N tokens, about $X": send, send and stop asking in this chat, or cancel. */
export type CostChoice = 'send' | 'sendAlways' | 'cancel';

/** Keys of every string the webview shows; the host sends them translated. */
export const UI_STRING_KEYS = [
  'placeholder',
  'send',
  'stop',
  'newChat',
  'history',
  'noHistory',
  'deleteChat',
  'workspace',
  'removeScope',
  'pinnedChip',
  'pinnedChipTitle',
  'packing',
  'contextSummary',
  'unknownCost',
  'showFiles',
  'hideFiles',
  'copy',
  'copied',
  'stopped',
  'incomplete',
  'usageSummary',
  'untrusted',
  'setApiKey',
  'selectModel',
  'emptyState',
  'you',
  'answer',
  'inputLabel',
  'filesLabel',
  'thinking',
  'peakRate',
  'offPeakRate',
  'reasonFocus',
  'reasonDependencyOfFocus',
  'reasonDependentOfFocus',
  'reasonQueryMatch',
  'reasonPathMatch',
  'reasonDefinesQuery',
  'reasonWordsTogether',
  'reasonTestedByMatch',
  'reasonNearMatch',
  'reasonCentral',
  'reasonFits',
  'reasonOverBudget',
  'reasonConfigMode',
  'filesButton',
  'retry',
  'setupTitle',
  'setupIntro',
  'setupLocal',
  'setupHint_deepseek',
  'setupHint_openai',
  'setupHint_gemini',
  'setupHint_openrouter',
  'setupHint_ollama',
  'setupHint_lmstudio',
  'setupHint_vllm',
  'setupHint_custom',
  'setupEnterKey',
  'setupKeyNeeded',
  'setupChecking',
  'setupUnreachable',
  'setupNeedUrl',
  'setupSetUrl',
  'setupRecheck',
  'setupChooseModel',
  'setupNoModels',
  'setupChangeProvider',
  'costConfirm',
  'costSend',
  'costSendAlways',
  'costCancel',
] as const;

/** One UI string key. */
export type UiStringKey = (typeof UI_STRING_KEYS)[number];

/** Translated UI strings; `{0}`-style placeholders are filled in by the webview. */
export type UiStrings = Record<UiStringKey, string>;
