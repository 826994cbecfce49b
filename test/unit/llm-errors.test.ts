import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChatError, smallerBudget, streamChat, type ChatEvent, type ChatRequest, type StreamChatOptions } from '../../src/llm';
import { providerErrors, startOpenAIServer, type OpenAIServer } from '../support/openaiServer';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterEach(() => server.reset());
afterAll(() => server.stop());

function request(overrides: Partial<ChatRequest> = {}): ChatRequest {
  return { baseURL: server.baseURL, model: 'tome-test-model', apiKey: 'sk-test-secret-0123456789abcdef', messages: [{ role: 'user', content: 'Explain the graph stage.' }], ...overrides };
}

/** Collects events; a thrown error is returned instead of rethrown. */
async function run(req: ChatRequest, options: StreamChatOptions = {}): Promise<{ events: ChatEvent[]; error?: ChatError }> {
  const events: ChatEvent[] = [];
  try {
    for await (const event of streamChat(req, options)) events.push(event);
    return { events };
  } catch (error) {
    if (!(error instanceof ChatError)) throw error;
    return { events, error };
  }
}

/** A sleep that records the delay asked for and returns at once. */
function recordingSleep(): { delays: number[]; sleep: (ms: number) => Promise<void> } {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

describe('errors in plain words', () => {
  it('maps 401 to an auth error that points at "Tome: Set API Key" and never shows the key', async () => {
    server.enqueue(providerErrors.invalidKey());
    const { error } = await run(request());
    expect(error?.kind).toBe('auth');
    expect(error?.status).toBe(401);
    expect(error?.nextStep).toContain('Tome: Set API Key');
    const shown = `${error?.message} ${error?.nextStep} ${error?.detail} ${String(error?.stack)}`;
    expect(shown).not.toContain('sk-test-secret-0123456789abcdef');
    expect(server.requests()).toHaveLength(1);
  });

  it('maps 403 to an auth error too', async () => {
    server.enqueue({ kind: 'error', status: 403, body: { error: { message: 'Forbidden', type: 'permission_error' } } });
    expect((await run(request())).error?.kind).toBe('auth');
  });

  it('redacts the key when a provider echoes it back in its error text', async () => {
    const key = 'sk-live-echoed-key-9876543210';
    server.enqueue({ kind: 'error', status: 400, body: { error: { message: `Key ${key} is not valid for this project`, type: 'invalid_request_error' } } });
    const { error } = await run(request({ apiKey: key }));
    expect(error?.kind).toBe('bad-request');
    expect(`${error?.message} ${error?.detail}`).not.toContain(key);
    expect(error?.detail).toContain('is not valid for this project');
  });

  it('maps 404 to model-not-found that points at "Tome: Select Model"', async () => {
    server.enqueue(providerErrors.modelNotFound('no-such-model'));
    const { error } = await run(request({ model: 'no-such-model' }));
    expect(error?.kind).toBe('model-not-found');
    expect(error?.message).toContain('no-such-model');
    expect(error?.nextStep).toContain('Tome: Select Model');
  });

  it('maps context_length_exceeded to context-length with the numbers kept for a smaller re-pack', async () => {
    server.enqueue(providerErrors.contextLength(8192, 8000, 1000));
    const { error } = await run(request());
    expect(error?.kind).toBe('context-length');
    expect(error?.status).toBe(400);
    const next = smallerBudget(error?.detail ?? '', 8000);
    expect(next).toBeLessThan(8192 - 1000);
    expect(next).toBeGreaterThan(6000);
    expect(server.requests()).toHaveLength(1);
  });

  it('reads Gemini\'s array-wrapped error body and recognises its overflow message', async () => {
    const message = 'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).';
    server.enqueue({ kind: 'error', status: 400, body: [{ error: { code: 400, message, status: 'INVALID_ARGUMENT' } }] });
    const { error } = await run(request({ model: 'gemini-2.5-pro' }));
    expect(error?.kind).toBe('context-length');
    expect(error?.detail).toBe(message);
    expect(smallerBudget(error?.detail ?? '', 1_000_000)).toBe(Math.floor(1_000_000 * (1_048_576 / 1_200_000) * 0.95));
  });

  it('reads a bare { message } error body as older vLLM sends it', async () => {
    const message = "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens (4000 in the messages, 1000 in the completion).";
    server.enqueue({ kind: 'error', status: 400, body: { object: 'error', message, type: 'BadRequestError', param: null, code: 400 } });
    const { error } = await run(request());
    expect(error?.kind).toBe('context-length');
    expect(error?.detail).toBe(message);
  });

  it('reads a string error body as LM Studio sends it', async () => {
    server.enqueue({ kind: 'error', status: 404, body: { error: 'Model "qwen-x" not found. Please load it first.' } });
    const { error } = await run(request({ model: 'qwen-x' }));
    expect(error?.kind).toBe('model-not-found');
    expect(error?.detail).toBe('Model "qwen-x" not found. Please load it first.');
  });

  it('recognises an overflow from the message alone, as Anthropic-style proxies send it', async () => {
    server.enqueue({ kind: 'error', status: 400, body: { error: { message: 'prompt is too long: 210000 tokens > 200000 maximum', type: 'invalid_request_error' } } });
    expect((await run(request())).error?.kind).toBe('context-length');
  });
});

describe('retries', () => {
  it('honours retry-after on 429, shows the retry as an event, then streams the answer', async () => {
    server.enqueue(providerErrors.rateLimited(0.05), { kind: 'stream', chunks: ['after the wait'] });
    const { delays, sleep } = recordingSleep();
    const { events, error } = await run(request(), { sleep });
    expect(error).toBeUndefined();
    expect(delays).toEqual([50]);
    expect(events[0]).toEqual({ type: 'retry', attempt: 1, delayMs: 50, reason: '429' });
    expect(events.some((event) => event.type === 'text' && event.text === 'after the wait')).toBe(true);
    expect(server.requests()).toHaveLength(2);
  });

  it('gives up on 429 after the bounded number of retries', async () => {
    server.enqueue(providerErrors.rateLimited(0.01), providerErrors.rateLimited(0.01), providerErrors.rateLimited(0.01), providerErrors.rateLimited(0.01));
    const { delays, sleep } = recordingSleep();
    const { events, error } = await run(request(), { sleep, retry: { maxRetries: 2 } });
    expect(error?.kind).toBe('rate-limit');
    expect(delays).toEqual([10, 10]);
    expect(events.filter((event) => event.type === 'retry')).toHaveLength(2);
    expect(server.requests()).toHaveLength(3);
  });

  it('does not wait out a retry-after longer than the policy allows', async () => {
    server.enqueue(providerErrors.rateLimited(3600));
    const { delays, sleep } = recordingSleep();
    const { error } = await run(request(), { sleep });
    expect(error?.kind).toBe('rate-limit');
    expect(delays).toEqual([]);
    expect(server.requests()).toHaveLength(1);
  });

  it('backs off exponentially on 5xx when the server names no delay', async () => {
    server.enqueue(providerErrors.serverError(500), providerErrors.serverError(503), { kind: 'stream', chunks: ['recovered'] });
    const { delays, sleep } = recordingSleep();
    const { error } = await run(request(), { sleep, random: () => 0.5, retry: { baseDelayMs: 100 } });
    expect(error).toBeUndefined();
    expect(delays).toEqual([100, 200]);
    expect(server.requests()).toHaveLength(3);
  });

  it('names the endpoint once 5xx retries run out', async () => {
    server.enqueue(providerErrors.serverError(502), providerErrors.serverError(502));
    const { error } = await run(request(), { sleep: async () => undefined, retry: { maxRetries: 1 } });
    expect(error?.kind).toBe('server');
    expect(error?.status).toBe(502);
    expect(error?.message).toContain(`127.0.0.1:${server.port}`);
  });

  it('says at once that nothing answers at an address where no server listens', async () => {
    const gone = await startOpenAIServer();
    await gone.stop();
    const { delays, sleep } = recordingSleep();
    const { error } = await run(request({ baseURL: gone.baseURL }), { sleep, retry: { maxRetries: 2 } });
    expect(error?.kind).toBe('network');
    expect(error?.message).toBe(`Nothing is answering at 127.0.0.1:${gone.port}.`);
    expect(error?.nextStep).toContain('base URL');
    expect(delays).toEqual([]);
  });

  it('retries a connection that drops, then names the endpoint', async () => {
    server.enqueue(...Array.from({ length: 3 }, () => ({ kind: 'stream' as const, chunks: ['x'], cutAfter: 0 })));
    const { delays, sleep } = recordingSleep();
    const { error } = await run(request(), { sleep, retry: { maxRetries: 2 } });
    expect(error?.kind).toBe('network');
    expect(error?.message).toContain(`127.0.0.1:${server.port}`);
    expect(delays).toHaveLength(2);
    expect(server.requests()).toHaveLength(3);
  });

  it('retries a stream that dies before any text, since nothing was shown yet', async () => {
    server.enqueue({ kind: 'stream', chunks: ['never seen'], cutAfter: 0 }, { kind: 'stream', chunks: ['second try'] });
    const { events, error } = await run(request(), { sleep: async () => undefined });
    expect(error).toBeUndefined();
    expect(events.filter((event) => event.type === 'text').map((event) => (event.type === 'text' ? event.text : ''))).toEqual(['second try']);
    expect(server.requests()).toHaveLength(2);
  });
});

describe('error text', () => {
  it('keeps a long error page out of the message but whole in the detail', async () => {
    const page = `<html>${'x'.repeat(5000)}</html>`;
    server.enqueue({ kind: 'error', status: 422, body: { error: { message: page } } });
    const { error } = await run(request());
    expect(error?.kind).toBe('bad-request');
    expect(error?.message.length).toBeLessThan(500);
    expect(error?.detail).toBe(page);
  });
});
