import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { streamChat, type ChatEvent, type ChatRequest } from '../../src/llm';
import { startOpenAIServer, type OpenAIServer } from '../support/openaiServer';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterEach(() => server.reset());
afterAll(() => server.stop());

function request(overrides: Partial<ChatRequest> = {}): ChatRequest {
  return { baseURL: server.baseURL, model: 'tome-test-model', messages: [{ role: 'user', content: 'What does pack() do?' }], ...overrides };
}

async function collect(events: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

const textOf = (events: ChatEvent[], type: 'text' | 'reasoning' = 'text'): string =>
  events.map((event) => (event.type === type ? event.text : '')).join('');

describe('streamChat', () => {
  it('streams text deltas in order and ends with a complete done event', async () => {
    server.enqueue({ kind: 'stream', chunks: ['Hello', ', ', 'world'] });
    const events = await collect(streamChat(request()));
    expect(events.filter((event) => event.type === 'text').map((event) => (event.type === 'text' ? event.text : ''))).toEqual(['Hello', ', ', 'world']);
    expect(events.at(-1)).toEqual({ type: 'done', outcome: 'complete', finishReason: 'stop' });
  });

  it('sends the model, the messages, stream_options.include_usage and max_tokens', async () => {
    await collect(streamChat(request({ maxOutputTokens: 512, temperature: 0.2 })));
    const [sent] = server.requests();
    expect(sent?.path).toBe('/v1/chat/completions');
    expect(sent?.body).toMatchObject({
      model: 'tome-test-model',
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 512,
      temperature: 0.2,
      messages: [{ role: 'user', content: 'What does pack() do?' }],
    });
  });

  it('sends DeepSeek\'s thinking switch only when asked, and reads its cache-hit and cache-miss usage', async () => {
    server.enqueue({ kind: 'stream', chunks: ['ok'], usage: { promptTokens: 90_000, cachedTokens: 60_000, cacheShape: 'deepseek' } });
    const events = await collect(streamChat(request({ thinking: 'disabled' })));
    await collect(streamChat(request()));
    const [off, unset] = server.requests();
    expect(off?.body).toMatchObject({ thinking: { type: 'disabled' } });
    expect(unset?.body.thinking).toBeUndefined();
    expect(events.find((event) => event.type === 'usage')).toMatchObject({ usage: { promptTokens: 90_000, cachedPromptTokens: 60_000, uncachedPromptTokens: 30_000 } });
  });

  it('keeps DeepSeek reasoning_content apart from the answer', async () => {
    server.enqueue({ kind: 'stream', reasoning: ['Think ', 'hard.'], chunks: ['The ', 'answer.'] });
    const events = await collect(streamChat(request()));
    expect(textOf(events, 'reasoning')).toBe('Think hard.');
    expect(textOf(events)).toBe('The answer.');
    const firstText = events.findIndex((event) => event.type === 'text');
    const lastReasoning = events.map((event) => event.type).lastIndexOf('reasoning');
    expect(lastReasoning).toBeLessThan(firstText);
  });

  it('reads the `reasoning` field that OpenRouter and Ollama use', async () => {
    server.enqueue({ kind: 'stream', reasoning: ['Step one.'], reasoningField: 'reasoning', chunks: ['Done.'] });
    const events = await collect(streamChat(request()));
    expect(textOf(events, 'reasoning')).toBe('Step one.');
    expect(textOf(events)).toBe('Done.');
  });

  it('yields one usage record with OpenAI cache figures', async () => {
    server.enqueue({ kind: 'stream', chunks: ['ok'], usage: { promptTokens: 1200, completionTokens: 30, cachedTokens: 1024, cacheShape: 'openai' } });
    const usages = (await collect(streamChat(request()))).filter((event) => event.type === 'usage');
    expect(usages).toEqual([{ type: 'usage', usage: { promptTokens: 1200, completionTokens: 30, totalTokens: 1230, cachedPromptTokens: 1024, uncachedPromptTokens: 176 } }]);
  });

  it('yields usage with DeepSeek prompt_cache_hit/miss figures', async () => {
    server.enqueue({ kind: 'stream', chunks: ['ok'], usage: { promptTokens: 5000, completionTokens: 10, cachedTokens: 4096, cacheShape: 'deepseek' } });
    const usage = (await collect(streamChat(request()))).find((event) => event.type === 'usage');
    expect(usage).toMatchObject({ usage: { promptTokens: 5000, cachedPromptTokens: 4096, uncachedPromptTokens: 904 } });
  });

  it('sends the key as a bearer token, and no Authorization header at all without one', async () => {
    await collect(streamChat(request({ apiKey: 'sk-test-123' })));
    await collect(streamChat(request()));
    const [withKey, withoutKey] = server.requests();
    expect(withKey?.headers.authorization).toBe('Bearer sk-test-123');
    expect(withoutKey?.headers.authorization).toBeUndefined();
  });

  it('reports the finish reason the provider gave, e.g. length', async () => {
    server.enqueue({ kind: 'stream', chunks: ['cut by max_tokens'], finishReason: 'length' });
    const events = await collect(streamChat(request()));
    expect(events.at(-1)).toEqual({ type: 'done', outcome: 'complete', finishReason: 'length' });
  });

  it('splits a leading <think> block that a local server left inline into reasoning', async () => {
    server.enqueue({ kind: 'stream', chunks: ['<thi', 'nk>Check the ', 'imports.</think>', '\n\nIt ', 'packs.'] });
    const events = await collect(streamChat(request()));
    expect(textOf(events, 'reasoning')).toBe('Check the imports.');
    expect(textOf(events)).toBe('It packs.');
  });

  it('asks again without stream_options when a server refuses it', async () => {
    server.enqueue({ kind: 'error', status: 400, body: { error: { message: 'Unrecognized request argument supplied: stream_options', type: 'invalid_request_error' } } }, { kind: 'stream', chunks: ['fine'] });
    const events = await collect(streamChat(request()));
    expect(textOf(events)).toBe('fine');
    const [first, second] = server.requests();
    expect(first?.body.stream_options).toEqual({ include_usage: true });
    expect(second?.body.stream_options).toBeUndefined();
    expect(events.some((event) => event.type === 'retry')).toBe(false);
  });

  it('refuses a base URL that is not http(s) with a plain message, sending nothing', async () => {
    const run = async (): Promise<unknown> => collect(streamChat(request({ baseURL: 'localhost:11434' })));
    await expect(run()).rejects.toMatchObject({ name: 'ChatError', kind: 'bad-request' });
    expect(server.requests()).toHaveLength(0);
  });

  it('sends nothing from OPENAI_* environment variables to the server', async () => {
    const saved = { key: process.env.OPENAI_API_KEY, org: process.env.OPENAI_ORG_ID };
    process.env.OPENAI_API_KEY = 'sk-from-environment-0000000000';
    process.env.OPENAI_ORG_ID = 'org-from-environment';
    try {
      await collect(streamChat(request()));
    } finally {
      if (saved.key === undefined) delete process.env.OPENAI_API_KEY;
      else process.env.OPENAI_API_KEY = saved.key;
      if (saved.org === undefined) delete process.env.OPENAI_ORG_ID;
      else process.env.OPENAI_ORG_ID = saved.org;
    }
    const headers = JSON.stringify(server.requests()[0]?.headers);
    expect(headers).not.toContain('from-environment');
    expect(server.requests()[0]?.headers.authorization).toBeUndefined();
  });

  it('sends max_completion_tokens instead when a server refuses max_tokens, without a retry event', async () => {
    server.enqueue(
      { kind: 'error', status: 400, body: { error: { message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", type: 'invalid_request_error', param: 'max_tokens', code: 'unsupported_parameter' } } },
      { kind: 'stream', chunks: ['ok'] },
    );
    const events = await collect(streamChat(request({ maxOutputTokens: 4096 })));
    expect(textOf(events)).toBe('ok');
    const [first, second] = server.requests();
    expect(first?.body.max_tokens).toBe(4096);
    expect(second?.body.max_completion_tokens).toBe(4096);
    expect(second?.body.max_tokens).toBeUndefined();
    expect(events.some((event) => event.type === 'retry')).toBe(false);
  });

  it('gives up after one reshape when the server refuses both length fields', async () => {
    const refusal = { kind: 'error' as const, status: 400, body: { error: { message: 'Unrecognized request argument supplied: max_tokens / max_completion_tokens' } } };
    server.enqueue(refusal, refusal, refusal);
    await expect(collect(streamChat(request({ maxOutputTokens: 100 })))).rejects.toMatchObject({ kind: 'bad-request' });
    expect(server.requests()).toHaveLength(2);
  });

  it('ends the HTTP request when the caller stops reading early', async () => {
    server.enqueue({ kind: 'stream', chunks: Array.from({ length: 500 }, (_, i) => `t${i} `), delayMs: 20 });
    for await (const event of streamChat(request())) {
      if (event.type === 'text') break;
    }
    await vi.waitFor(() => expect(server.activeStreams()).toBe(0));
  });
});
