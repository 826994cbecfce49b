import type { Frame, Page } from 'playwright-core';
import { runCommand, webviewFrame } from './workbench';
import { waitFor } from './waitFor';

/** The states `#chat-root[data-state]` takes (see src/webview/main.ts). */
export type ChatState = 'idle' | 'streaming' | 'stopped' | 'error';

/** VS Code generates this "Focus on … View" command for the chat view contributed in package.json. */
export const OPEN_CHAT_COMMAND = 'Tome: Focus on Chat View';

/** Shows the Tome chat view and returns the webview frame that holds it, once it has its strings. */
export async function openChat(page: Page): Promise<Frame> {
  await runCommand(page, OPEN_CHAT_COMMAND);
  return chatFrame(page);
}

/** The chat webview's frame, after the host's `init` has filled in its labels. */
export async function chatFrame(page: Page): Promise<Frame> {
  const frame = await webviewFrame(page, '#chat-root');
  await waitFor('the chat view to receive its strings', async () => (await frame.getAttribute('#question-input', 'aria-label')) ?? undefined, 30_000);
  return frame;
}

/** Current `data-state` of the chat root. */
export async function chatState(frame: Frame): Promise<string | null> {
  return frame.getAttribute('#chat-root', 'data-state');
}

/** Waits until the chat root is in one of `states`. */
export function waitForChatState(frame: Frame, states: ChatState[], timeoutMs = 60_000): Promise<string> {
  return waitFor(`the chat to be ${states.join(' or ')}`, async () => {
    const state = await chatState(frame);
    return state !== null && (states as string[]).includes(state) ? state : undefined;
  }, timeoutMs);
}

/** How the question is sent: the Send button or the Enter key (both are what people do). */
export type SendWith = 'button' | 'enter';

/** Types a question into the chat input and sends it, as a person does. */
export async function askQuestion(frame: Frame, question: string, sendWith: SendWith = 'enter'): Promise<void> {
  const input = frame.locator('#question-input');
  await input.click();
  await input.fill(question);
  if (sendWith === 'button') await frame.locator('#send-button').click();
  else await input.press('Enter');
}

/** Number of turns (question + answer) the chat shows. */
export function turnCount(frame: Frame): Promise<number> {
  return frame.locator('#messages .turn').count();
}

/** Asks a question and waits until the answer has finished (or failed), returning the final state. */
export async function askAndWait(frame: Frame, question: string, sendWith: SendWith = 'enter', until: ChatState[] = ['idle', 'error', 'stopped']): Promise<string> {
  const before = await turnCount(frame);
  await askQuestion(frame, question, sendWith);
  await waitFor('the question to appear in the chat', async () => (await turnCount(frame)) > before, 30_000);
  return waitForChatState(frame, until, 120_000);
}

/** The last turn's element locator. */
export function lastTurn(frame: Frame) {
  return frame.locator('#messages .turn').last();
}
