/**
 * The JSON body of a streaming chat request, and the two ways servers disagree about it:
 * `stream_options` (older servers refuse it) and the answer-length field (OpenAI's newer models
 * refuse `max_tokens` and want `max_completion_tokens`; many other servers know only
 * `max_tokens`). When a server refuses one, the request is sent again shaped its way, once.
 */
import type OpenAI from 'openai';
import type { ChatRequest } from './types';

/** The choices that vary between servers. */
export interface RequestShape {
  includeUsage: boolean;
  maxTokensField: 'max_tokens' | 'max_completion_tokens';
  /** Adjustments already made, so a server that refuses both ways is not asked forever. */
  adjusted: ReadonlySet<'usage' | 'maxTokens'>;
}

/** The first shape to try: usage on unless turned off; `max_completion_tokens` for OpenAI itself. */
export function initialShape(request: ChatRequest): RequestShape {
  const openai = URL.canParse(request.baseURL) && new URL(request.baseURL).hostname === 'api.openai.com';
  return { includeUsage: request.includeUsage ?? true, maxTokensField: openai ? 'max_completion_tokens' : 'max_tokens', adjusted: new Set() };
}

/** The request body in a given shape. */
export function requestBody(request: ChatRequest, shape: RequestShape): OpenAI.Chat.ChatCompletionCreateParamsStreaming {
  return {
    model: request.model,
    messages: request.messages,
    stream: true,
    ...(shape.includeUsage ? { stream_options: { include_usage: true } } : {}),
    ...(request.maxOutputTokens !== undefined ? { [shape.maxTokensField]: request.maxOutputTokens } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    // Not in the SDK's types: DeepSeek's own field, sent as is.
    ...(request.thinking ? ({ thinking: { type: request.thinking } } as Record<string, unknown>) : {}),
  };
}

/**
 * The shape to try after a 400 whose text (`detail`) refuses part of the body, or undefined
 * when the refusal is about something else or was already worked around.
 */
export function adjustedShape(shape: RequestShape, detail: string): RequestShape | undefined {
  if (shape.includeUsage && !shape.adjusted.has('usage') && /stream_options|include_usage/i.test(detail)) {
    return { ...shape, includeUsage: false, adjusted: new Set([...shape.adjusted, 'usage']) };
  }
  if (!shape.adjusted.has('maxTokens') && /max_(?:completion_)?tokens/i.test(detail) && /unsupported|not supported|unrecognized|unknown|extra|not permitted|use '?max_/i.test(detail)) {
    const other = shape.maxTokensField === 'max_tokens' ? 'max_completion_tokens' : 'max_tokens';
    return { ...shape, maxTokensField: other, adjusted: new Set([...shape.adjusted, 'maxTokens']) };
  }
  return undefined;
}
