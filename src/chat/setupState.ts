/**
 * The first-run setup card's state, as plain logic: which step the chat view shows, given what
 * is known about the provider, its key and its server. No `vscode` here; the host gathers the
 * facts (user settings, SecretStorage, a check of the local server) and the webview draws the step.
 *
 * The card is shown while the chat cannot be used: no provider chosen yet (nothing in *user*
 * settings; the default does not count as a choice), a hosted provider without a key, a local
 * server that does not answer, or a local server that serves no model Tome could pick.
 */
import type { SetupProviderView, SetupView } from '../shared/model';

/** What the host knows about the chosen provider's server. */
export type ServerCheck =
  /** Not asked yet, or the question is in flight. */
  | { kind: 'checking' }
  /** It answered and listed these models (possibly none). */
  | { kind: 'answered'; models: readonly string[] }
  /** Nothing answered at the URL. */
  | { kind: 'unreachable' };

/** The facts the card is drawn from. */
export interface SetupFacts {
  /** False while `tome.provider` has no user-set value. */
  providerChosen: boolean;
  provider: string;
  /** Whether the provider needs a key, may take one, or has none. */
  apiKey: 'required' | 'optional' | 'none';
  /** The provider runs on this machine. */
  local: boolean;
  hasKey: boolean;
  /** The URL questions go to (the setting, else the preset's). */
  baseUrl: string;
  /** The model in user settings ('' when none is set). */
  model: string;
  /** The model the preset picks when none is set ('' when it depends on what the server loaded). */
  defaultModel: string;
  /** What the server said; only asked for local providers and Custom. */
  server?: ServerCheck;
}

/** Which step the card shows, or `ready` when the chat can be used as it is. */
export type SetupStep =
  | { step: 'ready' }
  | { step: 'choose-provider' }
  | { step: 'enter-key' }
  | { step: 'need-url' }
  | { step: 'checking-server' }
  | { step: 'server-unreachable' }
  | { step: 'choose-model'; models: readonly string[] };

/** Decides the card's step from the facts; pure, so every path is unit-tested. */
export function setupStep(facts: SetupFacts): SetupStep {
  if (!facts.providerChosen) return { step: 'choose-provider' };
  if (facts.apiKey === 'required' && !facts.hasKey) return { step: 'enter-key' };
  if (!facts.local && facts.provider !== 'custom') return { step: 'ready' };
  if (facts.baseUrl === '') return { step: 'need-url' };
  const model = facts.model || facts.defaultModel;
  // A Custom server with a model named is used as it is: a gateway may serve names it does not
  // list, and a server that is down says so on the first question (which is kept for Retry).
  if (!facts.local && model !== '') return { step: 'ready' };
  const server = facts.server ?? { kind: 'checking' };
  if (server.kind === 'checking') return { step: 'checking-server' };
  if (server.kind === 'unreachable') return { step: 'server-unreachable' };
  // A local server's list is what it serves; one that lists nothing may still serve the model by name.
  if (model !== '' && (server.models.length === 0 || server.models.includes(model))) return { step: 'ready' };
  return { step: 'choose-model', models: server.models };
}

/** The card's data for the webview, or null when the chat is ready. */
export function setupView(facts: SetupFacts, providers: readonly SetupProviderView[]): SetupView | null {
  const step = setupStep(facts);
  if (step.step === 'ready') return null;
  const chosen = facts.providerChosen ? { provider: facts.provider } : {};
  const models = step.step === 'choose-model' ? { models: [...step.models] } : {};
  return { step: step.step, providers: [...providers], baseUrl: facts.baseUrl, ...chosen, ...models };
}

/** True when the card waits for the server's answer (nothing asked yet, or the question is in flight). */
export function needsServerCheck(facts: SetupFacts): boolean {
  return setupStep(facts).step === 'checking-server';
}
