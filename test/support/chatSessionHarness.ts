/**
 * The chat session's world for unit tests: a fake pack over an in-memory file map (one token per
 * character), scripted answers, and a record of what was sent and posted.
 */
import { join } from 'node:path';
import type { PackResult } from '../../src/core/pack/types';
import type { PackRequest } from '../../src/core/pack/request';
import { rootsWithPrefixes } from '../../src/core/scan';
import type { HostMessage } from '../../src/shared/protocol';
import type { ChatMessage } from '../../src/chat/chatMessages';
import type { AnswerEvent, ChatFailure, ChatSessionDeps } from '../../src/chat/chatTypes';
import { ConversationStore } from '../../src/chat/conversationStore';
import { MemoryState } from './memoryState';

/** An error the harness's describeFailure maps to its kind. */
export class FailureWithKind extends Error {
  constructor(readonly kind: ChatFailure['kind']) {
    super(kind);
  }
}

export type Script = (messages: ChatMessage[], signal: AbortSignal) => AsyncIterable<AnswerEvent>;

/** The world the fake pack reads: path → text; one token per character. */
export interface Harness {
  files: Map<string, string>;
  requests: PackRequest[];
  sent: ChatMessage[][];
  posted: HostMessage[];
  scripts: Script[];
  trusted: boolean;
  deps: ChatSessionDeps;
}

/** The fake pack over the harness's files. */
export function fakePack(h: Harness) {
  return async (request: PackRequest): Promise<PackResult> => {
    h.requests.push(request);
    const limit = request.budget === null ? Infinity : request.budget - request.reserve;
    const entries = [...h.files].sort(([a], [b]) => a.localeCompare(b));
    let text = '';
    const files = [];
    for (const [path, body] of entries) {
      const block = `<file path="${path}">${body}</file>`;
      if (text.length + block.length > limit) break;
      text += block;
      files.push({ path, tokens: block.length, mode: 'full' as const, redactions: 0 });
    }
    const report = { root: request.roots[0] ?? '', roots: request.roots, rootPrefixes: rootsWithPrefixes(request.roots), encoding: request.encoding, format: request.format, budget: request.budget, reserve: request.reserve, totalTokens: text.length, files, skipped: [], redactionCount: 0, warnings: [], cycles: [], timings: {} };
    return { chunks: [text], text, report };
  };
}

/** An answer in chunks, billed as 1000 prompt tokens (900 cached). */
export function answer(...chunks: string[]): Script {
  return async function* () {
    for (const text of chunks) yield { type: 'text', text };
    yield { type: 'usage', inputTokens: 1000, outputTokens: 20, cachedTokens: 900 };
    yield { type: 'done' };
  };
}

/** A stream that throws a failure of `kind`, after optional chunks. */
export function failing(kind: ChatFailure['kind'], ...chunksFirst: string[]): Script {
  return async function* () {
    for (const text of chunksFirst) yield { type: 'text', text };
    throw new FailureWithKind(kind);
  };
}

/** A fresh harness whose conversations are stored under `dir`. */
export function createHarness(dir: string): Harness {
  const partial = { files: new Map([['a.ts', 'export const a = 1;'], ['b.ts', 'import { a } from "./a";']]), requests: [], sent: [], posted: [], scripts: [], trusted: true } as unknown as Harness;
  const h = partial;
  let nextId = 0;
  h.deps = {
    store: new ConversationStore(new MemoryState(), join(dir, 'chats')),
    pack: fakePack(h),
    streamAnswer: (messages, signal) => {
      h.sent.push(messages);
      const script = h.scripts.shift();
      if (!script) throw new Error('no scripted answer left');
      return script(messages, signal);
    },
    describeFailure: (error) => ({ kind: error instanceof FailureWithKind ? error.kind : 'other', message: `failed: ${String(error)}`, nextStep: 'try again' }),
    countTokens: (text) => text.length,
    costOf: (usage) => usage.inputTokens / 1e6,
    model: () => ({ model: 'test-model', contextWindow: 40_000, maxOutputTokens: 1000 }),
    packSettings: () => ({ encoding: 'o200k_base', format: 'xml', exclude: [], maxFileSize: 1e6, includeTests: true }),
    workspaceFolders: () => ['/ws'],
    canSend: () => h.trusted,
    post: (message) => h.posted.push(message),
    newId: () => `id${nextId++}`,
    strings: {
      untrusted: () => ({ message: 'untrusted', nextStep: 'trust it' }),
      noWorkspace: () => ({ message: 'no folder', nextStep: 'open one' }),
      repackedFilesChanged: () => 'files changed',
      repackedSmaller: (tokens) => `smaller ${tokens}`,
      cannotFit: (tokens) => ({ message: `cannot fit ${tokens}`, nextStep: 'narrow the scope' }),
      retrying: (attempt) => `retry ${attempt}`,
      packFailed: (detail) => ({ message: `pack failed ${detail}`, nextStep: 'check settings' }),
      endedEarly: (reason) => ({ message: `ended early ${reason ?? ''}`.trim(), nextStep: 'ask again' }),
      promptTruncated: (sent, billed) => `cut: read ${billed} of ${sent}`,
      unreadableChats: (count) => `${count} unreadable`,
      contextNotSaved: (failure) => `context not saved: ${failure.kind}`,
      notSent: () => ({ message: 'not sent', nextStep: 'retry' }),
    },
  };
  return h;
}
