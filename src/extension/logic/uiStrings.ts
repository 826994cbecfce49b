/**
 * The webview's strings in English. Each English text is also its key in
 * l10n/bundle.l10n.*.json, so the host translates them with `vscode.l10n.t` and sends the result.
 */
import type { UiStrings } from '../../shared/model';

/** English UI strings; `{0}`… are filled in by the webview. */
export const ENGLISH_UI_STRINGS: UiStrings = {
  placeholder: 'Ask about the codebase (Enter to send, Shift+Enter for a new line)',
  send: 'Send',
  stop: 'Stop',
  newChat: 'New chat',
  history: 'Past chats',
  noHistory: 'No past chats yet.',
  deleteChat: 'Delete chat',
  workspace: 'Workspace',
  removeScope: 'Remove scope: ask about the whole workspace',
  packing: 'Packing…',
  contextSummary: '{0} files · {1} of {2} tokens · ~{3} · {4}',
  unknownCost: 'cost unknown',
  showFiles: 'Show packed files',
  hideFiles: 'Hide packed files',
  copy: 'Copy code',
  copied: 'Copied',
  stopped: 'Stopped. The partial answer is kept.',
  incomplete: 'The answer is incomplete: the stream ended early.',
  usageSummary: '{0} tokens in ({1} cached) · {2} out · {3}',
  untrusted: 'This workspace is not trusted: Tome can pack it but will not send it to a model. Trust the workspace to chat.',
  setApiKey: 'Set API Key',
  selectModel: 'Select Model',
  emptyState: 'Ask a question about this codebase. Tome packs the files the model needs and sends them with your question.',
  you: 'You',
  answer: 'Answer',
  inputLabel: 'Question about the codebase',
  filesLabel: 'Packed files',
  thinking: 'Thinking',
  peakRate: '{0} at the peak rate',
  offPeakRate: '{0} at the off-peak rate',
  reasonFocus: 'you are looking at it',
  reasonDependencyOfFocus: 'imported by what you are looking at',
  reasonDependentOfFocus: 'imports what you are looking at',
  reasonQueryMatch: 'mentions words of the question',
  reasonPathMatch: 'its path names words of the question',
  reasonDefinesQuery: 'defines names from the question',
  reasonTestedByMatch: 'its tests match the question',
  reasonNearMatch: 'imports or is imported by a match',
  reasonCentral: 'many files import it',
  reasonFits: 'room was left',
  reasonOverBudget: 'over the budget: listed by path',
  reasonConfigMode: 'set by tome.config.json',
};

/** The UI strings translated by `translate` (e.g. `vscode.l10n.t`). */
export function translatedUiStrings(translate: (english: string) => string): UiStrings {
  const out = { ...ENGLISH_UI_STRINGS };
  for (const key of Object.keys(out) as Array<keyof UiStrings>) out[key] = translate(ENGLISH_UI_STRINGS[key]);
  return out;
}
