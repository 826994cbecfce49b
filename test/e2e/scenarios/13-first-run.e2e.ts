import { describe, expect, it } from 'vitest';
import { askAndWait, lastTurn, openChat } from '../harness/chat';
import { startModelServer, type ModelServer } from '../harness/modelServer';
import { OLLAMA_PORT, requireFreeOllamaPort } from '../harness/ollamaPort';
import { useScenario } from '../harness/scenario';
import { saveScreenshot } from '../harness/workbench';

const MODEL = 'qwen3-coder:30b';

describe('13. first run: the setup card', () => {
  let ollama: ModelServer | undefined;
  const scenario = useScenario('13-first-run', {
    // A fresh profile: nothing of Tome's in user settings.
    userSettings: () => ({}),
    before: async () => {
      await requireFreeOllamaPort();
      ollama = await startModelServer({
        port: OLLAMA_PORT,
        replies: [{ kind: 'stream', chunks: ['The catalogue keeps books ', 'on a `Shelf`.'] }],
        shapes: { ollama: [{ name: MODEL, trainedContext: 262_144, loadedContext: 65_536 }, { name: 'llama3.2:3b', trainedContext: 131_072 }] },
      });
    },
    after: async () => {
      await ollama?.stop();
    },
    failureEvidence: () => ({ ollama: ollama?.requests() }),
  });

  it('shows the provider buttons instead of the empty state, with what each needs', async () => {
    const chat = await openChat(scenario.page);
    const card = chat.locator('#setup-card');
    await card.waitFor({ state: 'visible' });
    expect(await card.getAttribute('data-step')).toBe('choose-provider');
    expect(await chat.locator('#empty-state').isHidden()).toBe(true);
    const providers = await card.locator('.setup-provider').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-provider')));
    expect(providers).toEqual(['deepseek', 'openai', 'gemini', 'openrouter', 'ollama', 'lmstudio', 'vllm', 'custom']);
    for (const local of ['ollama', 'lmstudio', 'vllm']) expect(await card.locator(`.setup-provider[data-provider="${local}"]`).textContent()).toContain('Your code stays on this machine.');
    expect(await card.locator('.setup-provider[data-provider="deepseek"]').textContent()).toContain('Needs an API key');
    await saveScreenshot(scenario.page, '13-first-run-setup');
  });

  it('choosing Ollama lists the models it serves; picking one lets the first question be answered', async () => {
    const chat = await openChat(scenario.page);
    const card = chat.locator('#setup-card');
    await card.locator('.setup-provider[data-provider="ollama"]').click();
    await expect.poll(() => card.getAttribute('data-step'), { timeout: 30_000 }).toBe('choose-model');
    const models = await card.locator('.setup-model').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-model')));
    expect(models).toEqual(['llama3.2:3b', MODEL]);
    await saveScreenshot(scenario.page, '13-first-run-models');
    await card.locator(`.setup-model[data-model="${MODEL}"]`).click();
    await card.waitFor({ state: 'hidden', timeout: 30_000 });
    // The window now comes from Ollama itself.
    await expect.poll(() => chat.locator('#context-summary').getAttribute('title'), { timeout: 30_000 }).toMatch(/reported by Ollama/);

    expect(await askAndWait(chat, 'How does the catalogue store its books?')).toBe('idle');
    expect(await lastTurn(chat).locator('.turn-answer').textContent()).toContain('on a Shelf.');
    const chatRequest = ollama?.requests().find((request) => request.path === '/api/chat');
    expect(chatRequest?.body).toMatchObject({ model: MODEL, stream: true });
    expect(chatRequest?.headers.authorization).toBeUndefined();
    await saveScreenshot(scenario.page, '13-first-run-answer');
  });
});
