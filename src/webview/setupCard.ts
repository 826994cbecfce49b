/**
 * The setup card, shown in place of the empty state while the chat cannot be used: provider
 * buttons with one line each on what they need, then the step the host says is next (a key, the
 * server's URL, a model). Every button sends a `setup` action; the host does the work and posts
 * the next state.
 */
import type { HostAction, SetupAction, SetupView, UiStrings, UiStringKey } from '../shared/protocol';
import { el, icon } from './dom';
import { fillPlaceholders } from './format';

/** What the card reports back to the page. */
export interface SetupCallbacks {
  run(action: SetupAction): void;
  runAction(action: HostAction): void;
}

function hintOf(id: string, strings: UiStrings): string {
  const key = `setupHint_${id}` as UiStringKey;
  return strings[key] ?? '';
}

function button(label: string, onClick: () => void, attrs: Record<string, string> = {}, primary = true): HTMLButtonElement {
  const node = el('button', { type: 'button', class: primary ? 'setup-button primary' : 'setup-button', ...attrs }, label);
  node.addEventListener('click', onClick);
  return node;
}

function providerList(setup: SetupView, strings: UiStrings, callbacks: SetupCallbacks): HTMLElement {
  return el(
    'ul',
    { class: 'setup-providers' },
    ...setup.providers.map((provider) => {
      const choose = el(
        'button',
        { type: 'button', class: 'setup-provider', 'data-provider': provider.id },
        el('span', { class: 'setup-provider-name' }, icon(provider.local ? 'vm' : 'cloud'), ` ${provider.label}`),
        el('span', { class: 'setup-provider-hint' }, hintOf(provider.id, strings)),
        ...(provider.local ? [el('span', { class: 'setup-provider-local' }, icon('lock'), ` ${strings.setupLocal}`)] : []),
      );
      choose.addEventListener('click', () => callbacks.run({ kind: 'chooseProvider', provider: provider.id }));
      return el('li', {}, choose);
    }),
  );
}

/** The body of a step after a provider is chosen. */
function stepBody(setup: SetupView, name: string, strings: UiStrings, callbacks: SetupCallbacks): HTMLElement[] {
  const recheck = (): HTMLButtonElement => button(strings.setupRecheck, () => callbacks.run({ kind: 'recheck' }), { 'data-setup': 'recheck' });
  const setUrl = (primary: boolean): HTMLButtonElement => button(strings.setupSetUrl, () => callbacks.run({ kind: 'setUrl' }), { 'data-setup': 'setUrl' }, primary);
  switch (setup.step) {
    case 'enter-key':
      return [el('p', {}, fillPlaceholders(strings.setupKeyNeeded, name)), button(strings.setupEnterKey, () => callbacks.run({ kind: 'enterKey' }), { 'data-setup': 'enterKey' })];
    case 'need-url':
      return [el('p', {}, strings.setupNeedUrl), setUrl(true)];
    case 'checking-server':
      return [el('p', { class: 'setup-checking' }, icon('loading codicon-modifier-spin'), ` ${fillPlaceholders(strings.setupChecking, name, setup.baseUrl)}`)];
    case 'server-unreachable':
      return [el('p', { class: 'setup-problem' }, icon('warning'), ` ${fillPlaceholders(strings.setupUnreachable, name, setup.baseUrl)}`), el('div', { class: 'setup-row' }, recheck(), setUrl(false))];
    case 'choose-model': {
      const models = setup.models ?? [];
      if (models.length === 0) {
        return [el('p', {}, fillPlaceholders(strings.setupNoModels, name)), el('div', { class: 'setup-row' }, recheck(), button(strings.selectModel, () => callbacks.runAction('selectModel'), { 'data-setup': 'selectModel' }, false))];
      }
      const list = el('ul', { class: 'setup-models' }, ...models.map((model) => el('li', {}, button(model, () => callbacks.run({ kind: 'chooseModel', model }), { class: 'setup-model', 'data-model': model }, false))));
      return [el('p', {}, fillPlaceholders(strings.setupChooseModel, name)), list];
    }
    case 'choose-provider':
      return [];
  }
}

/** Draws the card into `target`, or hides it when `setup` is null. */
export function renderSetupCard(target: HTMLElement, setup: SetupView | null | undefined, strings: UiStrings, callbacks: SetupCallbacks): void {
  target.hidden = !setup;
  if (!setup) {
    target.replaceChildren();
    return;
  }
  target.dataset.step = setup.step;
  const title = el('h2', { class: 'setup-title' }, strings.setupTitle);
  if (setup.step === 'choose-provider') {
    target.replaceChildren(title, el('p', { class: 'setup-intro' }, strings.setupIntro), providerList(setup, strings, callbacks));
    return;
  }
  const chosen = setup.providers.find((p) => p.id === setup.provider);
  const name = chosen?.label ?? setup.provider ?? '';
  const change = el('button', { type: 'button', class: 'setup-link', 'data-setup': 'changeProvider' }, strings.setupChangeProvider);
  change.addEventListener('click', () => callbacks.run({ kind: 'changeProvider' }));
  const heading = el('div', { class: 'setup-chosen', 'data-provider': setup.provider ?? '' }, el('strong', {}, name), ' ', change);
  const local = chosen?.local ? [el('p', { class: 'setup-provider-local' }, icon('lock'), ` ${strings.setupLocal}`)] : [];
  target.replaceChildren(title, heading, ...local, ...stepBody(setup, name, strings, callbacks));
}
