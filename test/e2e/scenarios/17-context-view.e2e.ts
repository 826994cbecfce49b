import { describe, expect, it } from 'vitest';
import { askAndWait, chatFrame, openChat } from '../harness/chat';
import { useChatScenario } from '../harness/chatScenario';
import { FIXTURE_FILES } from '../harness/fixture';
import { requestText } from '../harness/transcript';
import { runCommand, saveScreenshot } from '../harness/workbench';

describe('17. the Context view', () => {
  const scenario = useChatScenario('17-context-view', { replies: [{ kind: 'stream', chunks: ['Invoices are left out.'] }] });

  it('shows exact counts per folder, and an unchecked folder is not in what the chat sends', async () => {
    const { page } = scenario;
    await runCommand(page, 'Tome: Focus on Context View');
    // Each row's accessible label is "<path>, <n> tokens, …".
    const row = (path: string) => page.locator(`.monaco-list-row[aria-label^="${path}, "]`);
    await row('src').waitFor({ timeout: 90_000 });
    expect(await row('src').getAttribute('aria-label')).toMatch(/^src, [\d,]+ tokens/);
    await row('src').locator('.monaco-tl-twistie').click();
    await row('src/billing').waitFor();
    await saveScreenshot(page, '17-context-view');

    await row('src/billing').locator('.custom-view-tree-node-item-checkbox').click();
    await expect.poll(() => row('src/billing').getAttribute('aria-label'), { timeout: 60_000 }).toMatch(/^src\/billing, 0 tokens/);
    await saveScreenshot(page, '17-context-view-unchecked');

    await openChat(page);
    const chat = await chatFrame(page);
    expect(await askAndWait(chat, 'How are late fees computed?')).toBe('idle');
    const sent = requestText(scenario.model.chatRequests()[0]);
    expect(sent).not.toContain(FIXTURE_FILES.invoice.marker);
    expect(sent).toContain(FIXTURE_FILES.book.marker);
  });
});
