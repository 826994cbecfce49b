/**
 * The "Context" tree view: the workspace as the next pack sees it, with exact tokens per file,
 * folder totals and shares of the window, the mode and its reason, checkboxes to leave paths
 * out and pins from the context menu. Counting runs in the pack worker, which sends back only a
 * folder index: the host keeps no report and builds items only for the folders that are opened.
 * The view shows "Counting…" (never old numbers) until a count completes.
 */
import * as vscode from 'vscode';
import { isAbortError, type ContextCounts, type RootPrefix } from '../core';
import { readSettings, workspaceFolderPaths } from './config';
import type { ContextSteeringStore } from './contextSteeringStore';
import { pinnedCost, setIncluded, setPin, type PinMode } from '../chat/contextSteering';
import { childItems, rootItem, shareText, type ContextItem, type ContextTree } from '../chat/contextTree';
import { absolutePathOf, requestForScope } from '../chat/packScope';
import type { PackService } from './packService';

/** The view's id in package.json. */
export const CONTEXT_VIEW_ID = 'tome.context';

/** File events within this many milliseconds cause one recount. */
const DEBOUNCE_MS = 800;

/**
 * Changes inside these folders never change a pack (the scan always skips them), and git writes
 * its own files whenever the editor asks it for status: they must not make the view recount.
 */
const NEVER_PACKED = /\/(\.git|node_modules)(\/|$)/;

const MODE_ICONS: Record<string, string> = { full: 'file-code', outline: 'symbol-structure', 'path-only': 'file', excluded: 'circle-slash', skipped: 'circle-slash' };

/** What the view needs from the host. */
export interface ContextViewDeps {
  packs: PackService;
  store: ContextSteeringStore;
  /** The model's window in Tome's tokens (calibrated when a ratio is known). */
  budget: () => number;
  /** True when {@link budget} is calibrated to the model's own tokenizer. */
  calibrated: () => boolean;
}

