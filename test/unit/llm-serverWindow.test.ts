import { afterEach, describe, expect, it } from 'vitest';
import { probeServerWindow, ServerWindowCache, type ServerWindowQuery } from '../../src/llm/serverWindow';
import { startOpenAIServer, type OpenAIServer, type OpenAIServerOptions } from '../support/openaiServer';

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function serve(options: OpenAIServerOptions): Promise<OpenAIServer> {
  server = await startOpenAIServer(options);
  return server;
}

const root = (s: OpenAIServer): string => `http://127.0.0.1:${s.port}`;

describe('asking the server for the window', () => {
  it('reads vLLM\'s max_model_len from /v1/models', async () => {
    const s = await serve({ models: [{ id: 'Qwen/Qwen3-Coder-30B', max_model_len: 131_072 }, { id: 'other', max_model_len: 8192 }] });
    expect(await probeServerWindow({ provider: 'vllm', baseURL: s.baseURL, model: 'Qwen/Qwen3-Coder-30B' })).toEqual({ kind: 'known', window: 131_072, source: 'vllm' });
    expect(await probeServerWindow({ provider: 'vllm', baseURL: s.baseURL, model: 'missing' })).toEqual({ kind: 'unknown', reason: 'no-such-model' });
  });

  it('reads OpenRouter\'s context_length and per-token pricing as prices per million', async () => {
    const s = await serve({
      models: [{ id: 'deepseek/deepseek-v4-pro', context_length: 1_000_000, pricing: { prompt: '0.00000132', completion: '0.00000396', input_cache_read: '0.000000044' }, top_provider: { context_length: 1_000_000, max_completion_tokens: 384_000 } }],
    });
    const answer = await probeServerWindow({ provider: 'openrouter', baseURL: `${root(s)}/api/v1`, model: 'deepseek/deepseek-v4-pro' });
    expect(answer).toEqual({ kind: 'known', window: 1_000_000, source: 'openrouter', maxOutputTokens: 384_000, prices: { input: 1.32, output: 3.96, cachedInput: 0.044 } });
    expect(s.requests().map((r) => r.path)).toEqual(['/api/v1/models']);
  });

  it('reads LM Studio\'s loaded context, not the model\'s maximum, and nothing for a model not loaded', async () => {
    const s = await serve({ shapes: { lmStudioModels: [{ id: 'qwen2.5-coder-14b', state: 'loaded', loaded_context_length: 16_384, max_context_length: 131_072 }, { id: 'idle', state: 'not-loaded', max_context_length: 32_768 }] } });
    expect(await probeServerWindow({ provider: 'lmstudio', baseURL: s.baseURL, model: 'qwen2.5-coder-14b' })).toEqual({ kind: 'known', window: 16_384, source: 'lmstudio', servedWindow: 16_384, trainedWindow: 131_072 });
    expect(await probeServerWindow({ provider: 'lmstudio', baseURL: s.baseURL, model: 'idle' })).toEqual({ kind: 'unknown', reason: 'not-reported' });
  });

  it('reads llama.cpp\'s n_ctx from /props for a custom server', async () => {
    const s = await serve({ models: ['gguf-model'], shapes: { props: { default_generation_settings: { n_ctx: 65_536 }, total_slots: 1 } } });
    expect(await probeServerWindow({ provider: 'custom', baseURL: s.baseURL, model: 'gguf-model' })).toEqual({ kind: 'known', window: 65_536, source: 'llamacpp', servedWindow: 65_536 });
  });

  it('reads Gemini\'s inputTokenLimit with the key in a header, never in the URL', async () => {
    const s = await serve({ shapes: { geminiModels: { 'gemini-3.8-flash': { inputTokenLimit: 1_048_576, outputTokenLimit: 65_536 } } } });
    const answer = await probeServerWindow({ provider: 'gemini', baseURL: `${root(s)}/v1beta/openai/`, model: 'gemini-3.8-flash', apiKey: 'AIza-test-key' });
    expect(answer).toEqual({ kind: 'known', window: 1_048_576, source: 'gemini', maxOutputTokens: 65_536 });
    const [sent] = s.requests();
    expect(sent?.path).toBe('/v1beta/models/gemini-3.8-flash');
    expect(sent?.headers['x-goog-api-key']).toBe('AIza-test-key');
  });

  describe('Ollama', () => {
    const ollama = { shapes: { ollama: [{ name: 'qwen2.5-coder:7b', trainedContext: 32_768, loadedContext: 4096 }, { name: 'llama3:8b', trainedContext: 8192, parameterNumCtx: 2048 }] } };

    it('takes the trained context as the window on the native URL, and keeps the served one beside it', async () => {
      const s = await serve(ollama);
      expect(await probeServerWindow({ provider: 'ollama', baseURL: root(s), model: 'qwen2.5-coder:7b' })).toEqual({ kind: 'known', window: 32_768, source: 'ollama', trainedWindow: 32_768, servedWindow: 4096 });
      expect(s.requests().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/show', 'GET /api/ps']);
    });

    it('takes the served context (loaded, else num_ctx) as the window on the OpenAI-compatible /v1 URL', async () => {
      const s = await serve(ollama);
      expect(await probeServerWindow({ provider: 'ollama', baseURL: `${root(s)}/v1`, model: 'qwen2.5-coder:7b' })).toMatchObject({ window: 4096, servedWindow: 4096 });
      expect(await probeServerWindow({ provider: 'ollama', baseURL: `${root(s)}/v1`, model: 'llama3:8b' })).toMatchObject({ window: 2048, trainedWindow: 8192 });
    });

    it('says "no such model" for a model Ollama has not pulled', async () => {
      const s = await serve(ollama);
      expect(await probeServerWindow({ provider: 'ollama', baseURL: root(s), model: 'nope' })).toEqual({ kind: 'unknown', reason: 'no-such-model' });
    });
  });

  it('gives up on a server that does not answer in time, as "timeout"', async () => {
    const s = await serve({ models: [{ id: 'slow', max_model_len: 4096 }], shapes: { lmStudioModels: [{ id: 'slow', loaded_context_length: 4096 }], probeDelayMs: 2000 } });
    expect(await probeServerWindow({ provider: 'lmstudio', baseURL: s.baseURL, model: 'slow' }, 100)).toEqual({ kind: 'unknown', reason: 'timeout' });
  });

  it('says "unreachable" when nothing listens, and "not-supported" for providers without a window endpoint', async () => {
    const s = await serve({});
    const dead = s.baseURL;
    await s.stop();
    server = undefined;
    expect(await probeServerWindow({ provider: 'vllm', baseURL: dead, model: 'm' })).toEqual({ kind: 'unknown', reason: 'unreachable' });
    expect(await probeServerWindow({ provider: 'deepseek', baseURL: 'https://api.deepseek.com', model: 'deepseek-flash' })).toEqual({ kind: 'unknown', reason: 'not-supported' });
  });
});

describe('ServerWindowCache', () => {
  it('answers from memory per (provider, base URL, model), probes once at a time, and reports changes', async () => {
    const s = await serve({ models: [{ id: 'a', max_model_len: 4096 }, { id: 'b', max_model_len: 8192 }] });
    const changes: string[] = [];
    const cache = new ServerWindowCache((query, answer) => changes.push(`${query.model}:${answer.kind === 'known' ? answer.window : answer.reason}`));
    const a: ServerWindowQuery = { provider: 'vllm', baseURL: s.baseURL, model: 'a' };
    expect(cache.lookup(a)).toBeUndefined();
    await Promise.all([cache.refresh(a), cache.refresh(a)]);
    expect(cache.get(a)).toEqual({ kind: 'known', window: 4096, source: 'vllm' });
    expect(cache.get({ ...a, model: 'b' })).toBeUndefined();
    expect(s.requests()).toHaveLength(1);
    await cache.refresh(a);
    expect(changes).toEqual(['a:4096']);
  });
});
