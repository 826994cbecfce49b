import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatSession } from '../../src/chat/chatSession';
import type { AnswerEvent } from '../../src/chat/chatTypes';
import type { HostMessage } from '../../src/shared/protocol';
import { createHarness, type Harness, type Script } from '../support/chatSessionHarness';

let dir: string;
let h: Harness;
let recorded: Array<[number, number]>;

/** A codebase of about 90,000 tokens (one token per character in the harness). */
const BIG_FILE = 'x'.repeat(90_000);

function billed(inputTokens: number): Script {
  return async function* (): AsyncIterable<AnswerEvent> {
    yield { type: 'text', text: 'An answer from the tail of the prompt.' };
    yield { type: 'usage', inputTokens, outputTokens: 12, cachedTokens: 0 };
    yield { type: 'done' };
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tome-truncation-'));
  h = createHarness(dir);
  h.files = new Map([['big.ts', BIG_FILE]]);
  h.deps.model = () => ({ model: 'qwen2.5-coder:7b', contextWindow: 200_000, maxOutputTokens: 1000 });
  recorded = [];
  h.deps.recordPromptTokens = (estimated, billedTokens) => recorded.push([estimated, billedTokens]);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ofType = <T extends HostMessage['type']>(type: T) => h.posted.filter((m): m is Extract<HostMessage, { type: T }> => m.type === type);

describe('a prompt the server cut', () => {
  it('warns on that answer with both numbers when 4,096 tokens are billed for a 90,000-token pack, and leaves calibration alone', async () => {
    const session = new ChatSession(h.deps);
    h.scripts.push(billed(4096));
    await session.ask('r1', 'Where is billing?');
    const sent = ofType('answerDone')[0];
    expect(sent?.usage?.inputTokens).toBe(4096);
    const [warning] = ofType('answerWarning');
    expect(warning?.requestId).toBe('r1');
    expect(warning?.text).toMatch(/^cut: read 4096 of 9\d{4}$/);
    expect(session.current.turns[0]?.warnings).toEqual([warning?.text]);
    expect(session.current.turns[0]?.status).toBe('complete');
    expect(recorded).toEqual([]);
  });

  it('calibrates, without a warning, when the bill is within what tokenizers differ by', async () => {
    const session = new ChatSession(h.deps);
    h.scripts.push(billed(99_000));
    await session.ask('r1', 'Where is billing?');
    expect(ofType('answerWarning')).toEqual([]);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.[1]).toBe(99_000);
  });

  it('shows the warning from the host before sending, and sends anyway', async () => {
    const seen: number[] = [];
    h.deps.preSendWarning = (tokens) => {
      seen.push(tokens);
      return tokens > 4096 ? `too big for 4096: ${tokens}` : undefined;
    };
    const session = new ChatSession(h.deps);
    h.scripts.push(billed(90_100));
    await session.ask('r1', 'Q');
    expect(seen).toHaveLength(1);
    expect(ofType('answerWarning').map((m) => m.text)).toEqual([`too big for 4096: ${seen[0] ?? 0}`]);
    const order = h.posted.map((m) => m.type);
    expect(order.indexOf('answerWarning')).toBeLessThan(order.indexOf('answerChunk'));
    expect(h.sent).toHaveLength(1);
  });

  it('prices the answer at the rate in force when it was sent, and keeps which rate it was', async () => {
    h.deps.costNow = (usage) => ({ cost: usage.inputTokens / 1e6, rate: 'off-peak' });
    const session = new ChatSession(h.deps);
    h.scripts.push(billed(90_000));
    await session.ask('r1', 'Q');
    expect(ofType('answerDone')[0]?.usage).toMatchObject({ cost: 0.09, rate: 'off-peak' });
  });
});
