/**
 * The context line above the messages: scope chip, files and tokens against the model's window,
 * estimated cost, and the packed-file list one click away.
 */
import type { PackReasonView } from '../shared/model';
import type { ContextInfo, UiStrings } from '../shared/protocol';
import { byId, el, icon, iconButton } from './dom';
import { fillPlaceholders, formatCost, formatTokens } from './format';
import { withRate } from './turnView';

/** What the context bar reports back to the page. */
export interface ContextBarCallbacks {
  clearScope(): void;
  openFile(absPath: string): void;
}

/** The UI string that says why selection put a file in. */
const REASON_KEYS: Record<PackReasonView, keyof UiStrings> = {
  focus: 'reasonFocus',
  'dependency-of-focus': 'reasonDependencyOfFocus',
  'dependent-of-focus': 'reasonDependentOfFocus',
  'query-match': 'reasonQueryMatch',
  'path-match': 'reasonPathMatch',
  'defines-query': 'reasonDefinesQuery',
  'words-together': 'reasonWordsTogether',
  'tested-by-match': 'reasonTestedByMatch',
  'near-match': 'reasonNearMatch',
  central: 'reasonCentral',
  fits: 'reasonFits',
  'over-budget': 'reasonOverBudget',
  'config-mode': 'reasonConfigMode',
};

/** Renders the context bar from the latest context info. */
export function renderContextBar(context: ContextInfo, strings: UiStrings, filesOpen: boolean, callbacks: ContextBarCallbacks): void {
  const scope = byId('scope');
  if (context.scope.kind === 'workspace') {
    scope.replaceChildren(el('span', { id: 'scope-chip', class: 'chip', 'data-scope': 'workspace' }, icon('root-folder'), ` ${strings.workspace}`));
  } else {
    const remove = iconButton('scope-remove', 'close', strings.removeScope, 'chip-remove');
    remove.addEventListener('click', () => callbacks.clearScope());
    const kindIcon = context.scope.kind === 'folder' ? 'folder' : context.scope.kind === 'changes' ? 'git-compare' : 'file';
    scope.replaceChildren(el('span', { id: 'scope-chip', class: 'chip', 'data-scope': context.scope.kind, title: context.scope.absPath }, icon(kindIcon), ` ${context.scope.label} `, remove));
  }
  // Pins from the Context view apply to every question, whatever the scope: say so beside it.
  if (context.pinned !== undefined && context.pinned > 0) {
    scope.append(el('span', { id: 'pinned-chip', class: 'chip', title: strings.pinnedChipTitle }, icon('pinned'), ` ${fillPlaceholders(strings.pinnedChip, context.pinned)}`));
  }

  const summary = byId('context-summary');
  summary.dataset.status = context.status;
  summary.title = context.windowNote ?? '';
  if (context.status === 'packing') summary.textContent = strings.packing;
  else if (context.status === 'error') summary.textContent = context.message ?? '';
  else if (context.status === 'idle') summary.textContent = context.model;
  else {
    const cost = context.estimatedCost === null ? strings.unknownCost : withRate(formatCost(context.estimatedCost), context.costRate, strings);
    summary.textContent = fillPlaceholders(strings.contextSummary, context.fileCount, formatTokens(context.tokens), formatTokens(context.contextWindow), cost, context.model);
  }

  const toggle = byId<HTMLButtonElement>('files-toggle');
  toggle.hidden = context.files.length === 0;
  toggle.setAttribute('aria-expanded', String(filesOpen));
  toggle.title = filesOpen ? strings.hideFiles : strings.showFiles;
  toggle.setAttribute('aria-label', toggle.title);

  const list = byId('file-list');
  list.hidden = !filesOpen || context.files.length === 0;
  list.setAttribute('aria-label', strings.filesLabel);
  list.replaceChildren(
    ...context.files.map((file) => {
      const open = el('button', { class: 'file-link', type: 'button', 'data-path': file.path, title: file.absPath }, file.path);
      open.addEventListener('click', () => callbacks.openFile(file.absPath));
      const reason = file.reason === undefined ? [] : [el('span', { class: 'file-reason', 'data-reason': file.reason }, strings[REASON_KEYS[file.reason]])];
      return el('li', { class: 'file-row', 'data-mode': file.mode }, open, el('span', { class: `file-mode mode-${file.mode}` }, file.mode), ...reason, el('span', { class: 'file-tokens' }, formatTokens(file.tokens)));
    }),
  );
}
