import { afterEach, describe, expect, it } from 'vitest';
import { exceedsServedContext, modelInfoFrom } from '../../src/chat/modelWindow';
import { resolveModel } from '../../src/llm/presets';
import { probeServerWindow } from '../../src/llm/serverWindow';
import { startOpenAIServer, type OpenAIServer } from '../support/openaiServer';

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const settings = { contextWindow: 0, maxOutputTokens: 8192 };

describe('the window Tome plans with', () => {
  it('uses the window vLLM reports for a model no preset knows', async () => {
    server = await startOpenAIServer({ models: [{ id: 'my-finetune', max_model_len: 131_072 }] });
    const answer = await probeServerWindow({ provider: 'vllm', baseURL: server.baseURL, model: 'my-finetune' });
    const info = modelInfoFrom(settings, answer, resolveModel('vllm', 'my-finetune'));
    expect(info).toEqual({ model: 'my-finetune', contextWindow: 131_072, maxOutputTokens: 8192, windowSource: { kind: 'server', server: 'vllm' } });
  });

  it('lets tome.contextWindow win over what the server says', async () => {
    server = await startOpenAIServer({ models: [{ id: 'my-finetune', max_model_len: 131_072 }] });
    const answer = await probeServerWindow({ provider: 'vllm', baseURL: server.baseURL, model: 'my-finetune' });
    expect(modelInfoFrom({ ...settings, contextWindow: 50_000 }, answer, resolveModel('vllm', 'my-finetune'))).toMatchObject({ contextWindow: 50_000, windowSource: { kind: 'setting' } });
  });

  it('falls back to the preset when the server does not answer the probe, and says the window is unknown for a model it does not know', async () => {
    const dead = await startOpenAIServer();
    const url = dead.baseURL;
    await dead.stop();
    const answer = await probeServerWindow({ provider: 'vllm', baseURL: url, model: 'my-finetune' });
    expect(modelInfoFrom(settings, answer, resolveModel('vllm', 'my-finetune'))).toMatchObject({ contextWindow: 32_768, windowSource: { kind: 'unknown', reason: 'unreachable' } });
    expect(modelInfoFrom(settings, undefined, resolveModel('deepseek', ''))).toMatchObject({ model: 'deepseek-flash', contextWindow: 1_000_000, windowSource: { kind: 'preset' } });
  });

  it('keeps the served context beside the window and leaves a small window room to pack', () => {
    const info = modelInfoFrom(settings, { kind: 'known', window: 4096, source: 'ollama', servedWindow: 4096, trainedWindow: 32_768 }, resolveModel('ollama', 'qwen2.5-coder:7b'));
    expect(info).toMatchObject({ contextWindow: 4096, servedWindow: 4096, maxOutputTokens: 1024 });
  });

  it('takes the longest answer from the server when it states one', () => {
    const info = modelInfoFrom({ contextWindow: 0, maxOutputTokens: 100_000 }, { kind: 'known', window: 1_048_576, source: 'gemini', maxOutputTokens: 65_536 }, resolveModel('gemini', 'gemini-3.8-flash'));
    expect(info.maxOutputTokens).toBe(65_536);
  });
});

describe('the warning before sending more than Ollama serves', () => {
  const served = { servedWindow: 4096 };
  it('applies to Ollama\'s OpenAI-compatible /v1 URL when the prompt is larger than the served context', () => {
    expect(exceedsServedContext(9000, served, { provider: 'ollama', baseUrl: 'http://localhost:11434/v1' })).toBe(true);
    expect(exceedsServedContext(4000, served, { provider: 'ollama', baseUrl: 'http://localhost:11434/v1' })).toBe(false);
  });

  it('does not apply to the native URL (Tome sizes num_ctx), to other servers, or when the served context is unknown', () => {
    expect(exceedsServedContext(9000, served, { provider: 'ollama', baseUrl: '' })).toBe(false);
    expect(exceedsServedContext(9000, served, { provider: 'ollama', baseUrl: 'http://gpu-box:11434' })).toBe(false);
    expect(exceedsServedContext(9000, served, { provider: 'lmstudio', baseUrl: 'http://localhost:1234/v1' })).toBe(false);
    expect(exceedsServedContext(9000, {}, { provider: 'ollama', baseUrl: 'http://localhost:11434/v1' })).toBe(false);
  });
});
