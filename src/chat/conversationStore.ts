/**
 * Keeps conversations per workspace: the turns in VS Code's `workspaceState` (small JSON), the
 * packed context text in a file under the extension's workspace storage folder (it can be
 * megabytes, and Memento values are meant to be small).
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { nodeWriteFs, writeFileAtomic, type WriteFs, type Encoding, type OutputFormat } from '../core';
import { decodeContextFile, encodeContextFile, readConversations } from './storedRecords';
import type { KeyValueState } from '../shared/keyValueState';
import type { ChatListItem, ChatScope, ChatTurn, ConversationView, PackedFileView } from '../shared/model';


/** How a conversation's context was packed; follow-ups pack again with exactly this. */
export interface PackedContextMeta {
  tokens: number;
  files: PackedFileView[];
  /** Token budget the pack was made with (null: none). */
  budget: number | null;
  reserve: number;
  /** The question the files were ranked by: the conversation's first question. */
  query: string;
  encoding: Encoding;
  format: OutputFormat;
}

/** A conversation as stored; the context text itself lives in a file. */
export interface StoredConversation {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  scope: ChatScope;
  turns: ChatTurn[];
  context?: PackedContextMeta;
}

const CHATS_KEY = 'tome.chats.v1';
const ACTIVE_KEY = 'tome.activeChat.v1';
/** Oldest chats beyond this many are dropped, with their context files. */
export const MAX_STORED_CHATS = 50;
const TITLE_CHARS = 60;

/** Titles come from the first question, cut on a word boundary. */
export function titleFromQuestion(question: string): string {
  const oneLine = question.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= TITLE_CHARS) return oneLine;
  const cut = oneLine.slice(0, TITLE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${space > TITLE_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}

/** The webview's view of a stored conversation. */
export function toView(chat: StoredConversation): ConversationView {
  return { id: chat.id, title: chat.title, scope: chat.scope, turns: chat.turns };
}

/** Conversations of one workspace. */
export class ConversationStore {
  constructor(
    private readonly state: KeyValueState,
    /** Folder for context files; created on first write. */
    private readonly contextDir: string,
    private readonly now: () => number = Date.now,
    private readonly fs: WriteFs = nodeWriteFs,
  ) {}

  /** All stored chats that can be read, newest first. A turn left streaming by a closed window reads as incomplete. */
  all(): StoredConversation[] {
    return readConversations(this.state.get<unknown>(CHATS_KEY))
      .chats.map((c) => ({ ...c, turns: c.turns.map((t): ChatTurn => (t.status === 'streaming' ? { ...t, status: 'incomplete' } : t)) }))
      .sort((a, b) => b.updatedAt - a.updatedAt);
  }

  /**
   * How many stored conversations cannot be read (damaged, cut short, from an unknown version):
   * each such entry is kept as it was, never shown and never overwritten by saving the others.
   * A stored list that is not a list at all counts as one.
   */
  unreadableCount(): number {
    const { unreadable, listUnreadable } = readConversations(this.state.get<unknown>(CHATS_KEY));
    return unreadable.length + (listUnreadable ? 1 : 0);
  }

  /** Writes the readable chats and keeps the unreadable entries after them, untouched. */
  private async store(chats: StoredConversation[]): Promise<void> {
    const { unreadable } = readConversations(this.state.get<unknown>(CHATS_KEY));
    await this.state.update(CHATS_KEY, [...chats, ...unreadable]);
  }

  /** The list the history menu shows, newest first; empty chats are left out. */
  list(): ChatListItem[] {
    return this.all()
      .filter((c) => c.turns.length > 0)
      .map((c) => ({ id: c.id, title: c.title, updatedAt: c.updatedAt, turnCount: c.turns.length }));
  }

  get(id: string): StoredConversation | undefined {
    return this.all().find((c) => c.id === id);
  }

  activeId(): string | undefined {
    return this.state.get<string>(ACTIVE_KEY);
  }

  async setActive(id: string): Promise<void> {
    await this.state.update(ACTIVE_KEY, id);
  }

  /** A new, empty conversation (not stored until it has a turn). */
  create(id: string, scope: ChatScope): StoredConversation {
    const at = this.now();
    return { id, title: '', createdAt: at, updatedAt: at, scope, turns: [] };
  }

  /** Stores (or replaces) a chat, dropping the oldest beyond {@link MAX_STORED_CHATS}. */
  async save(chat: StoredConversation): Promise<void> {
    const updated = { ...chat, updatedAt: this.now() };
    const others = this.all().filter((c) => c.id !== chat.id);
    const kept = [updated, ...others].slice(0, MAX_STORED_CHATS);
    const dropped = [updated, ...others].slice(MAX_STORED_CHATS);
    await this.store(kept);
    await Promise.all(dropped.map((c) => this.removeContext(c.id)));
  }

  async delete(id: string): Promise<void> {
    await this.store(this.all().filter((c) => c.id !== id));
    await this.removeContext(id);
  }

  /**
   * Saves the packed context text, byte for byte, whole or not at all (see writeFileAtomic);
   * throws a WriteFailure when the disk is full or cannot be written.
   */
  async writeContext(id: string, text: string): Promise<void> {
    await mkdir(this.contextDir, { recursive: true });
    await writeFileAtomic(this.contextPath(id), encodeContextFile(text), this.fs);
  }

  /**
   * The packed context text, or undefined when it was never written, has been removed or cannot
   * be read whole (then the next question packs the codebase again).
   */
  async readContext(id: string): Promise<string | undefined> {
    try {
      return decodeContextFile(await readFile(this.contextPath(id), 'utf8'));
    } catch {
      return undefined;
    }
  }

  private async removeContext(id: string): Promise<void> {
    await rm(this.contextPath(id), { force: true });
  }

  private contextPath(id: string): string {
    if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`Invalid chat id: ${id}`);
    return join(this.contextDir, `${id}.context.txt`);
  }
}
