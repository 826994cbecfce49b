/**
 * What the fake OpenAI-compatible server can be told to answer, and error bodies shaped like
 * the providers' own.
 */

/** Token figures a scripted answer reports; left-out numbers are estimated from the request. */
export interface ScriptedUsage {
  promptTokens?: number;
  completionTokens?: number;
  /** Prompt tokens to report as served from the cache. */
  cachedTokens?: number;
  /** How to report the cache: OpenAI's `prompt_tokens_details`, DeepSeek's hit/miss fields, or both. */
  cacheShape?: 'openai' | 'deepseek' | 'both';
}

/** A streamed (or, when the request did not ask to stream, plain JSON) answer. */
export interface StreamReply {
  kind: 'stream';
  /** Answer text, one SSE chunk each. */
  chunks: string[];
  /** Reasoning pieces sent before the answer. */
  reasoning?: string[];
  /** Which delta field carries reasoning (default DeepSeek's `reasoning_content`). */
  reasoningField?: 'reasoning_content' | 'reasoning';
  /** Pause before each chunk, for Stop tests. */
  delayMs?: number;
  /** Default `stop`; null sends no finish reason at all. */
  finishReason?: string | null;
  usage?: ScriptedUsage;
  /** Destroy the socket after this many reasoning/text chunks: a stream that dies midway. */
  cutAfter?: number;
  /** Before the answer, send `: keep-alive` comments every `everyMs` for `forMs`, as DeepSeek does while a request is queued. */
  keepAlive?: { everyMs: number; forMs: number };
  /** Stop sending after this many chunks and keep the connection open: a stream that stalls. */
  stallAfter?: number;
  /** Send `data: {"error": …}` after this many chunks, then end the stream (as OpenRouter does). */
  errorAfter?: { chunks: number; message: string; code?: string };
}

/** A scripted reply: an answer, an HTTP error, or no answer at all. */
export type ScriptedReply =
  | StreamReply
  | { kind: 'error'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Accept the request and never answer (until the server stops): for timeout tests. */
  | { kind: 'hang' };

/** Error replies with the bodies real providers send. */
export const providerErrors = {
  /** 401 as OpenAI sends it for a wrong key (the key shown masked, as OpenAI does). */
  invalidKey(): ScriptedReply {
    return { kind: 'error', status: 401, body: { error: { message: 'Incorrect API key provided: sk-te****. You can find your API key at https://platform.openai.com/account/api-keys.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } } };
  },
  /** 404 for a model the endpoint does not serve. */
  modelNotFound(model: string): ScriptedReply {
    return { kind: 'error', status: 404, body: { error: { message: `The model \`${model}\` does not exist or you do not have access to it.`, type: 'invalid_request_error', param: null, code: 'model_not_found' } } };
  },
  /** 429 with a `retry-after` in seconds (fractions allowed, for fast tests). */
  rateLimited(retryAfterSeconds?: number): ScriptedReply {
    return {
      kind: 'error', status: 429,
      headers: retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
      body: { error: { message: 'Rate limit reached for requests. Please try again later.', type: 'requests', param: null, code: 'rate_limit_exceeded' } },
    };
  },
  /** 500/502/503 as a struggling server sends it. */
  serverError(status = 500): ScriptedReply {
    return { kind: 'error', status, body: { error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null } } };
  },
  /** 400 `context_length_exceeded` with OpenAI's (and DeepSeek's, and vLLM's) wording. */
  contextLength(limit: number, promptTokens: number, completionTokens: number): ScriptedReply {
    const requested = promptTokens + completionTokens;
    const message = `This model's maximum context length is ${limit} tokens. However, you requested ${requested} tokens (${promptTokens} in the messages, ${completionTokens} in the completion). Please reduce the length of the messages or completion.`;
    return { kind: 'error', status: 400, body: { error: { message, type: 'invalid_request_error', param: 'messages', code: 'context_length_exceeded' } } };
  },
};
