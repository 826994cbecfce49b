import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectTruncation, MemoryCalibrationStore, streamChat, TokenCalibrator, type ChatUsage } from '../../src/llm';
import { startOpenAIServer, type OpenAIServer } from '../support/openaiServer';

let server: OpenAIServer;
beforeAll(async () => {
  // An Ollama behind its OpenAI-compatible URL, running the model with a 4,096-token context.
  server = await startOpenAIServer({ shapes: { ollama: [{ name: 'qwen2.5-coder:7b', servedContext: 4096 }] } });
});
afterAll(() => server.stop());

describe('detecting a cut prompt', () => {
  it('flags a bill far below what was sent, and nothing within the tokenizer band', () => {
    expect(detectTruncation(90_000, 4096)).toEqual({ kind: 'prompt-truncated', sentTokens: 90_000, billedTokens: 4096 });
    expect(detectTruncation(90_000, 46_000)).toBeUndefined();
    expect(detectTruncation(90_000, 120_000)).toBeUndefined();
  });

  it('leaves small prompts and missing bills alone', () => {
    expect(detectTruncation(800, 100)).toBeUndefined();
    expect(detectTruncation(90_000, 0)).toBeUndefined();
  });

  it('catches a truncating server that bills 4,096 prompt tokens for a 90,000-token pack, and calibration ignores it', async () => {
    const pack = 'x'.repeat(360_000); // 90,000 tokens at the server's four characters a token
    let usage: ChatUsage | undefined;
    for await (const event of streamChat({ baseURL: server.baseURL, model: 'qwen2.5-coder:7b', messages: [{ role: 'user', content: pack }] })) {
      if (event.type === 'usage') usage = event.usage;
    }
    expect(usage?.promptTokens).toBe(4096);
    expect(detectTruncation(90_000, usage?.promptTokens ?? 0)).toMatchObject({ sentTokens: 90_000, billedTokens: 4096 });
    const calibrator = new TokenCalibrator(new MemoryCalibrationStore());
    calibrator.record('qwen2.5-coder:7b', 90_000, 4096);
    expect(calibrator.ratio('qwen2.5-coder:7b')).toBeUndefined();
  });
});
