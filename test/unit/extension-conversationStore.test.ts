import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationStore, MAX_STORED_CHATS, titleFromQuestion } from '../../src/chat/conversationStore';
import { fullDiskAfter } from '../support/failingFs';
import { MemoryState } from '../support/memoryState';


let dir: string;
let clock = 0;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tome-store-'));
  clock = 1000;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function newStore(state = new MemoryState()) {
  return new ConversationStore(state, join(dir, 'chats'), () => clock++);
}

const turn = (question: string, status: 'complete' | 'streaming' = 'complete') => ({ id: `t-${question}`, question, answer: `answer to ${question}`, status, notices: [] });

describe('ConversationStore', () => {
  it('lists chats newest first and leaves empty ones out', async () => {
    const store = newStore();
    const a = store.create('a', { kind: 'workspace' });
    const b = store.create('b', { kind: 'workspace' });
    const empty = store.create('c', { kind: 'workspace' });
    await store.save({ ...a, title: 'A', turns: [turn('1')] });
    await store.save({ ...b, title: 'B', turns: [turn('2'), turn('3')] });
    await store.save(empty);
    expect(store.list().map((c) => [c.id, c.turnCount])).toEqual([['b', 2], ['a', 1]]);
  });

  it('reads a turn left streaming by a closed window as incomplete', async () => {
    const state = new MemoryState();
    const store = newStore(state);
    await store.save({ ...store.create('a', { kind: 'workspace' }), turns: [turn('q', 'streaming')] });
    expect(newStore(state).get('a')?.turns[0]?.status).toBe('incomplete');
  });

  it('keeps the packed context byte for byte', async () => {
    const store = newStore();
    const text = 'line\r\nünïcode 🙂 \u0000 end';
    await store.writeContext('a', text);
    expect(await store.readContext('a')).toBe(text);
    expect(await store.readContext('missing')).toBeUndefined();
  });

  it('deletes a chat with its context file', async () => {
    const store = newStore();
    await store.save({ ...store.create('a', { kind: 'workspace' }), turns: [turn('q')] });
    await store.writeContext('a', 'ctx');
    await store.delete('a');
    expect(store.get('a')).toBeUndefined();
    expect(await store.readContext('a')).toBeUndefined();
  });

  it(`keeps at most ${MAX_STORED_CHATS} chats, dropping the oldest and their context files`, async () => {
    const store = newStore();
    for (let i = 0; i < MAX_STORED_CHATS + 3; i++) {
      await store.save({ ...store.create(`c${i}`, { kind: 'workspace' }), turns: [turn(String(i))] });
      await store.writeContext(`c${i}`, 'x');
    }
    expect(store.all()).toHaveLength(MAX_STORED_CHATS);
    expect(store.get('c0')).toBeUndefined();
    expect(store.get(`c${MAX_STORED_CHATS + 2}`)).toBeDefined();
    expect(readdirSync(join(dir, 'chats'))).toHaveLength(MAX_STORED_CHATS);
  });

  it('refuses chat ids that could name a path outside its folder', async () => {
    const store = newStore();
    await expect(store.writeContext('../escape', 'x')).rejects.toThrow(/Invalid chat id/);
    expect(existsSync(join(dir, 'escape.context.txt'))).toBe(false);
  });

  it('remembers the active chat', async () => {
    const state = new MemoryState();
    await newStore(state).setActive('abc');
    expect(newStore(state).activeId()).toBe('abc');
  });
});

describe('titleFromQuestion', () => {
  it('keeps short questions on one line and cuts long ones at a word', () => {
    expect(titleFromQuestion('What does\n  main do?')).toBe('What does main do?');
    const long = titleFromQuestion('How does the billing module compute taxes for customers in different regions and currencies?');
    expect(long.length).toBeLessThanOrEqual(61);
    expect(long.endsWith('…')).toBe(true);
    expect(long).not.toMatch(/\s…$/);
  });
});

describe('ConversationStore with damaged state', () => {
  const good = (id: string, at: number) => ({ id, title: id, createdAt: at, updatedAt: at, scope: { kind: 'workspace' }, turns: [turn(id)] });

  it('opens the readable conversations and counts the one it cannot read', async () => {
    const state = new MemoryState();
    await state.update('tome.chats.v1', [good('a', 1), { id: 'b', title: 'cut', turns: [{ id: 't', question: 'q' }] }, good('c', 2)]);
    const store = newStore(state);
    expect(store.list().map((c) => c.id)).toEqual(['c', 'a']);
    expect(store.unreadableCount()).toBe(1);
  });

  it('keeps the unreadable entry untouched when the others are saved or deleted', async () => {
    const state = new MemoryState();
    const broken = { id: 'b', turns: 'not a list' };
    await state.update('tome.chats.v1', [good('a', 1), broken]);
    const store = newStore(state);
    await store.save({ ...store.create('n', { kind: 'workspace' }), turns: [turn('new')] });
    await store.delete('a');
    expect(state.get<unknown[]>('tome.chats.v1')).toContainEqual(broken);
    expect(store.list().map((c) => c.id)).toEqual(['n']);
    expect(store.unreadableCount()).toBe(1);
  });

  it('reads a stored list that is not a list as no conversations and says so', () => {
    const state = new MemoryState();
    state.values.set('tome.chats.v1', '{"truncated json');
    const store = newStore(state);
    expect(store.list()).toEqual([]);
    expect(store.unreadableCount()).toBe(1);
  });

  it('does not hand back a context file cut short', async () => {
    const store = newStore();
    await store.writeContext('a', 'the whole packed codebase');
    const file = join(dir, 'chats', 'a.context.txt');
    const whole = readFileSync(file, 'utf8');
    writeFileSync(file, whole.slice(0, -5));
    expect(await store.readContext('a')).toBeUndefined();
  });

  it('still reads a context file written before files had a header', async () => {
    const store = newStore();
    await store.writeContext('a', 'x');
    writeFileSync(join(dir, 'chats', 'a.context.txt'), '<tome_pack>old</tome_pack>');
    expect(await store.readContext('a')).toBe('<tome_pack>old</tome_pack>');
  });

  it('keeps the earlier context whole when the disk fills during a write', async () => {
    const store = newStore();
    await store.writeContext('a', 'first pack');
    const full = new ConversationStore(new MemoryState(), join(dir, 'chats'), () => clock++, fullDiskAfter(8));
    await expect(full.writeContext('a', 'second, longer pack')).rejects.toMatchObject({ kind: 'disk-full' });
    expect(await store.readContext('a')).toBe('first pack');
    expect(readdirSync(join(dir, 'chats'))).toEqual(['a.context.txt']);
  });
});
