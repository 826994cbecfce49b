import { describe, expect, it } from 'vitest';
import { needsApiKey, PROVIDER_PRESETS, providerPreset, resolveModel } from '../../src/llm';

describe('provider presets', () => {
  it('has each built-in provider once, with an http(s) base URL except Custom', () => {
    const ids = PROVIDER_PRESETS.map((preset) => preset.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['deepseek', 'openai', 'openrouter', 'gemini', 'ollama', 'lmstudio', 'vllm', 'custom']));
    for (const preset of PROVIDER_PRESETS.filter((entry) => entry.id !== 'custom')) {
      expect(new URL(preset.baseURL).protocol).toMatch(/^https?:$/);
    }
    expect(providerPreset('custom').baseURL).toBe('');
  });

  it('uses the documented endpoints', () => {
    expect(providerPreset('deepseek').baseURL).toBe('https://api.deepseek.com');
    expect(providerPreset('gemini').baseURL).toBe('https://generativelanguage.googleapis.com/v1beta/openai/');
    expect(providerPreset('ollama').baseURL).toBe('http://localhost:11434');
    expect(providerPreset('lmstudio').baseURL).toBe('http://localhost:1234/v1');
    expect(providerPreset('vllm').baseURL).toBe('http://localhost:8000/v1');
  });

  it('needs a key for hosted providers and none for local servers', () => {
    expect(['deepseek', 'openai', 'openrouter', 'gemini'].map(needsApiKey)).toEqual([true, true, true, true]);
    expect(['ollama', 'lmstudio', 'vllm', 'custom'].map(needsApiKey)).toEqual([false, false, false, false]);
  });

  it('lists a default model that the preset knows, for hosted providers', () => {
    for (const preset of PROVIDER_PRESETS.filter((entry) => !entry.local && entry.id !== 'custom')) {
      expect(preset.models.map((model) => model.id)).toContain(preset.defaultModel);
    }
  });

  it('gives sane windows and prices: cached input never dearer than input', () => {
    for (const preset of PROVIDER_PRESETS) {
      for (const model of preset.models) {
        expect(model.contextWindow).toBeGreaterThanOrEqual(8_000);
        if (model.maxOutputTokens !== undefined) expect(model.maxOutputTokens).toBeLessThan(model.contextWindow);
        if (model.prices?.cachedInput !== undefined) expect(model.prices.cachedInput).toBeLessThanOrEqual(model.prices.input);
      }
    }
  });

  it('gives DeepSeek users deepseek-flash with a 1M window by default, and V4 Pro beside it', () => {
    expect(resolveModel('deepseek', '')).toMatchObject({ model: 'deepseek-flash', contextWindow: 1_000_000, maxOutputTokens: 384_000, windowKnown: true });
    expect(resolveModel('deepseek', 'deepseek-v4-pro')).toMatchObject({ contextWindow: 1_000_000, maxOutputTokens: 384_000 });
    expect(providerPreset('deepseek').models.map((model) => model.id)).not.toContain('deepseek-chat');
  });

  it('prices DeepSeek at peak rates twice the off-peak ones', () => {
    for (const id of ['deepseek-flash', 'deepseek-v4-pro']) {
      const prices = resolveModel('deepseek', id).prices;
      if (!prices?.offPeak) throw new Error(`${id} has no off-peak rates`);
      expect(prices.input).toBeCloseTo(prices.offPeak.input * 2, 10);
      expect(prices.output).toBeCloseTo(prices.offPeak.output * 2, 10);
      expect(prices.cachedInput).toBeCloseTo((prices.offPeak.cachedInput ?? Number.NaN) * 2, 10);
      expect(prices.peakHours).toBeDefined();
    }
  });

  it('resolves the legacy name deepseek-v4-flash as Flash, billed as Flash', () => {
    expect(resolveModel('deepseek', 'deepseek-v4-flash')).toMatchObject({ model: 'deepseek-v4-flash', contextWindow: 1_000_000, prices: resolveModel('deepseek', 'deepseek-flash').prices });
  });

  it('keeps an unknown model working with an honest "window unknown"', () => {
    expect(resolveModel('deepseek', 'deepseek-chat')).toMatchObject({ model: 'deepseek-chat', windowKnown: false });
    expect(resolveModel('deepseek', 'deepseek-chat').prices).toBeUndefined();
  });

  it('treats unknown local models as free and unknown hosted ones as unpriced', () => {
    expect(resolveModel('ollama', 'qwen2.5-coder:7b')).toEqual({ model: 'qwen2.5-coder:7b', contextWindow: 32_768, windowKnown: false, prices: { input: 0, output: 0 } });
    expect(resolveModel('openai', 'some-new-model').prices).toBeUndefined();
  });

  it('falls back to Custom for a provider id it does not know', () => {
    expect(providerPreset('nonsense').id).toBe('custom');
  });
});
