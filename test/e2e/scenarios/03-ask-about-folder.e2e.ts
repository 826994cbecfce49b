import { describe, expect, it } from 'vitest';
import { askAndWait, chatFrame } from '../harness/chat';
import { useChatScenario } from '../harness/chatScenario';
import { FIXTURE_FILES } from '../harness/fixture';
import { requestText } from '../harness/transcript';
import { explorerContextMenu, revealInExplorer, saveScreenshot } from '../harness/workbench';

describe('3. ask about this folder', () => {
  const scenario = useChatScenario('03-ask-about-folder', { replies: [{ kind: 'stream', chunks: ['Books are made in `book.ts`.'] }] });

  it('scopes the chat to the folder and sends its files with what they import, nothing unrelated', async () => {
    const { page } = scenario;
    await revealInExplorer(page, ['src']);
    await explorerContextMenu(page, 'model', 'Ask About This Folder');

    const chat = await chatFrame(page); // the command shows the chat itself
    const chip = chat.locator('#scope-chip');
    await expect.poll(() => chip.getAttribute('data-scope')).toBe('folder');
    expect(await chip.textContent()).toContain('src/model');

    expect(await askAndWait(chat, 'Where are book ids made?')).toBe('idle');
    const sent = requestText(scenario.model.chatRequests()[0]);
    for (const inFolder of [FIXTURE_FILES.book, FIXTURE_FILES.shelf]) expect(sent, inFolder.path).toContain(inFolder.marker);
    expect(sent, 'imported by src/model/book.ts').toContain(FIXTURE_FILES.ids.marker);
    for (const unrelated of [FIXTURE_FILES.invoice, FIXTURE_FILES.main, FIXTURE_FILES.server, FIXTURE_FILES.log]) {
      expect(sent, unrelated.path).not.toContain(unrelated.marker);
    }
    await saveScreenshot(page, '03-ask-about-folder');
  });
});
