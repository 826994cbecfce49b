/**
 * Keeps conversations per workspace: the turns in VS Code's `workspaceState` (small JSON), the
 * packed context text in a file under the extension's workspace storage folder (it can be
 * megabytes, and Memento values are meant to be small).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatListItem, ChatScope, ChatTurn, ConversationView, PackedFileView } from '../../shared/model';
import type { Encoding, OutputFormat } from '../../core/types';

/** The part of `vscode.Memento` the store uses. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

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
    private readonly state: KeyValueStore,
    /** Folder for context files; created on first write. */
    private readonly contextDir: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** All stored chats, newest first. A turn left streaming by a closed window reads as incomplete. */
  all(): StoredConversation[] {
    const chats = this.state.get<StoredConversation[]>(CHATS_KEY) ?? [];
    return chats
      .filter((c) => typeof c?.id === 'string' && Array.isArray(c.turns))
      .map((c) => ({ ...c, turns: c.turns.map((t): ChatTurn => (t.status === 'streaming' ? { ...t, status: 'incomplete' } : t)) }))
      .sort((a, b) => b.updatedAt - a.updatedAt);
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
    await this.state.update(CHATS_KEY, kept);
    await Promise.all(dropped.map((c) => this.removeContext(c.id)));
  }

  async delete(id: string): Promise<void> {
    await this.state.update(CHATS_KEY, this.all().filter((c) => c.id !== id));
    await this.removeContext(id);
  }

  /** Saves the packed context text, byte for byte. */
  async writeContext(id: string, text: string): Promise<void> {
    await mkdir(this.contextDir, { recursive: true });
    await writeFile(this.contextPath(id), text, 'utf8');
  }

  /** The packed context text, or undefined when it was never written or has been removed. */
  async readContext(id: string): Promise<string | undefined> {
    try {
      return await readFile(this.contextPath(id), 'utf8');
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
