import { describe, expect, it } from 'vitest';
import { askAndWait, askQuestion, lastTurn, turnCount, waitForChatState } from '../harness/chat';
import { useChatScenario } from '../harness/chatScenario';
import { saveScreenshot } from '../harness/workbench';

describe('15. cost guard', () => {
  const scenario = useChatScenario('15-cost-guard', {
    replies: [{ kind: 'stream', chunks: ['Books sit on a `Shelf`.'] }, { kind: 'stream', chunks: ['Yes, in `shelf.ts`.'] }],
    // The fixture packs to about 1,100 tokens: ~$0.0028 at $2.50 per million, above $0.001;
    // served from the cache at $0.01 per million, a follow-up costs far less than that.
    userSettings: () => ({ 'tome.confirmAboveCost': 0.001, 'tome.prices': { input: 2.5, output: 10, cachedInput: 0.01 } }),
  });
  const chatRequests = () => scenario.model.chatRequests();

  it('asks before sending a question above the threshold; Cancel sends nothing, Retry asks again, Send sends', async () => {
    const { chat, page } = scenario;
    await askQuestion(chat, 'How are books stored?');
    const ask = chat.locator('.cost-confirm');
    await ask.waitFor({ timeout: 60_000 });
    expect(await ask.textContent()).toMatch(/This question sends ~[\d,]+ tokens, about \$0\.00\d+/);
    expect(await ask.locator('button').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-choice')))).toEqual(['send', 'sendAlways', 'cancel']);
    expect(chatRequests()).toEqual([]);
    await saveScreenshot(page, '15-cost-guard-asks');

    await ask.locator('[data-choice="cancel"]').click();
    expect(await waitForChatState(chat, ['error', 'idle'])).toBe('error');
    expect(await lastTurn(chat).locator('.error-message').textContent()).toContain('Not sent');
    expect(chatRequests()).toEqual([]);

    await lastTurn(chat).locator('.retry-action').click();
    await chat.locator('.cost-confirm').waitFor({ timeout: 60_000 });
    await chat.locator('.cost-confirm [data-choice="send"]').click();
    expect(await waitForChatState(chat, ['idle', 'error'])).toBe('idle');
    expect(await turnCount(chat)).toBe(1);
    expect(chatRequests()).toHaveLength(1);
  });

  it('does not ask for a follow-up below the threshold at the cached rate', async () => {
    const { chat, page } = scenario;
    expect(await askAndWait(chat, 'Is that the shelf module?')).toBe('idle');
    expect(await chat.locator('.cost-confirm').count()).toBe(0);
    expect(chatRequests()).toHaveLength(2);
    await saveScreenshot(page, '15-cost-guard-follow-up');
  });
});
