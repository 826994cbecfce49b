import { describe, expect, it } from 'vitest';
import { askAndWait, lastTurn } from '../harness/chat';
import { useChatScenario } from '../harness/chatScenario';
import { providerErrors } from '../harness/modelServer';
import { saveScreenshot } from '../harness/workbench';

describe('9. errors', () => {
  const scenario = useChatScenario('09-errors', {
    replies: [providerErrors.invalidKey()],
    // Every later request, re-packed retries included, is too long.
    fallback: providerErrors.contextLength(8_192, 9_001, 4_096),
  });

  it('explains a rejected key and a too-long context in plain words with a next step, and never hangs', async () => {
    const { chat, page } = scenario;
    expect(await askAndWait(chat, 'First question')).toBe('error');
    const keyError = lastTurn(chat).locator('.turn-error');
    expect(await keyError.getAttribute('role')).toBe('alert');
    expect(await keyError.locator('.error-message').textContent()).toMatch(/key/i);
    expect(await keyError.locator('.error-next-step').textContent()).toMatch(/\S/);
    expect(await keyError.locator('.error-action[data-action="setApiKey"]').count()).toBe(1);
    await saveScreenshot(page, '09-errors-401');

    expect(await askAndWait(chat, 'Second question')).toBe('error');
    const lengthError = lastTurn(chat).locator('.turn-error');
    expect(await lengthError.locator('.error-message').textContent()).toMatch(/context|too long|window|tokens/i);
    expect(await lengthError.locator('.error-next-step').textContent()).toMatch(/\S/);
    expect(await chat.locator('#send-button').isVisible()).toBe(true);
    expect(await chat.locator('#question-input').isEditable()).toBe(true);
    await saveScreenshot(page, '09-errors-context-length');
  });
});
