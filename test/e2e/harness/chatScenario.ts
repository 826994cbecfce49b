import type { Frame, Page } from 'playwright-core';
import { chatFrame, OPEN_CHAT_COMMAND } from './chat';
import type { CodeServer } from './codeServer';
import { startModelServer, type ModelServer, type ModelServerOptions, type ScriptedReply } from './modelServer';
import { useScenario, type ScenarioContext } from './scenario';
import { answerInputBox, runCommand } from './workbench';

/** The key typed into "Tome: Set API Key"; the model server sees it as the bearer token. */
export const TEST_API_KEY = 'sk-tome-e2e-key';
/** The model name in user settings. */
export const TEST_MODEL = 'tome-e2e-model';

export interface ChatScenarioOptions {
  /** Replies the model server gives, in order. */
  replies: ScriptedReply[];
  /** Reply once the scripted ones are used up (default: a short markdown answer). */
  fallback?: ScriptedReply;
  /** More of the model server's options, e.g. another server's shapes (Ollama's native API). */
  server?: Omit<ModelServerOptions, 'replies' | 'fallback'>;
  /** User settings laid over the defaults below; the base URL may name the server's root. */
  userSettings?: (model: ModelServer) => Record<string, unknown>;
  /** Changes the workspace copy before code-server opens it. */
  prepareWorkspace?: (workspace: string) => void;
}

/** A chat scenario's handles: the page, the user-level model server, the decoy, the chat frame. */
export class ChatScenario {
  /** The OpenAI-compatible server the user settings point at. */
  model!: ModelServer;
  /** The server the fixture's .vscode/settings.json points at; it must never be asked anything. */
  decoy!: ModelServer;
  /** The chat webview frame; `reopenChat` finds it again after a reload. */
  chat!: Frame;

  constructor(private readonly base: ScenarioContext) {}

  get page(): Page {
    return this.base.page;
  }

  get codeServer(): CodeServer {
    return this.base.codeServer;
  }

  /** Shows the chat view again and returns its (new) frame. */
  async reopenChat(): Promise<Frame> {
    await runCommand(this.page, OPEN_CHAT_COMMAND);
    this.chat = await chatFrame(this.page);
    return this.chat;
  }
}

/**
 * Registers one scenario with the chat open: user settings point Tome at a local test server
 * (provider "custom", prices set so costs show), the workspace settings at a decoy, the API key is
 * typed into "Tome: Set API Key" as a person would, and the chat view is shown.
 */
export function useChatScenario(name: string, options: ChatScenarioOptions): ChatScenario {
  // The hooks below run later, inside vitest, once `scenario` is assigned.
  // eslint-disable-next-line prefer-const
  let scenario: ChatScenario;
  const base = useScenario(name, {
    before: async () => {
      scenario.model = await startModelServer({ ...options.server, replies: options.replies, ...(options.fallback ? { fallback: options.fallback } : {}) });
      scenario.decoy = await startModelServer({ replies: [] });
    },
    after: async () => {
      await scenario.model?.stop();
      await scenario.decoy?.stop();
    },
    userSettings: () => ({
      'tome.provider': 'custom',
      'tome.baseUrl': scenario.model.baseUrl,
      'tome.model': TEST_MODEL,
      'tome.contextWindow': 128_000,
      'tome.maxOutputTokens': 4_096,
      'tome.prices': { input: 2.5, output: 10, cachedInput: 1.25 },
      ...options.userSettings?.(scenario.model),
    }),
    decoyPort: () => scenario.decoy.port,
    ...(options.prepareWorkspace ? { prepareWorkspace: options.prepareWorkspace } : {}),
    failureEvidence: () => ({ model: scenario.model?.requests(), decoy: scenario.decoy?.requests() }),
    afterStart: async ({ page }) => {
      await runCommand(page, 'Tome: Set API Key');
      await answerInputBox(page, TEST_API_KEY);
      await page.locator('.notifications-toasts', { hasText: 'Saved the API key' }).waitFor();
      await scenario.reopenChat();
    },
  });
  scenario = new ChatScenario(base);
  return scenario;
}
