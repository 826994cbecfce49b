/**
 * Model failures are data: a kind plus the fields the words are made of. These tests read the
 * data a real request through the `openai` SDK produces (against the loopback test server), and
 * check that the English formatter words exactly that data.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChatError, listModels, streamChat, type ChatRequest } from '../../src/llm';
import { describeChatProblem } from '../../src/llm/errorText';
import { startOpenAIServer, type OpenAIServer } from '../support/openaiServer';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterEach(() => server.reset());
afterAll(() => server.stop());

function request(overrides: Partial<ChatRequest> = {}): ChatRequest {
  return { baseURL: server.baseURL, model: 'tome-test-model', messages: [{ role: 'user', content: 'hi' }], ...overrides };
}

async function failureOf(req: ChatRequest, retry = { maxRetries: 0 }): Promise<ChatError> {
  try {
    for await (const _event of streamChat(req, { retry, sleep: async () => undefined })) void _event;
  } catch (error) {
    if (error instanceof ChatError) return error;
    throw error;
  }
  throw new Error('the request did not fail');
}

describe('model failures as data', () => {
  it('keeps the wait a 429 asked for when it was too long to wait out', async () => {
    server.enqueue({ kind: 'error', status: 429, body: { error: { message: 'slow down' } }, headers: { 'retry-after': '120' } });
    const error = await failureOf(request(), { maxRetries: 3 });
    expect(error.problem).toEqual({ kind: 'rate-limit', endpoint: `127.0.0.1:${server.port}`, status: 429, retryAfterMs: 120_000 });
    expect(error.message).toBe(`127.0.0.1:${server.port} is limiting requests (429).`);
    expect(server.requests()).toHaveLength(1);
  });

  it('names the model and the status of a 404 as fields, not only in the sentence', async () => {
    server.enqueue({ kind: 'error', status: 404, body: { error: { message: 'The model `gone` does not exist', code: 'model_not_found' } } });
    const error = await failureOf(request({ model: 'gone' }));
    expect(error.problem).toEqual({ kind: 'model-not-found', endpoint: `127.0.0.1:${server.port}`, model: 'gone', status: 404 });
    expect(error.detail).toContain('does not exist');
  });

  it('says why an endpoint could not be reached: nothing listening is "refused" and is not retried', async () => {
    const gone = await startOpenAIServer();
    await gone.stop();
    const error = await failureOf(request({ baseURL: gone.baseURL }), { maxRetries: 2 });
    expect(error.problem).toEqual({ kind: 'network', endpoint: `127.0.0.1:${gone.port}`, cause: 'refused' });
    expect(error.retryable).toBe(false);
  });

  it('refuses a base URL that is not http(s) before sending anything, with the URL as a field', async () => {
    const error = await listModels({ baseURL: 'ftp://models.example' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChatError);
    expect((error as ChatError).problem).toEqual({ kind: 'bad-request', badBaseUrl: 'ftp://models.example' });
    expect((error as ChatError).message).toBe('The base URL "ftp://models.example" is not an http(s) address.');
  });
});

describe('the English words of a failure', () => {
  it('words a timeout from its fields, before and during the answer', () => {
    expect(describeChatProblem({ kind: 'timeout', endpoint: 'api.example', seconds: 120, beforeText: true }).message).toBe('api.example did not start answering within 120 s.');
    expect(describeChatProblem({ kind: 'timeout', endpoint: 'api.example', seconds: 5, beforeText: false }).message).toBe('api.example stopped sending within 5 s.');
  });

  it('quotes the provider text of an error sent inside the stream, and cuts a long refusal', () => {
    expect(describeChatProblem({ kind: 'server', endpoint: 'or.example' }, 'upstream died').message).toBe('or.example reported an error while answering: upstream died');
    const long = describeChatProblem({ kind: 'bad-request', endpoint: 'x', status: 400 }, 'y'.repeat(1000)).message;
    expect(long).toBe(`x refused the request (400): ${'y'.repeat(300)}…`);
  });
});
