import { describe, expect, it } from 'vitest';
import { askAndWait, lastTurn, openChat, turnCount, waitForChatState } from '../harness/chat';
import { TEST_API_KEY, TEST_MODEL } from '../harness/chatScenario';
import { startModelServer, type ModelServer } from '../harness/modelServer';
import { useScenario } from '../harness/scenario';
import { answerInputBox, saveScreenshot } from '../harness/workbench';

const QUESTION = 'Where are book ids made?';

describe('14. no key: the question is kept, Retry sends it', () => {
  let model: ModelServer | undefined;
  const scenario = useScenario('14-no-key-retry', {
    // A hosted provider (it needs a key) pointed at the local test server; no key stored yet.
    userSettings: () => ({
      'tome.provider': 'deepseek',
      'tome.baseUrl': model?.baseUrl ?? '',
      'tome.model': TEST_MODEL,
      'tome.contextWindow': 128_000,
      'tome.prices': { input: 0.3, output: 1.2 },
    }),
    before: async () => {
      model = await startModelServer({ apiKey: TEST_API_KEY, replies: [{ kind: 'stream', chunks: ['Ids are made ', 'in `ids.ts`.'] }] });
    },
    after: async () => {
      await model?.stop();
    },
    failureEvidence: () => ({ model: model?.requests() }),
  });

  it('asks for the key on the card, keeps the failed question, and Retry after "Set API Key" streams the answer', async () => {
    const { page } = scenario;
    const chat = await openChat(page);
    await expect.poll(() => chat.locator('#setup-card').getAttribute('data-step'), { timeout: 30_000 }).toBe('enter-key');

    expect(await askAndWait(chat, QUESTION)).toBe('error');
    const failed = lastTurn(chat);
    expect(await failed.locator('.question-text').textContent()).toBe(QUESTION);
    expect(await failed.locator('.error-action[data-action="setApiKey"]').count()).toBe(1);
    expect(await failed.locator('.retry-action').isVisible()).toBe(true);
    expect(model?.chatRequests()).toEqual([]);
    await saveScreenshot(page, '14-no-key-kept');

    await failed.locator('.error-action[data-action="setApiKey"]').click();
    await answerInputBox(page, TEST_API_KEY);
    await chat.locator('#setup-card').waitFor({ state: 'hidden', timeout: 30_000 });

    await lastTurn(chat).locator('.retry-action').click();
    expect(await waitForChatState(chat, ['idle', 'error'], 60_000)).toBe('idle');
    expect(await turnCount(chat)).toBe(1);
    expect(await lastTurn(chat).locator('.question-text').textContent()).toBe(QUESTION);
    expect(await lastTurn(chat).locator('.turn-answer').textContent()).toContain('Ids are made in ids.ts.');
    const sent = model?.chatRequests() ?? [];
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    await saveScreenshot(page, '14-no-key-retried');
  });
});
