/**
 * The pieces of one streamed delta: reasoning first (it comes before the answer it leads to),
 * then answer text. Providers name the reasoning field differently.
 */
import type { ChatEvent } from './types';

/** Delta fields that carry reasoning: DeepSeek and older vLLM, then OpenRouter, Ollama and newer vLLM. */
const REASONING_FIELDS = ['reasoning_content', 'reasoning'] as const;

/** Text and reasoning events of one `choices[i].delta`. */
export function deltaPieces(delta: unknown): Array<Extract<ChatEvent, { type: 'text' | 'reasoning' }>> {
  if (typeof delta !== 'object' || delta === null) return [];
  const fields = delta as Record<string, unknown>;
  const pieces: Array<Extract<ChatEvent, { type: 'text' | 'reasoning' }>> = [];
  for (const name of REASONING_FIELDS) {
    const value = fields[name];
    if (typeof value === 'string' && value.length > 0) {
      pieces.push({ type: 'reasoning', text: value });
      break;
    }
  }
  const content = fields.content;
  if (typeof content === 'string' && content.length > 0) pieces.push({ type: 'text', text: content });
  return pieces;
}
