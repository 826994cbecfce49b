/**
 * The host side of the chat view's setup card: gathers the facts (user settings, SecretStorage,
 * a check of the local server) for the state in src/chat/setupState.ts, and carries out what the
 * card asks. Settings are written to USER settings only, the only place Tome reads them from;
 * keys go to SecretStorage through "Tome: Set API Key".
 */
import * as vscode from 'vscode';
import { providerPreset } from '../llm';
import type { SetupAction, SetupProviderView, SetupView } from '../shared/model';
import { readSettings } from './config';
import { setupView, needsServerCheck, type ServerCheck, type SetupFacts } from '../chat/setupState';
import type { LlmBridge } from './llmBridge';
import { VSCODE_LM_PROVIDER } from './vscodeLmBridge';
import { apiKeySecretName } from './modelCommands';

/** The card's buttons, in the order it shows them. */
const CARD_PROVIDERS = ['deepseek', 'openai', 'gemini', 'openrouter', 'ollama', 'lmstudio', 'vllm', 'custom'] as const;
/** Shorter names than the presets' where the button says enough. */
const SHORT_LABELS: Record<string, string> = { gemini: 'Gemini', custom: 'Custom' };

function cardProviders(): SetupProviderView[] {
  return CARD_PROVIDERS.map((id) => {
    const preset = providerPreset(id);
    return { id, label: SHORT_LABELS[id] ?? preset.label, local: preset.local };
  });
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Keeps the setup card's facts and posts the card whenever they change. */
export class SetupCard {
  /** The last server check, keyed by provider and URL so a change of either asks again. */
  private server: { key: string; check: ServerCheck } | undefined;
  /** The user pressed "Change provider": show the provider buttons although one is set. */
  private choosing = false;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly llm: LlmBridge,
    private readonly onChange: (setup: SetupView | null) => void,
  ) {}

  /** True while `tome.provider` has no user-set value (its default is not a choice). */
  private providerChosen(): boolean {
    return vscode.workspace.getConfiguration('tome').inspect<string>('provider')?.globalValue !== undefined;
  }

  private async facts(): Promise<SetupFacts> {
    const settings = readSettings();
    const preset = providerPreset(settings.provider);
    // VS Code's own chat models need neither a key nor a server of Tome's.
    const vscodeLm = settings.provider === VSCODE_LM_PROVIDER;
    const baseUrl = settings.baseUrl || preset.baseURL;
    const key = JSON.stringify([settings.provider, baseUrl]);
    const server = this.server?.key === key ? this.server.check : undefined;
    return {
      providerChosen: this.providerChosen() && !this.choosing,
      provider: settings.provider,
      apiKey: vscodeLm ? 'none' : preset.apiKey,
      local: vscodeLm ? false : preset.local,
      hasKey: Boolean(await this.secrets.get(apiKeySecretName(settings.provider))),
      baseUrl,
      model: settings.model,
      defaultModel: preset.defaultModel,
      ...(server ? { server } : {}),
    };
  }

  /** The card as it stands; starts a server check (and posts again when it answers) if one is due. */
  async current(): Promise<SetupView | null> {
    const facts = await this.facts();
    if (needsServerCheck(facts) && facts.server === undefined) void this.check(facts);
    return setupView(facts, cardProviders());
  }

  /** Works the card out again and posts it. */
  async refresh(): Promise<void> {
    this.onChange(await this.current());
  }

  /** Forgets what the server said (a question to it just failed), so the card asks again. */
  serverMayHaveChanged(): void {
    this.server = undefined;
  }

  private async check(facts: SetupFacts): Promise<void> {
    const key = JSON.stringify([facts.provider, facts.baseUrl]);
    this.server = { key, check: { kind: 'checking' } };
    const check = await this.llm.checkServer(readSettings(), await this.secrets.get(apiKeySecretName(facts.provider)));
    if (this.server?.key !== key) return;
    this.server = { key, check };
    await this.refresh();
  }

  /** Carries out what the card asked. */
  async run(action: SetupAction): Promise<void> {
    const config = vscode.workspace.getConfiguration('tome');
    switch (action.kind) {
      case 'chooseProvider': {
        if (!CARD_PROVIDERS.some((id) => id === action.provider)) return;
        const previous = readSettings().provider;
        this.choosing = false;
        this.server = undefined;
        if (!this.providerChosen() || previous !== action.provider) {
          // Another provider's model and URL would only be wrong for this one.
          await config.update('model', undefined, vscode.ConfigurationTarget.Global);
          await config.update('baseUrl', undefined, vscode.ConfigurationTarget.Global);
        }
        await config.update('provider', action.provider, vscode.ConfigurationTarget.Global);
        await this.refresh();
        const preset = providerPreset(action.provider);
        if (preset.apiKey === 'required' && !(await this.secrets.get(apiKeySecretName(action.provider)))) await vscode.commands.executeCommand('tome.setApiKey');
        return;
      }
      case 'enterKey':
        await vscode.commands.executeCommand('tome.setApiKey');
        return this.refresh();
      case 'setUrl': {
        const current = (await this.facts()).baseUrl;
        const url = await vscode.window.showInputBox({
          title: vscode.l10n.t('Server URL for {0}', providerPreset(readSettings().provider).label),
          value: current,
          ignoreFocusOut: true,
          validateInput: (text) => (isHttpUrl(text.trim()) ? undefined : vscode.l10n.t('Enter an http:// or https:// URL, e.g. http://localhost:8000/v1')),
        });
        if (url === undefined) return;
        this.server = undefined;
        await config.update('baseUrl', url.trim(), vscode.ConfigurationTarget.Global);
        return this.refresh();
      }
      case 'recheck':
        this.server = undefined;
        return this.refresh();
      case 'chooseModel':
        await config.update('model', action.model.trim(), vscode.ConfigurationTarget.Global);
        return this.refresh();
      case 'changeProvider':
        this.choosing = true;
        return this.refresh();
    }
  }
}
