/**
 * One question and its answer in the message list. The answer (and the model's reasoning, in a
 * collapsible "Thinking" section) is markdown rendered by markdown-it, sanitized by DOMPurify,
 * then given copy buttons on its code blocks.
 */
import type { ChatTurn, HostAction, UiStrings } from '../shared/protocol';
import { el, icon } from './dom';
import { fillPlaceholders, formatCost, formatTokens } from './format';
import { createMarkdownRenderer } from './markdown';
import { sanitizeHtml } from './sanitize';

const renderMarkdown = createMarkdownRenderer();

/** What the turn view reports back to the page. */
export interface TurnCallbacks {
  copy(text: string): void;
  runAction(action: HostAction): void;
  /** Sends a failed question again (offered on a failed turn with no answer). */
  retry(turnId: string): void;
}

/** Renders an answer's markdown into `target`, with a copy button per code block. */
export function renderAnswer(target: HTMLElement, markdownText: string, strings: UiStrings, callbacks: TurnCallbacks): void {
  target.innerHTML = sanitizeHtml(renderMarkdown(markdownText));
  target.querySelectorAll('pre').forEach((pre, index) => {
    const wrapper = el('div', { class: 'code-wrapper' });
    pre.replaceWith(wrapper);
    const button = el('button', { class: 'copy-code icon-button', type: 'button', title: strings.copy, 'aria-label': strings.copy, 'data-code-index': String(index) }, icon('copy'));
    button.addEventListener('click', () => {
      callbacks.copy(pre.textContent ?? '');
      button.replaceChildren(icon('check'));
      button.setAttribute('aria-label', strings.copied);
      button.dataset.copied = 'true';
      setTimeout(() => {
        button.replaceChildren(icon('copy'));
        button.setAttribute('aria-label', strings.copy);
        delete button.dataset.copied;
      }, 1500);
    });
    wrapper.append(button, pre);
  });
}

/**
 * Fills the collapsible "Thinking" section from the turn's reasoning, with the same markdown
 * rendering and sanitizing as answers. Hidden while there is none. It opens when reasoning starts
 * before any answer and closes once the answer begins; after that the user's toggle is left alone.
 */
export function renderReasoning(details: HTMLDetailsElement, turn: ChatTurn, strings: UiStrings, callbacks: TurnCallbacks): void {
  const reasoning = turn.reasoning ?? '';
  details.hidden = reasoning === '';
  if (reasoning === '') return;
  const body = details.querySelector<HTMLElement>('.reasoning-body');
  if (body) renderAnswer(body, reasoning, strings, callbacks);
  const phase = turn.status === 'streaming' && turn.answer === '' ? 'thinking' : 'answered';
  if (details.dataset.phase === phase) return;
  details.dataset.phase = phase;
  details.open = phase === 'thinking';
}

/** A cost with the rate it was taken at, for providers with peak hours. */
export function withRate(cost: string, rate: 'peak' | 'off-peak' | undefined, strings: UiStrings): string {
  if (rate === 'peak') return fillPlaceholders(strings.peakRate, cost);
  if (rate === 'off-peak') return fillPlaceholders(strings.offPeakRate, cost);
  return cost;
}

/** The footer under an answer: status, notices, error with its action, usage. */
export function renderTurnFooter(footer: HTMLElement, turn: ChatTurn, strings: UiStrings, callbacks: TurnCallbacks): void {
  footer.replaceChildren();
  const action = turn.error?.action;
  for (const warning of turn.warnings ?? []) footer.append(el('div', { class: 'turn-warning', role: 'alert' }, icon('warning'), ` ${warning}`));
  for (const notice of turn.notices) footer.append(el('div', { class: 'turn-notice' }, icon('info'), ` ${notice}`));
  if (turn.status === 'stopped') footer.append(el('div', { class: 'turn-status' }, icon('debug-stop'), ` ${strings.stopped}`));
  if (turn.status === 'incomplete') footer.append(el('div', { class: 'turn-status' }, icon('warning'), ` ${strings.incomplete}`));
  if (turn.error) {
    const box = el('div', { class: 'turn-error', role: 'alert' }, el('div', { class: 'error-message' }, icon('error'), ` ${turn.error.message}`), el('div', { class: 'error-next-step' }, turn.error.nextStep));
    const buttons = el('div', { class: 'error-actions' });
    if (action) {
      const label = action === 'setApiKey' ? strings.setApiKey : strings.selectModel;
      const button = el('button', { class: 'error-action', type: 'button', 'data-action': action }, label);
      button.addEventListener('click', () => callbacks.runAction(action));
      buttons.append(button);
    }
    // Nothing was answered, so nothing is lost by asking again once the cause is fixed.
    if (turn.status === 'error' && turn.answer === '') {
      const again = el('button', { class: 'error-action retry-action', type: 'button', 'data-action': 'retry' }, icon('refresh'), ` ${strings.retry}`);
      again.addEventListener('click', () => callbacks.retry(turn.id));
      buttons.append(again);
    }
    if (buttons.childElementCount > 0) box.append(buttons);
    footer.append(box);
  }
  if (turn.usage) {
    const cost = turn.usage.cost === null ? strings.unknownCost : withRate(formatCost(turn.usage.cost), turn.usage.rate, strings);
    const text = fillPlaceholders(strings.usageSummary, formatTokens(turn.usage.inputTokens), formatTokens(turn.usage.cachedTokens), formatTokens(turn.usage.outputTokens), cost);
    footer.append(el('div', { class: 'turn-usage' }, text));
  }
}

/** A whole turn element, keyed by its id. */
export function createTurnElement(turn: ChatTurn, strings: UiStrings, callbacks: TurnCallbacks): HTMLElement {
  const question = el('div', { class: 'turn-question' }, el('div', { class: 'turn-role' }, icon('account'), ` ${strings.you}`), el('div', { class: 'question-text' }, turn.question));
  const reasoning = el('details', { class: 'turn-reasoning' }, el('summary', { class: 'reasoning-summary' }, icon('lightbulb'), ` ${strings.thinking}`), el('div', { class: 'reasoning-body markdown-body' }));
  const answer = el('div', { class: 'turn-answer markdown-body', 'aria-label': strings.answer });
  const footer = el('div', { class: 'turn-footer' });
  const root = el('article', { class: 'turn', 'data-turn-id': turn.id, 'data-status': turn.status }, question, reasoning, answer, footer);
  renderReasoning(reasoning, turn, strings, callbacks);
  renderAnswer(answer, turn.answer, strings, callbacks);
  renderTurnFooter(footer, turn, strings, callbacks);
  return root;
}
