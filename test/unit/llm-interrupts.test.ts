import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChatError, streamChat, type ChatEvent, type ChatRequest, type StreamChatOptions } from '../../src/llm';
import { providerErrors, startOpenAIServer, type OpenAIServer } from '../support/openaiServer';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterEach(() => server.reset());
afterAll(() => server.stop());

function request(): ChatRequest {
  return { baseURL: server.baseURL, model: 'tome-test-model', messages: [{ role: 'user', content: 'Summarise the scan stage.' }] };
}

async function run(options: StreamChatOptions = {}, onEvent?: (event: ChatEvent) => void): Promise<{ events: ChatEvent[]; error?: ChatError }> {
  const events: ChatEvent[] = [];
  try {
    for await (const event of streamChat(request(), options)) {
      events.push(event);
      onEvent?.(event);
    }
    return { events };
  } catch (error) {
    if (!(error instanceof ChatError)) throw error;
    return { events, error };
  }
}

const answer = (events: ChatEvent[]): string => events.map((event) => (event.type === 'text' ? event.text : '')).join('');

describe('a stream cut short', () => {
  it('keeps the partial answer and marks it incomplete when the socket dies midway, without retrying', async () => {
    server.enqueue({ kind: 'stream', chunks: ['one ', 'two ', 'three ', 'four'], cutAfter: 2 });
    const { events, error } = await run({ sleep: async () => undefined });
    expect(error).toBeUndefined();
    expect(answer(events)).toBe('one two ');
    expect(events.at(-1)).toMatchObject({ type: 'done', outcome: 'incomplete', incomplete: true, finishReason: null });
    expect(server.requests()).toHaveLength(1);
  });

  it('keeps the partial answer when the provider sends an error event mid-stream', async () => {
    server.enqueue({ kind: 'stream', chunks: ['alpha ', 'beta'], errorAfter: { chunks: 1, message: 'upstream provider overloaded' } });
    const { events, error } = await run();
    expect(error).toBeUndefined();
    expect(answer(events)).toBe('alpha ');
    const done = events.at(-1);
    expect(done).toMatchObject({ type: 'done', outcome: 'incomplete', incomplete: true });
    expect(done?.type === 'done' ? done.reason : '').toContain('upstream provider overloaded');
  });

  it('marks an answer incomplete when the stream ends without a finish reason', async () => {
    server.enqueue({ kind: 'stream', chunks: ['half an'], finishReason: null });
    const { events } = await run();
    expect(answer(events)).toBe('half an');
    expect(events.at(-1)).toMatchObject({ type: 'done', outcome: 'incomplete', incomplete: true });
    // The reason as data, for the extension to word in the UI language.
    expect(events.at(-1)).toMatchObject({ stop: { kind: 'ended-early', endpoint: expect.stringContaining(`127.0.0.1:${server.port}`) } });
  });
});

describe('cancellation', () => {
  it('ends with a cancelled done event, not an error, when aborted mid-stream', async () => {
    server.enqueue({ kind: 'stream', chunks: Array.from({ length: 40 }, (_, i) => `w${i} `), delayMs: 20 });
    const stop = new AbortController();
    const { events, error } = await run({ signal: stop.signal }, (event) => {
      if (event.type === 'text') stop.abort();
    });
    expect(error).toBeUndefined();
    expect(answer(events)).toBe('w0 ');
    expect(events.at(-1)).toEqual({ type: 'done', outcome: 'cancelled', finishReason: null, cancelled: true });
  });

  it('is cancelled while waiting to retry', async () => {
    server.enqueue(providerErrors.rateLimited(30));
    const stop = new AbortController();
    const { events, error } = await run({ signal: stop.signal }, (event) => {
      if (event.type === 'retry') stop.abort();
    });
    expect(error).toBeUndefined();
    expect(events.map((event) => event.type)).toEqual(['retry', 'done']);
    expect(events.at(-1)).toMatchObject({ outcome: 'cancelled' });
    expect(server.requests()).toHaveLength(1);
  });

  it('is cancelled while waiting for a server that has not answered yet', async () => {
    server.enqueue({ kind: 'hang' });
    const stop = new AbortController();
    const running = run({ signal: stop.signal });
    await vi.waitFor(() => expect(server.requests()).toHaveLength(1));
    stop.abort();
    const { events, error } = await running;
    expect(error).toBeUndefined();
    expect(events).toEqual([{ type: 'done', outcome: 'cancelled', finishReason: null, cancelled: true }]);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const stop = new AbortController();
    stop.abort();
    const { events } = await run({ signal: stop.signal });
    expect(events).toEqual([{ type: 'done', outcome: 'cancelled', finishReason: null, cancelled: true }]);
    expect(server.requests()).toHaveLength(0);
  });
});

describe('timeouts', () => {
  it('gives up on a server that never answers, with a timeout error naming it', async () => {
    server.enqueue({ kind: 'hang' });
    const { error } = await run({ firstByteTimeoutMs: 150 });
    expect(error?.kind).toBe('timeout');
    expect(error?.message).toContain(`127.0.0.1:${server.port}`);
    expect(error?.message).toContain('did not start answering');
    expect(server.requests()).toHaveLength(1);
  });

  it('ends a stream that stalls after some text as incomplete, keeping the text', async () => {
    server.enqueue({ kind: 'stream', chunks: ['first ', 'second ', 'never'], stallAfter: 2 });
    const { events, error } = await run({ idleTimeoutMs: 150 });
    expect(error).toBeUndefined();
    expect(answer(events)).toBe('first second ');
    const done = events.at(-1);
    expect(done).toMatchObject({ type: 'done', outcome: 'incomplete', incomplete: true });
    expect(done?.type === 'done' ? done.reason : '').toContain('stopped sending');
    expect(done).toMatchObject({ stop: { kind: 'failed', problem: { kind: 'timeout', beforeText: false } } });
  });

  it('counts keep-alive comments as life, so a queued request is not given up on', async () => {
    server.enqueue({ kind: 'stream', chunks: ['queued, ', 'then answered'], keepAlive: { everyMs: 40, forMs: 400 } });
    const { events, error } = await run({ firstByteTimeoutMs: 150, idleTimeoutMs: 150 });
    expect(error).toBeUndefined();
    expect(answer(events)).toBe('queued, then answered');
    expect(events.at(-1)).toMatchObject({ outcome: 'complete' });
  });
});
