import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackEngine } from '../../src/core/pack/index';
import type { ChatMessage } from '../../src/chat/chatMessages';
import { answerTomeRequest, scopeOf, type ParticipantDeps, type ParticipantModel, type ParticipantStrings } from '../../src/chat/tomeParticipant';
import { countingCounter, fixture } from './packTestSupport';

const ROOT = fixture('pack-basic');

const strings: ParticipantStrings = {
  packing: (label) => `Packing ${label}`,
  asking: (files, tokens) => `Asking about ${files} files (${tokens} tokens)`,
  workspaceLabel: 'the workspace',
  noWorkspace: 'Open a folder first.',
  noFile: 'Name a file.',
  noFolder: 'Name a folder.',
  askSomething: 'Ask a question.',
  packFailed: (d) => `Pack failed: ${d}`,
  modelFailed: (d) => `Model failed: ${d}`,
};

/** A fake of VS Code's ChatResponseStream that records what was written, in order. */
function recordingStream() {
  const events: { kind: 'progress' | 'markdown' | 'reference'; value: string }[] = [];
  return {
    events,
    progress: (value: string) => events.push({ kind: 'progress', value }),
    markdown: (value: string) => events.push({ kind: 'markdown', value }),
    reference: (value: string) => events.push({ kind: 'reference', value }),
    of: (kind: string) => events.filter((e) => e.kind === kind).map((e) => e.value),
  };
}

/** A model that answers in two pieces and keeps the messages it was sent. */
function echoModel(maxInputTokens = 100_000, fail?: Error): ParticipantModel & { sent: ChatMessage[][] } {
  const sent: ChatMessage[][] = [];
  return {
    maxInputTokens,
    sent,
    async *send(messages) {
      sent.push(messages);
      if (fail) throw fail;
      yield 'The answer ';
      yield 'is 6.';
    },
  };
}

function deps(overrides: Partial<ParticipantDeps> = {}): ParticipantDeps {
  const engine = new PackEngine({ tokenCounter: countingCounter() });
  return {
    pack: (request, options) => engine.pack(request, options),
    workspaceFolders: () => [ROOT],
    packSettings: () => ({ encoding: 'o200k_base', format: 'xml', exclude: [], maxFileSize: 1024 * 1024, includeTests: true }),
    activeFile: () => undefined,
    countTokens: (text) => Math.ceil(text.length / 3),
    strings,
    ...overrides,
  };
}

const signal = new AbortController().signal;

