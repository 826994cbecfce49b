import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPENDENCY_EDGES, FAKE_SECRET, FIXTURE_FILES, IGNORED_MARKER } from '../harness/fixture';
import { ARTIFACTS_DIR } from '../harness/run';
import { useScenario } from '../harness/scenario';
import { activeEditorText, runCommand, saveScreenshot } from '../harness/workbench';
import { waitFor } from '../harness/waitFor';

describe('1. palette packing', () => {
  const scenario = useScenario('01-palette-pack', { userSettings: () => ({}) });

  it('"Tome: Pack Workspace to New Editor" opens the workspace in dependency order, without ignored files or secrets', async () => {
    const { page } = scenario;
    await runCommand(page, 'Tome: Pack Workspace to New Editor');
    const text = await waitFor('the packed workspace in a new editor', async () => {
      const current = await activeEditorText(page);
      return current.includes(FIXTURE_FILES.main.marker) ? current : undefined;
    }, 60_000, 500);
    writeFileSync(join(ARTIFACTS_DIR, '01-palette-pack.txt'), text);

    for (const file of Object.values(FIXTURE_FILES)) expect(text, file.path).toContain(file.path);
    for (const [dependency, dependent] of DEPENDENCY_EDGES) {
      const before = text.indexOf(FIXTURE_FILES[dependency].marker);
      const after = text.indexOf(FIXTURE_FILES[dependent].marker);
      expect(before, `${FIXTURE_FILES[dependency].path} is packed`).toBeGreaterThanOrEqual(0);
      expect(before, `${FIXTURE_FILES[dependency].path} comes before ${FIXTURE_FILES[dependent].path}`).toBeLessThan(after);
    }
    expect(text).not.toContain(IGNORED_MARKER);
    expect(text).not.toContain('generated/bundle.js');
    expect(text).not.toContain(FAKE_SECRET);
    await page.keyboard.press('Control+Home'); // show the top of the pack, not a whole-text selection
    await saveScreenshot(page, '01-palette-pack');
  });
});
