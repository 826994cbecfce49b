/**
 * Reading what the conversation store kept, without trusting it: a workspace state written by an
 * older version, cut short by a crash or edited by hand may hold anything. Each conversation is
 * checked on its own, so one unreadable entry costs that conversation only. Context files carry a
 * header with their length and SHA-1, so a truncated file is told from a whole one.
 */
import { createHash } from 'node:crypto';
import type { ChatTurn } from '../shared/model';
import type { StoredConversation } from './conversationStore';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const TURN_STATUSES = new Set(['streaming', 'complete', 'stopped', 'incomplete', 'error']);

function isTurn(v: unknown): v is ChatTurn {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    typeof v.question === 'string' &&
    typeof v.answer === 'string' &&
    typeof v.status === 'string' &&
    TURN_STATUSES.has(v.status) &&
    (v.notices === undefined || Array.isArray(v.notices))
  );
}

/** The conversation in `raw`, or undefined when any part of it cannot be read. */
export function readConversation(raw: unknown): StoredConversation | undefined {
  if (!isObject(raw)) return undefined;
  const { id, title, createdAt, updatedAt, scope, turns, context } = raw;
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]+$/.test(id)) return undefined;
  if (typeof title !== 'string' || typeof createdAt !== 'number' || typeof updatedAt !== 'number') return undefined;
  if (!isObject(scope) || typeof scope.kind !== 'string') return undefined;
  if (!Array.isArray(turns) || !turns.every(isTurn)) return undefined;
  if (context !== undefined && !(isObject(context) && typeof context.tokens === 'number' && Array.isArray(context.files))) return undefined;
  const chat = raw as unknown as StoredConversation;
  return { ...chat, turns: chat.turns.map((t) => (Array.isArray(t.notices) ? t : { ...t, notices: [] })) };
}

/** The stored list split into conversations that read and entries that do not (kept as they are). */
export function readConversations(raw: unknown): { chats: StoredConversation[]; unreadable: unknown[]; listUnreadable: boolean } {
  if (raw === undefined) return { chats: [], unreadable: [], listUnreadable: false };
  if (!Array.isArray(raw)) return { chats: [], unreadable: [], listUnreadable: true };
  const chats: StoredConversation[] = [];
  const unreadable: unknown[] = [];
  for (const entry of raw) {
    const chat = readConversation(entry);
    if (chat) chats.push(chat);
    else unreadable.push(entry);
  }
  return { chats, unreadable, listUnreadable: false };
}

const HEADER = /^tome-context v1 chars=(\d+) sha1=([0-9a-f]{40})\n/;

const sha1 = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');

/** A context file's content: a header line with the text's length and SHA-1, then the text. */
export function encodeContextFile(text: string): string {
  return `tome-context v1 chars=${text.length} sha1=${sha1(text)}\n${text}`;
}

/**
 * The text of a context file, or undefined when its header does not match (cut short, damaged).
 * Files written before the header existed are taken as they are.
 */
export function decodeContextFile(content: string): string | undefined {
  if (!content.startsWith('tome-context ')) return content;
  const header = HEADER.exec(content);
  if (!header) return undefined;
  const text = content.slice(header[0].length);
  return text.length === Number(header[1]) && sha1(text) === header[2] ? text : undefined;
}
