import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askAndWait, chatFrame, openChat } from '../harness/chat';
import { useChatScenario } from '../harness/chatScenario';
import { contextRow, expandContextFolder } from '../harness/contextView';
import { FIXTURE_FILES } from '../harness/fixture';
import { requestText } from '../harness/transcript';
import { answerInputBox, runCommand, saveScreenshot } from '../harness/workbench';

/** A team's tome.config.json with one shared preset, and comments that edits must keep. */
const CONFIG = `{
  // shared by the team: restore with "Tome: Restore Context Preset…"
  "presets": {
    // for reviewing late fees
    "billing review": {
      "pins": { "src/billing/invoice.ts": "full" },
      "excluded": ["src/model"]
    }
  }
}
`;

/** The tokens a Context view row's accessible label gives ("src, 1,234 tokens, …"). */
function labelTokens(label: string | null): number {
  const match = /^[^,]+, ([\d,]+) tokens/.exec(label ?? '');
  if (!match?.[1]) throw new Error(`no token count in the row label "${label}"`);
  return Number(match[1].replace(/,/g, ''));
}

describe('20. a preset shared in tome.config.json', () => {
  const scenario = useChatScenario('20-context-shared-preset', {
    replies: [{ kind: 'stream', chunks: ['Late fees come from the invoice.'] }],
    prepareWorkspace: (workspace) => writeFileSync(join(workspace, 'tome.config.json'), CONFIG),
  });
  const configText = (): string => readFileSync(join(scenario.codeServer.workspace, 'tome.config.json'), 'utf8');

  it('restores its pins and exclusions, the chat sends what it says, and it can be renamed and deleted in the file', async () => {
    const { page } = scenario;
    await runCommand(page, 'Tome: Focus on Context View');
    await contextRow(page, 'src').waitFor({ timeout: 90_000 });
    await expandContextFolder(page, 'src', 'src/billing');
    await expandContextFolder(page, 'src/billing', 'src/billing/invoice.ts');
    expect(await contextRow(page, 'src/model').getAttribute('aria-label')).not.toMatch(/^src\/model, 0 tokens/);

    await runCommand(page, 'Tome: Restore Context Preset…');
    await answerInputBox(page, 'billing review');
    await expect.poll(() => contextRow(page, 'src/model').getAttribute('aria-label'), { timeout: 60_000 }).toMatch(/^src\/model, 0 tokens/);
    await expect.poll(() => contextRow(page, 'src/billing/invoice.ts').getAttribute('aria-label'), { timeout: 60_000 }).toContain('pinned full');
    await saveScreenshot(page, '20-context-shared-preset');

    await openChat(page);
    const chat = await chatFrame(page);
    expect(await askAndWait(chat, 'How are late fees computed?')).toBe('idle');
    const sent = requestText(scenario.model.chatRequests()[0]);
    expect(sent).toContain(FIXTURE_FILES.invoice.marker);
    expect(sent).not.toContain(FIXTURE_FILES.book.marker);
    expect(sent).not.toContain(FIXTURE_FILES.shelf.marker);

    const configTokens = async (): Promise<number> => labelTokens(await contextRow(page, 'tome.config.json').getAttribute('aria-label'));
    const before = await configTokens();
    await runCommand(page, 'Tome: Rename Context Preset…');
    await answerInputBox(page, 'billing review');
    await answerInputBox(page, 'billing audit');
    await expect.poll(configText, { timeout: 30_000 }).toContain('"billing audit"');
    expect(configText()).not.toContain('"billing review"');
    expect(configText()).toContain('// for reviewing late fees');
    expect(configText()).toContain('"src/billing/invoice.ts": "full"');

    await runCommand(page, 'Tome: Delete Context Preset…');
    await answerInputBox(page, 'billing audit');
    await expect.poll(configText, { timeout: 30_000 }).not.toContain('billing audit');
    expect(configText()).toContain('// shared by the team');
    // The file was written on disk, not saved in an editor: the view counts it again all the same.
    await expect.poll(configTokens, { timeout: 60_000 }).toBeLessThan(before);
    await saveScreenshot(page, '20-context-shared-preset-deleted');
  });
});
