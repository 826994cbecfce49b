/**
 * The OpenAI wire format the fake server writes: chat completion chunks, the final usage chunk,
 * and the plain JSON completion.
 */
import type { ScriptedUsage, StreamReply } from './openaiServerReplies';

/** The parts of a chat request the replies depend on. */
export interface ChatBody {
  model?: string;
  messages?: Array<{ role: string; content: unknown }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  [key: string]: unknown;
}

/** Rough prompt size (4 characters a token), for usage figures nobody scripted. */
export function estimatePromptTokens(body: ChatBody): number {
  const text = (body.messages ?? []).map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content))).join('\n');
  return Math.max(1, Math.ceil(text.length / 4));
}

/** A `usage` object in the provider shape the reply asks for. */
export function usageObject(reply: StreamReply, body: ChatBody): Record<string, unknown> {
  const scripted: ScriptedUsage = reply.usage ?? {};
  const prompt = scripted.promptTokens ?? estimatePromptTokens(body);
  const completion = scripted.completionTokens ?? reply.chunks.length + (reply.reasoning?.length ?? 0);
  const cached = scripted.cachedTokens ?? 0;
  const shape = scripted.cacheShape ?? 'openai';
  const usage: Record<string, unknown> = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
  if (shape === 'openai' || shape === 'both') usage.prompt_tokens_details = { cached_tokens: cached };
  if (shape === 'deepseek' || shape === 'both') {
    usage.prompt_cache_hit_tokens = cached;
    usage.prompt_cache_miss_tokens = prompt - cached;
  }
  return usage;
}

/** Builds the chunks of one streamed completion with a shared id and timestamp. */
export class ChunkWriter {
  private readonly created = Math.floor(Date.now() / 1000);
  constructor(private readonly id: string, private readonly model: string) {}

  /** One `chat.completion.chunk` with a single choice. */
  chunk(delta: Record<string, unknown>, finishReason: string | null = null): string {
    return this.frame({ choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] });
  }

  /** The usage-only chunk OpenAI sends last when `stream_options.include_usage` is set. */
  usage(usage: Record<string, unknown>): string {
    return this.frame({ choices: [], usage });
  }

  private frame(rest: Record<string, unknown>): string {
    return `data: ${JSON.stringify({ id: this.id, object: 'chat.completion.chunk', created: this.created, model: this.model, system_fingerprint: 'fp_tome_test', ...rest })}\n\n`;
  }
}

/** The whole answer as one non-streaming `chat.completion`. */
export function completionObject(id: string, reply: StreamReply, body: ChatBody): Record<string, unknown> {
  const message: Record<string, unknown> = { role: 'assistant', content: reply.chunks.join('') };
  if (reply.reasoning) message[reply.reasoningField ?? 'reasoning_content'] = reply.reasoning.join('');
  return {
    id, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: body.model ?? 'unknown',
    choices: [{ index: 0, message, logprobs: null, finish_reason: reply.finishReason === undefined ? 'stop' : reply.finishReason }],
    usage: usageObject(reply, body),
  };
}

/** The answer given when nothing is scripted: markdown that echoes the question. */
export function defaultReply(body: ChatBody): StreamReply {
  const last = [...(body.messages ?? [])].reverse().find((message) => message.role === 'user');
  const question = typeof last?.content === 'string' ? last.content.split('\n').filter((line) => line.trim()).pop() ?? '' : '';
  const quoted = question.length > 200 ? `${question.slice(0, 200)}…` : question;
  const reasoner = /reason/i.test(body.model ?? '');
  return {
    kind: 'stream',
    ...(reasoner ? { reasoning: ['Reading the question. ', 'Looking at the code.'] } : {}),
    chunks: ['## Answer\n\n', `You asked: *${quoted}*\n\n`, '```ts\n', 'export const answer = 42;\n', '```\n'],
  };
}