describe('@tome', () => {
  it('packs the workspace, lists the packed files as references and streams the model answer', async () => {
    const stream = recordingStream();
    const model = echoModel();
    const outcome = await answerTomeRequest({ prompt: 'what does main print?', referencedPaths: [] }, model, stream, deps(), signal);
    expect(outcome.error).toBeUndefined();
    expect(stream.of('progress')[0]).toBe('Packing the workspace');
    expect(stream.of('reference')).toEqual(expect.arrayContaining([join(ROOT, 'src', 'main.ts'), join(ROOT, 'src', 'lib', 'math.ts')]));
    expect(stream.of('markdown').join('')).toBe('The answer is 6.');
    // References come before the answer, as in VS Code's own participants.
    const kinds = stream.events.map((e) => e.kind);
    expect(kinds.lastIndexOf('reference')).toBeLessThan(kinds.indexOf('markdown'));
    const [messages] = model.sent;
    expect(messages?.[1]?.content).toContain('<file path="src/main.ts"');
    expect(messages?.[1]?.content).not.toContain('AKIAQWERTYUIOPASDFGH');
    expect(messages?.at(-1)).toEqual({ role: 'user', content: 'what does main print?' });
    expect(outcome.packedFiles).toBe(stream.of('reference').length);
  });

  it('scopes /file to a typed path and packs it with what it imports only', async () => {
    const stream = recordingStream();
    const model = echoModel();
    const outcome = await answerTomeRequest({ prompt: 'src/lib/math.ts how does sum work?', command: 'file', referencedPaths: [] }, model, stream, deps(), signal);
    expect(outcome.scope).toMatchObject({ kind: 'file', absPath: join(ROOT, 'src', 'lib', 'math.ts'), label: 'src/lib/math.ts' });
    expect(stream.of('reference')).toEqual([join(ROOT, 'src', 'lib', 'math.ts')]);
    expect(model.sent[0]?.at(-1)?.content).toBe('how does sum work?');
  });

  it('scopes /folder to an attached folder, else to the active file\'s folder', () => {
    const referenced = scopeOf({ prompt: 'explain', command: 'folder', referencedPaths: [join(ROOT, 'src', 'lib')] }, deps());
    expect(referenced.scope).toMatchObject({ kind: 'folder', label: 'src/lib' });
    const active = scopeOf({ prompt: 'explain', command: 'folder', referencedPaths: [] }, deps({ activeFile: () => join(ROOT, 'config', 'settings.json') }));
    expect(active).toMatchObject({ scope: { kind: 'folder', absPath: join(ROOT, 'config') }, question: 'explain' });
  });

  it('sends earlier questions and answers of the chat before the new question', async () => {
    const model = echoModel();
    await answerTomeRequest({ prompt: 'and product?', referencedPaths: [], history: [{ question: 'what does sum do?', answer: 'It adds.' }, { question: 'unanswered', answer: '' }] }, model, recordingStream(), deps(), signal);
    expect(model.sent[0]?.slice(2)).toEqual([
      { role: 'user', content: 'what does sum do?' },
      { role: 'assistant', content: 'It adds.' },
      { role: 'user', content: 'and product?' },
    ]);
  });

  it('asks for a file when /file names none, without packing or calling the model', async () => {
    const stream = recordingStream();
    const model = echoModel();
    const outcome = await answerTomeRequest({ prompt: 'nothing here', command: 'file', referencedPaths: ['/not/in/workspace.ts'] }, model, stream, deps(), signal);
    expect(outcome.error).toBe('Name a file.');
    expect(stream.of('markdown')).toEqual(['Name a file.']);
    expect(model.sent).toHaveLength(0);
  });

  it('fits the pack to the model window and says how much it packed', async () => {
    const stream = recordingStream();
    const outcome = await answerTomeRequest({ prompt: 'summarise', referencedPaths: [] }, echoModel(1200), stream, deps(), signal);
    expect(outcome.packedTokens).toBeLessThanOrEqual(Math.floor(1200 * 0.9));
    expect(stream.of('progress')[1]).toBe(`Asking about ${outcome.packedFiles} files (${outcome.packedTokens} tokens)`);
  });

  it('streams a model failure in words and reports it', async () => {
    const stream = recordingStream();
    const outcome = await answerTomeRequest({ prompt: 'why?', referencedPaths: [] }, echoModel(100_000, new Error('quota exceeded')), stream, deps(), signal);
    expect(outcome.error).toBe('Model failed: quota exceeded');
    expect(stream.of('markdown').at(-1)).toBe('Model failed: quota exceeded');
  });

  it('says so when no folder is open', async () => {
    const stream = recordingStream();
    const outcome = await answerTomeRequest({ prompt: 'hi', referencedPaths: [] }, echoModel(), stream, deps({ workspaceFolders: () => [] }), signal);
    expect(outcome.error).toBe('Open a folder first.');
  });

  it('stops quietly when cancelled during the answer', async () => {
    const controller = new AbortController();
    const model: ParticipantModel = {
      maxInputTokens: 100_000,
      async *send() {
        yield 'partial';
        controller.abort();
        throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
      },
    };
    const stream = recordingStream();
    const outcome = await answerTomeRequest({ prompt: 'go', referencedPaths: [] }, model, stream, deps(), controller.signal);
    expect(outcome.error).toBeUndefined();
    expect(stream.of('markdown')).toEqual(['partial']);
  });
});
