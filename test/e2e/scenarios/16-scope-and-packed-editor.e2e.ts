import { describe, expect, it } from 'vitest';
import { chatFrame } from '../harness/chat';
import { useChatScenario } from '../harness/chatScenario';
import { FIXTURE_FILES } from '../harness/fixture';
import { activeEditorText, explorerContextMenu, revealInExplorer, runCommand, saveScreenshot } from '../harness/workbench';

describe('16. status bar scope and the packed editor', () => {
  const scenario = useChatScenario('16-scope-and-packed-editor', { replies: [] });

  it('the status bar counts the folder the chat is scoped to, and the workspace again without a scope', async () => {
    const { page } = scenario;
    const tokens = page.locator('.statusbar-item', { hasText: /\d+(k|M)? \/ \d/ });
    await tokens.first().waitFor({ timeout: 60_000 });
    expect(await tokens.first().textContent()).not.toContain('src/model');

    await revealInExplorer(page, ['src']);
    await explorerContextMenu(page, 'model', 'Ask About This Folder');
    const chat = await chatFrame(page);
    await expect.poll(() => chat.locator('#scope-chip').getAttribute('data-scope')).toBe('folder');
    const scoped = page.locator('.statusbar-item', { hasText: 'src/model' });
    await scoped.waitFor({ timeout: 30_000 });
    await saveScreenshot(page, '16-status-bar-folder');

    await chat.locator('#scope-remove').click();
    await scoped.waitFor({ state: 'hidden', timeout: 30_000 });
  });

  it('opens the packed workspace read-only with "Save As…" in its title, and closes it without a save prompt', async () => {
    const { page } = scenario;
    await runCommand(page, 'Tome: Pack Workspace to New Editor');
    const tab = page.locator('.tabs-container .tab', { hasText: /tome-pack-\d+\.xml/ });
    await tab.waitFor({ timeout: 60_000 });
    expect(await activeEditorText(page)).toContain(FIXTURE_FILES.main.marker);
    const saveAs = page.locator('.editor-actions .action-item a[aria-label="Save As…"]');
    await saveAs.waitFor({ timeout: 15_000 });
    await page.keyboard.press('Control+Home');
    await saveScreenshot(page, '16-packed-editor');

    await runCommand(page, 'View: Close Editor');
    await tab.waitFor({ state: 'hidden', timeout: 15_000 });
    expect(await page.locator('.monaco-dialog-box').count()).toBe(0);
  });
});