/** Draws the tree and turns clicks into steering. */
export class ContextTreeProvider implements vscode.TreeDataProvider<ContextItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ContextItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private tree: ContextTree | undefined;
  private roots: RootPrefix[] = [];
  private view: vscode.TreeView<ContextItem> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: AbortController | undefined;
  private firstCount = true;
  /** True from the start of a count to its end: rows then show "Counting…", never the last numbers. */
  private counting = false;
  /** The last count, with each file's tokens in full; kept for the pinned-set warning. */
  private counts: ContextCounts | undefined;

  constructor(private readonly deps: ContextViewDeps) {
    // Saves in the editor are not the only changes: git, formatters, other tools and the
    // extension's own edits (a preset written to tome.config.json) change files on disk.
    const files = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      this.changed,
      files,
      files.onDidCreate((uri) => this.scheduleFor(uri)),
      files.onDidChange((uri) => this.scheduleFor(uri)),
      files.onDidDelete((uri) => this.scheduleFor(uri)),
      deps.store.onDidChange(() => this.schedule(0)),
      vscode.workspace.onDidSaveTextDocument(() => this.schedule()),
      vscode.workspace.onDidCreateFiles(() => this.schedule()),
      vscode.workspace.onDidDeleteFiles(() => this.schedule()),
      vscode.workspace.onDidRenameFiles(() => this.schedule()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('tome') && this.schedule()),
    );
  }

  /** Registers the view and its commands. */
  register(context: vscode.ExtensionContext): void {
    const view = vscode.window.createTreeView(CONTEXT_VIEW_ID, { treeDataProvider: this, showCollapseAll: true, manageCheckboxStateManually: true });
    this.view = view;
    const nodeOf = (arg: unknown): ContextItem | undefined => (arg && typeof arg === 'object' && 'path' in arg ? (arg as ContextItem) : view.selection[0]);
    const pin = (mode: PinMode | null) => (arg: unknown) => {
      const node = nodeOf(arg);
      if (node) void this.deps.store.set(setPin(this.deps.store.get(), node.path, mode));
    };
    const include = (included: boolean) => (arg: unknown) => {
      const node = nodeOf(arg);
      if (node) void this.deps.store.set(setIncluded(this.deps.store.get(), node.path, included));
    };
    context.subscriptions.push(
      view,
      this,
      view.onDidChangeCheckboxState((e) => {
        let steering = this.deps.store.get();
        for (const [node, state] of e.items) steering = setIncluded(steering, node.path, state === vscode.TreeItemCheckboxState.Checked);
        void this.deps.store.set(steering);
      }),
      view.onDidChangeVisibility((e) => e.visible && this.tree === undefined && this.schedule(0)),
      vscode.commands.registerCommand('tome.context.refresh', () => this.schedule(0)),
      vscode.commands.registerCommand('tome.context.pinFull', pin('full')),
      vscode.commands.registerCommand('tome.context.pinOutline', pin('outline')),
      vscode.commands.registerCommand('tome.context.pinPathOnly', pin('path-only')),
      vscode.commands.registerCommand('tome.context.clearPin', pin(null)),
      vscode.commands.registerCommand('tome.context.include', include(true)),
      vscode.commands.registerCommand('tome.context.exclude', include(false)),
      vscode.commands.registerCommand('tome.context.clearAll', () => void this.deps.store.set({ pins: {}, excluded: [] })),
    );
    if (view.visible) this.schedule(0);
  }

  /** Recounts after `delay` ms; a later call pushes it back. */
  schedule(delay = DEBOUNCE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.recount(), delay);
  }

  /** Recounts after a change on disk, unless it is inside a folder no pack reads (git's own files, dependencies). */
  private scheduleFor(uri: vscode.Uri): void {
    if (!NEVER_PACKED.test(uri.path)) this.schedule();
  }

  private async recount(): Promise<void> {
    const folders = workspaceFolderPaths();
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    if (folders.length === 0) {
      this.show(undefined, vscode.l10n.t('Open a folder to see what Tome would pack.'));
      return;
    }
    // Old numbers are hidden while counting: the view never shows a count that is no longer true.
    // The rows stay, drawn from the last count with today's pins and checks, so folders the user
    // opened stay open and nothing jumps.
    this.counting = true;
    this.show(this.counts && { counts: this.counts, steering: this.deps.store.get() }, vscode.l10n.t('Counting…'));
    const request = requestForScope({ scope: { kind: 'workspace' }, workspaceFolders: folders, settings: readSettings(), budget: null, reserve: 0, query: '' });
    // The worker packs twice on its warm engine (without a budget for each file's size in full,
    // then with the window for the modes) and answers with the folder index alone.
    const run = (): Promise<ContextCounts> => this.deps.packs.count({ ...request, budget: this.deps.budget() }, { signal: controller.signal });
    try {
      const counts = this.firstCount
        ? await vscode.window.withProgress({ location: { viewId: CONTEXT_VIEW_ID }, title: vscode.l10n.t('Counting…') }, run)
        : await run();
      if (controller.signal.aborted) return;
      this.firstCount = false;
      this.roots = counts.rootPrefixes;
      this.counts = counts;
      this.counting = false;
      this.show({ counts, steering: this.deps.store.get() }, undefined);
    } catch (error) {
      if (isAbortError(error) || controller.signal.aborted) return;
      this.counting = false;
      this.show(undefined, vscode.l10n.t('Tome could not count the workspace\'s tokens: {0}', error instanceof Error ? error.message : String(error)));
    } finally {
      if (this.running === controller) this.running = undefined;
    }
  }

  /**
   * A warning naming the total when the files pinned as full cannot fit `budget`, from the last
   * count; undefined when they fit or nothing is pinned as full.
   */
  pinnedOverBudget(budget: number | null): string | undefined {
    if (!this.counts) return undefined;
    const cost = pinnedCost(this.counts, this.deps.store.get(), budget);
    if (!cost.overBudget || budget === null) return undefined;
    return vscode.l10n.t('The files pinned as full take {0} tokens, more than the {1} the context can hold: some of them will be cut to outlines or paths.', cost.tokens.toLocaleString(), budget.toLocaleString());
  }

  private show(tree: ContextTree | undefined, message: string | undefined): void {
    this.tree = tree;
    if (this.view) {
      this.view.message = message;
      this.view.description = tree && !this.counting ? vscode.l10n.t('{0} tokens', rootItem(tree).tokens.toLocaleString()) : undefined;
    }
    this.changed.fire(undefined);
  }

  /** A folder's items, made from the count when it is opened: nothing is built for closed folders. */
  getChildren(node?: ContextItem): ContextItem[] {
    if (!this.tree || node?.kind === 'file') return [];
    return childItems(this.tree, node?.path ?? '');
  }

  getTreeItem(node: ContextItem): vscode.TreeItem {
    const item = new vscode.TreeItem(node.name, node.kind === 'folder' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.path;
    item.checkboxState = node.included ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    item.contextValue = `tome.context.${node.kind}${node.pin ? '.pinned' : ''}`;
    if (node.kind === 'file') {
      item.resourceUri = vscode.Uri.file(absolutePathOf(node.path, this.roots));
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [item.resourceUri] };
    }
    if (this.counting) {
      const counting = vscode.l10n.t('Counting…');
      item.description = [counting, node.pin ? pinWord(node.pin) : ''].filter((p) => p !== '').join(' · ');
      item.iconPath = new vscode.ThemeIcon(node.kind === 'folder' ? 'folder' : 'loading~spin');
      item.accessibilityInformation = { label: `${node.path}, ${item.description}` };
      item.tooltip = `${node.path}\n${counting}`;
      return item;
    }
    const tokens = vscode.l10n.t('{0} tokens', node.tokens.toLocaleString());
    const share = shareText(node.share);
    const parts = [tokens, share, node.pin ? pinWord(node.pin) : '', node.kind === 'file' ? modeWord(node) : ''].filter((p) => p !== '');
    item.description = parts.join(' · ');
    item.iconPath = node.kind === 'folder' ? new vscode.ThemeIcon(node.included ? 'folder' : 'circle-slash') : new vscode.ThemeIcon(node.pin ? 'pinned' : (MODE_ICONS[node.mode ?? 'full'] ?? 'file'));
    item.accessibilityInformation = { label: `${node.path}, ${parts.join(', ')}` };
    item.tooltip = this.tooltipOf(node, tokens, share);
    return item;
  }

  private tooltipOf(node: ContextItem, tokens: string, share: string): string {
    const which = this.deps.calibrated()
      ? vscode.l10n.t('Exact tokens of this block in the next pack against a window calibrated to the model\'s own count.')
      : vscode.l10n.t('Exact tokens of this block in the next pack, counted with Tome\'s tokenizer; no calibration for this model yet.');
    const lines = [node.path || '.', share ? vscode.l10n.t('{0}, {1} of the window', tokens, share) : tokens, which];
    if (node.fullTokens !== undefined && node.fullTokens !== node.tokens) lines.push(vscode.l10n.t('{0} tokens in full', node.fullTokens.toLocaleString()));
    if (node.reason) lines.push(vscode.l10n.t('Why: {0}', node.reason));
    if (node.kind === 'folder') lines.push(vscode.l10n.t('{0} files packed', node.fileCount));
    return lines.join('\n');
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.running?.abort();
    for (const d of this.disposables) d.dispose();
  }
}

function pinWord(pin: PinMode): string {
  if (pin === 'full') return vscode.l10n.t('pinned full');
  if (pin === 'outline') return vscode.l10n.t('pinned outline');
  return vscode.l10n.t('pinned path only');
}

function modeWord(node: ContextItem): string {
  const mode = node.mode === 'full' ? vscode.l10n.t('full') : node.mode === 'outline' ? vscode.l10n.t('outline') : node.mode === 'path-only' ? vscode.l10n.t('path only') : vscode.l10n.t('left out');
  return node.reason ? `${mode} (${node.reason})` : mode;
}
