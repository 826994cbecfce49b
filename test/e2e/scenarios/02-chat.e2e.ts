import { describe, expect, it } from 'vitest';
import { askQuestion, chatState, lastTurn, waitForChatState } from '../harness/chat';
import { TEST_API_KEY, useChatScenario } from '../harness/chatScenario';
import { FAKE_SECRET, FIXTURE_FILES, IGNORED_MARKER } from '../harness/fixture';
import { requestText } from '../harness/transcript';
import { waitFor } from '../harness/waitFor';
import { saveScreenshot } from '../harness/workbench';

const QUESTION = 'How does the catalogue store its books?';
const ANSWER_CHUNKS = ['## How books', ' are stored\n\n', '- `Shelf` keeps an array\n', '- `makeBook` assigns ids\n\n', '```ts\nconst shelf = new Shelf();\n', 'shelf.add(book);\n```\n'];

describe('2. chat', () => {
  const scenario = useChatScenario('02-chat', { replies: [{ kind: 'stream', chunks: ANSWER_CHUNKS, delayMs: 300 }] });

  it('streams a markdown answer about the packed workspace and shows tokens and cost', async () => {
    const { chat, page } = scenario;
    await askQuestion(chat, QUESTION, 'button');
    const answer = lastTurn(chat).locator('.turn-answer');
    // Streams in: the heading shows while the chat is still streaming and the code block has not arrived.
    await waitFor('the first part of the answer while it streams', async () => (await answer.locator('h2').count()) > 0, 30_000, 50);
    expect(await chatState(chat)).toBe('streaming');
    expect(await answer.locator('pre').count()).toBe(0);
    expect(await waitForChatState(chat, ['idle', 'error', 'stopped'])).toBe('idle');

    await expect.poll(() => answer.locator('h2').textContent()).toBe('How books are stored');
    expect(await answer.locator('li').allTextContents()).toEqual(['Shelf keeps an array', 'makeBook assigns ids']);
    expect(await answer.locator('pre code').textContent()).toContain('const shelf = new Shelf();');
    await expect.poll(() => answer.locator('.code-wrapper .copy-code').count()).toBe(1);
    expect(await lastTurn(chat).getAttribute('data-status')).toBe('complete');

    const usage = await lastTurn(chat).locator('.turn-usage').textContent();
    expect(usage).toMatch(/\d/);
    expect(usage).toContain('$');
    expect(await chat.locator('#context-summary').textContent()).toMatch(/\d/);

    const [request] = scenario.model.chatRequests();
    const sent = requestText(request);
    for (const file of Object.values(FIXTURE_FILES)) expect(sent, file.path).toContain(file.marker);
    expect(sent).toContain(QUESTION);
    expect(sent).not.toContain(FAKE_SECRET);
    expect(sent).not.toContain(IGNORED_MARKER);
    expect(request?.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    await saveScreenshot(page, '02-chat');
  });
});
