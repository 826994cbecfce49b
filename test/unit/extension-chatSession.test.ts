import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostMessage } from '../../src/shared/protocol';
import { SYSTEM_PROMPT } from '../../src/chat/chatMessages';
import { ChatSession } from '../../src/chat/chatSession';
import { ConversationStore } from '../../src/chat/conversationStore';
import { fullDiskAfter } from '../support/failingFs';
import { MemoryState } from '../support/memoryState';
import { answer, createHarness, failing, FailureWithKind, fakePack, type Harness } from '../support/chatSessionHarness';

let dir: string;
let h: Harness;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tome-session-'));
  h = createHarness(dir);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ofType = <T extends HostMessage['type']>(type: T) => h.posted.filter((m): m is Extract<HostMessage, { type: T }> => m.type === type);

describe('ChatSession', () => {
  it('sends the system prompt, the packed codebase, then the question, and streams the answer', async () => {
    const session = new ChatSession(h.deps);
    h.scripts.push(answer('Hello', ' **world**'));
    await session.ask('r1', 'What is a?');
    const [messages] = h.sent;
    expect(messages?.map((m) => m.role)).toEqual(['system', 'user', 'user']);
    expect(messages?.[0]?.content).toBe(SYSTEM_PROMPT);
    expect(messages?.[1]?.content).toContain('<file path="a.ts">');
    expect(messages?.[2]?.content).toBe('What is a?');
    expect(ofType('answerChunk').map((m) => m.text).join('')).toBe('Hello **world**');
    const done = ofType('answerDone')[0];
    expect(done).toMatchObject({ requestId: 'r1', stopped: false, usage: { inputTokens: 1000, cachedTokens: 900, outputTokens: 20, cost: 0.001 } });
    expect(session.current.turns[0]).toMatchObject({ status: 'complete', answer: 'Hello **world**' });
    expect(session.current.title).toBe('What is a?');
  });

  it('ranks files by the first question and packs within the window minus the answer', async () => {
    const session = new ChatSession(h.deps);
    h.scripts.push(answer('ok'));
    await session.ask('r1', 'Where is billing?');
    expect(h.requests[0]).toMatchObject({ roots: ['/ws'], query: 'Where is billing?', budget: 39_000 });
    expect(h.requests[0]?.reserve).toBeGreaterThan('Where is billing?'.length);
  });

  it('reuses the byte-identical packed context for a follow-up, with the earlier turn after it', async () => {
    const session = new ChatSession(h.deps);
    h.scripts.push(answer('first answer'), answer('second answer'));
    await session.ask('r1', 'Q1');
    await session.ask('r2', 'Q2');
    const [first, second] = h.sent;
    expect(second?.[1]?.content).toBe(first?.[1]?.content);
    expect(second?.slice(2).map((m) => [m.role, m.content])).toEqual([['user', 'Q1'], ['assistant', 'first answer'], ['user', 'Q2']]);
    expect(h.requests[1]).toEqual(h.requests[0]);
    expect(ofType('answerNotice')).toEqual([]);
  });

  it('packs again and says so when files changed between questions', async () => {
    const session = new ChatSession(h.deps);
    h.scripts.push(answer('one'), answer('two'));
    await session.ask('r1', 'Q1');
    h.files.set('a.ts', 'export const a = 2;');
    await session.ask('r2', 'Q2');
    expect(h.sent[1]?.[1]?.content).toContain('export const a = 2;');
    expect(ofType('answerNotice').map((m) => m.text)).toEqual(['files changed']);
  });

  it('re-packs with a smaller budget and retries once after a context-length error', async () => {
    const session = new ChatSession(h.deps);
    h.scripts.push(failing('context-length'), answer('fits now'));
    await session.ask('r1', 'Q');
    expect(h.sent).toHaveLength(2);
    const firstLimit = (h.requests[0]?.budget ?? 0) - (h.requests[0]?.reserve ?? 0);
    const secondLimit = (h.requests[1]?.budget ?? 0) - (h.requests[1]?.reserve ?? 0);
    expect(secondLimit).toBeLessThan(firstLimit);
    expect(ofType('answerNotice')[0]?.text).toMatch(/^smaller \d+$/);
    expect(Number(ofType('answerNotice')[0]?.text.split(' ')[1])).toBe(h.sent[1]?.[1]?.content.length);
    expect(session.current.turns[0]).toMatchObject({ status: 'complete', answer: 'fits now' });
  });

  it('does not retry, and says the question cannot fit, when the re-pack comes out no smaller', async () => {
    // A pack that cannot shrink: whatever the budget, it holds every file.
    const unshrinkable = fakePack(h);
    h.deps.pack = (request) => unshrinkable({ ...request, budget: null });
    const session = new ChatSession(h.deps);
    h.scripts.push(failing('context-length'), answer('never asked'));
    await session.ask('r1', 'Q');
    expect(h.requests).toHaveLength(2);
    expect(h.sent).toHaveLength(1);
    const packedTokens = h.sent[0]?.[1]?.content.length ?? 0;
    expect(ofType('answerNotice')).toEqual([]);
    expect(ofType('answerError')[0]).toMatchObject({ requestId: 'r1', message: `cannot fit ${packedTokens}`, nextStep: 'narrow the scope', partial: false });
    expect(session.current.turns[0]).toMatchObject({ status: 'error', error: { message: `cannot fit ${packedTokens}` } });
  });

  it('streams reasoning apart from the answer, stores it with the turn, and never sends it back', async () => {
    const session = new ChatSession(h.deps);
    h.scripts.push(async function* () {
      yield { type: 'reasoning', text: 'Look at a.ts, ' };
      yield { type: 'reasoning', text: 'then b.ts.' };
      yield { type: 'text', text: 'a is 1.' };
      yield { type: 'done' };
    }, answer('second'));
    await session.ask('r1', 'Q1');
    expect(ofType('reasoningChunk').map((m) => [m.requestId, m.text])).toEqual([['r1', 'Look at a.ts, '], ['r1', 'then b.ts.']]);
    expect(ofType('answerChunk').map((m) => m.text).join('')).toBe('a is 1.');
    expect(session.current.turns[0]).toMatchObject({ answer: 'a is 1.', reasoning: 'Look at a.ts, then b.ts.', status: 'complete' });

    const reloaded = new ChatSession(h.deps);
    expect(reloaded.current.turns[0]?.reasoning).toBe('Look at a.ts, then b.ts.');
    await reloaded.ask('r2', 'Q2');
    const followUp = h.sent[1] ?? [];
    expect(followUp.slice(2).map((m) => [m.role, m.content])).toEqual([['user', 'Q1'], ['assistant', 'a is 1.'], ['user', 'Q2']]);
    expect(followUp.some((m) => m.content.includes('Look at a.ts'))).toBe(false);
  });

  it('gives up after the one retry when the prompt is still too long', async () => {
    const session = new ChatSession(h.deps);
    h.scripts.push(failing('context-length'), failing('context-length'));
    await session.ask('r1', 'Q');
    expect(h.sent).toHaveLength(2);
    expect(ofType('answerError')[0]).toMatchObject({ requestId: 'r1', partial: false });
    expect(session.current.turns[0]?.status).toBe('error');
  });

  it('keeps a partial answer and marks it incomplete when the stream dies midway', async () => {
    const session = new ChatSession(h.deps);
    h.scripts.push(failing('other', 'The answer starts'));
    await session.ask('r1', 'Q');
    expect(ofType('answerError')[0]).toMatchObject({ partial: true });
    expect(session.current.turns[0]).toMatchObject({ status: 'incomplete', answer: 'The answer starts' });
  });

  it('marks the answer incomplete when the client reports an early end', async () => {
    const session = new ChatSession(h.deps);
    h.scripts.push(async function* () {
      yield { type: 'text', text: 'half' };
      yield { type: 'done', outcome: 'incomplete', reason: 'socket closed' };
    });
    await session.ask('r1', 'Q');
    expect(ofType('answerError')[0]).toMatchObject({ message: 'ended early socket closed', partial: true });
    expect(session.current.turns[0]).toMatchObject({ status: 'incomplete', answer: 'half' });
  });

  it('treats a cancelled outcome as a stop', async () => {
    const session = new ChatSession(h.deps);
    h.scripts.push(async function* () {
      yield { type: 'text', text: 'some' };
      yield { type: 'done', outcome: 'cancelled' };
    });
    await session.ask('r1', 'Q');
    expect(ofType('answerDone')[0]).toMatchObject({ stopped: true });
    expect(session.current.turns[0]?.status).toBe('stopped');
  });

  it('lets the client pick the retry size from the provider\'s words', async () => {
    const seen: Array<[string, number]> = [];
    h.deps.smallerPackShare = (text, share) => {
      seen.push([text, share]);
      return 10;
    };
    h.deps.describeFailure = (error) => ({ kind: error instanceof FailureWithKind ? error.kind : 'other', message: 'too long', nextStep: 'n', overflowText: 'maximum context length is 100' });
    const session = new ChatSession(h.deps);
    h.scripts.push(failing('context-length'), answer('ok'));
    await session.ask('r1', 'Q');
    expect(seen[0]?.[0]).toBe('maximum context length is 100');
    expect((h.requests[1]?.budget ?? 0) - (h.requests[1]?.reserve ?? 0)).toBe(10);
  });

  it('packs within the calibrated budget and records billed against estimated prompt tokens', async () => {
    const recorded: Array<[number, number]> = [];
    h.deps.calibratedBudget = (providerTokens) => Math.floor(providerTokens / 1.25);
    h.deps.recordPromptTokens = (estimated, billed) => recorded.push([estimated, billed]);
    const session = new ChatSession(h.deps);
    h.scripts.push(answer('ok'));
    await session.ask('r1', 'Q');
    expect(h.requests[0]?.budget).toBe(Math.floor(39_000 / 1.25));
    const packedTokens = h.sent[0]?.[1]?.content.length ?? 0;
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.[1]).toBe(1000);
    expect(recorded[0]?.[0]).toBeGreaterThan(packedTokens);
  });

  it('previews the budget a first question would get, then the conversation\'s own', async () => {
    const session = new ChatSession(h.deps);
    expect(session.previewBudget()).toMatchObject({ budget: 39_000, query: '' });
    h.scripts.push(answer('ok'));
    await session.ask('r1', 'Where?');
    expect(session.previewBudget()).toEqual({ budget: h.requests[0]?.budget, reserve: h.requests[0]?.reserve, query: 'Where?' });
  });

  it('offers Set API Key on an authentication error', async () => {
    const session = new ChatSession(h.deps);
    h.scripts.push(failing('auth'));
    await session.ask('r1', 'Q');
    expect(ofType('answerError')[0]).toMatchObject({ action: 'setApiKey', nextStep: 'try again' });
    expect(session.current.turns[0]?.error?.action).toBe('setApiKey');
  });

  it('stops the request with that id, keeping the partial answer', async () => {
    const session = new ChatSession(h.deps);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    h.scripts.push(async function* (_messages, signal) {
      yield { type: 'text', text: 'partial ' };
      await gate;
      if (signal.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      yield { type: 'text', text: 'never shown' };
    });
    const asking = session.ask('r1', 'Q');
    while (ofType('answerChunk').length === 0) await new Promise((r) => setTimeout(r, 1));
    session.stop('r1');
    release();
    await asking;
    expect(ofType('answerDone')[0]).toMatchObject({ requestId: 'r1', stopped: true });
    expect(session.current.turns[0]).toMatchObject({ status: 'stopped', answer: 'partial ' });
  });

  it('packs nothing and sends nothing in an untrusted workspace', async () => {
    h.trusted = false;
    const session = new ChatSession(h.deps);
    await session.ask('r1', 'Q');
    expect(h.requests).toEqual([]);
    expect(h.sent).toEqual([]);
    expect(ofType('answerError')[0]).toMatchObject({ message: 'untrusted', partial: false });
  });

  it('survives a reload: a new session over the same storage reopens the conversation and its context', async () => {
    const first = new ChatSession(h.deps);
    h.scripts.push(answer('kept'), answer('again'));
    await first.ask('r1', 'Q1');
    const reloaded = new ChatSession(h.deps);
    expect(reloaded.current.id).toBe(first.current.id);
    expect(reloaded.current.turns.map((t) => t.answer)).toEqual(['kept']);
    await reloaded.ask('r2', 'Q2');
    expect(h.sent[1]?.[1]?.content).toBe(h.sent[0]?.[1]?.content);
    expect(reloaded.listChats()).toHaveLength(1);
  });

  it('starts a new chat about a folder when the current one has turns', async () => {
    const session = new ChatSession(h.deps);
    h.scripts.push(answer('x'));
    await session.ask('r1', 'Q1');
    const before = session.current.id;
    await session.setScope({ kind: 'folder', absPath: '/ws/src', label: 'src' });
    expect(session.current.id).not.toBe(before);
    expect(session.current.scope).toEqual({ kind: 'folder', absPath: '/ws/src', label: 'src' });
    h.scripts.push(answer('y'));
    await session.ask('r2', 'Q2');
    expect(h.requests.at(-1)).toMatchObject({ roots: ['/ws'], focus: ['/ws/src'] });
  });
});

