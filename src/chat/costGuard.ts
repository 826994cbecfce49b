/**
 * The cost guard: a question whose estimated input cost is above `tome.confirmAboveCost` asks
 * first, once, in the chat ("Send / Send and don't ask again for this chat / Cancel").
 *
 * A follow-up in a conversation whose packed codebase did not change starts with the same bytes
 * as the last request, so providers with a prompt cache (DeepSeek, OpenAI, Gemini) bill that
 * prefix at their cached rate; the estimate prices it the same way, or every follow-up of a large
 * pack would ask again at a price nobody pays.
 */
import type { ChatTurn } from '../shared/model';

/** The default threshold in US dollars, mirrored in package.json. */
export const DEFAULT_CONFIRM_ABOVE_COST = 0.25;

/** What the rule looks at. */
export interface CostGuardInput {
  /** Estimated input cost of the question in US dollars; null when the prices are unknown. */
  estimatedCost: number | null;
  /** `tome.confirmAboveCost`; 0 turns the guard off. */
  threshold: number;
  /** The user chose "Send and don't ask again" earlier in this chat. */
  confirmedForChat: boolean;
}

/** True when the question must be confirmed before it is sent. */
export function mustConfirmCost(input: CostGuardInput): boolean {
  if (input.confirmedForChat || input.threshold <= 0 || input.estimatedCost === null) return false;
  return input.estimatedCost > input.threshold;
}

/**
 * Prompt tokens expected to be served from the provider's cache: the whole previous prompt of an
 * answered follow-up when the packed codebase is unchanged (the new prompt extends it), else none.
 * Never more than the new prompt itself.
 */
export function expectedCachedTokens(history: readonly ChatTurn[], contextChanged: boolean, promptTokens: number): number {
  if (contextChanged) return 0;
  const previous = [...history].reverse().find((turn) => turn.usage !== undefined);
  if (!previous?.usage) return 0;
  return Math.max(0, Math.min(previous.usage.inputTokens, promptTokens));
}
