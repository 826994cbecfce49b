import { describe, expect, it } from 'vitest';
import { useScenario } from '../harness/scenario';
import { saveScreenshot } from '../harness/workbench';

describe('smoke: the workbench opens the fixture workspace', () => {
  const scenario = useScenario('00-smoke', { userSettings: () => ({}) });

  it('shows the workspace folders in the Explorer', async () => {
    const { page } = scenario;
    const labels = await page.locator('.explorer-folders-view .monaco-list-row .label-name').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['src', 'docs']));
    await saveScreenshot(page, '00-smoke');
  });
});
