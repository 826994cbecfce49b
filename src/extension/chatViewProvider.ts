/**
 * The chat sidebar: serves the webview, validates every message from it, and forwards to the
 * ChatSession. Keeps the context line current (what the next question would pack).
 */
import * as vscode from 'vscode';
import { isAbortError } from '../core';
import { assertNever, isWebviewMessage, type ChatScope, type ContextInfo, type HostMessage, type SetupView, type WebviewMessage } from '../shared/protocol';
import { readSettings, workspaceFolderPaths } from './config';
import { chatHtml, createNonce } from '../chat/chatHtml';
import { withPinCount } from '../chat/contextSteering';
import type { ChatSession } from '../chat/chatSession';
import { isPackedFile, packedFilesOf, packScope } from '../chat/packScope';
import { translatedUiStrings } from '../chat/uiStrings';
import type { LlmBridge } from './llmBridge';
import type { PackService } from './packService';
import { SetupCard } from './setupCard';
import { windowNote } from './windowWords';

/** The id of the view in package.json `contributes.views`. */
export const CHAT_VIEW_ID = 'tome.chat';

/** Serves the chat view. */
export class ChatViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private contextInfo: ContextInfo | undefined;
  private contextRun: AbortController | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly setup: SetupCard;
  /** "Focus Chat Input" ran before the page was ready: focus once it is. */
  private focusWhenReady = false;
  private lastScopeKey = '';
  private readonly scopeChanged = new vscode.EventEmitter<ChatScope>();
  /** Fires when the chat's scope (workspace, folder or file) changes, e.g. for the status bar. */
  readonly onDidChangeScope = this.scopeChanged.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly session: ChatSession,
    private readonly packs: PackService,
    private readonly llm: LlmBridge,
    private readonly log: vscode.LogOutputChannel,
    secrets: vscode.SecretStorage,
  ) {
    this.setup = new SetupCard(secrets, llm, (setup) => this.post({ type: 'setup', setup }));
    this.disposables.push(
      this.scopeChanged,
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.post({ type: 'canSend', canSend: true })),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('tome')) return;
        this.refreshContext();
        void this.setup.refresh();
      }),
      secrets.onDidChange(() => void this.setup.refresh()),
    );
  }

  /** The chat's scope now. */
  get scope(): ChatScope {
    return this.session.current.scope;
  }

  /** Shows the view and puts the keyboard focus in the question box. */
  async focusInput(): Promise<void> {
    await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
    if (this.view && this.ready) this.post({ type: 'focusInput' });
    else this.focusWhenReady = true;
  }

  /** Posts to the webview once it said `ready`; earlier messages are covered by `init`. */
  post(message: HostMessage): void {
    if (!this.view || !this.ready) return;
    void this.view.webview.postMessage(message);
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const webview = view.webview;
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    webview.options = { enableScripts: true, enableForms: false, localResourceRoots: [dist, media] };
    webview.html = chatHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'chat.css')).toString(),
      codiconUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'codicons', 'codicon.css')).toString(),
      language: vscode.env.language,
    });
    view.onDidDispose(() => {
      if (this.view === view) this.view = undefined;
    });
    webview.onDidReceiveMessage((raw: unknown) => {
      if (!isWebviewMessage(raw)) {
        // A page must not be able to drive the host with anything else.
        this.log.warn(`Dropped a malformed message from the chat view: ${JSON.stringify(raw).slice(0, 200)}`);
        return;
      }
      void this.onMessage(raw).catch((error: unknown) => {
        this.log.error(error instanceof Error ? error : String(error));
        void vscode.window.showErrorMessage(vscode.l10n.t('Tome chat failed: {0}', error instanceof Error ? error.message : String(error)));
      });
    });
  }

  /** Shows the view and starts a conversation about a folder or file. */
  async askAbout(scope: ChatScope): Promise<void> {
    await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
    await this.session.setScope(scope);
    this.refreshContext();
  }

  async newChat(): Promise<void> {
    await this.session.newChat();
    this.refreshContext();
  }

  private async onMessage(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.postInit(await this.setup.current());
        this.refreshContext();
        if (this.focusWhenReady) this.post({ type: 'focusInput' });
        this.focusWhenReady = false;
        return;
      case 'send':
        await this.session.ask(message.requestId, message.text);
        return this.afterQuestion();
      case 'retry':
        await this.session.retry(message.requestId, message.turnId);
        return this.afterQuestion();
      case 'costAnswer':
        this.session.answerCost(message.requestId, message.choice);
        return;
      case 'setup':
        return this.setup.run(message.action);
      case 'stop':
        this.session.stop(message.requestId);
        return;
      case 'newChat':
        return this.newChat();
      case 'openChat':
        await this.session.openChat(message.chatId);
        this.refreshContext();
        return;
      case 'deleteChat':
        await this.session.deleteChat(message.chatId);
        this.refreshContext();
        return;
      case 'clearScope':
        await this.session.setScope({ kind: 'workspace' });
        this.refreshContext();
        return;
      case 'openFile':
        if (!isPackedFile(message.path, this.contextInfo?.files ?? [])) return;
        await vscode.window.showTextDocument(vscode.Uri.file(message.path), { preview: true });
        return;
      case 'copyText':
        await vscode.env.clipboard.writeText(message.text);
        return;
      case 'runAction':
        await vscode.commands.executeCommand(message.action === 'setApiKey' ? 'tome.setApiKey' : 'tome.selectModel');
        return;
      default:
        assertNever(message);
    }
  }

  /** After a question: a failure may mean the key or the server changed, so the card looks again. */
  private async afterQuestion(): Promise<void> {
    this.refreshContext();
    if (this.session.current.turns.at(-1)?.status !== 'error') return;
    this.setup.serverMayHaveChanged();
    await this.setup.refresh();
  }

  private postInit(setup: SetupView | null): void {
    const chat = this.session.current;
    this.post({
      type: 'init',
      strings: translatedUiStrings((english) => vscode.l10n.t(english)),
      conversation: { id: chat.id, title: chat.title, scope: chat.scope, turns: chat.turns },
      chats: this.session.listChats(),
      context: this.contextInfo ?? this.emptyContext('idle'),
      canSend: vscode.workspace.isTrusted,
      setup,
      ...(this.session.streaming ? { streaming: this.session.streaming } : {}),
    });
  }

  private emptyContext(status: ContextInfo['status'], message?: string): ContextInfo {
    const settings = readSettings();
    const model = this.llm.modelInfo(settings);
    return { status, scope: this.session.current.scope, model: model.model, fileCount: 0, tokens: 0, contextWindow: model.contextWindow, estimatedCost: null, files: [], windowNote: windowNote(model, settings), ...(message ? { message } : {}) };
  }

  /** Packs what the next question would send (in the worker) and updates the context line. */
  refreshContext(): void {
    const scopeKey = JSON.stringify(this.session.current.scope);
    if (scopeKey !== this.lastScopeKey) {
      this.lastScopeKey = scopeKey;
      this.scopeChanged.fire(this.session.current.scope);
    }
    if (!this.view || this.session.busy) return;
    this.contextRun?.abort();
    const controller = new AbortController();
    this.contextRun = controller;
    const folders = workspaceFolderPaths();
    if (folders.length === 0) {
      this.postContext(this.emptyContext('error', vscode.l10n.t('Open a folder to chat about its code.')));
      return;
    }
    const settings = readSettings();
    const chat = this.session.current;
    const model = this.llm.modelInfo(settings);
    const { budget, reserve, query } = this.session.previewBudget();
    const input = { scope: chat.scope, workspaceFolders: folders, settings, budget, reserve, query };
    this.postContext({ ...this.emptyContext('packing'), ...(this.contextInfo?.status === 'ready' ? { files: this.contextInfo.files } : {}) });
    packScope((request, options) => this.packs.pack(request, options), input, { signal: controller.signal, reportOnly: true }).then(
      ({ report }) => {
        if (controller.signal.aborted) return;
        // What sending the packed context costs; the reserve is room for the answer, not input.
        // At the rate in force now (DeepSeek bills peak hours double), and saying which.
        const { cost: estimatedCost, rate } = this.llm.costNow(settings, { inputTokens: report.totalTokens, outputTokens: 0, cachedTokens: 0 });
        this.postContext({ status: 'ready', scope: chat.scope, model: model.model, fileCount: report.files.length, tokens: report.totalTokens, contextWindow: model.contextWindow, estimatedCost, ...(rate ? { costRate: rate } : {}), windowNote: windowNote(model, settings), files: packedFilesOf(report) });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        this.postContext(this.emptyContext('error', error instanceof Error ? error.message : String(error)));
      },
    );
  }

  private postContext(unpinned: ContextInfo): void {
    const context = withPinCount(unpinned, this.packs.currentSteering());
    this.contextInfo = context;
    this.post({ type: 'context', context });
  }

  dispose(): void {
    this.contextRun?.abort();
    this.session.stopAll();
    for (const d of this.disposables) d.dispose();
  }
}
