import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS, isHostMessage, isWebviewMessage } from '../../src/shared/protocol';

describe('isWebviewMessage', () => {
  it.each([
    { type: 'ready' },
    { type: 'send', requestId: 'r1_a-B', text: 'What does main do?' },
    { type: 'stop', requestId: 'r1' },
    { type: 'newChat' },
    { type: 'openChat', chatId: 'abc123' },
    { type: 'deleteChat', chatId: 'abc123' },
    { type: 'clearScope' },
    { type: 'openFile', path: '/work/src/a.ts' },
    { type: 'copyText', text: 'const a = 1;' },
    { type: 'runAction', action: 'setApiKey' },
    { type: 'runAction', action: 'selectModel' },
    { type: 'retry', requestId: 'r2', turnId: 't1' },
    { type: 'setup', action: { kind: 'chooseProvider', provider: 'ollama' } },
    { type: 'setup', action: { kind: 'chooseModel', model: 'qwen3:30b-a3b' } },
    { type: 'setup', action: { kind: 'enterKey' } },
    { type: 'setup', action: { kind: 'setUrl' } },
    { type: 'setup', action: { kind: 'recheck' } },
    { type: 'setup', action: { kind: 'changeProvider' } },
    { type: 'costAnswer', requestId: 'r1', choice: 'sendAlways' },
  ])('accepts $type', (message) => {
    expect(isWebviewMessage(message)).toBe(true);
  });

  it.each([
    ['not an object', 'ready'],
    ['null', null],
    ['an array', [{ type: 'ready' }]],
    ['an unknown type', { type: 'eval', code: '1' }],
    ['an extra field', { type: 'ready', extra: 1 }],
    ['a request id with a quote', { type: 'send', requestId: 'r"1', text: 'hi' }],
    ['a request id that is too long', { type: 'stop', requestId: 'x'.repeat(65) }],
    ['an empty question', { type: 'send', requestId: 'r1', text: '   ' }],
    ['a question that is too long', { type: 'send', requestId: 'r1', text: 'x'.repeat(MAX_QUESTION_CHARS + 1) }],
    ['a non-string question', { type: 'send', requestId: 'r1', text: 42 }],
    ['an action that runs any command', { type: 'runAction', action: 'workbench.action.terminal.new' }],
    ['a chat id path', { type: 'openChat', chatId: '../../etc' }],
    ['an empty path', { type: 'openFile', path: '' }],
    ['a retry without its turn', { type: 'retry', requestId: 'r2' }],
    ['a setup action Tome does not know', { type: 'setup', action: { kind: 'writeSetting', key: 'tome.baseUrl' } }],
    ['a provider id with a slash', { type: 'setup', action: { kind: 'chooseProvider', provider: '../custom' } }],
    ['a setup action with a URL in it', { type: 'setup', action: { kind: 'setUrl', url: 'http://evil.example' } }],
    ['an empty model', { type: 'setup', action: { kind: 'chooseModel', model: ' ' } }],
    ['a model name that is too long', { type: 'setup', action: { kind: 'chooseModel', model: 'm'.repeat(257) } }],
    ['a cost choice Tome does not offer', { type: 'costAnswer', requestId: 'r1', choice: 'always' }],
  ])('rejects %s', (_label, message) => {
    expect(isWebviewMessage(message)).toBe(false);
  });
});

describe('isHostMessage', () => {
  it('accepts a chunk and rejects a chunk without text', () => {
    expect(isHostMessage({ type: 'answerChunk', requestId: 'r1', text: 'x' })).toBe(true);
    expect(isHostMessage({ type: 'answerChunk', requestId: 'r1' })).toBe(false);
  });

  it('accepts a reasoning chunk and rejects one without text or request id', () => {
    expect(isHostMessage({ type: 'reasoningChunk', requestId: 'r1', text: 'thinking…' })).toBe(true);
    expect(isHostMessage({ type: 'reasoningChunk', requestId: 'r1' })).toBe(false);
    expect(isHostMessage({ type: 'reasoningChunk', requestId: 'r1', text: 7 })).toBe(false);
    expect(isHostMessage({ type: 'reasoningChunk', text: 'x' })).toBe(false);
  });

  it('ignores messages that are not Tome messages', () => {
    expect(isHostMessage({ type: 'vscode-theme-changed' })).toBe(false);
    expect(isHostMessage(undefined)).toBe(false);
  });

  it('requires the stopped flag on answerDone', () => {
    expect(isHostMessage({ type: 'answerDone', requestId: 'r1', stopped: false })).toBe(true);
    expect(isHostMessage({ type: 'answerDone', requestId: 'r1' })).toBe(false);
  });
});
