import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useScenario } from '../harness/scenario';
import { waitFor } from '../harness/waitFor';
import { answerInputBox, runCommand, saveScreenshot } from '../harness/workbench';

/** A Context view row by its path (its accessible label starts "<path>, "). */
const row = (page: Page, path: string) => page.locator(`.monaco-list-row[aria-label^="${path}, "]`);

async function rowMenu(page: Page, path: string, item: string): Promise<void> {
  await row(page, path).click({ button: 'right' });
  const menu = page.locator('.context-view .monaco-menu');
  const action = menu.locator('.action-item', { hasText: item }).first();
  await action.click();
  // As in explorerContextMenu: a click during the menu's layout may be swallowed; pick it by keyboard then.
  let checks = 0;
  await waitFor(`the context menu to close after "${item}"`, async () => {
    if (!(await menu.isVisible())) return true;
    if (checks++ === 0) return false;
    await action.hover();
    await page.keyboard.press('Enter');
    return false;
  }, 15_000, 1_000);
}

describe('18. Context presets', () => {
  const scenario = useScenario('18-context-presets', { userSettings: () => ({}) });

  it('saves the pins as a preset, and restoring it brings them back after they changed', async () => {
    const { page } = scenario;
    await runCommand(page, 'Tome: Focus on Context View');
    await row(page, 'src').waitFor({ timeout: 90_000 });
    await row(page, 'src').locator('.monaco-tl-twistie').click();
    await row(page, 'src/model').waitFor();

    await rowMenu(page, 'src/model', 'Pin as Outline');
    await expect.poll(() => row(page, 'src/model').getAttribute('aria-label'), { timeout: 60_000 }).toContain('pinned outline');
    await runCommand(page, 'Tome: Save Context Preset…');
    await answerInputBox(page, 'review');

    await rowMenu(page, 'src/model', 'Clear Pin');
    await expect.poll(() => row(page, 'src/model').getAttribute('aria-label'), { timeout: 60_000 }).not.toContain('pinned');

    await runCommand(page, 'Tome: Restore Context Preset…');
    await answerInputBox(page, 'review');
    await expect.poll(() => row(page, 'src/model').getAttribute('aria-label'), { timeout: 60_000 }).toContain('pinned outline');
    await saveScreenshot(page, '18-context-presets');
  });
});
