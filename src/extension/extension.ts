/**
 * Entry point of the extension. Activation is lazy: VS Code activates Tome when the chat view
 * opens or a Tome command runs (both inferred from package.json `contributes`).
 */
import { createHash, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { registerAskAboutChanges } from './changesCommand';
import { ChatViewProvider, CHAT_VIEW_ID } from './chatViewProvider';
import { registerContextPresets } from './contextPresets';
import { ContextSteeringStore } from './contextSteeringStore';
import { ContextTreeProvider } from './contextView';
import { readSettings, workspaceFolderPaths } from './config';
import { smallerBudget, providerPreset, ServerWindowCache } from '../llm';
import { createLlmBridge } from './llmClient';
import { ChatSession } from '../chat/chatSession';
import { DEFAULT_CONFIRM_ABOVE_COST } from '../chat/costGuard';
import type { AnswerEvent, ChatFailure } from '../chat/chatTypes';
import type { ChatMessage } from '../chat/chatMessages';
import { ConversationStore } from '../chat/conversationStore';
import { labelFor } from '../chat/packScope';
import { apiKeySecretName, registerModelCommands } from './modelCommands';
import { pickFolder, registerPackCommands } from './packCommands';
import { ModelCalibration } from './modelCalibration';
import { PackedDocuments } from './packedDocuments';
import { PackService } from './packService';
import type { PackReport } from '../core';
import { sessionStrings } from './sessionStrings';
import { TokenStatusBar } from './statusBar';
import { overServedContextWarning, windowNote } from './windowWords';
import { withVscodeLm } from './vscodeLmBridge';
import { registerTomeLmTool } from './tomeLmTool';
import { registerTomeMcpProvider } from './tomeMcpProvider';
import { registerTomeParticipant } from './tomeParticipant';

/** Thrown before a request when the provider needs a key and none is stored. */
class MissingApiKeyError extends Error {
  override readonly name = 'MissingApiKeyError';
}

/** Where packed contexts are kept: the workspace's storage folder on disk, else a private temp folder. */
function contextFolder(context: vscode.ExtensionContext): string {
  const storage = [context.storageUri, context.globalStorageUri].find((uri) => uri?.scheme === 'file');
  return storage ? vscode.Uri.joinPath(storage, 'chats').fsPath : join(tmpdir(), `tome-chats-${createHash('sha1').update(String(vscode.workspace.workspaceFile ?? vscode.workspace.workspaceFolders?.[0]?.uri ?? 'no-workspace')).digest('hex').slice(0, 12)}`);
}

export function activate(context: vscode.ExtensionContext): void {
  const packs = new PackService(context);
  const views: { chat?: ChatViewProvider; statusBar?: TokenStatusBar; contextTree?: ContextTreeProvider } = {};
  /** The report of the chat's last pack: its budget is what pinned files must fit. */
  let lastChatPack: PackReport | undefined;
  // A server's answer about its window redraws what depends on the window; a question never waits for it.
  const windows = new ServerWindowCache(() => {
    views.chat?.refreshContext();
    views.statusBar?.schedule();
  });
  const llm = withVscodeLm(createLlmBridge(windows));
  async function refreshWindow(): Promise<void> {
    const settings = readSettings();
    await llm.refreshWindow(settings, await context.secrets.get(apiKeySecretName(settings.provider)));
  }
  const store = new ConversationStore(context.workspaceState, contextFolder(context));

  async function* streamAnswer(messages: ChatMessage[], signal: AbortSignal): AsyncIterable<AnswerEvent> {
    const settings = readSettings();
    const apiKey = await context.secrets.get(apiKeySecretName(settings.provider));
    if (!apiKey && llm.needsApiKey(settings)) throw new MissingApiKeyError(settings.provider);
    try {
      yield* llm.stream(settings, apiKey, messages, signal);
    } finally {
      // A local server loads the model on the first question: what it serves is known only afterwards.
      if (providerPreset(settings.provider).local) void refreshWindow();
    }
  }

  function describeFailure(error: unknown): ChatFailure {
    if (error instanceof MissingApiKeyError) {
      return {
        kind: 'auth',
        message: vscode.l10n.t('No API key is set for {0}.', error.message),
        nextStep: vscode.l10n.t('Run "Tome: Set API Key", or choose a local provider in the settings.'),
      };
    }
    return llm.describeFailure(error);
  }

  const log = vscode.window.createOutputChannel('Tome', { log: true });
  const calibration = new ModelCalibration(context.globalState, log, () => llm.modelInfo(readSettings()).model);
  const session = new ChatSession({
    store,
    pack: async (request, options) => {
      const result = await packs.pack(request, options);
      lastChatPack = result.report;
      return result;
    },
    streamAnswer,
    describeFailure,
    countTokens: (text) => llm.countTokens(text, readSettings()),
    costOf: (usage) => llm.costOf(readSettings(), usage),
    costNow: (usage) => llm.costNow(readSettings(), usage),
    // User settings only: a repository must not be able to switch off the guard on the user's money.
    confirmAboveCost: () => {
      const value = vscode.workspace.getConfiguration('tome').inspect<unknown>('confirmAboveCost')?.globalValue;
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_CONFIRM_ABOVE_COST;
    },
    preSendWarning: (promptTokens) => {
      const settings = readSettings();
      const served = overServedContextWarning(promptTokens, llm.modelInfo(settings), settings);
      const room = lastChatPack?.budget == null ? null : lastChatPack.budget - lastChatPack.reserve;
      const pinned = views.contextTree?.pinnedOverBudget(room);
      return [served, pinned].filter((w) => w !== undefined).join('\n\n') || undefined;
    },
    model: () => llm.modelInfo(readSettings()),
    packSettings: () => readSettings(),
    workspaceFolders: workspaceFolderPaths,
    canSend: () => vscode.workspace.isTrusted,
    post: (message) => views.chat?.post(message),
    warn: (message) => void vscode.window.showWarningMessage(message),
    newId: () => randomUUID().replace(/-/g, ''),
    strings: sessionStrings(),
    smallerPackShare: (overflowText, share) => smallerBudget(overflowText, share),
    calibratedBudget: (providerTokens) => calibration.budget(providerTokens),
    recordPromptTokens: (estimated, billed) => calibration.record(estimated, billed),
  });
  const chatView = new ChatViewProvider(context.extensionUri, session, packs, llm, log, context.secrets);
  views.chat = chatView;
  const statusBar = new TokenStatusBar(packs, () => llm.modelInfo(readSettings()).contextWindow, () => {
    const settings = readSettings();
    return `${windowNote(llm.modelInfo(settings), settings)}\n\n${calibration.line()}`;
  }, () => chatView.scope);
  const packedDocuments = new PackedDocuments();
  views.statusBar = statusBar;
  void refreshWindow();

  context.subscriptions.push(
    llm,
    log,
    calibration,
    calibration.onDidChange(() => statusBar.calibrationChanged()),
    packs,
    chatView,
    statusBar,
    packedDocuments,
    chatView.onDidChangeScope(() => statusBar.schedule()),
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, chatView),
    vscode.commands.registerCommand('tome.focusChatInput', () => chatView.focusInput()),
    vscode.workspace.onDidChangeConfiguration((e) => ['tome.provider', 'tome.baseUrl', 'tome.model'].some((key) => e.affectsConfiguration(key)) && void refreshWindow()),
    context.secrets.onDidChange(() => void refreshWindow()),
    vscode.commands.registerCommand('tome.newChat', () => chatView.newChat()),
    vscode.commands.registerCommand('tome.askAboutFolder', async (uri?: vscode.Uri) => {
      const folders = workspaceFolderPaths();
      const picked = uri?.scheme === 'file' ? { absPath: uri.fsPath, label: labelFor(uri.fsPath, folders) } : await pickFolder(vscode.l10n.t('Folder to ask about'));
      if (picked) await chatView.askAbout({ kind: 'folder', absPath: picked.absPath, label: picked.label });
    }),
    vscode.commands.registerCommand('tome.askAboutFile', async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (target?.scheme !== 'file') {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a file from the workspace first, then ask about it.'));
        return;
      }
      await chatView.askAbout({ kind: 'file', absPath: target.fsPath, label: labelFor(target.fsPath, workspaceFolderPaths()) });
    }),
  );
  // Integrations with VS Code's own chat, each where this VS Code has the API. One that this
  // VS Code refuses (an API of another shape than declared) is logged and costs nothing else.
  const integrations = { tool: () => registerTomeLmTool(packs), participant: () => registerTomeParticipant(context, packs), mcp: () => registerTomeMcpProvider(context) };
  for (const [name, register] of Object.entries(integrations)) {
    try {
      const registration = register();
      if (registration) context.subscriptions.push(registration);
    } catch (error) {
      log.warn(`Tome's ${name} integration is not available in this VS Code: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  registerPackCommands(context, packs, () => calibration.current(), packedDocuments);
  // The Context view: its pins and exclusions steer every pack; the status bar recounts with them.
  const steering = new ContextSteeringStore(context.workspaceState);
  packs.steerWith(() => steering.get());
  const contextTree = new ContextTreeProvider({
    packs,
    store: steering,
    budget: () => calibration.budget(llm.modelInfo(readSettings()).contextWindow),
    calibrated: () => calibration.current().record !== undefined,
  });
  contextTree.register(context);
  views.contextTree = contextTree;
  registerContextPresets(context, steering);
  context.subscriptions.push(steering, steering.onDidChange(() => {
    statusBar.schedule();
    chatView.refreshContext();
  }));
  registerAskAboutChanges(context, (scope) => chatView.askAbout(scope));
  registerModelCommands(context, llm, () => chatView.refreshContext());
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
