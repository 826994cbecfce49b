/**
 * Noticing, after the answer, that the server cut the prompt. Ollama (and some proxies) drop
 * whatever does not fit their context without an error: the model answers from the tail of the
 * prompt and nothing says so. The one trace left is the bill: `prompt_tokens` far below what was
 * sent, further than any tokenizer difference the calibration allows.
 */
import { MIN_CALIBRATION_TOKENS, RATIO_LIMITS } from './calibration';

/** A prompt the server read only part of. */
export interface PromptTruncation {
  kind: 'prompt-truncated';
  /** Tokens Tome sent, by its own count. */
  sentTokens: number;
  /** Prompt tokens the server billed (read). */
  billedTokens: number;
}

/**
 * The truncation, when `billedTokens` is below what `sentTokens` could tokenize to: less than
 * {@link RATIO_LIMITS}.min of it (no tokenizer counts half as many tokens as another). Small
 * prompts are left alone: the chat template alone moves them a lot. An observation flagged here
 * must not be folded into calibration (it measures the cut, not the tokenizer).
 */
export function detectTruncation(sentTokens: number, billedTokens: number): PromptTruncation | undefined {
  if (!(sentTokens >= MIN_CALIBRATION_TOKENS) || !(billedTokens > 0)) return undefined;
  if (billedTokens >= sentTokens * RATIO_LIMITS.min) return undefined;
  return { kind: 'prompt-truncated', sentTokens, billedTokens };
}
