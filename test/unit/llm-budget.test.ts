import { describe, expect, it } from 'vitest';
import {
  calibratedBudget,
  isContextLengthError,
  MemoryCalibrationStore,
  parseContextOverflow,
  smallerBudget,
  stateCalibrationStore,
  TokenCalibrator,
  updateCalibration,
  type KeyValueState,
} from '../../src/llm';

describe('context-length errors', () => {
  it.each([
    ['context_length_exceeded', 'anything'],
    [undefined, "This model's maximum context length is 65536 tokens. However, you requested 70000 tokens (66000 in the messages, 4000 in the completion)."],
    [undefined, 'prompt is too long: 210000 tokens > 200000 maximum'],
    [undefined, 'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).'],
    [undefined, 'the request exceeds the available context size, try increasing it'],
    [undefined, 'Input length exceeds the context window of this model'],
  ])('recognises code %s / %s', (code, message) => {
    expect(isContextLengthError(code, message)).toBe(true);
  });

  it('does not take other 400s for an overflow', () => {
    expect(isContextLengthError('invalid_value', "Invalid value for 'temperature': must be at most 2.")).toBe(false);
  });

  it('reads the window, the request and the split from the OpenAI wording', () => {
    expect(parseContextOverflow("This model's maximum context length is 8192 tokens. However, you requested 9000 tokens (8000 in the messages, 1000 in the completion).")).toEqual({
      limit: 8192, requested: 9000, promptTokens: 8000, completionTokens: 1000,
    });
  });

  it('reads the Anthropic-style and Gemini wordings', () => {
    expect(parseContextOverflow('prompt is too long: 210,000 tokens > 200,000 maximum')).toEqual({ limit: 200_000, requested: 210_000 });
    expect(parseContextOverflow('The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).')).toEqual({ limit: 1_048_576, requested: 1_200_000 });
  });
});

describe('smallerBudget', () => {
  it('scales the prompt share to what the window leaves after the completion allowance', () => {
    const text = "maximum context length is 8192 tokens. However, you requested 9000 tokens (8000 in the messages, 1000 in the completion)";
    // (8192 − 1000) / 8000 × 0.95 of the budget
    expect(smallerBudget(text, 8000)).toBe(Math.floor(8000 * (7192 / 8000) * 0.95));
  });

  it('scales by limit over requested when only those are stated', () => {
    expect(smallerBudget('prompt is too long: 250000 tokens > 200000 maximum', 240_000)).toBe(Math.floor(240_000 * 0.8 * 0.95));
  });

  it('shrinks by a quarter when the error states no numbers', () => {
    expect(smallerBudget('the request exceeds the available context size', 100_000)).toBe(75_000);
  });

  it('always returns less than it was given', () => {
    expect(smallerBudget('maximum context length is 8192 tokens. However, you requested 8193 tokens', 1000)).toBeLessThan(1000);
    expect(smallerBudget('anything', 1)).toBe(0);
  });
});

describe('token calibration', () => {
  it('takes the first observation as is and smooths later ones', () => {
    const first = updateCalibration(undefined, 10_000, 12_000);
    expect(first).toEqual({ ratio: 1.2, samples: 1 });
    const second = updateCalibration(first, 10_000, 10_000);
    expect(second?.ratio).toBeCloseTo(1.2 + 0.3 * (1.0 - 1.2), 10);
    expect(second?.samples).toBe(2);
  });

  it('ignores tiny prompts and absurd ratios', () => {
    const record = { ratio: 1.1, samples: 3 };
    expect(updateCalibration(record, 200, 400)).toBe(record);
    expect(updateCalibration(record, 10_000, 90_000)).toBe(record);
    expect(updateCalibration(record, 10_000, 0)).toBe(record);
  });

  it('sizes the budget as window over ratio, bounded', () => {
    expect(calibratedBudget(128_000, undefined)).toBe(128_000);
    expect(calibratedBudget(128_000, 1.25)).toBe(102_400);
    expect(calibratedBudget(128_000, 0.8)).toBe(160_000);
    expect(calibratedBudget(100_000, 10)).toBe(40_000);
  });

  it('keeps one ratio per model in the store it is given', () => {
    const store = new MemoryCalibrationStore();
    const calibrator = new TokenCalibrator(store);
    calibrator.record('deepseek-chat', 50_000, 55_000);
    calibrator.record('gpt-4.1', 50_000, 50_000);
    expect(store.get('deepseek-chat')).toEqual({ ratio: 1.1, samples: 1 });
    expect(calibrator.budget('deepseek-chat', 110_000)).toBe(100_000);
    expect(calibrator.budget('gpt-4.1', 110_000)).toBe(110_000);
    expect(calibrator.budget('unseen', 110_000)).toBe(110_000);
  });
});

describe('request shape', () => {
  it('asks OpenAI itself for max_completion_tokens and everyone else for max_tokens', async () => {
    const { initialShape, requestBody } = await import('../../src/llm/requestShape');
    const body = (baseURL: string): Record<string, unknown> => ({ ...requestBody({ baseURL, model: 'm', messages: [], maxOutputTokens: 10 }, initialShape({ baseURL, model: 'm', messages: [] })) });
    expect(body('https://api.openai.com/v1')).toMatchObject({ max_completion_tokens: 10 });
    expect(body('https://api.deepseek.com')).toMatchObject({ max_tokens: 10 });
    expect(body('https://api.deepseek.com')).not.toHaveProperty('max_completion_tokens');
  });
});

describe('calibration kept in a key-value state', () => {
  function fakeState(initial: Record<string, unknown> = {}): KeyValueState & { data: Map<string, unknown> } {
    const data = new Map(Object.entries(initial));
    return {
      data,
      get: <T,>(key: string) => data.get(key) as T | undefined,
      update: async (key: string, value: unknown) => void data.set(key, structuredClone(value)),
    };
  }

  it('keeps every model under one key and reads it back', async () => {
    const state = fakeState();
    const store = stateCalibrationStore(state);
    await store.set('deepseek-chat', { ratio: 1.1, samples: 2 });
    await store.set('gpt-4.1', { ratio: 0.9, samples: 1 });
    expect(state.data.get('tome.tokenCalibration')).toEqual({ 'deepseek-chat': { ratio: 1.1, samples: 2 }, 'gpt-4.1': { ratio: 0.9, samples: 1 } });
    expect(stateCalibrationStore(state).get('deepseek-chat')).toEqual({ ratio: 1.1, samples: 2 });
  });

  it('reads malformed stored data as not calibrated', () => {
    expect(stateCalibrationStore(fakeState({ 'tome.tokenCalibration': 'garbage' })).get('m')).toBeUndefined();
    expect(stateCalibrationStore(fakeState({ 'tome.tokenCalibration': { m: { ratio: -1, samples: 1 } } })).get('m')).toBeUndefined();
    expect(stateCalibrationStore(fakeState({ 'tome.tokenCalibration': { m: { ratio: 'x' } } })).get('m')).toBeUndefined();
  });
});
