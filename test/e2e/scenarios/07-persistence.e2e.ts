import { describe, expect, it } from 'vitest';
import { askAndWait, lastTurn } from '../harness/chat';
import { useChatScenario } from '../harness/chatScenario';
import { runCommand, saveScreenshot, waitForWorkbench } from '../harness/workbench';

const QUESTION = 'What does Shelf.byAuthor return?';

describe('7. persistence', () => {
  const scenario = useChatScenario('07-persistence', { replies: [{ kind: 'stream', chunks: ['It returns **every book** by that author.'] }] });

  it('keeps the conversation across a window reload', async () => {
    const { page } = scenario;
    expect(await askAndWait(scenario.chat, QUESTION)).toBe('idle');

    await runCommand(page, 'Developer: Reload Window');
    await waitForWorkbench(page);
    const chat = await scenario.reopenChat();
    const turn = lastTurn(chat);
    await expect.poll(() => turn.locator('.question-text').textContent(), { timeout: 30_000 }).toBe(QUESTION);
    expect(await turn.locator('.turn-answer strong').textContent()).toBe('every book');
    await saveScreenshot(page, '07-persistence');
  });
});
