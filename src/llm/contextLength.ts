/**
 * Recognising "the prompt is too long" across providers, and working out how much smaller the
 * next pack should be from the numbers the error states.
 */

/** Shapes of the providers' context-overflow messages (OpenAI, DeepSeek, vLLM, Anthropic-style proxies, Gemini, llama.cpp). */
const OVERFLOW_TEXT = [
  /maximum context length/i,
  /context[_ ]length[_ ]exceeded/i,
  /prompt is too long/i,
  /exceeds? the (?:model'?s? )?(?:available )?context (?:window|size|length)/i,
  /input token count.*exceeds/i,
  /too many (?:input )?tokens/i,
  /reduce the length of the messages/i,
];

/** True when a provider's error (its `code` and/or message) says the prompt did not fit. */
export function isContextLengthError(code: string | null | undefined, message: string): boolean {
  if (code === 'context_length_exceeded' || code === 'string_above_max_length') return true;
  return OVERFLOW_TEXT.some((pattern) => pattern.test(message));
}

/** Numbers a context-overflow message stated; any of them may be missing. */
export interface ContextOverflow {
  /** The model's context window. */
  limit?: number;
  /** Tokens the request asked for in all (prompt plus completion allowance). */
  requested?: number;
  /** Tokens of the prompt alone. */
  promptTokens?: number;
  /** Tokens reserved for the completion. */
  completionTokens?: number;
}

function int(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.replace(/[,_]/g, ''));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

const N = '(\\d[\\d,_]*)';

/** Pulls the window and request sizes out of an overflow message, where it states them. */
export function parseContextOverflow(message: string): ContextOverflow {
  const found: ContextOverflow = {};
  const limit =
    new RegExp(`maximum context length is ${N}`, 'i').exec(message) ??
    new RegExp(`${N} (?:tokens? )?maximum`, 'i').exec(message) ??
    new RegExp(`maximum number of tokens allowed \\(${N}\\)`, 'i').exec(message) ??
    new RegExp(`context (?:window|size|length) (?:is|of) ${N}`, 'i').exec(message);
  const requested =
    new RegExp(`you requested ${N}`, 'i').exec(message) ??
    new RegExp(`prompt is too long: ${N}`, 'i').exec(message) ??
    new RegExp(`input token count \\(${N}\\)`, 'i').exec(message) ??
    new RegExp(`(?:resulted in|request has|requested) ${N} tokens`, 'i').exec(message);
  const split = new RegExp(`${N} in the messages, ${N} in the completion`, 'i').exec(message);
  const setIf = (key: keyof ContextOverflow, value: number | undefined): void => {
    if (value !== undefined) found[key] = value;
  };
  setIf('limit', int(limit?.[1]));
  setIf('requested', int(requested?.[1]));
  setIf('promptTokens', int(split?.[1]));
  setIf('completionTokens', int(split?.[2]));
  return found;
}

/** Safety margin under the stated limit, for the estimate-versus-provider tokenizer gap. */
const MARGIN = 0.95;
/** Shrink used when the error states no numbers. */
const BLIND_SHRINK = 0.75;

/**
 * The budget (in the caller's own token estimate) for the one re-pack after a context-length
 * error. Scales `currentBudget` by how far over the request was, when the message says so
 * ("maximum context length is 8192 tokens. However, you requested 9000 tokens"), keeping the
 * completion allowance out of the prompt's share; otherwise shrinks by a quarter. Always
 * returns a whole number strictly below `currentBudget` (0 for an empty budget).
 */
export function smallerBudget(errorText: string, currentBudget: number): number {
  if (currentBudget <= 1) return 0;
  const { limit, requested, promptTokens, completionTokens } = parseContextOverflow(errorText);
  let factor = BLIND_SHRINK;
  if (limit !== undefined && promptTokens !== undefined && completionTokens !== undefined) {
    factor = (Math.max(0, limit - completionTokens) / promptTokens) * MARGIN;
  } else if (limit !== undefined && requested !== undefined && requested > limit) {
    factor = (limit / requested) * MARGIN;
  }
  // Shrink by at least the margin: the same budget would fail the same way.
  const next = Math.floor(currentBudget * Math.min(factor, MARGIN));
  return Math.max(0, Math.min(next, currentBudget - 1));
}
