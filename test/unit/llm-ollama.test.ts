import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChatError, type ChatEvent, type ChatRequest } from '../../src/llm';
import { listOllamaModels, numCtxFor, promptTokenEstimate, streamOllamaChat } from '../../src/llm/ollamaChat';
import { providerErrors, startOpenAIServer, type OpenAIServer } from '../support/openaiServer';

let server: OpenAIServer;
let root: string;
beforeAll(async () => {
  server = await startOpenAIServer({ shapes: { ollama: [{ name: 'qwen2.5-coder:7b', trainedContext: 32_768, servedContext: 4096 }] } });
  root = `http://127.0.0.1:${server.port}`;
});
afterEach(() => server.reset());
afterAll(() => server.stop());

async function collect(events: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

function request(overrides: Partial<ChatRequest> = {}): ChatRequest {
  return { baseURL: root, model: 'qwen2.5-coder:7b', messages: [{ role: 'user', content: 'x'.repeat(30_000) }], maxOutputTokens: 2000, ...overrides };
}

const noWait = { sleep: async () => undefined, random: () => 0 };

describe('num_ctx sizing', () => {
  it('makes room for the prompt and the answer, rounded up to 2,048, at least 4,096', () => {
    expect(numCtxFor(10_000, 2000)).toBe(12_288);
    expect(numCtxFor(10_240, 2048)).toBe(12_288);
    expect(numCtxFor(100, 100)).toBe(4096);
  });

  it('never asks for more than the model was trained for', () => {
    expect(numCtxFor(90_000, 8192, 32_768)).toBe(32_768);
    expect(numCtxFor(10_000, 2000, 32_768)).toBe(12_288);
  });

  it('estimates the prompt high, at three characters a token', () => {
    expect(promptTokenEstimate(request())).toBe(10_000);
  });
});

describe('streamOllamaChat', () => {
  it('posts to /api/chat with options.num_ctx sized to the request, and streams the NDJSON answer as events', async () => {
    server.enqueue({ kind: 'stream', reasoning: ['Looking.'], chunks: ['The ', 'answer.'] });
    const events = await collect(streamOllamaChat(request(), { trainedContext: 32_768 }));
    const [sent] = server.requests();
    expect(sent).toMatchObject({ method: 'POST', path: '/api/chat', body: { model: 'qwen2.5-coder:7b', stream: true, options: { num_ctx: 12_288, num_predict: 2000 } } });
    expect(events).toEqual([
      { type: 'reasoning', text: 'Looking.' },
      { type: 'text', text: 'The ' },
      { type: 'text', text: 'answer.' },
      { type: 'usage', usage: { promptTokens: 7500, completionTokens: 2, totalTokens: 7502, cachedPromptTokens: 0, uncachedPromptTokens: 7500 } },
      { type: 'done', outcome: 'complete', finishReason: 'stop' },
    ]);
  });

  it('bills only what fits when num_ctx is capped by the trained context (what truncation detection reads)', async () => {
    const events = await collect(streamOllamaChat(request({ messages: [{ role: 'user', content: 'y'.repeat(400_000) }] }), { trainedContext: 32_768 }));
    expect(server.requests()[0]?.body).toMatchObject({ options: { num_ctx: 32_768 } });
    expect(events.find((event) => event.type === 'usage')).toMatchObject({ usage: { promptTokens: 32_768 } });
  });

  it('reports a model Ollama has not pulled as model-not-found, in plain words', async () => {
    const failure = await collect(streamOllamaChat(request({ model: 'missing:1b' }))).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ChatError);
    expect(failure).toMatchObject({ kind: 'model-not-found', status: 404 });
    expect((failure as ChatError).detail).toContain('not found');
  });

  it('retries a busy server visibly before any text, then answers', async () => {
    server.enqueue(providerErrors.serverError(503), { kind: 'stream', chunks: ['ok'] });
    const events = await collect(streamOllamaChat(request(), noWait));
    expect(events[0]).toMatchObject({ type: 'retry', attempt: 1, reason: '503' });
    expect(events.at(-1)).toEqual({ type: 'done', outcome: 'complete', finishReason: 'stop' });
  });

  it('says nothing listens when Ollama is not running, without retrying', async () => {
    const dead = await startOpenAIServer();
    const url = `http://127.0.0.1:${dead.port}`;
    await dead.stop();
    const failure = await collect(streamOllamaChat(request({ baseURL: url }), noWait)).catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: 'network' });
    expect((failure as ChatError).message).toContain('Nothing is answering');
  });

  it('ends as cancelled, not as an error, when stopped', async () => {
    server.enqueue({ kind: 'stream', chunks: ['a', 'b', 'c', 'd'], delayMs: 200 });
    const controller = new AbortController();
    const events: ChatEvent[] = [];
    for await (const event of streamOllamaChat(request(), { signal: controller.signal })) {
      events.push(event);
      if (event.type === 'text') controller.abort();
    }
    expect(events.at(-1)).toMatchObject({ type: 'done', outcome: 'cancelled' });
  });

  it('lists the pulled models from /api/tags', async () => {
    expect(await listOllamaModels(root)).toEqual(['qwen2.5-coder:7b']);
  });
});
