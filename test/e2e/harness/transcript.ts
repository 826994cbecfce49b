import type { RecordedRequest } from './modelServer';

/** All text of a recorded chat request's messages, joined, for "does the request hold X" checks. */
export function requestText(request: RecordedRequest | undefined): string {
  return (request?.body.messages ?? []).map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content))).join('\n');
}

/** The messages of a chat request as the exact JSON text the server received them in. */
export function messagesJson(request: RecordedRequest | undefined): string {
  return JSON.stringify(request?.body.messages ?? []);
}
