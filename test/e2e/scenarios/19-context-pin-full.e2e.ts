import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askAndWait, chatFrame, openChat } from '../harness/chat';
import { useChatScenario } from '../harness/chatScenario';
import { FIXTURE_WORKSPACE } from '../harness/codeServer';
import { contextRow, contextRowMenu, expandContextFolder } from '../harness/contextView';
import { FIXTURE_FILES } from '../harness/fixture';
import { requestText } from '../harness/transcript';
import { runCommand, saveScreenshot } from '../harness/workbench';

describe('19. a file pinned as full', () => {
  // A window this small leaves the files about 150 tokens after the answer, the question's
  // headroom and the directory tree: most of the fixture goes as paths, so a file unrelated to
  // the question is in full only because of its pin.
  const scenario = useChatScenario('19-context-pin-full', {
    replies: [{ kind: 'stream', chunks: ['Books go on shelves.'] }],
    userSettings: () => ({ 'tome.contextWindow': 2_500, 'tome.maxOutputTokens': 300 }),
  });

  it('is sent in full under a small window, and the scope chip says it is pinned', async () => {
    const { page } = scenario;
    await runCommand(page, 'Tome: Focus on Context View');
    await contextRow(page, 'src').waitFor({ timeout: 90_000 });
    await expandContextFolder(page, 'src', 'src/billing');
    await expandContextFolder(page, 'src/billing', FIXTURE_FILES.invoice.path);
    await contextRowMenu(page, FIXTURE_FILES.invoice.path, 'Pin as Full');
    await expect.poll(() => contextRow(page, FIXTURE_FILES.invoice.path).getAttribute('aria-label'), { timeout: 60_000 }).toContain('pinned full');

    await openChat(page);
    const chat = await chatFrame(page);
    await expect.poll(() => chat.locator('#pinned-chip').textContent(), { timeout: 60_000 }).toContain('1 pinned');
    await saveScreenshot(page, '19-context-pin-full');

    expect(await askAndWait(chat, 'How are books shelved?')).toBe('idle');
    const sent = requestText(scenario.model.chatRequests()[0]);
    const invoice = readFileSync(join(FIXTURE_WORKSPACE, FIXTURE_FILES.invoice.path), 'utf8').trim();
    expect(sent).toContain(`<file path="${FIXTURE_FILES.invoice.path}" mode="full">`);
    expect(sent).toContain(invoice);
    // The window really is small: the biggest file, unpinned, is not sent in full.
    expect(sent).not.toContain(FIXTURE_FILES.server.marker);
  });
});
