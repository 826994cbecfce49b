import { describe, expect, it } from 'vitest';
import { askQuestion, chatState, lastTurn, waitForChatState } from '../harness/chat';
import { useChatScenario } from '../harness/chatScenario';
import { saveScreenshot } from '../harness/workbench';
import { waitFor } from '../harness/waitFor';

const CHUNKS = Array.from({ length: 120 }, (_, i) => `word${i} `);

describe('4. stop', () => {
  const scenario = useChatScenario('04-stop', { replies: [{ kind: 'stream', chunks: CHUNKS, delayMs: 250 }] });

  it('stops a slow answer, keeps what arrived and marks it stopped', async () => {
    const { chat, page } = scenario;
    await askQuestion(chat, 'Explain every file, slowly.');
    const answer = lastTurn(chat).locator('.turn-answer');
    await waitFor('the answer to start streaming', async () => (await answer.textContent())?.includes('word2') ?? false, 60_000);
    expect(await chatState(chat)).toBe('streaming');

    await chat.locator('#stop-button').click();
    expect(await waitForChatState(chat, ['stopped', 'idle', 'error'], 15_000)).toBe('stopped');
    const kept = (await answer.textContent()) ?? '';
    expect(kept).toContain('word0');
    expect(kept).not.toContain(`word${CHUNKS.length - 1}`);
    expect(await lastTurn(chat).getAttribute('data-status')).toBe('stopped');
    expect(await lastTurn(chat).locator('.turn-status').isVisible()).toBe(true);
    expect(await chat.locator('#send-button').isVisible()).toBe(true);
    await saveScreenshot(page, '04-stop');
  });
});
