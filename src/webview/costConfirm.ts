/**
 * The cost guard's question inside the turn it is about: "This question sends ~N tokens, about
 * $X" with Send / Send and don't ask again for this chat / Cancel. One answer, then it goes away.
 */
import type { CostChoice, HostMessage, UiStrings } from '../shared/protocol';
import { el, icon } from './dom';
import { fillPlaceholders, formatCost, formatTokens } from './format';
import { withRate } from './turnView';

type CostQuestion = Extract<HostMessage, { type: 'costConfirm' }>;

/** Adds the question to the turn element `turn`; `answer` gets the user's one choice. */
export function renderCostConfirm(turn: HTMLElement, question: CostQuestion, strings: UiStrings, answer: (choice: CostChoice) => void): void {
  turn.querySelector('.cost-confirm')?.remove();
  const cost = withRate(formatCost(question.cost), question.rate, strings);
  const box = el('div', { class: 'cost-confirm', role: 'alertdialog', 'aria-label': strings.costConfirm }, el('div', { class: 'cost-text' }, icon('credit-card'), ` ${fillPlaceholders(strings.costConfirm, formatTokens(question.tokens), cost)}`));
  const row = el('div', { class: 'cost-actions' });
  const choices: Array<[CostChoice, string]> = [['send', strings.costSend], ['sendAlways', strings.costSendAlways], ['cancel', strings.costCancel]];
  for (const [choice, label] of choices) {
    const button = el('button', { type: 'button', class: choice === 'cancel' ? 'setup-button' : 'setup-button primary', 'data-choice': choice }, label);
    button.addEventListener('click', () => {
      box.remove();
      answer(choice);
    });
    row.append(button);
  }
  box.append(row);
  turn.querySelector('.turn-footer')?.before(box);
  box.querySelector<HTMLButtonElement>('button')?.focus();
}
