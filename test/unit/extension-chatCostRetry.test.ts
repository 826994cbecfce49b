import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostMessage } from '../../src/shared/protocol';
import { ChatSession } from '../../src/chat/chatSession';
import { answer, createHarness, failing, type Harness } from '../support/chatSessionHarness';

let dir: string;
let h: Harness;

/** Prices like a hosted model: $1 per million input tokens, $0.10 per million cached. */
const PRICE = 1e-6;
const CACHED_PRICE = 1e-7;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tome-cost-'));
  h = createHarness(dir);
  h.deps.costNow = (usage) => ({ cost: (usage.inputTokens - usage.cachedTokens) * PRICE + usage.cachedTokens * CACHED_PRICE });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ofType = <T extends HostMessage['type']>(type: T) => h.posted.filter((m): m is Extract<HostMessage, { type: T }> => m.type === type);

/** Waits until the session posted a cost question for `requestId`. */
async function costQuestion(requestId = 'r1'): Promise<Extract<HostMessage, { type: 'costConfirm' }>> {
  for (let i = 0; i < 200; i++) {
    const asked = ofType('costConfirm').find((m) => m.requestId === requestId);
    if (asked) return asked;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the session never asked about the cost');
}

describe('cost guard in the chat', () => {
  it('asks before sending a question above the threshold and sends after "Send"', async () => {
    h.deps.confirmAboveCost = () => 0.00001;
    const session = new ChatSession(h.deps);
    h.scripts.push(answer('ok'));
    const asking = session.ask('r1', 'Q1');
    const asked = await costQuestion();
    expect(asked.requestId).toBe('r1');
    expect(asked.cost).toBeCloseTo(asked.tokens * PRICE);
    expect(h.sent).toHaveLength(0);
    session.answerCost('r1', 'send');
    await asking;
    expect(h.sent).toHaveLength(1);
    expect(session.current.turns[0]?.status).toBe('complete');
  });

  it('does not ask below the threshold', async () => {
    h.deps.confirmAboveCost = () => 0.25;
    const session = new ChatSession(h.deps);
    h.scripts.push(answer('ok'));
    await session.ask('r1', 'Q1');
    expect(ofType('costConfirm')).toEqual([]);
    expect(h.sent).toHaveLength(1);
  });

  it('sends nothing on "Cancel" and keeps the question for a retry', async () => {
    h.deps.confirmAboveCost = () => 0.00001;
    const session = new ChatSession(h.deps);
    const asking = session.ask('r1', 'Q1');
    await costQuestion();
    session.answerCost('r1', 'cancel');
    await asking;
    expect(h.sent).toHaveLength(0);
    expect(ofType('answerError')[0]).toMatchObject({ requestId: 'r1', message: 'not sent', partial: false });
    expect(session.current.turns[0]).toMatchObject({ question: 'Q1', status: 'error' });
  });

  it('stops waiting when the question is stopped', async () => {
    h.deps.confirmAboveCost = () => 0.00001;
    const session = new ChatSession(h.deps);
    const asking = session.ask('r1', 'Q1');
    await costQuestion();
    session.stop('r1');
    await asking;
    expect(h.sent).toHaveLength(0);
    expect(ofType('answerDone')[0]).toMatchObject({ requestId: 'r1', stopped: true });
  });

  it('asks once per chat after "Send and don\'t ask again", and again in a new chat', async () => {
    h.deps.confirmAboveCost = () => 0.00001;
    const session = new ChatSession(h.deps);
    h.scripts.push(answer('one'), answer('two'), answer('three'));
    const first = session.ask('r1', 'Q1');
    await costQuestion();
    session.answerCost('r1', 'sendAlways');
    await first;
    await session.ask('r2', 'Q2');
    expect(ofType('costConfirm')).toHaveLength(1);
    await session.newChat();
    const third = session.ask('r3', 'Q3');
    expect((await costQuestion('r3')).requestId).toBe('r3');
    expect(ofType('costConfirm')).toHaveLength(2);
    session.answerCost('r3', 'send');
    await third;
    expect(h.sent).toHaveLength(3);
  });

  it('prices a follow-up on an unchanged pack at the cached rate, so it stays under a threshold the first one was above', async () => {
    const session = new ChatSession(h.deps);
    // The harness bills every answer as 1000 prompt tokens: the follow-up's first 1000 are cached.
    h.scripts.push(answer('first'), answer('second'));
    await session.ask('r1', 'Q1');
    const firstCost = h.deps.costNow?.({ inputTokens: 1100, outputTokens: 0, cachedTokens: 0 }).cost ?? 0;
    h.deps.confirmAboveCost = () => firstCost / 2;
    await session.ask('r2', 'Q2');
    expect(ofType('costConfirm')).toEqual([]);
    expect(h.sent).toHaveLength(2);
  });
});

describe('retry after a failure before sending', () => {
  it('re-asks the same question in place of the failed turn', async () => {
    const session = new ChatSession(h.deps);
    h.scripts.push(failing('auth'), answer('now it works'));
    await session.ask('r1', 'What is a?');
    const failed = session.current.turns[0];
    expect(failed).toMatchObject({ status: 'error', question: 'What is a?' });
    await session.retry('r2', failed?.id ?? '');
    expect(session.current.turns).toHaveLength(1);
    expect(session.current.turns[0]).toMatchObject({ question: 'What is a?', status: 'complete', answer: 'now it works' });
    expect(ofType('answerStart').at(-1)).toMatchObject({ requestId: 'r2', question: 'What is a?' });
  });

  it('retries a question refused in an untrusted workspace once it is trusted', async () => {
    h.trusted = false;
    const session = new ChatSession(h.deps);
    await session.ask('r1', 'Q');
    h.trusted = true;
    h.scripts.push(answer('ok'));
    await session.retry('r2', session.current.turns[0]?.id ?? '');
    expect(session.current.turns.map((t) => t.status)).toEqual(['complete']);
  });

  it('refuses to retry a turn that is not the last failed one, and re-sends the conversation instead', async () => {
    const session = new ChatSession(h.deps);
    h.scripts.push(answer('fine'));
    await session.ask('r1', 'Q');
    const before = h.posted.length;
    await session.retry('r2', session.current.turns[0]?.id ?? '');
    expect(h.sent).toHaveLength(1);
    expect(h.posted.slice(before).some((m) => m.type === 'conversation')).toBe(true);
  });
});
