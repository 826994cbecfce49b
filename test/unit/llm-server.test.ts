import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { ChatError, listModels, streamChat } from '../../src/llm';
import { startOpenAIServer, type OpenAIServer, type RecordedRequest } from '../support/openaiServer';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer({ models: ['beta-model', 'alpha-model'] });
});
afterEach(() => server.reset());
afterAll(() => server.stop());

const control = (path: string, body?: unknown): Promise<Response> =>
  fetch(`http://127.0.0.1:${server.port}/__control/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });

describe('the fake OpenAI-compatible server', () => {
  it('answers a non-streaming request with one chat.completion', async () => {
    server.enqueue({ kind: 'stream', chunks: ['Plain ', 'JSON'], reasoning: ['why'] });
    const client = new OpenAI({ apiKey: 'k', baseURL: server.baseURL, maxRetries: 0 });
    const completion = await client.chat.completions.create({ model: 'alpha-model', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0]?.message.content).toBe('Plain JSON');
    expect((completion.choices[0]?.message as unknown as { reasoning_content?: string }).reasoning_content).toBe('why');
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
  });

  it('echoes the question in markdown when nothing is scripted, with reasoning for a reasoner model', async () => {
    const events = [];
    for await (const event of streamChat({ baseURL: server.baseURL, model: 'deepseek-reasoner', messages: [{ role: 'user', content: 'Where is main?' }] })) events.push(event);
    const text = events.map((event) => (event.type === 'text' ? event.text : '')).join('');
    expect(text).toContain('Where is main?');
    expect(events.some((event) => event.type === 'reasoning')).toBe(true);
  });

  it('lists its models at GET /v1/models', async () => {
    expect(await listModels({ baseURL: server.baseURL })).toEqual(['alpha-model', 'beta-model']);
    expect(server.requests().map((request) => `${request.method} ${request.path}`)).toEqual(['GET /v1/models']);
  });

  it('maps a refused model list to a ChatError', async () => {
    const guarded = await startOpenAIServer({ apiKey: 'right-key' });
    try {
      await expect(listModels({ baseURL: guarded.baseURL, apiKey: 'wrong-key' })).rejects.toMatchObject({ name: 'ChatError', kind: 'auth' });
    } finally {
      await guarded.stop();
    }
  });

  it('can be scripted and read over its HTTP control API', async () => {
    await control('enqueue', [{ kind: 'stream', chunks: ['from ', 'control'] }]);
    let text = '';
    for await (const event of streamChat({ baseURL: server.baseURL, model: 'alpha-model', messages: [{ role: 'user', content: 'q' }] })) {
      if (event.type === 'text') text += event.text;
    }
    expect(text).toBe('from control');
    const recorded = (await (await control('requests')).json()) as RecordedRequest[];
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.body.model).toBe('alpha-model');
    await control('reset', {});
    expect(server.requests()).toHaveLength(0);
  });

  it('requires the configured key when started with one', async () => {
    const guarded = await startOpenAIServer({ apiKey: 'right-key' });
    try {
      const attempt = async (apiKey: string): Promise<unknown> => {
        try {
          for await (const event of streamChat({ baseURL: guarded.baseURL, model: 'm', apiKey, messages: [{ role: 'user', content: 'q' }] })) void event;
          return 'ok';
        } catch (error) {
          return error instanceof ChatError ? error.kind : error;
        }
      };
      expect(await attempt('wrong-key')).toBe('auth');
      expect(await attempt('right-key')).toBe('ok');
    } finally {
      await guarded.stop();
    }
  });

  it('answers an unknown path with a provider-shaped 404', async () => {
    const response = await fetch(`${server.baseURL}/embeddings/nope`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('/v1/embeddings/nope');
  });
});

describe('the fake server in its own process', () => {
  it('starts, is scripted over HTTP, answers the client, and stops', async () => {
    const { spawnOpenAIServer } = await import('../support/openaiServerProcess');
    const remote = await spawnOpenAIServer();
    try {
      await remote.enqueue({ kind: 'stream', chunks: ['from ', 'another ', 'process'] });
      let text = '';
      for await (const event of streamChat({ baseURL: remote.baseURL, model: 'm', messages: [{ role: 'user', content: 'q' }] })) {
        if (event.type === 'text') text += event.text;
      }
      expect(text).toBe('from another process');
      expect((await remote.requests()).map((request) => request.path)).toEqual(['/v1/chat/completions']);
    } finally {
      await remote.stop();
    }
  });
});
