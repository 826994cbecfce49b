/**
 * The status-bar item: the tokens of what the chat packs (the workspace, or the folder or file
 * the chat is scoped to, named in the item) against the model's window. Recounted in the
 * pack worker after saves, debounced, so typing and saving never wait for it. The tooltip also
 * shows the model's token calibration.
 */
import * as vscode from 'vscode';
import { isAbortError } from '../core';
import { readSettings, workspaceFolderPaths } from './config';
import type { ChatScope } from '../shared/model';
import { packScope } from '../chat/packScope';
import { statusBarText } from '../chat/tokenReport';
import type { PackService } from './packService';

/** Saves within this many milliseconds of each other cause one recount. */
const DEBOUNCE_MS = 1500;

/** Keeps the token count in the status bar current. */
export class TokenStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('tome.tokens', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: AbortController | undefined;
  /** The tooltip's count sentence, kept so a calibration change can redraw the tooltip alone. */
  private countTooltip = '';

  /** `calibrationLine` gives the tooltip's calibration line, e.g. from {@link calibrationLine}. */
  constructor(
    private readonly packs: PackService,
    private readonly contextWindow: () => number,
    private readonly calibrationLine?: () => string,
    private readonly scope: () => ChatScope = () => ({ kind: 'workspace' }),
  ) {
    this.item.name = vscode.l10n.t('Tome token count');
    this.item.command = 'tome.showTokenReport';
    this.disposables.push(
      vscode.workspace.onDidSaveTextDocument(() => this.schedule()),
      vscode.workspace.onDidCreateFiles(() => this.schedule()),
      vscode.workspace.onDidDeleteFiles(() => this.schedule()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('tome') && this.schedule()),
    );
    this.schedule();
  }

  /** Recounts soon; a later call pushes the recount back. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.recount(), DEBOUNCE_MS);
  }

  private async recount(): Promise<void> {
    const folders = workspaceFolderPaths();
    if (folders.length === 0) {
      this.item.hide();
      return;
    }
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    const scope = this.scope();
    const input = { scope, workspaceFolders: folders, settings: readSettings(), budget: null, reserve: 0, query: '' };
    try {
      // A scope packs as the chat does: the folder or file and what it depends on.
      const { report } = await packScope((request, options) => this.packs.pack(request, options), input, { signal: controller.signal, reportOnly: true });
      const window = this.contextWindow();
      const { text, overWindow } = statusBarText(report.totalTokens, window);
      this.item.text = scope.kind === 'workspace' ? text : `${text} · ${scope.label}`;
      const tokens = report.totalTokens.toLocaleString();
      if (scope.kind !== 'workspace') {
        this.countTooltip = vscode.l10n.t('The chat is about {0}: {1} tokens with what it depends on; the model\'s window is {2}. Click for the token report.', scope.label, tokens, window.toLocaleString());
      } else {
        this.countTooltip = overWindow
          ? vscode.l10n.t('The workspace has {0} tokens, more than the model\'s window of {1}: Tome will pack the most relevant files. Click for the token report.', tokens, window.toLocaleString())
          : vscode.l10n.t('The workspace has {0} tokens; the model\'s window is {1}. Click for the token report.', tokens, window.toLocaleString());
      }
      this.showTooltip();
      this.item.backgroundColor = overWindow ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      this.item.show();
    } catch (error) {
      if (isAbortError(error) || controller.signal.aborted) return;
      this.item.text = '$(book) ?';
      this.countTooltip = vscode.l10n.t('Tome could not count the workspace\'s tokens: {0}', error instanceof Error ? error.message : String(error));
      this.showTooltip();
      this.item.show();
    } finally {
      if (this.running === controller) this.running = undefined;
    }
  }

  /** Redraws the tooltip after the model's calibration changed; no recount. */
  calibrationChanged(): void {
    if (this.countTooltip) this.showTooltip();
  }

  private showTooltip(): void {
    const calibration = this.calibrationLine?.();
    this.item.tooltip = calibration ? `${this.countTooltip}\n\n${calibration}` : this.countTooltip;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.running?.abort();
    this.item.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