describe('ChatSession with damaged or full storage', () => {
  it('says once, on opening, how many stored conversations could not be read, and opens the rest', async () => {
    const state = new MemoryState();
    const readable = { id: 'ok', title: 'Readable', createdAt: 1, updatedAt: 1, scope: { kind: 'workspace' }, turns: [{ id: 't', question: 'q', answer: 'a', status: 'complete', notices: [] }] };
    await state.update('tome.chats.v1', [readable, { id: 'broken', turns: null }]);
    const warnings: string[] = [];
    const session = new ChatSession({ ...h.deps, store: new ConversationStore(state, join(dir, 'chats')), warn: (m) => warnings.push(m) });
    expect(warnings).toEqual(['1 unreadable']);
    expect(session.listChats().map((c) => c.id)).toEqual(['ok']);
  });

  it('answers even when the disk is too full to keep the packed context, and says so', async () => {
    const warnings: string[] = [];
    const store = new ConversationStore(new MemoryState(), join(dir, 'chats'), Date.now, fullDiskAfter(10));
    const session = new ChatSession({ ...h.deps, store, warn: (m) => warnings.push(m) });
    h.scripts.push(answer('still answered'));
    await session.ask('r1', 'What is a?');
    expect(session.current.turns[0]).toMatchObject({ status: 'complete', answer: 'still answered' });
    expect(warnings).toEqual(['context not saved: disk-full']);
    expect(await store.readContext(session.current.id)).toBeUndefined();
  });
});
