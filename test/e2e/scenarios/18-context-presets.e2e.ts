import { describe, expect, it } from 'vitest';
import { contextRow, contextRowMenu, expandContextFolder } from '../harness/contextView';
import { useScenario } from '../harness/scenario';
import { answerInputBox, runCommand, saveScreenshot } from '../harness/workbench';

const row = contextRow;
const rowMenu = contextRowMenu;

describe('18. Context presets', () => {
  const scenario = useScenario('18-context-presets', { userSettings: () => ({}) });

  it('saves the pins as a preset, and restoring it brings them back after they changed', async () => {
    const { page } = scenario;
    await runCommand(page, 'Tome: Focus on Context View');
    await row(page, 'src').waitFor({ timeout: 90_000 });
    await expandContextFolder(page, 'src', 'src/model');

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
